import {
  type CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { userPoolClientErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';
import { collectAll } from '../paging';

/** ListUserPoolClients accepts MaxResults 1..60. */
export const LIST_CLIENTS_PAGE_SIZE = 60;

export interface UserPoolClientSummary {
  clientId: string;
  name: string;
}

/** An app client as poolkeeper shows it. The client secret is never read out (write-only in poolkeeper). */
export interface UserPoolClientInfo extends UserPoolClientSummary {
  poolId: string;
  hasSecret: boolean;
  explicitAuthFlows: string[];
  supportedIdentityProviders: string[];
  accessTokenValiditySeconds: number | null;
}

export async function listUserPoolClients(
  client: CognitoIdentityProviderClient,
  poolId: string,
): Promise<UserPoolClientSummary[]> {
  return mapErrors(
    () =>
      collectAll(async (token) => {
        const output = await client.send(
          new ListUserPoolClientsCommand({
            UserPoolId: poolId,
            MaxResults: LIST_CLIENTS_PAGE_SIZE,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        const items = (output.UserPoolClients ?? [])
          .filter((c) => c.ClientId)
          .map((c) => ({ clientId: c.ClientId as string, name: c.ClientName ?? '' }));
        return { items, nextToken: output.NextToken };
      }),
    userPoolClientErrors,
  );
}

/** Seconds of an access token's validity from the client's value and unit (default unit: hours). */
function accessValiditySeconds(value: number | undefined, unit: string | undefined): number | null {
  if (value === undefined) return null;
  const per: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
  return value * (per[unit ?? 'hours'] ?? 3600);
}

export async function describeUserPoolClient(
  client: CognitoIdentityProviderClient,
  poolId: string,
  clientId: string,
): Promise<UserPoolClientInfo> {
  return mapErrors(async () => {
    const output = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    const c = output.UserPoolClient ?? {};
    return {
      clientId: c.ClientId ?? clientId,
      poolId: c.UserPoolId ?? poolId,
      name: c.ClientName ?? '',
      hasSecret: typeof c.ClientSecret === 'string' && c.ClientSecret.length > 0,
      explicitAuthFlows: [...(c.ExplicitAuthFlows ?? [])],
      supportedIdentityProviders: [...(c.SupportedIdentityProviders ?? [])],
      accessTokenValiditySeconds: accessValiditySeconds(
        c.AccessTokenValidity,
        c.TokenValidityUnits?.AccessToken,
      ),
    };
  }, userPoolClientErrors);
}

/** The user-pool clients port (read for context; app-client editing comes with federation). */
export const userPoolClientOperations = {
  listUserPoolClients: read((c, poolId: string) => listUserPoolClients(c.idpForPool(poolId), poolId)),
  describeUserPoolClient: read((c, poolId: string, clientId: string) =>
    describeUserPoolClient(c.idpForPool(poolId), poolId, clientId),
  ),
};
