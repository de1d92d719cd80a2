import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { AWS_PER_USER_RPS } from '../index';
import { createPoolWithClient, expectAwsError, type Harness, startHarness } from './harness';

/**
 * AWS's per-user request rate (about 10 per second for operations naming one user, core/per-user-quota.ts),
 * through the real SDK with no retries. The emulator's clock is frozen, so "within one second" is exact.
 */
describe('per-user request quota', () => {
  let h: Harness;
  let poolId: string;
  let clock = Date.UTC(2026, 11, 3, 12);

  beforeAll(async () => {
    h = await startHarness(undefined, { now: () => clock });
    ({ poolId } = await createPoolWithClient(h.client, 'per-user'));
    for (const Username of ['ada', 'bob'])
      await h.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS' }),
      );
  });
  afterAll(() => h.close());

  const getUser = (Username: string) =>
    h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));

  it('is off by default', async () => {
    for (let i = 0; i < 15; i++) await getUser('ada');
  });

  it('answers the 11th request in a second about one user TooManyRequestsException; other users go on', async () => {
    h.emulator.setQuotas(false, AWS_PER_USER_RPS);
    expect(AWS_PER_USER_RPS).toBe(10);
    for (let i = 0; i < 10; i++) await getUser('ada');
    await expectAwsError(getUser('ada'), 'TooManyRequestsException', 'Too many requests');
    expect(await getUser('ADA').catch((e: unknown) => e)).toBeInstanceOf(TooManyRequestsException); // same user
    await getUser('bob');
    // requests naming no user are not counted
    for (let i = 0; i < 12; i++) await h.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 1 }));
    // 100 ms later one more request about ada is allowed, not two
    clock += 100;
    await getUser('ada');
    await expectAwsError(getUser('ada'), 'TooManyRequestsException');
    clock += 1000;
    for (let i = 0; i < 10; i++) await getUser('ada');
  });

  it('can be switched off again', async () => {
    h.emulator.setQuotas(false, false);
    for (let i = 0; i < 15; i++) await getUser('ada');
  });
});
