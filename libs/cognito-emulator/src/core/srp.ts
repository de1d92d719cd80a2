import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SRP_G_HEX, SRP_HKDF_INFO, SRP_KEY_BYTES, SRP_N_HEX, srpPoolName } from '@poolkeeper/contract';

/**
 * SRP-6a as Cognito's USER_SRP_AUTH does it (the server side of what amazon-cognito-identity-js and Amplify
 * compute): the RFC 5054 / RFC 3526 3072-bit group with g = 2, SHA-256 over the big-endian two's-complement
 * hex of each number ("padHex": even length, a leading 00 when the top bit is set), k = H(N | g),
 * x = H(salt | H(poolName + username + ":" + password)), u = H(A | B), and the session key an HKDF of S
 * salted with u (info "Caldera Derived Key", 16 bytes). The client proves the key with
 * PASSWORD_CLAIM_SIGNATURE = HMAC-SHA256(key, poolName + username + SECRET_BLOCK bytes + TIMESTAMP).
 * `poolName` is the pool id without its Region prefix (`us-east-1_AbC` → `AbC`).
 */
export const N = BigInt(`0x${SRP_N_HEX}`);
export const g = BigInt(`0x${SRP_G_HEX}`);

/** Big-endian hex as Cognito hashes numbers: even length, with a 00 byte when the top bit would be set. */
export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  else if ('89abcdef'.includes(hex[0] as string)) hex = `00${hex}`;
  return hex;
}

/** SHA-256 of the bytes a hex string spells, as 64 hex digits. */
export const hexHash = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const toBig = (hex: string) => BigInt(`0x${hex}`);

export const k = toBig(hexHash(`${padHex(N)}${padHex(g)}`));

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const mod = (a: bigint) => ((a % N) + N) % N;

const WINDOW_BITS = 4;
/** Exponents below 2^256 (x = a SHA-256, the verifier's exponent) use the fixed-base table; others modPow. */
const FIXED_BASE_BITS = 256;
let gTable: bigint[][] | undefined;

/** `gTable[w][d]` = g^(d · 16^w) mod N, built once on first use (64 × 16 products). */
function fixedBaseTable(): bigint[][] {
  if (gTable) return gTable;
  const table: bigint[][] = [];
  let base = g % N;
  for (let w = 0; w < FIXED_BASE_BITS / WINDOW_BITS; w++) {
    const row = [1n];
    for (let d = 1; d < 1 << WINDOW_BITS; d++) row.push((row[d - 1]! * base) % N);
    table.push(row);
    base = (row[(1 << WINDOW_BITS) - 1]! * base) % N;
  }
  return (gTable = table);
}

/**
 * g^e mod N, the same number as `modPow(g, e, N)`: for exponents below 2^256 (every verifier, v = g^x)
 * a fixed-base windowed product (at most 64 multiplications instead of ~384 squarings and multiplications),
 * so a password set (AdminCreateUser's temporary password, AdminSetUserPassword, SignUp) costs a fraction of
 * the CPU. Plain BigInt on purpose: OpenSSL's Diffie-Hellman with this prime takes seconds per object on
 * Node 24 (it checks the prime).
 */
export function powG(e: bigint): bigint {
  if (e <= 0n || e >= 1n << BigInt(FIXED_BASE_BITS)) return modPow(g, e, N);
  const table = fixedBaseTable();
  let result = 1n;
  let w = 0;
  for (let x = e; x > 0n; x >>= BigInt(WINDOW_BITS), w++) {
    const d = Number(x & 15n);
    if (d !== 0) result = (result * table[w]![d]!) % N;
  }
  return result;
}

export { srpPoolName };

function privateX(poolName: string, username: string, password: string, saltHex: string): bigint {
  return toBig(hexHash(padHex(toBig(saltHex)) + textHash(`${poolName}${username}:${password}`)));
}

/** A new salt (16 random bytes, hex) and the verifier v = g^x mod N for a password. */
export function createVerifier(poolName: string, username: string, password: string) {
  const salt = randomBytes(16).toString('hex');
  const verifier = powG(privateX(poolName, username, password, salt)).toString(16);
  return { salt, verifier };
}

const randomBig = () => toBig(randomBytes(128).toString('hex'));

/** The server's ephemeral pair for a verifier: B = (k·v + g^b) mod N, never 0 mod N. */
export function serverEphemeral(verifierHex: string): { b: string; B: string } {
  const v = toBig(verifierHex);
  for (;;) {
    const b = randomBig();
    const B = mod(k * v + modPow(g, b, N));
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

const scrambler = (A: bigint, B: bigint) => toBig(hexHash(padHex(A) + padHex(B)));

function hkdf(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from(SRP_HKDF_INFO, 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, SRP_KEY_BYTES);
}

/** Whether a client's A is acceptable (A mod N ≠ 0). */
export const validClientA = (aHex: string) => /^[0-9a-fA-F]+$/.test(aHex) && mod(toBig(aHex)) !== 0n;

/** The server's session key: S = (A · v^u)^b mod N. */
export function serverKey(aHex: string, bHex: string, BHex: string, verifierHex: string): Buffer {
  const A = toBig(aHex);
  const u = scrambler(A, toBig(BHex));
  const S = modPow(A * modPow(toBig(verifierHex), u, N), toBig(bHex), N);
  return hkdf(S, u);
}

/** PASSWORD_CLAIM_SIGNATURE: base64 HMAC-SHA256 over poolName, username, the secret block bytes, timestamp. */
export function claimSignature(
  key: Buffer,
  poolName: string,
  username: string,
  secretBlockBase64: string,
  timestamp: string,
): string {
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(poolName, 'utf8'),
        Buffer.from(username, 'utf8'),
        Buffer.from(secretBlockBase64, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

/** TIMESTAMP as the SDKs write it (the contract's one definition). */
export { SRP_TIMESTAMP } from '@poolkeeper/contract';

/** The client side (what the SDKs do), for tests: A, then the key from the server's B and salt. */
export function clientEphemeral(): { a: string; A: string } {
  const a = randomBig();
  return { a: a.toString(16), A: modPow(g, a, N).toString(16) };
}

export function clientKey(
  poolName: string,
  username: string,
  password: string,
  session: { a: string; A: string; B: string; salt: string },
): Buffer {
  const B = toBig(session.B);
  const u = scrambler(toBig(session.A), B);
  const x = privateX(poolName, username, password, session.salt);
  const S = modPow(B - k * modPow(g, x, N), toBig(session.a) + u * x, N);
  return hkdf(S, u);
}
