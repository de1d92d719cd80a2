import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PoolsModule } from '../pools/pools.module';
import { IdentityPoolsController } from './identity-pools.controller';
import { IdentityPoolsService } from './identity-pools.service';

@Module({
  imports: [PoolsModule, AuditModule],
  controllers: [IdentityPoolsController],
  providers: [IdentityPoolsService],
  exports: [IdentityPoolsService],
})
export class IdentityPoolsModule {}
