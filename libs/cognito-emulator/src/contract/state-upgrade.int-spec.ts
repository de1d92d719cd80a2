import { describe, expect, it, afterAll } from '@jest/globals';
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../index';
import { localSdkClient } from '../seed/sdk-client';
import { STATE_VERSION, toPersisted } from '../state/persisted';
import { STORE_VERSION } from '../state/records';
import { backupFileName, SNAPSHOT_FILE, STATE_FILE, StateStore } from '../state/state-store';
import { expectAwsError, tempDataDir } from './harness';

/**
 * The committed fixture is a state file written by the v1 emulator (pool eu-west-1_J1cOS6Qdh "fixture-pool"
 * with app client 1mk17c9nb01b082hv37uw5ovcm, group "readers", users alice (CONFIRMED, password below, in
 * readers) and Bob (disabled), and alice's refresh token below). The emulator's clock is set to the
 * fixture's time so that refresh token is still valid.
 */
const FIXTURE = new URL('../state/fixtures/v1-cognito-state.json', import.meta.url);
const POOL = 'eu-west-1_J1cOS6Qdh';
const CLIENT = '1mk17c9nb01b082hv37uw5ovcm';
const PASSWORD = 'Fixture!Passw0rd';
const REFRESH_TOKEN =
  'EKe87MGj6OUozZpgeN8GjAahnX0fsy4hltHV5dzLFgbvD2ZieiFLA35oxcJMvHHIhDdxkpwbw6dD4YjhXFhjvuNLZAquEDboy8JYWFiO5N_StZMGuaO4FBjiLh5uoSJk';
const FIXTURE_TIME = 1796185125207 + 60_000;

describe('a v1 state file', () => {
  const dirs: string[] = [];
  const dataDirWith = (content?: string) => {
    const dir = tempDataDir();
    dirs.push(dir);
    if (content === undefined) copyFileSync(FIXTURE, path.join(dir, STATE_FILE));
    else writeFileSync(path.join(dir, STATE_FILE), content);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is upgraded on load, written back as the current version (the original kept), and fully usable', async () => {
    const dir = dataDirWith();
    const original = readFileSync(FIXTURE, 'utf8');
    const emulator = await startEmulator({ dataDir: dir, port: 0, now: () => FIXTURE_TIME });
    const eu = localSdkClient(emulator.endpoint, 'eu-west-1', { maxAttempts: 1 });
    const us = localSdkClient(emulator.endpoint, 'us-east-1', { maxAttempts: 1 });
    try {
      // upgraded to state v4: a snapshot (+ log); the v1 file is kept as cognito-state.v1.json
      const header = JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8').split('\n')[0]!);
      expect(header).toEqual({ version: STORE_VERSION, logSeq: 0 });
      expect(existsSync(path.join(dir, STATE_FILE))).toBe(false);
      expect((await StateStore.read(dir)).pools.get(POOL)!.region).toBe('eu-west-1');
      expect(readFileSync(path.join(dir, backupFileName(1)), 'utf8')).toBe(original);

      expect((await eu.send(new DescribeUserPoolCommand({ UserPoolId: POOL }))).UserPool).toMatchObject({
        Name: 'fixture-pool',
        Arn: `arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${POOL}`,
        EstimatedNumberOfUsers: 2,
      });
      await expectAwsError(
        us.send(new DescribeUserPoolCommand({ UserPoolId: POOL })),
        'ResourceNotFoundException',
      );
      expect(
        (await eu.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: CLIENT })))
          .UserPoolClient,
      ).toMatchObject({ ClientName: 'fixture-app', EnableTokenRevocation: true });
      expect(await eu.send(new AdminGetUserCommand({ UserPoolId: POOL, Username: 'bob' }))).toMatchObject({
        Username: 'Bob',
        Enabled: false,
      });
      const groups = await eu.send(
        new AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: 'alice' }),
      );
      expect(groups.Groups!.map((g) => g.GroupName)).toEqual(['readers']);

      const signIn = await eu.send(
        new InitiateAuthCommand({
          ClientId: CLIENT,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD },
        }),
      );
      expect(signIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      const refreshed = await eu.send(
        new InitiateAuthCommand({
          ClientId: CLIENT,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN },
        }),
      );
      expect(refreshed.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    } finally {
      eu.destroy();
      us.destroy();
      await emulator.stop();
    }
    // a second start reads the upgraded file as it is
    const upgraded = toPersisted(await StateStore.read(dir));
    const again = await startEmulator({ dataDir: dir, port: 0, now: () => FIXTURE_TIME });
    await again.stop();
    expect(toPersisted(await StateStore.read(dir))).toEqual(upgraded);
    expect(readFileSync(path.join(dir, backupFileName(1)), 'utf8')).toBe(original);
  });

  it('of an unknown newer version is refused with a clear message and never overwritten', async () => {
    const newer = JSON.stringify({ version: STATE_VERSION + 1, pools: {}, refreshTokens: {}, future: true });
    const dir = dataDirWith(newer);
    await expect(startEmulator({ dataDir: dir, port: 0 })).rejects.toThrow(
      `is state version ${STATE_VERSION + 1}, written by a newer poolkeeper`,
    );
    expect(readFileSync(path.join(dir, STATE_FILE), 'utf8')).toBe(newer);
  });

  it('without a version is refused as an unknown format and never overwritten', async () => {
    const dir = dataDirWith('{"pools":{}}');
    await expect(startEmulator({ dataDir: dir, port: 0 })).rejects.toThrow(/unknown format/);
    expect(readFileSync(path.join(dir, STATE_FILE), 'utf8')).toBe('{"pools":{}}');
  });
});
