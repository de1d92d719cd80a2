import {
  type CognitoIdentityProviderClient,
  ListIdentityProvidersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { identityProviderErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';
import { collectAll } from '../paging';

/** ListIdentityProviders accepts MaxResults 1..60. */
export const LIST_IDPS_PAGE_SIZE = 60;

export interface IdpSummary {
  name: string;
  /** SAML | OIDC | Google | Facebook | LoginWithAmazon | SignInWithApple */
  type: string;
  createdAt: Date | null;
}

export async function listIdentityProviders(
  client: CognitoIdentityProviderClient,
  poolId: string,
): Promise<IdpSummary[]> {
  return mapErrors(
    () =>
      collectAll(async (token) => {
        const output = await client.send(
          new ListIdentityProvidersCommand({
            UserPoolId: poolId,
            MaxResults: LIST_IDPS_PAGE_SIZE,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        const items = (output.Providers ?? [])
          .filter((p) => p.ProviderName)
          .map((p) => ({
            name: p.ProviderName as string,
            type: p.ProviderType ?? '',
            createdAt: p.CreationDate ?? null,
          }));
        return { items, nextToken: output.NextToken };
      }),
    identityProviderErrors,
  );
}

/** The identity providers port (SAML, OIDC, social); managing them comes with the federation issue. */
export const identityProviderOperations = {
  listIdentityProviders: read((c, poolId: string) => listIdentityProviders(c.idpForPool(poolId), poolId)),
};
