import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthSessions } from '../core/auth-sessions';
import { type QuotaCategory, type QuotaOption, RequestThrottle } from '../core/quotas';
import { loadOrCreateSigningKey } from '../core/signing-keys';
import { awsJsonService } from '../protocol/aws-json';
import { awsQueryService } from '../protocol/aws-query';
import type { ServiceEndpoint } from '../protocol/service-endpoint';
import { COGNITO_IDENTITY_TARGET_PREFIX, cognitoIdentityOperations } from '../services/cognito-identity';
import { COGNITO_IDP_TARGET_PREFIX, cognitoIdpOperations } from '../services/cognito-idp';
import { IAM_VERSION, IAM_XMLNS, iamOperations } from '../services/iam';
import type { EmulatorContext, IssuerMode } from '../services/registry';
import { STS_TARGET_PREFIX, STS_VERSION, STS_XMLNS, stsOperations } from '../services/sts';
import { type FsyncPolicy, StateStore } from '../state/state-store';
import type { EmulatorState } from '../state/model';
import { FaultInjector, type FaultOptions } from '../core/faults';
import { PerUserThrottle } from '../core/per-user-quota';
import { createFrontRouter } from './front-router';
import { pathRoutes } from './path-routes';

/** The services on the shared port (AWS protocols by target prefix or Version; see front-router.ts). */
const services: ServiceEndpoint[] = [
  awsJsonService({
    name: 'cognito-idp',
    targetPrefix: COGNITO_IDP_TARGET_PREFIX,
    operations: cognitoIdpOperations,
  }),
  awsJsonService({
    name: 'cognito-identity',
    targetPrefix: COGNITO_IDENTITY_TARGET_PREFIX,
    operations: cognitoIdentityOperations,
  }),
  awsJsonService({ name: 'sts', targetPrefix: STS_TARGET_PREFIX, operations: stsOperations, version: '1.0' }),
  awsQueryService({ name: 'iam', version: IAM_VERSION, xmlns: IAM_XMLNS, operations: iamOperations }),
  awsQueryService({ name: 'sts', version: STS_VERSION, xmlns: STS_XMLNS, operations: stsOperations }),
];

export interface EmulatorOptions {
  dataDir: string;
  /** 0 = random */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /**
   * The default Region (us-east-1 unless set): used for requests that name none (unsigned calls without a
   * pool id). Signed requests use their SigV4 credential scope's Region: every Region is served on one port.
   */
  region?: string;
  /** Token issuer shape; default `endpoint` (`iss = <endpoint>/<poolId>`). See IssuerMode. */
  issuer?: IssuerMode;
  /** The emulator's clock (epoch ms); tests pass a fake one to reach token expiry. Default Date.now. */
  now?: () => number;
  /**
   * Enforce Cognito's per-category request-rate quotas (token buckets shared by all pools), answering
   * 400 TooManyRequestsException "Too many requests" as AWS does. Default: off (never throttles).
   * `'aws'` = AWS's default rates; `{ UserUpdate: 2 }` = those defaults with overrides (see QuotaOption).
   */
  quotas?: QuotaOption | false;
  /**
   * The TOTP secret AssociateSoftwareToken hands a user, by pool name and username, when not a random one:
   * the seeded demo's documented secrets (`demoTotpSecretFor`). Default: always random.
   */
  totpSecretFor?: (poolName: string, username: string) => string | undefined;
  /**
   * AWS's per-user request rate (core/per-user-quota.ts) for operations naming a Username: requests per
   * second per user (AWS's is about 10: AWS_PER_USER_RPS). Default off (opt-in until its contract tests land).
   */
  perUserRps?: number | false;
  /** Injected latency, 500 InternalErrorException and connection resets (core/faults.ts). Default none. */
  faults?: FaultOptions | false;
  /** Durability of the operation log (state/state-store.ts FsyncPolicy). Default `always`. */
  fsync?: FsyncPolicy;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:9325 */
  endpoint: string;
  /** The default Region (see EmulatorOptions.region). */
  region: string;
  /** Switches quota enforcement on (fresh, full buckets) or off at run time, e.g. after seeding. */
  setQuotas(quotas: QuotaOption | false, perUserRps?: number | false): void;
  /** Switches fault injection on (these faults) or off at run time. */
  setFaults(faults: FaultOptions | false): void;
  /** Writes a snapshot now (state/state-store.ts), e.g. after a bulk seed. */
  snapshot(): Promise<void>;
  /** The state in memory (for the bulk seed, state/bulk-seed.ts); mutate only through `snapshot()` after. */
  readonly state: EmulatorState;
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

/**
 * Starts a local Cognito that unmodified AWS SDK v3 clients use via `endpoint`: cognito-idp (awsJson1_1) with
 * JWKS, and the cognito-identity, IAM and STS endpoints (no operations yet: each answers a clean 400).
 */
export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const region = opts.region ?? 'us-east-1';
  const store = await StateStore.open(
    opts.dataDir,
    { defaultRegion: region },
    { fsync: opts.fsync ?? 'always' },
  );
  const signingKey = await loadOrCreateSigningKey(opts.dataDir);
  const ctx: EmulatorContext = {
    state: store.state,
    store,
    defaultRegion: region,
    endpoint: '',
    issuerMode: opts.issuer ?? 'endpoint',
    signingKey,
    sessions: new AuthSessions(),
    now: opts.now ?? (() => Date.now()),
    throttle: null,
    userThrottle: null,
    faults: null,
    ...(opts.totpSecretFor ? { totpSecretFor: opts.totpSecretFor } : {}),
  };
  const setQuotas = (quotas: QuotaOption | false | undefined, perUser?: number | false) => {
    ctx.throttle = quotas ? new RequestThrottle(quotas, ctx.now) : null;
    // Opt-in until its contract tests land (the per-user cap AWS documents is ~10 RPS: AWS_PER_USER_RPS).
    const rps = perUser ?? false;
    ctx.userThrottle = rps ? new PerUserThrottle(rps, ctx.now) : null;
  };
  setQuotas(opts.quotas, opts.perUserRps);
  const setFaults = (faults: FaultOptions | false | undefined) => {
    ctx.faults = faults ? new FaultInjector(faults) : null;
  };
  setFaults(opts.faults);
  const server = createServer({ keepAliveTimeout: 5000 }, createFrontRouter(ctx, services, pathRoutes));
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
    setFaults,
    snapshot: () => store.snapshot(),
    state: store.state,
    quotaStats: () => ctx.throttle?.stats() ?? {},
    stop,
  };
}
