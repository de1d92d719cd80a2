import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type CognitoGateway, readsOf } from '@poolkeeper/cognito-gateway';
import type { AuditStore } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config/api-config';
import { GatewayLifecycle, OWNED_GATEWAY } from './gateway-lifecycle';
import { API_CONFIG, APP_LOGGER, AUDIT_STORE, COGNITO_READS } from './tokens';

export interface CoreValues {
  config: ApiConfig;
  auditStore: AuditStore;
  gateway: CognitoGateway;
  logger: Logger;
  /** The app created the gateway and destroys it on close. */
  ownsGateway: boolean;
}

/**
 * The values the API is built from, injectable everywhere by token. The gateway itself is not among them:
 * services get its reads (COGNITO_READS); its writes live in AuditModule.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(values: CoreValues): DynamicModule {
    const exported = [
      { provide: API_CONFIG, useValue: values.config },
      { provide: AUDIT_STORE, useValue: values.auditStore },
      { provide: COGNITO_READS, useValue: readsOf(values.gateway) },
      { provide: APP_LOGGER, useValue: values.logger },
    ];
    return {
      module: CoreModule,
      providers: [
        ...exported,
        { provide: OWNED_GATEWAY, useValue: values.ownsGateway ? values.gateway : null },
        GatewayLifecycle,
      ],
      exports: exported.map((p) => p.provide),
    };
  }
}
