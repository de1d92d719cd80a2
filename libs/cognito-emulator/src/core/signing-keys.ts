import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  JsonWebKey,
  KeyObject,
} from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { readIfExists, writeFileAtomic } from '../state/atomic-file';

export const KEY_FILE = 'signing-key.json';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };
}

const generate = promisify(generateKeyPair);

function fromPem(pem: string, kidHint?: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = kidHint ?? createHash('sha256').update(`${jwk.n}.${jwk.e}`).digest('base64url').slice(0, 43);
  return { kid, privateKey, publicJwk: { kid, alg: 'RS256', kty: jwk.kty, e: jwk.e, n: jwk.n, use: 'sig' } };
}

/** Loads the RS256 key pair of a data directory, creating it (with a stable kid) on first start. */
export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = path.join(dataDir, KEY_FILE);
  const text = await readIfExists(file);
  if (text !== undefined) {
    const saved = JSON.parse(text) as { kid: string; privateKeyPem: string };
    return fromPem(saved.privateKeyPem, saved.kid);
  }
  const { privateKey } = await generate('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = fromPem(pem);
  await writeFileAtomic(file, JSON.stringify({ kid: key.kid, privateKeyPem: pem }, null, 2));
  return key;
}
