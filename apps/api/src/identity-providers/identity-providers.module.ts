import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PoolsModule } from '../pools/pools.module';
import { IdentityProvidersController } from './identity-providers.controller';
import { IdentityProvidersService } from './identity-providers.service';

@Module({
  imports: [PoolsModule, AuditModule],
  controllers: [IdentityProvidersController],
  providers: [IdentityProvidersService],
})
export class IdentityProvidersModule {}
