import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import { CognitoIdentityClient, ListIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { GetUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { Harness, startHarness } from './harness';

/** An SDK error as the AWS SDK v3 reports it. */
interface SdkError {
  name: string;
  message: string;
  $fault?: string;
  $metadata: { httpStatusCode?: number; attempts?: number; totalRetryDelay?: number };
}

async function failure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail');
}

/** A typed client error, answered once: the SDK (default retry strategy, 3 attempts) did not retry it. */
function expectCleanRefusal(err: SdkError, name: string) {
  expect(err.name).toBe(name);
  expect(err.$fault).toBe('client');
  expect(err.$metadata.httpStatusCode).toBe(400);
  expect(err.$metadata.attempts).toBe(1);
  expect(err.$metadata.totalRetryDelay ?? 0).toBe(0);
}

describe('front router: one port, three AWS protocols', () => {
  let h: Harness;
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const post = (headers: Record<string, string>, body: string, path = '/') =>
    fetch(h.emulator.endpoint + path, { method: 'POST', headers, body });

  it('cognito-identity (awsJson1_1, AWSCognitoIdentityService): an unimplemented operation is a typed 400', async () => {
    const client = new CognitoIdentityClient({
      endpoint: h.emulator.endpoint,
      region: 'eu-west-1',
      credentials,
    });
    try {
      const err = await failure(
        client.send(
          new ListIdentitiesCommand({
            IdentityPoolId: 'eu-west-1:00000000-0000-0000-0000-000000000000',
            MaxResults: 10,
          }),
        ),
      );
      expectCleanRefusal(err, 'UnsupportedOperationException');
      expect(err.message).toContain('ListIdentities');
      expect(err.message).toContain('cognito-identity');
    } finally {
      client.destroy();
    }
  });

  it('IAM (awsQuery, Version 2010-05-08): an unimplemented action is a typed 400 InvalidAction', async () => {
    const client = new IAMClient({ endpoint: h.emulator.endpoint, region: 'us-east-1', credentials });
    try {
      const calls = [
        () => client.send(new ListUsersCommand({})),
        () => client.send(new GetUserCommand({ UserName: '__proto__' })),
      ];
      for (const call of calls) {
        const err = await failure(call());
        expectCleanRefusal(err, 'InvalidAction');
        expect(err.message).toMatch(/Could not find operation (ListUsers|GetUser) for version 2010-05-08/);
      }
    } finally {
      client.destroy();
    }
  });

  it('STS (awsQuery, Version 2011-06-15, as @aws-sdk/client-sts sends it): a typed 400 InvalidAction', async () => {
    const client = new STSClient({ endpoint: h.emulator.endpoint, region: 'eu-west-1', credentials });
    try {
      const err = await failure(client.send(new GetSessionTokenCommand({})));
      expectCleanRefusal(err, 'InvalidAction');
      expect(err.message).toContain('GetSessionToken');
    } finally {
      client.destroy();
    }
  });

  it('answers awsQuery errors in XML with the Sender type and the service namespace', async () => {
    const res = await post(
      { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      'Action=ListUsers&Version=2010-05-08',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/xml');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>[^<]+<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });

  it('a form without Action, or with a Version no service has, is a 400 in the awsQuery format', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const missing = await post(form, 'Version=2010-05-08');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('<Code>MissingAction</Code>');
    const unknown = await post(form, 'Action=ListQueues&Version=2012-11-05');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
    const proto = await post(form, '__proto__=x&constructor=y&Action=toString&Version=2010-05-08');
    expect(proto.status).toBe(400);
    expect(await proto.text()).toContain('<Code>InvalidAction</Code>');
  });

  it("STS's awsJson1_0 target prefix is routed too, answered in JSON", async () => {
    const res = await post(
      {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'AWSSecurityTokenServiceV20110615.GetSessionToken',
      },
      '{}',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await res.json()).toMatchObject({ __type: 'UnsupportedOperationException' });
  });

  it('unknown awsJson operations and targets are 400, including names of Object.prototype', async () => {
    for (const target of [
      'AWSCognitoIdentityProviderService.constructor',
      'AWSCognitoIdentityProviderService.__proto__',
      'AWSCognitoIdentityService.toString',
      'NoSuchService.Operation',
    ]) {
      const res = await post({ 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target }, '{}');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ __type: 'UnsupportedOperationException' });
    }
  });

  it('a request matching no protocol is a clean 400; unknown paths are 404', async () => {
    const res = await post({ 'Content-Type': 'application/json' }, '{"Action":"ListRoles"}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'UnsupportedOperationException' });
    for (const path of ['/.well-known/jwks.json', '/oauth2/token', '/nope']) {
      const r = await fetch(h.emulator.endpoint + path);
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toBe('application/json');
    }
    expect(
      (await post({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'grant_type=x', '/oauth2/token'))
        .status,
    ).toBe(404);
    expect((await fetch(h.emulator.endpoint + '/health', { method: 'DELETE' })).status).toBe(405);
  });
});
