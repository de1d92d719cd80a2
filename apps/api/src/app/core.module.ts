import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { CognitoGateway } from '@poolkeeper/cognito-gateway';
import type { AuditStore } from '@poolkeeper/persistence';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config/api-config';
import { GatewayLifecycle, OWNS_GATEWAY } from './gateway-lifecycle';
import { API_CONFIG, APP_LOGGER, AUDIT_STORE, COGNITO_GATEWAY } from './tokens';

export interface CoreValues {
  config: ApiConfig;
  auditStore: AuditStore;
  gateway: CognitoGateway;
  logger: Logger;
  /** The app created the gateway and destroys it on close. */
  ownsGateway: boolean;
}

/** The values the API is built from, injectable everywhere by token. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(values: CoreValues): DynamicModule {
    const providers = [
      { provide: API_CONFIG, useValue: values.config },
      { provide: AUDIT_STORE, useValue: values.auditStore },
      { provide: COGNITO_GATEWAY, useValue: values.gateway },
      { provide: APP_LOGGER, useValue: values.logger },
      { provide: OWNS_GATEWAY, useValue: values.ownsGateway },
    ];
    return {
      module: CoreModule,
      providers: [...providers, GatewayLifecycle],
      exports: providers.map((p) => p.provide),
    };
  }
}
