import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { localSdkClient } from '../seed/sdk-client';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

/** Opt-in request-rate quotas, seen through the real SDK (no retries: maxAttempts 1). */
describe('request-rate quotas', () => {
  let h: Harness;
  let pools: string[];

  beforeAll(async () => {
    h = await startHarness();
    pools = [
      (await createPoolWithClient(h.client, 'q1')).poolId,
      (await createPoolWithClient(h.client, 'q2')).poolId,
    ];
    for (const poolId of pools) {
      for (const name of ['a', 'b']) {
        await h.client.send(
          new AdminCreateUserCommand({ UserPoolId: poolId, Username: name, MessageAction: 'SUPPRESS' }),
        );
      }
    }
  });
  afterAll(() => h.close());

  it('are off by default', async () => {
    for (let i = 0; i < 40; i++) {
      await h.client.send(new AdminDisableUserCommand({ UserPoolId: pools[0], Username: 'a' }));
    }
    expect(h.emulator.quotaStats()).toEqual({});
  });

  it('answer 400 TooManyRequestsException "Too many requests" past the burst, shared by all pools', async () => {
    h.emulator.setQuotas({ UserUpdate: { rps: 0.001, burst: 3 } });
    await h.client.send(new AdminDisableUserCommand({ UserPoolId: pools[0], Username: 'a' }));
    await h.client.send(new AdminEnableUserCommand({ UserPoolId: pools[1], Username: 'a' }));
    await h.client.send(new AdminDisableUserCommand({ UserPoolId: pools[1], Username: 'b' }));
    await expectAwsError(
      h.client.send(new AdminDisableUserCommand({ UserPoolId: pools[0], Username: 'b' })),
      'TooManyRequestsException',
      'Too many requests',
    );
    const error = await h.client
      .send(new AdminEnableUserCommand({ UserPoolId: pools[1], Username: 'b' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    // the throttled calls changed nothing; other categories keep their (AWS default) budgets
    const b0 = await h.client.send(new AdminGetUserCommand({ UserPoolId: pools[0], Username: 'b' }));
    const b1 = await h.client.send(new AdminGetUserCommand({ UserPoolId: pools[1], Username: 'b' }));
    expect([b0.Enabled, b1.Enabled]).toEqual([true, false]);
    expect(h.emulator.quotaStats()).toMatchObject({
      UserUpdate: { allowed: 3, throttled: 2 },
      UserRead: { allowed: 2, throttled: 0 },
    });
  });

  it('are retried by the SDK as throttling (standard retry mode)', async () => {
    h.emulator.setQuotas({ UserUpdate: { rps: 0.001, burst: 1 } });
    const retrying = localSdkClient(h.emulator.endpoint, 'us-east-1', { maxAttempts: 2 });
    try {
      await retrying.send(new AdminDisableUserCommand({ UserPoolId: pools[0], Username: 'b' }));
      const error = (await retrying
        .send(new AdminDisableUserCommand({ UserPoolId: pools[0], Username: 'b' }))
        .catch((e: unknown) => e)) as TooManyRequestsException;
      expect(error).toBeInstanceOf(TooManyRequestsException);
      expect(error.$metadata.attempts).toBe(2); // the SDK classed it as retryable throttling
    } finally {
      retrying.destroy();
    }
  });

  it('can be switched off again', async () => {
    h.emulator.setQuotas(false);
    for (let i = 0; i < 5; i++) {
      await h.client.send(new AdminEnableUserCommand({ UserPoolId: pools[0], Username: 'b' }));
    }
  });
});
