import { expect } from '@jest/globals';
import {
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type EmulatorOptions, startEmulator, type RunningEmulator } from '../index';
import { localSdkClient } from '../seed/sdk-client';

export interface Harness {
  emulator: RunningEmulator;
  client: CognitoIdentityProviderClient;
  dataDir: string;
  close(): Promise<void>;
}

export function sdkClient(endpoint: string): CognitoIdentityProviderClient {
  return localSdkClient(endpoint, 'us-east-1', { maxAttempts: 1 });
}

export const tempDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'cognito-emulator-'));

/** Starts an emulator on a random port in a fresh temp dir, with a real SDK client pointed at it. */
export async function startHarness(
  dataDir = tempDataDir(),
  options: Omit<EmulatorOptions, 'dataDir' | 'port'> = {},
): Promise<Harness> {
  const emulator = await startEmulator({ ...options, dataDir, port: 0 });
  const client = sdkClient(emulator.endpoint);
  return {
    emulator,
    client,
    dataDir,
    async close() {
      client.destroy();
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createPoolWithClient(client: CognitoIdentityProviderClient, name = 'test-pool') {
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      Schema: [
        { Name: 'tenant', AttributeDataType: 'String', Mutable: true },
        { Name: 'badge', AttributeDataType: 'String', Mutable: false },
      ],
    }),
  );
  const poolId = pool.UserPool?.Id as string;
  const app = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { poolId, clientId: app.UserPoolClient?.ClientId as string };
}

/** Expects the promise to reject with the given AWS error name (and optionally message). */
export async function expectAwsError(
  p: Promise<unknown>,
  name: string,
  message?: string | RegExp,
): Promise<void> {
  let error: unknown;
  try {
    await p;
  } catch (err) {
    error = err;
  }
  if (!error) throw new Error(`expected ${name}, but the call succeeded`);
  const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  expect(e.name).toBe(name);
  expect(e.$metadata?.httpStatusCode).toBe(400);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
}
