import { type DynamicModule, Module } from '@nestjs/common';
import type { CognitoGateway } from '@poolkeeper/cognito-gateway';
import { AuditController } from './audit.controller';
import { AUDITED_GATEWAY, AuditService } from './audit.service';
import { ReconcilerSchedule } from './reconciler-schedule';

/**
 * Global, so every domain module can inject AuditService; the gateway with its writes is provided here and not
 * exported, so no other provider can be built with it (Nest refuses to resolve it elsewhere).
 */
@Module({})
export class AuditModule {
  static forRoot(gateway: CognitoGateway): DynamicModule {
    return {
      global: true,
      module: AuditModule,
      controllers: [AuditController],
      providers: [{ provide: AUDITED_GATEWAY, useValue: gateway }, AuditService, ReconcilerSchedule],
      exports: [AuditService],
    };
  }
}
