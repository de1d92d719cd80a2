import {
  type CognitoIdentityProviderClient,
  GetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mfaErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';

/** A pool's MFA setting (GetUserPoolMfaConfig): OFF, ON (required) or OPTIONAL, and which factors it offers. */
export interface PoolMfaConfig {
  mode: 'OFF' | 'ON' | 'OPTIONAL';
  softwareToken: boolean;
  sms: boolean;
  email: boolean;
}

export async function getPoolMfaConfig(
  client: CognitoIdentityProviderClient,
  poolId: string,
): Promise<PoolMfaConfig> {
  return mapErrors(async () => {
    const output = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    return {
      mode: output.MfaConfiguration ?? 'OFF',
      softwareToken: output.SoftwareTokenMfaConfiguration?.Enabled === true,
      sms: output.SmsMfaConfiguration?.SmsConfiguration !== undefined,
      email: output.EmailMfaConfiguration !== undefined,
    };
  }, mfaErrors);
}

/** The MFA port (pool MFA configuration and, with the MFA issue, users' factors). */
export const mfaOperations = {
  getPoolMfaConfig: read((c, poolId: string) => getPoolMfaConfig(c.idpForPool(poolId), poolId)),
};
