import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { createPoolWithClient, Harness, startHarness } from './harness';

const PW = 'Str0ng!Passw0rd';

/**
 * `issuer: 'aws'`: tokens carry AWS's issuer, so AWS's own verifier (aws-jwt-verify, which refuses http JWKS
 * URLs and derives the issuer from the pool id) accepts them with the emulator's JWKS cached.
 */
describe("issuer mode 'aws' and aws-jwt-verify", () => {
  let h: Harness;
  let plain: Harness;
  let poolId: string;
  let clientId: string;

  const signIn = async (harness: Harness, pool: string, client: string) => {
    await harness.client.send(
      new AdminCreateUserCommand({ UserPoolId: pool, Username: 'vera', MessageAction: 'SUPPRESS' }),
    );
    await harness.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: 'vera', Password: PW, Permanent: true }),
    );
    const auth = await harness.client.send(
      new InitiateAuthCommand({
        ClientId: client,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'vera', PASSWORD: PW },
      }),
    );
    return auth.AuthenticationResult!;
  };
  const jwksOf = async (harness: Harness, pool: string) =>
    (await (await fetch(`${harness.emulator.endpoint}/${pool}/.well-known/jwks.json`)).json()) as Jwks;

  beforeAll(async () => {
    h = await startHarness(undefined, { issuer: 'aws' });
    plain = await startHarness();
    ({ poolId, clientId } = await createPoolWithClient(h.client));
  });
  afterAll(async () => {
    await h.close();
    await plain.close();
  });

  it('access and ID tokens verify with aws-jwt-verify and a cached JWKS', async () => {
    const tokens = await signIn(h, poolId, clientId);
    const access = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'access', clientId });
    access.cacheJwks(await jwksOf(h, poolId));
    const payload = await access.verify(tokens.AccessToken!);
    expect(payload).toMatchObject({
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`,
      token_use: 'access',
      client_id: clientId,
      username: 'vera',
    });
    const id = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'id', clientId });
    id.cacheJwks(await jwksOf(h, poolId));
    expect(await id.verify(tokens.IdToken!)).toMatchObject({ 'cognito:username': 'vera', aud: clientId });
    // the emulator's own operations accept them too
    expect((await h.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }))).Username).toBe(
      'vera',
    );
    const oidc = (await (
      await fetch(`${h.emulator.endpoint}/${poolId}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(oidc.issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    expect(oidc.jwks_uri).toBe(`${h.emulator.endpoint}/${poolId}/.well-known/jwks.json`);
  });

  it('the default issuer (<endpoint>/<poolId>) is refused by aws-jwt-verify', async () => {
    const pool = await createPoolWithClient(plain.client);
    const tokens = await signIn(plain, pool.poolId, pool.clientId);
    const verifier = CognitoJwtVerifier.create({
      userPoolId: pool.poolId,
      tokenUse: 'access',
      clientId: pool.clientId,
    });
    verifier.cacheJwks(await jwksOf(plain, pool.poolId));
    await expect(verifier.verify(tokens.AccessToken!)).rejects.toThrow(/issuer/i);
  });
});
