import { Module } from '@nestjs/common';
import { AuditGuardMonitor } from './audit-guard-monitor';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [AuditGuardMonitor] })
export class HealthModule {}
