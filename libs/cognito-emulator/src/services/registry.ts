import type { SigningKey } from '../core/signing-keys';
import type { Input } from '../core/params';
import type { EmulatorState } from '../state/model';
import type { StateStore } from '../state/state-store';
import type { AuthSessions } from '../core/auth-sessions';
import type { RequestThrottle } from '../core/quotas';
import type { FaultInjector } from '../core/faults';
import type { PerUserThrottle } from '../core/per-user-quota';

/**
 * `endpoint`: tokens say `iss = <endpoint>/<poolId>` (default). `aws`: they say AWS's issuer,
 * `https://cognito-idp.<region>.amazonaws.com/<poolId>`, so verifiers that insist on it (aws-jwt-verify)
 * accept them; the JWKS is still served by the emulator at `<endpoint>/<poolId>/.well-known/jwks.json`.
 */
export type IssuerMode = 'endpoint' | 'aws';

/** What every request shares: the state and the emulator's settings. */
export interface EmulatorContext {
  state: EmulatorState;
  store: StateStore;
  /** The Region of requests that name none (unsigned calls that carry no pool id), e.g. us-east-1. */
  defaultRegion: string;
  /** The http URL the emulator listens on, e.g. http://127.0.0.1:9325 (token issuers derive from it). */
  endpoint: string;
  issuerMode: IssuerMode;
  signingKey: SigningKey;
  sessions: AuthSessions;
  now(): number;
  /** Cognito's request-rate quotas, when enforced (opt-in); null = never throttle. */
  throttle: RequestThrottle | null;
  /** AWS's per-user request rate (operations naming a Username), when quotas are enforced; null = off. */
  userThrottle: PerUserThrottle | null;
  /** Injected latency, 500s and connection resets (EmulatorOptions.faults); null = none. */
  faults: FaultInjector | null;
  /** Fixed TOTP secrets for seeded demo users (see EmulatorOptions.totpSecretFor); absent = random. */
  totpSecretFor?: (poolName: string, username: string) => string | undefined;
}

/** Everything an operation handler may use: the shared context plus this request's Region. */
export interface OperationContext extends EmulatorContext {
  /**
   * The Region this request was sent to: the SigV4 credential scope's (`Credential=AKID/date/<region>/…`),
   * else `defaultRegion`. AWS has one endpoint per Region; the emulator serves them all on one port.
   */
  region: string;
  /** Whether `region` came from a signature. Unsigned calls (InitiateAuth, GetUser…) see every Region. */
  regionSigned: boolean;
  requestId: string;
  /** The access key id of a signed request (SigV4 credential scope); absent when unsigned. */
  accessKeyId?: string;
}

export interface Operation {
  /** Mutating operations are answered only once the new state is durable on disk. */
  mutates: boolean;
  handle(input: Input, ctx: OperationContext): unknown | Promise<unknown>;
}

/** Operations of one domain file, by name; `operationTable` turns them into a service's table. */
export type Operations = Record<string, Operation>;

/** Operation name (e.g. `AdminCreateUser`) → handler, for one service. */
export type OperationTable = ReadonlyMap<string, Operation>;

export const operationTable = (ops: Operations): OperationTable => new Map(Object.entries(ops));

export const query = (handle: Operation['handle']): Operation => ({ mutates: false, handle });
export const mutation = (handle: Operation['handle']): Operation => ({ mutates: true, handle });
