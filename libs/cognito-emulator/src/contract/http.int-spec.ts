import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, Harness, startHarness } from './harness';

describe('HTTP surface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('listens on 127.0.0.1 and sets a request id the SDK exposes', async () => {
    expect(h.emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const out = await h.client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a CORS preflight', async () => {
    const res = await fetch(h.emulator.endpoint + '/', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4200',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'content-type',
      'x-amz-target',
      'x-amz-user-agent',
      'authorization',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
    ]) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
  });

  it('sets CORS and request id headers on ordinary responses and errors', async () => {
    const res = await fetch(h.emulator.endpoint + '/', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.DescribeUserPool',
      },
      body: JSON.stringify({ UserPoolId: 'us-east-1_nope12345' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await res.json()).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nope12345 does not exist.',
    });
  });

  it('answers an unimplemented operation with a 400 UnsupportedOperationException naming it', async () => {
    const res = await fetch(h.emulator.endpoint + '/', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminLinkProviderForUser',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { __type: string; message: string };
    expect(body.__type).toBe('UnsupportedOperationException');
    expect(body.message).toContain('AdminLinkProviderForUser');
  });

  it('answers an unknown service with 400 too', async () => {
    const res = await fetch(h.emulator.endpoint + '/', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityService.LookupDeveloperIdentity',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('UnsupportedOperationException');
  });

  it('serves the JWKS and the OpenID configuration per pool', async () => {
    const { poolId } = await createPoolWithClient(h.client, 'wk');
    const jwks = (await (await fetch(`${h.emulator.endpoint}/${poolId}/.well-known/jwks.json`)).json()) as {
      keys: Array<Record<string, string>>;
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    const oidc = (await (
      await fetch(`${h.emulator.endpoint}/${poolId}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(oidc.issuer).toBe(`${h.emulator.endpoint}/${poolId}`);
    expect(oidc.jwks_uri).toBe(`${h.emulator.endpoint}/${poolId}/.well-known/jwks.json`);
    expect(oidc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect((await fetch(`${h.emulator.endpoint}/us-east-1_missing00/.well-known/jwks.json`)).status).toBe(
      404,
    );
  });
});
