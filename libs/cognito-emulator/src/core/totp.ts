import { createHmac, randomBytes } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226), as authenticator apps compute them and as
 * Cognito checks software tokens: HMAC-SHA1, 6 digits, 30-second steps from the Unix epoch, the secret
 * shared as base32 (RFC 4648, no padding) — AssociateSoftwareToken's SecretCode.
 */
export const TOTP_STEP_SECONDS = 30;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index === -1) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new TOTP secret: 20 random bytes (RFC 4226's recommended 160 bits), base32, 32 characters. */
export const newTotpSecret = () => base32Encode(randomBytes(20));

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** HOTP (RFC 4226 §5.3): dynamic truncation of HMAC(key, counter), `digits` decimal digits. */
export function hotp(
  key: Uint8Array,
  counter: number,
  digits = 6,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step of an instant (epoch ms). */
export const totpStep = (nowMs: number) => Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);

/** The TOTP code of a base32 secret at an instant (epoch ms). */
export const totpCode = (secret: string, nowMs: number) => hotp(base32Decode(secret), totpStep(nowMs));

/**
 * Checks a 6-digit code against the current step and one step either side (clock drift), refusing steps at
 * or before `lastUsedStep` (a code is good once). Returns the matched step, or undefined.
 */
export function matchTotp(
  secret: string,
  code: string,
  nowMs: number,
  lastUsedStep = -1,
): number | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const key = base32Decode(secret);
  const now = totpStep(nowMs);
  for (const step of [now - 1, now, now + 1]) {
    if (step > lastUsedStep && hotp(key, step) === code) return step;
  }
  return undefined;
}
