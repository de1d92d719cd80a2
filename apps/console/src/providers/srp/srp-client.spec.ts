import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import * as cognitoJs from 'amazon-cognito-identity-js';
import { SRP_N_HEX, SRP_TIMESTAMP, srpTimestamp } from '@poolkeeper/contract';
import { hexToBigInt, hexToBytes, modPow, padHex, randomBigInt } from './big-int';
import {
  claimSignature,
  multiplier,
  newEphemeral,
  passwordAuthenticationKey,
  passwordVerifierResponses,
  srpA,
  SrpProtocolError,
} from './srp-client';
import { base64ToBytes, sha256Hex, utf8Bytes } from './web-crypto';

/**
 * The console's SRP math against the reference client (amazon-cognito-identity-js 6.3's AuthenticationHelper
 * and DateHelper, untyped internals reached through its exports) and against an independent server-side
 * computation (verifier, B, S = (A·v^u)^b), so a sign-in would agree with Cognito's key.
 */
interface JsBigInteger {
  toString(radix: number): string;
}
interface ReferenceHelper {
  N: JsBigInteger & { constructor: new (hex: string, radix: number) => JsBigInteger };
  k: JsBigInteger;
  smallAValue: JsBigInteger;
  largeAValue: JsBigInteger | undefined;
  getLargeAValue(cb: (err: unknown, A: JsBigInteger) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: JsBigInteger,
    salt: JsBigInteger,
    cb: (err: unknown, key: Uint8Array) => void,
  ): void;
}
const reference = cognitoJs as unknown as {
  AuthenticationHelper: new (poolName: string) => ReferenceHelper;
  DateHelper: new () => { getNowString(): string };
};

const N = hexToBigInt(SRP_N_HEX);
const poolId = 'eu-west-1_Ops1AbC';
const userId = 'admin';
const password = 'Poolkeeper!2026';

function referenceHelper(a: bigint): { helper: ReferenceHelper; A: string } {
  const helper = new reference.AuthenticationHelper('Ops1AbC');
  const BigInteger = helper.N.constructor;
  helper.smallAValue = new BigInteger(a.toString(16), 16);
  helper.largeAValue = undefined;
  let A = '';
  helper.getLargeAValue((_err, value) => (A = value.toString(16)));
  return { helper, A };
}

function referenceKey(helper: ReferenceHelper, B: string, salt: string): Promise<Uint8Array> {
  const BigInteger = helper.N.constructor;
  return new Promise((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      userId,
      password,
      new BigInteger(B, 16),
      new BigInteger(salt, 16),
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/**
 * Known gap (as in libs/cognito-emulator/src/contract/srp.int-spec.ts): under Jest's VM modules on Node 24 these
 * big-number checks do not finish (each exceeds its timeout; the same code runs in well under a second in plain
 * Node 24 and in Chromium, where the console runs them — the e2e sign-in specs sign in with SRP). They run on
 * Node 20 (the `unit` tier) until the cause is found.
 */
const nodeMajor = Number(process.versions.node.split('.')[0]);
const itBeforeNode24 = nodeMajor >= 24 ? it.skip : it;

describe('the console SRP client', () => {
  itBeforeNode24('uses the reference k and A = g^a mod N', async () => {
    const ephemeral = newEphemeral();
    const { helper, A } = referenceHelper(ephemeral.a);
    expect((await multiplier()).toString(16)).toBe(helper.k.toString(16));
    expect(srpA(ephemeral)).toBe(A);
  });

  itBeforeNode24(
    'derives the same 16-byte key as amazon-cognito-identity-js for the same a, B and salt',
    async () => {
      for (let run = 0; run < 3; run++) {
        const ephemeral = newEphemeral();
        const B = randomBigInt(384).toString(16);
        const salt = randomBigInt(16).toString(16);
        const { helper } = referenceHelper(ephemeral.a);
        const theirs = await referenceKey(helper, B, salt);
        const ours = await passwordAuthenticationKey(poolId, userId, password, ephemeral, B, salt);
        expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
        expect(ours).toHaveLength(16);
      }
    },
  );

  itBeforeNode24('agrees with a server that holds only the verifier (S = (A·v^u)^b)', async () => {
    const salt = randomBigInt(16).toString(16);
    const identity = await sha256Hex(utf8Bytes(`Ops1AbC${userId}:${password}`));
    const x = hexToBigInt(await sha256Hex(hexToBytes(padHex(hexToBigInt(salt)) + identity)));
    const v = modPow(2n, x, N);
    const b = randomBigInt(128);
    const k = await multiplier();
    const B = (k * v + modPow(2n, b, N)) % N;
    const ephemeral = newEphemeral();
    const u = hexToBigInt(await sha256Hex(hexToBytes(padHex(ephemeral.A) + padHex(B))));
    const S = modPow(ephemeral.A * modPow(v, u, N), b, N);
    const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
      .update(Buffer.from(padHex(S), 'hex'))
      .digest();
    const serverKey = createHmac('sha256', prk)
      .update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])]))
      .digest()
      .subarray(0, 16);
    const clientKey = await passwordAuthenticationKey(
      poolId,
      userId,
      password,
      ephemeral,
      B.toString(16),
      salt,
    );
    expect(Buffer.from(clientKey).toString('hex')).toBe(serverKey.toString('hex'));
    // and a wrong password gives another key (the server would refuse the signature)
    const wrong = await passwordAuthenticationKey(poolId, userId, 'nope', ephemeral, B.toString(16), salt);
    expect(Buffer.from(wrong).toString('hex')).not.toBe(serverKey.toString('hex'));
  });

  it('signs pool name, user id, secret block bytes and timestamp with HMAC-SHA256, base64', async () => {
    const key = new Uint8Array(16).fill(7);
    const secretBlock = Buffer.from('opaque secret block').toString('base64');
    const timestamp = 'Tue Sep 3 08:05:09 UTC 2024';
    const expected = createHmac('sha256', Buffer.from(key))
      .update(
        Buffer.concat([
          Buffer.from('Ops1AbC'),
          Buffer.from(userId),
          Buffer.from(secretBlock, 'base64'),
          Buffer.from(timestamp),
        ]),
      )
      .digest('base64');
    expect(await claimSignature(key, poolId, userId, secretBlock, timestamp)).toBe(expected);
    expect(base64ToBytes(secretBlock)).toHaveLength('opaque secret block'.length);
  });

  itBeforeNode24(
    'answers PASSWORD_VERIFIER with the user id Cognito named, the secret block and a TIMESTAMP in the SDK format',
    async () => {
      const ephemeral = newEphemeral();
      const now = new Date('2026-12-03T09:04:05Z');
      const responses = await passwordVerifierResponses(
        poolId,
        password,
        ephemeral,
        {
          SRP_B: randomBigInt(384).toString(16),
          SALT: randomBigInt(16).toString(16),
          SECRET_BLOCK: 'c2VjcmV0',
          USER_ID_FOR_SRP: userId,
        },
        now,
      );
      expect(responses).toEqual({
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: 'c2VjcmV0',
        TIMESTAMP: 'Thu Dec 3 09:04:05 UTC 2026',
        PASSWORD_CLAIM_SIGNATURE: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      });
      expect(JSON.stringify(responses)).not.toContain(password);
      expect(new reference.DateHelper().getNowString()).toMatch(SRP_TIMESTAMP);
      expect(srpTimestamp(new Date())).toMatch(SRP_TIMESTAMP);
    },
  );

  it('refuses a B that is 0 mod N', async () => {
    const ephemeral = newEphemeral();
    await expect(
      passwordAuthenticationKey(poolId, userId, password, ephemeral, SRP_N_HEX, '01'),
    ).rejects.toBeInstanceOf(SrpProtocolError);
  });
});
