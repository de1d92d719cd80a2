import { Module } from '@nestjs/common';
import { IdentityPoolsModule } from '../identity-pools/identity-pools.module';
import { IamRolesController } from './iam-roles.controller';
import { IamRolesService } from './iam-roles.service';

@Module({
  imports: [IdentityPoolsModule],
  controllers: [IamRolesController],
  providers: [IamRolesService],
})
export class IamRolesModule {}
