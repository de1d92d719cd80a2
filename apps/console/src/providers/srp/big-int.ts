/**
 * The number handling SRP needs, on native BigInt: Cognito's hex encoding of numbers, byte conversions,
 * modular exponentiation and random numbers from the browser's CSPRNG.
 */

/**
 * Big-endian hex as Cognito hashes a (non-negative) number: even length, with a leading 00 byte when the top
 * bit would be set (the two's-complement form of Java's BigInteger.toByteArray, amazon-cognito-identity-js's
 * padHex).
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw new RangeError('padHex: SRP numbers are never negative');
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return hex;
}

export function hexToBigInt(hex: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new RangeError('not a hex number');
  return BigInt(`0x${hex}`);
}

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 === 1 || !/^[0-9a-fA-F]*$/.test(hex))
    throw new RangeError('not an even-length hex string');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** a mod m in [0, m), also for negative a. */
export const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

/** base^exponent mod modulus, by square-and-multiply (exponent ≥ 0). */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new RangeError('modPow: negative exponent');
  let result = 1n;
  let b = mod(base, modulus);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** A random non-negative number of `bytes` bytes from the Web Crypto CSPRNG. */
export function randomBigInt(bytes: number): bigint {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return hexToBigInt(bytesToHex(buffer) || '00');
}
