/**
 * The client side of Cognito's USER_SRP_AUTH (SRP-6a), computed in the browser so the password never leaves
 * it: InitiateAuth sends SRP_A; the PASSWORD_VERIFIER challenge brings SRP_B, SALT, SECRET_BLOCK and
 * USER_ID_FOR_SRP; the answer proves knowledge of the password with PASSWORD_CLAIM_SIGNATURE.
 * Reference: amazon-cognito-identity-js 6.3 (AuthenticationHelper, CognitoUser.authenticateUserDefault).
 *   k = H(N | g), A = g^a mod N, u = H(A | B), x = H(salt | H(poolName + userId + ":" + password)),
 *   S = (B − k·g^x)^(a + u·x) mod N, key = HKDF(ikm S, salt u, "Caldera Derived Key")[0..16),
 *   signature = base64 HMAC(key, poolName | userId | SECRET_BLOCK bytes | TIMESTAMP),
 * every number hashed as its padHex bytes.
 */
import {
  SRP_G_HEX,
  SRP_HKDF_INFO,
  SRP_KEY_BYTES,
  SRP_N_HEX,
  srpPoolName,
  srpTimestamp,
} from '@poolkeeper/contract';
import { hexToBigInt, hexToBytes, mod, modPow, padHex, randomBigInt } from './big-int';
import {
  base64ToBytes,
  bytesToBase64,
  concatBytes,
  hkdfSingleBlock,
  hmacSha256,
  sha256Hex,
  utf8Bytes,
} from './web-crypto';

const N = hexToBigInt(SRP_N_HEX);
const g = hexToBigInt(SRP_G_HEX);

/** SHA-256 over the bytes of some padHex'd numbers, as a number. */
async function hashNumbers(...hexes: string[]): Promise<bigint> {
  return hexToBigInt(await sha256Hex(hexToBytes(hexes.join(''))));
}

let kPromise: Promise<bigint> | null = null;
/** k = H(padHex(N) | padHex(g)). */
export function multiplier(): Promise<bigint> {
  kPromise ??= hashNumbers(padHex(N), padHex(g));
  return kPromise;
}

/** The client's ephemeral pair: a random 128-byte `a` and A = g^a mod N (never 0 mod N). */
export interface SrpEphemeral {
  a: bigint;
  A: bigint;
}

export function newEphemeral(random: () => bigint = () => randomBigInt(128)): SrpEphemeral {
  for (;;) {
    const a = random();
    const A = modPow(g, a, N);
    if (A !== 0n) return { a, A };
  }
}

/** SRP_A as InitiateAuth takes it (hex). */
export const srpA = (ephemeral: SrpEphemeral) => ephemeral.A.toString(16);

export interface PasswordVerifierChallenge {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

/** Thrown when the server's values would make the proof unsafe (B ≡ 0 or u = 0): abort the sign-in. */
export class SrpProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SrpProtocolError';
  }
}

/** The 16-byte session key both sides derive. */
export async function passwordAuthenticationKey(
  poolId: string,
  userIdForSrp: string,
  password: string,
  ephemeral: SrpEphemeral,
  serverBHex: string,
  saltHex: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const B = hexToBigInt(serverBHex);
  if (mod(B, N) === 0n) throw new SrpProtocolError('The sign-in service sent an invalid SRP_B.');
  const u = await hashNumbers(padHex(ephemeral.A), padHex(B));
  if (u === 0n) throw new SrpProtocolError('The sign-in service sent an invalid SRP_B.');
  const identity = await sha256Hex(utf8Bytes(`${srpPoolName(poolId)}${userIdForSrp}:${password}`));
  const x = await hashNumbers(padHex(hexToBigInt(saltHex)), identity);
  const k = await multiplier();
  const S = modPow(B - k * modPow(g, x, N), ephemeral.a + u * x, N);
  return hkdfSingleBlock(hexToBytes(padHex(S)), hexToBytes(padHex(u)), SRP_HKDF_INFO, SRP_KEY_BYTES);
}

/** PASSWORD_CLAIM_SIGNATURE (base64) over the pool name, the user id, the secret block and the timestamp. */
export async function claimSignature(
  key: Uint8Array<ArrayBuffer>,
  poolId: string,
  userIdForSrp: string,
  secretBlockBase64: string,
  timestamp: string,
): Promise<string> {
  const message = concatBytes(
    utf8Bytes(srpPoolName(poolId)),
    utf8Bytes(userIdForSrp),
    base64ToBytes(secretBlockBase64),
    utf8Bytes(timestamp),
  );
  return bytesToBase64(await hmacSha256(key, message));
}

/** The ChallengeResponses of RespondToAuthChallenge PASSWORD_VERIFIER. */
export async function passwordVerifierResponses(
  poolId: string,
  password: string,
  ephemeral: SrpEphemeral,
  challenge: PasswordVerifierChallenge,
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const userId = challenge.USER_ID_FOR_SRP;
  const key = await passwordAuthenticationKey(
    poolId,
    userId,
    password,
    ephemeral,
    challenge.SRP_B,
    challenge.SALT,
  );
  const timestamp = srpTimestamp(now);
  return {
    USERNAME: userId,
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: await claimSignature(key, poolId, userId, challenge.SECRET_BLOCK, timestamp),
  };
}
