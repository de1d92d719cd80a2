import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  InternalErrorException,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { parseFaultOption } from '../index';
import { localSdkClient } from '../seed/sdk-client';
import { createPoolWithClient, type Harness, startHarness } from './harness';

/**
 * Injected faults (core/faults.ts) as the real SDK sees them with its default retry policy (standard mode,
 * 3 attempts): AWS documents 500 InternalErrorException and dropped connections as retryable.
 */
describe('fault injection', () => {
  let h: Harness;
  let poolId: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ poolId } = await createPoolWithClient(h.client, 'faults'));
    await h.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ada', MessageAction: 'SUPPRESS' }),
    );
  });
  afterAll(() => h.close());

  const withRetries = () => localSdkClient(h.emulator.endpoint, 'us-east-1'); // SDK defaults: 3 attempts

  it('with every request a 500, the SDK retries and gives up with InternalErrorException', async () => {
    h.emulator.setFaults(parseFaultOption('error=1'));
    const client = withRetries();
    try {
      const error = (await client
        .send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ada' }))
        .catch((e: unknown) => e)) as InternalErrorException;
      expect(error).toBeInstanceOf(InternalErrorException);
      expect(error.$metadata.httpStatusCode).toBe(500);
      expect(error.$metadata.attempts).toBe(3);
      expect(error.$metadata.totalRetryDelay).toBeGreaterThan(0);
    } finally {
      client.destroy();
      h.emulator.setFaults(false);
    }
  });

  it('with every connection reset, the SDK retries and gives up with the socket error', async () => {
    h.emulator.setFaults(parseFaultOption('reset=1'));
    const client = withRetries();
    try {
      const error = (await client
        .send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ada' }))
        .catch((e: unknown) => e)) as Error & { $metadata?: { attempts?: number } };
      expect(error).toBeInstanceOf(Error);
      // Node reports the destroyed socket as "socket hang up" (ECONNRESET); the SDK retries it as transient
      expect(error.message).toMatch(/socket hang up/);
      expect(error.$metadata?.attempts).toBe(3);
    } finally {
      client.destroy();
      h.emulator.setFaults(false);
    }
  });

  it('a share of 500s is absorbed by the retries; only the named operations are hit', async () => {
    h.emulator.setFaults(parseFaultOption('error=1,ops=AdminGetUser'));
    const client = withRetries();
    try {
      const page = await client.send(new ListUsersCommand({ UserPoolId: poolId }));
      expect(page.Users?.map((u) => u.Username)).toEqual(['ada']);
      await expect(
        client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ada' })),
      ).rejects.toBeInstanceOf(InternalErrorException);
      // half the requests fail: with 3 attempts nearly every call gets through
      h.emulator.setFaults(parseFaultOption('error=0.5'));
      let ok = 0;
      for (let i = 0; i < 20; i++) {
        const res = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ada' })).then(
          () => true,
          () => false,
        );
        if (res) ok++;
      }
      expect(ok).toBeGreaterThanOrEqual(12); // P(call fails) = 1/8; 12 of 20 is far below the mean of 17.5
    } finally {
      client.destroy();
      h.emulator.setFaults(false);
    }
  });

  it('adds the injected latency to every request', async () => {
    h.emulator.setFaults(parseFaultOption('latency=300'));
    try {
      const started = performance.now();
      await h.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ada' }));
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    } finally {
      h.emulator.setFaults(false);
    }
  });

  it('refuses fault options out of range', () => {
    expect(() => parseFaultOption('error=2')).toThrow('--faults: errorRate must be between 0 and 1');
    expect(() => parseFaultOption('latency=-1')).toThrow(/latencyMs must be a number ≥ 0/);
    expect(() => parseFaultOption('boom=1')).toThrow(/expected latency=ms/);
  });
});
