import {
  type CognitoIdentityProviderClient,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoIdpErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { attributesToRecord } from '../map';
import { read } from '../operation';

/** Who an access token belongs to, as Cognito sees it now (GetUser). */
export interface TokenOwner {
  username: string;
  attributes: Record<string, string>;
}

/**
 * GetUser with the access token itself: Cognito refuses it (NotAuthorizedException) once the token is revoked
 * (global sign-out, RevokeToken) or the user is disabled, and UserNotFoundException once deleted — so this is
 * how an API honours revocation of stateless tokens (API reference, GetUser).
 */
export async function getTokenOwner(
  client: CognitoIdentityProviderClient,
  accessToken: string,
): Promise<TokenOwner> {
  return mapErrors(async () => {
    const output = await client.send(new GetUserCommand({ AccessToken: accessToken }));
    return { username: output.Username ?? '', attributes: attributesToRecord(output.UserAttributes) };
  }, cognitoIdpErrors);
}

/** The sessions port: what Cognito says about a token now. */
export const sessionOperations = {
  /** `poolId` is the token's pool (its issuer), which picks the region. */
  getTokenOwner: read((c, poolId: string, accessToken: string) =>
    getTokenOwner(c.idpForPool(poolId), accessToken),
  ),
};
