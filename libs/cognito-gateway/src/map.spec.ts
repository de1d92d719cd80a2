import { describe, expect, it } from '@jest/globals';
import { customAttributeName } from '@poolkeeper/contract';
import {
  attributesToRecord,
  recordToAttributes,
  toCognitoUser,
  toCognitoUserDetail,
  toUserPoolInfo,
} from './map';

const created = new Date('2024-01-02T03:04:05Z');
const modified = new Date('2024-02-03T04:05:06Z');

describe('attribute mapping', () => {
  it('turns the attribute array into a record and back', () => {
    const record = attributesToRecord([
      { Name: 'email', Value: 'jo@example.com' },
      { Name: 'custom:tenant', Value: 'acme' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'nickname' },
      { Value: 'orphan' } as { Name: string; Value: string },
    ]);
    expect(record).toEqual({
      email: 'jo@example.com',
      'custom:tenant': 'acme',
      email_verified: 'true',
      nickname: '',
    });
    expect(recordToAttributes({ email: 'a@b.c', 'custom:x': '1' })).toEqual([
      { Name: 'email', Value: 'a@b.c' },
      { Name: 'custom:x', Value: '1' },
    ]);
    expect(attributesToRecord(undefined)).toEqual({});
  });
});

describe('toCognitoUser', () => {
  it('maps ListUsers / AdminCreateUser UserType', () => {
    expect(
      toCognitoUser({
        Username: 'jo',
        Attributes: [{ Name: 'sub', Value: 'abc' }],
        UserStatus: 'FORCE_CHANGE_PASSWORD',
        Enabled: false,
        UserCreateDate: created,
        UserLastModifiedDate: modified,
      }),
    ).toEqual({
      username: 'jo',
      attributes: { sub: 'abc' },
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: false,
      createdAt: created,
      updatedAt: modified,
    });
  });

  it('fills safe defaults for missing fields', () => {
    expect(toCognitoUser({ Username: 'x' })).toEqual({
      username: 'x',
      attributes: {},
      status: 'UNKNOWN',
      enabled: true,
      createdAt: null,
      updatedAt: null,
    });
  });
});

describe('toCognitoUserDetail', () => {
  it('reads UserAttributes and the MFA settings', () => {
    const detail = toCognitoUserDetail({
      Username: 'jo',
      UserAttributes: [{ Name: 'email', Value: 'jo@example.com' }],
      UserStatus: 'CONFIRMED',
      Enabled: true,
      UserCreateDate: created,
      UserLastModifiedDate: modified,
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    expect(detail).toEqual({
      username: 'jo',
      attributes: { email: 'jo@example.com' },
      status: 'CONFIRMED',
      enabled: true,
      createdAt: created,
      updatedAt: modified,
      mfaEnabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
      mfaPreferred: 'SOFTWARE_TOKEN_MFA',
    });
  });

  it('reports no MFA as an empty list and null preference', () => {
    const detail = toCognitoUserDetail({ Username: 'jo', PreferredMfaSetting: '' });
    expect(detail.mfaEnabled).toEqual([]);
    expect(detail.mfaPreferred).toBeNull();
  });
});

const defaultPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

describe('toUserPoolInfo', () => {
  it('keeps the estimate and lists custom attributes as Cognito spells them', () => {
    const info = toUserPoolInfo(
      {
        Id: 'us-east-1_abc',
        Name: 'customers',
        EstimatedNumberOfUsers: 80,
        SchemaAttributes: [
          { Name: 'sub', AttributeDataType: 'String' },
          { Name: 'email', AttributeDataType: 'String' },
          { Name: 'custom:tenant', AttributeDataType: 'String' },
          { Name: 'dev:custom:internal', AttributeDataType: 'String' },
          { Name: 'plan', AttributeDataType: 'String' },
        ],
      },
      'us-east-1_abc',
    );
    expect(info).toEqual({
      id: 'us-east-1_abc',
      name: 'customers',
      estimatedNumberOfUsers: 80,
      customAttributes: ['custom:tenant', 'dev:custom:internal', 'custom:plan'],
      passwordPolicy: defaultPolicy,
    });
  });

  it("reads the pool's password policy, with Cognito's defaults for what it leaves out", () => {
    const info = toUserPoolInfo(
      { Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } } },
      'p1',
    );
    expect(info.passwordPolicy).toEqual({ ...defaultPolicy, minimumLength: 12, requireSymbols: false });
  });

  it('uses null for a missing estimate and the requested id for a missing Id', () => {
    expect(toUserPoolInfo({}, 'p1')).toEqual({
      id: 'p1',
      name: '',
      estimatedNumberOfUsers: null,
      customAttributes: [],
      passwordPolicy: defaultPolicy,
    });
  });

  it('classifies schema names', () => {
    expect(customAttributeName('email_verified')).toBeNull();
    expect(customAttributeName('custom:tenant')).toBe('custom:tenant');
  });
});
