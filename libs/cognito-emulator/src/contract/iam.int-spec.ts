import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListRolesCommand,
  paginateListRoles,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { cognitoIdentityTrustPolicy } from '@poolkeeper/contract';
import { Harness, startHarness } from './harness';

async function awsFailure(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return err as {
      name: string;
      message: string;
      $metadata: { httpStatusCode?: number; attempts?: number };
    };
  }
  throw new Error('expected the call to fail');
}

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const trust = JSON.stringify(cognitoIdentityTrustPolicy(POOL, 'authenticated'));

describe('IAM roles (awsQuery, XML)', () => {
  let h: Harness;
  let iam: IAMClient;
  beforeAll(async () => {
    h = await startHarness();
    iam = new IAMClient({
      endpoint: h.emulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    iam.destroy();
    await h.close();
  });

  it('creates a role and answers GetRole with the trust policy URL-encoded, as IAM does', async () => {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'acme-reader',
        Path: '/acme/',
        AssumeRolePolicyDocument: trust,
        Description: 'Reads things',
      }),
    );
    expect(created.Role).toMatchObject({
      RoleName: 'acme-reader',
      Path: '/acme/',
      Arn: 'arn:aws:iam::000000000000:role/acme/acme-reader',
      Description: 'Reads things',
      MaxSessionDuration: 3600,
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role?.CreateDate).toBeInstanceOf(Date);
    const got = await iam.send(new GetRoleCommand({ RoleName: 'acme-reader' }));
    // The SDK hands the document over as IAM sends it: URL-encoded (RFC 3986); callers decode it.
    const encoded = got.Role?.AssumeRolePolicyDocument as string;
    expect(encoded).toMatch(/^%7B%22Version%22%3A/);
    expect(JSON.parse(decodeURIComponent(encoded))).toEqual(JSON.parse(trust));
    // role names are case-insensitive
    expect((await iam.send(new GetRoleCommand({ RoleName: 'ACME-READER' }))).Role?.RoleName).toBe(
      'acme-reader',
    );
  });

  it('answers NoSuchEntity (404), EntityAlreadyExists (409) and MalformedPolicyDocument (400)', async () => {
    const missing = await awsFailure(iam.send(new GetRoleCommand({ RoleName: 'nope' })));
    expect(missing).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name nope cannot be found.',
    });
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const exists = await awsFailure(
      iam.send(new CreateRoleCommand({ RoleName: 'Acme-Reader', AssumeRolePolicyDocument: trust })),
    );
    expect(exists.name).toBe('EntityAlreadyExistsException');
    expect(exists.$metadata.httpStatusCode).toBe(409);
    for (const [doc, message] of [
      ['{not json', 'This policy contains invalid Json'],
      ['{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}', 'Missing required field Principal.'],
      [
        '{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*","Resource":"*"}]}',
        'Has prohibited field Resource.',
      ],
    ] as const) {
      const err = await awsFailure(
        iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: doc })),
      );
      expect(err).toMatchObject({ name: 'MalformedPolicyDocumentException', message });
      expect(err.$metadata.httpStatusCode).toBe(400);
    }
    const badName = await awsFailure(
      iam.send(new CreateRoleCommand({ RoleName: 'a b', AssumeRolePolicyDocument: trust })),
    );
    expect(badName.name).toBe('ValidationError');
  });

  it('updates the trust policy (validated) and deletes the role', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'temp', AssumeRolePolicyDocument: trust }));
    const guest = JSON.stringify(cognitoIdentityTrustPolicy(POOL, 'unauthenticated'));
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'temp', PolicyDocument: guest }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'temp' }));
    expect(JSON.parse(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(guest));
    const malformed = await awsFailure(
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'temp', PolicyDocument: '[' })),
    );
    expect(malformed.name).toBe('MalformedPolicyDocumentException');
    await iam.send(new DeleteRoleCommand({ RoleName: 'temp' }));
    expect((await awsFailure(iam.send(new DeleteRoleCommand({ RoleName: 'temp' })))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it('lists roles by PathPrefix, paged by Marker / MaxItems with IsTruncated', async () => {
    for (const name of ['r1', 'r2', 'r3', 'r4', 'r5'])
      await iam.send(
        new CreateRoleCommand({ RoleName: name, Path: '/paged/', AssumeRolePolicyDocument: trust }),
      );
    const first = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    expect(first.Roles?.map((r) => r.RoleName)).toEqual(['r1', 'r2']);
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toBeDefined();
    expect(first.Roles?.[0]?.AssumeRolePolicyDocument).toMatch(/^%7B/);
    const names: string[] = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, { PathPrefix: '/paged/' }))
      names.push(...(page.Roles ?? []).map((r) => r.RoleName!));
    expect(names).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    const all = await iam.send(new ListRolesCommand({}));
    expect(all.IsTruncated).toBe(false);
    expect(all.Marker).toBeUndefined();
    expect(all.Roles?.map((r) => r.RoleName)).toEqual(['acme-reader', 'r1', 'r2', 'r3', 'r4', 'r5']);
    const badMarker = await awsFailure(iam.send(new ListRolesCommand({ Marker: 'garbage' })));
    expect(badMarker.name).toBe('ValidationError');
  });
});
