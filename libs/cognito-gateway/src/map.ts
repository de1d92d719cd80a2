import type {
  AdminGetUserCommandOutput,
  AttributeType,
  PasswordPolicyType,
  SchemaAttributeType,
  UserPoolType,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { customAttributeName } from '@poolkeeper/contract';
import type { CognitoUser, CognitoUserDetail, PasswordPolicyInfo, UserPoolInfo } from './types';

/** `[{Name, Value}]` → `{ name: value }`. Entries without a name are dropped; a missing value becomes "". */
export function attributesToRecord(attributes: AttributeType[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const attribute of attributes ?? []) {
    if (attribute.Name) record[attribute.Name] = attribute.Value ?? '';
  }
  return record;
}

/** `{ name: value }` → `[{Name, Value}]`, in the record's order. */
export function recordToAttributes(record: Record<string, string>): AttributeType[] {
  return Object.entries(record).map(([Name, Value]) => ({ Name, Value }));
}

function toDate(value: Date | string | number | undefined): Date | null {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface UserShape {
  Username?: string | undefined;
  UserStatus?: string | undefined;
  Enabled?: boolean | undefined;
  UserCreateDate?: Date | undefined;
  UserLastModifiedDate?: Date | undefined;
}

function baseUser(user: UserShape, attributes: AttributeType[] | undefined): CognitoUser {
  return {
    username: user.Username ?? '',
    attributes: attributesToRecord(attributes),
    status: user.UserStatus ?? 'UNKNOWN',
    // Cognito always sends Enabled; only an explicit false means disabled.
    enabled: user.Enabled !== false,
    createdAt: toDate(user.UserCreateDate),
    updatedAt: toDate(user.UserLastModifiedDate),
  };
}

/** ListUsers / AdminCreateUser `UserType` → CognitoUser. */
export function toCognitoUser(user: UserType): CognitoUser {
  return baseUser(user, user.Attributes);
}

/** AdminGetUser output (attributes in `UserAttributes`, plus MFA settings) → CognitoUserDetail. */
export function toCognitoUserDetail(output: Omit<AdminGetUserCommandOutput, '$metadata'>): CognitoUserDetail {
  const enabledMfa = output.UserMFASettingList ?? [];
  return {
    ...baseUser(output, output.UserAttributes),
    mfaEnabled: [...enabledMfa],
    mfaPreferred: output.PreferredMfaSetting || null,
  };
}

export function customAttributesOf(schema: SchemaAttributeType[] | undefined): string[] {
  const names = new Set<string>();
  for (const attribute of schema ?? []) {
    const name = attribute.Name ? customAttributeName(attribute.Name) : null;
    if (name) names.add(name);
  }
  return [...names];
}

/** DescribeUserPool `UserPool` → UserPoolInfo. EstimatedNumberOfUsers is an estimate, never a count. */
export function toUserPoolInfo(pool: UserPoolType, requestedId: string): UserPoolInfo {
  return {
    id: pool.Id ?? requestedId,
    name: pool.Name ?? '',
    estimatedNumberOfUsers:
      typeof pool.EstimatedNumberOfUsers === 'number' ? pool.EstimatedNumberOfUsers : null,
    customAttributes: customAttributesOf(pool.SchemaAttributes),
    passwordPolicy: toPasswordPolicy(pool.Policies?.PasswordPolicy),
  };
}

/** Cognito's defaults where the pool leaves a field out (API reference, PasswordPolicyType). */
function toPasswordPolicy(policy: PasswordPolicyType | undefined): PasswordPolicyInfo {
  return {
    minimumLength: policy?.MinimumLength ?? 8,
    requireUppercase: policy?.RequireUppercase ?? true,
    requireLowercase: policy?.RequireLowercase ?? true,
    requireNumbers: policy?.RequireNumbers ?? true,
    requireSymbols: policy?.RequireSymbols ?? true,
  };
}
