import { ACCOUNT_ID } from '../../core/ids';
import { toEpochSeconds } from '../../core/time';
import type { AppClient, Group, User, UserPool } from '../../state/model';

export const poolArn = (region: string, poolId: string) =>
  `arn:aws:cognito-idp:${region}:${ACCOUNT_ID}:userpool/${poolId}`;

export function userPoolView(pool: UserPool) {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: poolArn(pool.region, pool.id),
    Policies: { PasswordPolicy: { ...pool.passwordPolicy } },
    DeletionProtection: pool.deletionProtection,
    LambdaConfig: {},
    LastModifiedDate: toEpochSeconds(pool.modifiedAt),
    CreationDate: toEpochSeconds(pool.createdAt),
    SchemaAttributes: pool.schema.map((a) => ({ ...a })),
    ...(pool.autoVerifiedAttributes ? { AutoVerifiedAttributes: pool.autoVerifiedAttributes } : {}),
    ...(pool.usernameAttributes ? { UsernameAttributes: pool.usernameAttributes } : {}),
    ...(pool.aliasAttributes ? { AliasAttributes: pool.aliasAttributes } : {}),
    MfaConfiguration: pool.mfaConfiguration,
    EstimatedNumberOfUsers: pool.users.size,
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: pool.allowAdminCreateUserOnly,
      UnusedAccountValidityDays: pool.passwordPolicy.TemporaryPasswordValidityDays,
    },
    UsernameConfiguration: { CaseSensitive: false },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
    UserPoolTier: pool.tier ?? 'ESSENTIALS',
    ...(pool.advancedSecurityMode
      ? { UserPoolAddOns: { AdvancedSecurityMode: pool.advancedSecurityMode } }
      : {}),
  };
}

export function userPoolSummaryView(pool: UserPool) {
  return {
    Id: pool.id,
    Name: pool.name,
    LambdaConfig: {},
    LastModifiedDate: toEpochSeconds(pool.modifiedAt),
    CreationDate: toEpochSeconds(pool.createdAt),
  };
}

export function clientView(pool: UserPool, c: AppClient) {
  return {
    UserPoolId: pool.id,
    ClientName: c.name,
    ClientId: c.id,
    ...(c.secret ? { ClientSecret: c.secret } : {}),
    LastModifiedDate: toEpochSeconds(c.modifiedAt),
    CreationDate: toEpochSeconds(c.createdAt),
    RefreshTokenValidity: c.raw.RefreshTokenValidity,
    AccessTokenValidity: c.raw.AccessTokenValidity,
    IdTokenValidity: c.raw.IdTokenValidity,
    TokenValidityUnits: { ...c.tokenValidityUnits },
    ExplicitAuthFlows: [...c.explicitAuthFlows],
    ...(c.supportedIdentityProviders
      ? { SupportedIdentityProviders: [...c.supportedIdentityProviders] }
      : {}),
    AllowedOAuthFlowsUserPoolClient: false,
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: c.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
  };
}

/** `sub` first, then the other attributes; optionally only the named ones. */
export function attributeList(user: User, only?: string[]) {
  const all = [
    { Name: 'sub', Value: user.sub },
    ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
  ];
  return only ? all.filter((a) => only.includes(a.Name)) : all;
}

function mfaFields(user: User) {
  return {
    ...(user.preferredMfa ? { PreferredMfaSetting: user.preferredMfa } : {}),
    ...(user.mfaSettings && user.mfaSettings.length > 0 ? { UserMFASettingList: [...user.mfaSettings] } : {}),
  };
}

/** The UserType shape of ListUsers / AdminCreateUser. */
export function userTypeView(user: User, only?: string[]) {
  return {
    Username: user.username,
    Attributes: attributeList(user, only),
    UserCreateDate: toEpochSeconds(user.createdAt),
    UserLastModifiedDate: toEpochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** AdminGetUser's response shape. MFA fields are omitted when unset, as AWS does. */
export function adminGetUserView(user: User) {
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: toEpochSeconds(user.createdAt),
    UserLastModifiedDate: toEpochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaFields(user),
  };
}

export function groupView(pool: UserPool, g: Group) {
  return {
    GroupName: g.name,
    UserPoolId: pool.id,
    ...(g.description !== undefined ? { Description: g.description } : {}),
    ...(g.roleArn !== undefined ? { RoleArn: g.roleArn } : {}),
    ...(g.precedence !== undefined ? { Precedence: g.precedence } : {}),
    LastModifiedDate: toEpochSeconds(g.modifiedAt),
    CreationDate: toEpochSeconds(g.createdAt),
  };
}
