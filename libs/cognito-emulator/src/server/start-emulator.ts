import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthSessions } from '../core/auth-sessions';
import { type QuotaCategory, type QuotaOption, RequestThrottle } from '../core/quotas';
import { loadOrCreateSigningKey } from '../core/signing-keys';
import { awsJsonService } from '../protocol/aws-json';
import { awsQueryUnsupported } from '../protocol/aws-query';
import { COGNITO_IDP_TARGET_PREFIX, cognitoIdpOperations } from '../services/cognito-idp';
import type { OperationContext } from '../services/registry';
import { StateStore } from '../state/state-store';
import { createRequestListener } from './request-listener';

export interface EmulatorOptions {
  dataDir: string;
  /** 0 = random */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default us-east-1 */
  region?: string;
  /**
   * Enforce Cognito's per-category request-rate quotas (token buckets shared by all pools), answering
   * 400 TooManyRequestsException "Too many requests" as AWS does. Default: off (never throttles).
   * `'aws'` = AWS's default rates; `{ UserUpdate: 2 }` = those defaults with overrides (see QuotaOption).
   */
  quotas?: QuotaOption | false;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:9325 */
  endpoint: string;
  region: string;
  /** Switches quota enforcement on (fresh, full buckets) or off at run time, e.g. after seeding. */
  setQuotas(quotas: QuotaOption | false): void;
  /** Requests allowed and throttled per category since quotas were last set; empty when off. */
  quotaStats(): Partial<Record<QuotaCategory, { allowed: number; throttled: number }>>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts a local Cognito (cognito-idp, awsJson1_1) that unmodified AWS SDK v3 clients can use via `endpoint`. */
export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const region = opts.region ?? 'us-east-1';
  const store = await StateStore.open(opts.dataDir);
  const signingKey = await loadOrCreateSigningKey(opts.dataDir);
  const ctx: OperationContext = {
    state: store.state,
    store,
    region,
    endpoint: '',
    signingKey,
    sessions: new AuthSessions(),
    now: () => Date.now(),
    throttle: null,
  };
  const setQuotas = (quotas: QuotaOption | false | undefined) => {
    ctx.throttle = quotas ? new RequestThrottle(quotas, ctx.now) : null;
  };
  setQuotas(opts.quotas);
  const services = [
    awsJsonService('cognito-idp', COGNITO_IDP_TARGET_PREFIX, cognitoIdpOperations),
    awsQueryUnsupported(),
  ];
  const server = createServer({ keepAliveTimeout: 5000 }, createRequestListener(ctx, services));
  const address = await listen(server, opts.port ?? 0, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  ctx.endpoint = `http://${urlHost}:${address.port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      await store.close();
    })();
    return stopping;
  };
  return {
    endpoint: ctx.endpoint,
    region,
    setQuotas,
    quotaStats: () => ctx.throttle?.stats() ?? {},
    stop,
  };
}
