import { type KeyObject, createPublicKey } from 'node:crypto';

/** Where the strategy gets the public key that signed a token. */
export interface SigningKeyProvider {
  keyFor(rawJwt: string): Promise<KeyObject>;
}

export interface JwksOptions {
  /** Keys are refetched after this even if every kid is known. */
  cacheMaxAgeMs: number;
  /** JWKS fetches allowed per rolling minute (unknown kids cannot force more). */
  requestsPerMinute: number;
  timeoutMs: number;
}

const defaults: JwksOptions = { cacheMaxAgeMs: 10 * 60_000, requestsPerMinute: 10, timeoutMs: 5_000 };

/**
 * RS256 keys from a JWKS URL with a cache, a fetch rate limit and rotation (an unknown `kid` triggers a refetch).
 * Same behaviour as jwks-rsa's passportJwtSecret({cache, rateLimit}); jwks-rsa 4 requires the ESM-only `jose`,
 * which Jest's ESM runtime on Node 20 cannot `require`, so the few lines are here on node:crypto.
 */
export class JwksKeyProvider implements SigningKeyProvider {
  private readonly options: JwksOptions;
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private fetches: number[] = [];
  private inflight: Promise<void> | null = null;

  constructor(
    private readonly jwksUri: string,
    options: Partial<JwksOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
  }

  async keyFor(rawJwt: string): Promise<KeyObject> {
    const kid = kidOf(rawJwt);
    const fresh = Date.now() - this.fetchedAt < this.options.cacheMaxAgeMs;
    if (!fresh || !this.keys.has(kid)) {
      try {
        await this.refresh();
      } catch (error) {
        if (!this.keys.has(kid)) throw error;
      }
    }
    const key = this.keys.get(kid);
    if (!key) throw new Error(`no signing key with kid ${kid}`);
    return key;
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.fetchKeys().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetchKeys(): Promise<void> {
    const now = Date.now();
    this.fetches = this.fetches.filter((t) => now - t < 60_000);
    if (this.fetches.length >= this.options.requestsPerMinute)
      throw new Error('JWKS fetch rate limit reached');
    this.fetches.push(now);
    const res = await fetch(this.jwksUri, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    if (!res.ok) throw new Error(`JWKS fetch failed with HTTP ${res.status}`);
    const body = (await res.json()) as { keys?: unknown };
    const next = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(body.keys) ? body.keys : []) {
      if (!isRsaSigningKey(jwk)) continue;
      next.set(jwk.kid, createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }));
    }
    this.keys = next;
    this.fetchedAt = Date.now();
  }
}

interface RsaJwk {
  kty: 'RSA';
  kid: string;
  n: string;
  e: string;
  alg?: string;
  use?: string;
}

function isRsaSigningKey(jwk: unknown): jwk is RsaJwk {
  if (typeof jwk !== 'object' || jwk === null) return false;
  const k = jwk as Record<string, unknown>;
  return (
    k.kty === 'RSA' &&
    typeof k.kid === 'string' &&
    typeof k.n === 'string' &&
    typeof k.e === 'string' &&
    (k.alg === undefined || k.alg === 'RS256') &&
    (k.use === undefined || k.use === 'sig')
  );
}

function kidOf(rawJwt: string): string {
  const header = rawJwt.split('.')[0] ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw new Error('malformed token header');
  }
  const kid = (parsed as { kid?: unknown } | null)?.kid;
  if (typeof kid !== 'string' || kid.length === 0) throw new Error('token header has no kid');
  return kid;
}
