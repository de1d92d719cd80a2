import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PoolsModule } from '../pools/pools.module';
import { UserSupportController } from './user-support.controller';
import { UserSupportService } from './user-support.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [PoolsModule, AuditModule],
  controllers: [UsersController, UserSupportController],
  providers: [UsersService, UserSupportService],
})
export class UsersModule {}
