import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PoolsModule } from '../pools/pools.module';
import { MfaController } from './mfa.controller';
import { MfaService } from './mfa.service';

@Module({
  imports: [PoolsModule, AuditModule],
  controllers: [MfaController],
  providers: [MfaService],
})
export class MfaModule {}
