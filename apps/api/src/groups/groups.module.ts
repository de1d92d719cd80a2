import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PoolsModule } from '../pools/pools.module';
import { GroupsController, UserGroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

@Module({
  imports: [PoolsModule, AuditModule],
  controllers: [GroupsController, UserGroupsController],
  providers: [GroupsService],
})
export class GroupsModule {}
