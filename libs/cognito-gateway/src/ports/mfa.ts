import {
  AdminDeleteSoftwareTokenCommand,
  AdminSetUserMFAPreferenceCommand,
  type CognitoIdentityProviderClient,
  GetUserPoolMfaConfigCommand,
  type GetUserPoolMfaConfigCommandOutput,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mfaErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read, write } from '../operation';
import { withRequestId } from '../request-id';
import type { AwsResult } from '../types';

type Client = CognitoIdentityProviderClient;

/** SMS MFA settings (SmsMfaConfiguration): the message template and the SNS role Cognito sends with. */
export interface SmsMfaSettings {
  message: string | null;
  snsCallerArn: string;
  externalId: string | null;
  snsRegion: string | null;
}

/** Email MFA settings (EmailMfaConfiguration): needs the Essentials or Plus feature plan. */
export interface EmailMfaSettings {
  message: string | null;
  subject: string | null;
}

/** A pool's MFA setting (GetUserPoolMfaConfig): OFF, ON (required) or OPTIONAL, and which factors it offers. */
export interface PoolMfaConfig {
  mode: 'OFF' | 'ON' | 'OPTIONAL';
  softwareToken: boolean;
  sms: boolean;
  email: boolean;
  /** The SMS and email factor settings, when configured (what a later SetUserPoolMfaConfig must resend). */
  smsSettings: SmsMfaSettings | null;
  emailSettings: EmailMfaSettings | null;
}

/**
 * SetUserPoolMfaConfig's input: the whole MFA configuration. A factor given as null (or false) is turned off,
 * so read the current configuration and change only what the operator changed.
 */
export interface SetPoolMfaConfigInput {
  poolId: string;
  mode: 'OFF' | 'ON' | 'OPTIONAL';
  softwareToken: boolean;
  sms: SmsMfaSettings | null;
  email: EmailMfaSettings | null;
}

/** One factor's user preference (AdminSetUserMFAPreference); a factor left out is left as it is. */
export interface MfaFactorPreference {
  enabled: boolean;
  preferred: boolean;
}
export interface UserMfaPreferenceInput {
  softwareToken?: MfaFactorPreference;
  sms?: MfaFactorPreference;
  email?: MfaFactorPreference;
}

function toPoolMfaConfig(output: Omit<GetUserPoolMfaConfigCommandOutput, '$metadata'>): PoolMfaConfig {
  const sms = output.SmsMfaConfiguration?.SmsConfiguration;
  const email = output.EmailMfaConfiguration;
  return {
    mode: output.MfaConfiguration ?? 'OFF',
    softwareToken: output.SoftwareTokenMfaConfiguration?.Enabled === true,
    sms: sms !== undefined,
    email: email !== undefined,
    smsSettings: sms?.SnsCallerArn
      ? {
          message: output.SmsMfaConfiguration?.SmsAuthenticationMessage ?? null,
          snsCallerArn: sms.SnsCallerArn,
          externalId: sms.ExternalId ?? null,
          snsRegion: sms.SnsRegion ?? null,
        }
      : null,
    emailSettings: email ? { message: email.Message ?? null, subject: email.Subject ?? null } : null,
  };
}

export async function getPoolMfaConfig(client: Client, poolId: string): Promise<PoolMfaConfig> {
  return mapErrors(async () => {
    const output = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    return toPoolMfaConfig(output);
  }, mfaErrors);
}

export async function setPoolMfaConfig(
  client: Client,
  input: SetPoolMfaConfigInput,
): Promise<AwsResult<PoolMfaConfig>> {
  return mapErrors(async () => {
    const { sms, email } = input;
    const output = await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: input.poolId,
        MfaConfiguration: input.mode,
        SoftwareTokenMfaConfiguration: { Enabled: input.softwareToken },
        ...(sms
          ? {
              SmsMfaConfiguration: {
                ...(sms.message !== null ? { SmsAuthenticationMessage: sms.message } : {}),
                SmsConfiguration: {
                  SnsCallerArn: sms.snsCallerArn,
                  ...(sms.externalId !== null ? { ExternalId: sms.externalId } : {}),
                  ...(sms.snsRegion !== null ? { SnsRegion: sms.snsRegion } : {}),
                },
              },
            }
          : {}),
        ...(email
          ? {
              EmailMfaConfiguration: {
                ...(email.message !== null ? { Message: email.message } : {}),
                ...(email.subject !== null ? { Subject: email.subject } : {}),
              },
            }
          : {}),
      }),
    );
    return withRequestId(toPoolMfaConfig(output), output);
  }, mfaErrors);
}

const factorSettings = (p: MfaFactorPreference | undefined) =>
  p ? { Enabled: p.enabled, PreferredMfa: p.preferred } : undefined;

export async function setUserMfaPreference(
  client: Client,
  poolId: string,
  username: string,
  preference: UserMfaPreferenceInput,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const softwareToken = factorSettings(preference.softwareToken);
    const sms = factorSettings(preference.sms);
    const email = factorSettings(preference.email);
    const output = await client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: username,
        ...(softwareToken ? { SoftwareTokenMfaSettings: softwareToken } : {}),
        ...(sms ? { SMSMfaSettings: sms } : {}),
        ...(email ? { EmailMfaSettings: email } : {}),
      }),
    );
    return withRequestId(undefined, output);
  }, mfaErrors);
}

/**
 * AdminDeleteSoftwareToken: removes the user's TOTP authenticator. At the next sign-in there is no TOTP step;
 * in a pool with MFA ON and no other factor left the user gets MFA_SETUP and enrols a new one.
 */
export async function deleteSoftwareToken(
  client: Client,
  poolId: string,
  username: string,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const output = await client.send(
      new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: username }),
    );
    return withRequestId(undefined, output);
  }, mfaErrors);
}

/** The MFA port: pool MFA configuration and users' factors. */
export const mfaOperations = {
  getPoolMfaConfig: read((c, poolId: string) => getPoolMfaConfig(c.idpForPool(poolId), poolId)),
  setPoolMfaConfig: write((c, input: SetPoolMfaConfigInput) =>
    setPoolMfaConfig(c.idpForPool(input.poolId), input),
  ),
  setUserMfaPreference: write((c, poolId: string, username: string, preference: UserMfaPreferenceInput) =>
    setUserMfaPreference(c.idpForPool(poolId), poolId, username, preference),
  ),
  deleteSoftwareToken: write((c, poolId: string, username: string) =>
    deleteSoftwareToken(c.idpForPool(poolId), poolId, username),
  ),
};
