import { describe, expect, it, afterAll } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  AdminCreateUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../index';
import { STATE_FILE, StateStore } from '../state/state-store';
import { createPoolWithClient, sdkClient, tempDataDir } from './harness';

describe('persistence', () => {
  const dataDir = tempDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps 300 concurrent writes, the signing key and refresh tokens across a restart', async () => {
    const first = await startEmulator({ dataDir, port: 0 });
    const c1 = sdkClient(first.endpoint);
    let poolId: string;
    let clientId: string;
    let refreshToken: string;
    let kid: string;
    try {
      ({ poolId, clientId } = await createPoolWithClient(c1));
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          c1.send(
            new AdminCreateUserCommand({
              UserPoolId: poolId,
              Username: `user${i}`,
              MessageAction: 'SUPPRESS',
              TemporaryPassword: 'Temp!Passw0rd',
            }),
          ),
        ),
      );
      // the response of each mutation is sent only after the state is on disk
      const onDisk = await StateStore.read(dataDir);
      expect(onDisk.pools.get(poolId)!.users.size).toBe(300);
      const { AdminSetUserPasswordCommand } = await import('@aws-sdk/client-cognito-identity-provider');
      await c1.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: 'user0',
          Password: 'Str0ng!Passw0rd',
          Permanent: true,
        }),
      );
      const auth = await c1.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'user0', PASSWORD: 'Str0ng!Passw0rd' },
        }),
      );
      refreshToken = auth.AuthenticationResult!.RefreshToken!;
      kid = JSON.parse(
        Buffer.from(auth.AuthenticationResult!.IdToken!.split('.')[0]!, 'base64url').toString(),
      ).kid;
    } finally {
      c1.destroy();
      await first.stop();
    }

    const second = await startEmulator({ dataDir, port: 0 });
    const c2 = sdkClient(second.endpoint);
    try {
      const users: UserType[] = [];
      let token: string | undefined;
      do {
        const page = await c2.send(new ListUsersCommand({ UserPoolId: poolId, PaginationToken: token }));
        users.push(...page.Users!);
        token = page.PaginationToken;
      } while (token);
      expect(users).toHaveLength(300);
      expect(new Set(users.map((u) => u.Username))).toEqual(
        new Set(Array.from({ length: 300 }, (_, i) => `user${i}`)),
      );
      const refreshed = await c2.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      );
      const idToken = refreshed.AuthenticationResult!.IdToken!;
      expect(JSON.parse(Buffer.from(idToken.split('.')[0]!, 'base64url').toString()).kid).toBe(kid);
      expect(JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()).iss).toBe(
        `${second.endpoint}/${poolId}`,
      );
    } finally {
      c2.destroy();
      await second.stop();
    }
    await expect(StateStore.read(dataDir)).resolves.toBeDefined();
  }, 30000);

  it('refuses to start over a corrupt state file instead of overwriting it', async () => {
    const dir = tempDataDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, STATE_FILE), '{"version":1,"pools":');
    await expect(startEmulator({ dataDir: dir, port: 0 })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(path.join(dir, STATE_FILE), 'utf8')).toBe('{"version":1,"pools":');
    rmSync(dir, { recursive: true, force: true });
  });
});
