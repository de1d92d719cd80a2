/** The hashes SRP needs, on the Web Crypto API (browsers, Node ≥ 20): SHA-256, HMAC-SHA256, HKDF. */
import { bytesToHex } from './big-int';

const subtle = () => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

export const utf8Bytes = (text: string): Uint8Array<ArrayBuffer> => utf8.encode(text);

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** SHA-256 of some bytes, as 64 hex digits. */
export async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await subtle().digest('SHA-256', data)));
}

export async function hmacSha256(
  key: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, data));
}

/**
 * HKDF-SHA256 (RFC 5869) with a single output block, as Cognito derives the SRP session key:
 * PRK = HMAC(salt, ikm); OKM = HMAC(PRK, info | 0x01), truncated to `length` (≤ 32) bytes.
 */
export async function hkdfSingleBlock(
  ikm: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  info: string,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const prk = await hmacSha256(salt, ikm);
  const okm = await hmacSha256(prk, concatBytes(utf8Bytes(info), new Uint8Array([1])));
  return okm.slice(0, length);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
