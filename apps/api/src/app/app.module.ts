import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { HealthModule } from '../health/health.module';
import { IamRolesModule } from '../iam-roles/iam-roles.module';
import { IdentityPoolsModule } from '../identity-pools/identity-pools.module';
import { IdentityProvidersModule } from '../identity-providers/identity-providers.module';
import { MeModule } from '../me/me.module';
import { MfaModule } from '../mfa/mfa.module';
import { PoolsModule } from '../pools/pools.module';
import { SignInHistoryModule } from '../sign-in-history/sign-in-history.module';
import { UsersModule } from '../users/users.module';
import { CoreModule, type CoreValues } from './core.module';

/** Every domain module (AuditModule is added by forRoot: it needs the gateway). */
export const domainModules = [
  AuthModule,
  HealthModule,
  MeModule,
  PoolsModule,
  UsersModule,
  IdentityProvidersModule,
  IdentityPoolsModule,
  IamRolesModule,
  GroupsModule,
  SignInHistoryModule,
  MfaModule,
];

@Module({})
export class AppModule {
  static forRoot(values: CoreValues): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(values), AuditModule.forRoot(values.gateway), ...domainModules],
    };
  }
}
