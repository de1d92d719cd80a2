import { AwsError } from './errors';

/**
 * Faults the local Cognito injects so benchmarks and fault tests see what AWS sometimes does: added latency,
 * 500 `InternalErrorException` (the SDK retries it as a server error) and connection resets (the socket is
 * destroyed before any answer: the SDK sees ECONNRESET / "socket hang up" and retries it as a transient
 * error). Applied to awsJson operations (cognito-idp, cognito-identity), before quotas are counted.
 */
export interface FaultOptions {
  /** Added to every request, in ms. */
  latencyMs?: number;
  /** A uniformly random extra 0…jitterMs on top of `latencyMs`. */
  jitterMs?: number;
  /** Share of requests (0–1) answered 500 InternalErrorException. */
  errorRate?: number;
  /** Share of requests (0–1) whose connection is reset without an answer. */
  resetRate?: number;
  /** Only these operations (default: every operation). */
  operations?: readonly string[];
  /** The random source (tests pass a fixed sequence). Default Math.random. */
  random?: () => number;
}

export type FaultOutcome = 'ok' | 'error' | 'reset';

export class FaultInjector {
  private readonly random: () => number;
  private readonly counts = { error: 0, reset: 0, delayed: 0 };

  constructor(private readonly opts: FaultOptions) {
    for (const key of ['errorRate', 'resetRate'] as const) {
      const v = opts[key];
      if (v !== undefined && !(v >= 0 && v <= 1)) throw new Error(`faults: ${key} must be between 0 and 1`);
    }
    for (const key of ['latencyMs', 'jitterMs'] as const) {
      const v = opts[key];
      if (v !== undefined && !(v >= 0)) throw new Error(`faults: ${key} must be a number ≥ 0`);
    }
    this.random = opts.random ?? Math.random;
  }

  /** Waits the injected latency, then says what happens to this request. */
  async apply(operation: string): Promise<FaultOutcome> {
    if (this.opts.operations && !this.opts.operations.includes(operation)) return 'ok';
    const delay = (this.opts.latencyMs ?? 0) + (this.opts.jitterMs ? this.random() * this.opts.jitterMs : 0);
    if (delay > 0) {
      this.counts.delayed++;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const roll = this.random();
    if (roll < (this.opts.resetRate ?? 0)) {
      this.counts.reset++;
      return 'reset';
    }
    if (roll < (this.opts.resetRate ?? 0) + (this.opts.errorRate ?? 0)) {
      this.counts.error++;
      return 'error';
    }
    return 'ok';
  }

  stats() {
    return { ...this.counts };
  }
}

export const injectedInternalError = () =>
  new AwsError('InternalErrorException', 'Internal error (injected by the local Cognito).', 500);

/**
 * The CLI form of `--faults`: a comma list of `latency=<ms>`, `jitter=<ms>`, `error=<0–1>`, `reset=<0–1>`,
 * `ops=<Op>+<Op>…`, e.g. `latency=40,jitter=20,error=0.01,reset=0.005`.
 */
export function parseFaultOption(text: string): FaultOptions {
  const out: FaultOptions = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(latency|jitter|error|reset|ops)=(.+)$/.exec(part);
    if (!m)
      throw new Error(`--faults: expected latency=ms,jitter=ms,error=rate,reset=rate,ops=A+B (got ${part})`);
    const [, key, value] = m as unknown as [string, string, string];
    if (key === 'ops') {
      out.operations = value.split('+');
      continue;
    }
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Error(`--faults: ${key} must be a number (got ${value})`);
    if (key === 'latency') out.latencyMs = n;
    else if (key === 'jitter') out.jitterMs = n;
    else if (key === 'error') out.errorRate = n;
    else out.resetRate = n;
  }
  try {
    new FaultInjector(out);
  } catch (error) {
    throw new Error(`--${(error as Error).message}`);
  }
  return out;
}
