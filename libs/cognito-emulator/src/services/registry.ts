import type { SigningKey } from '../core/signing-keys';
import type { Input } from '../core/params';
import type { EmulatorState } from '../state/model';
import type { StateStore } from '../state/state-store';
import type { AuthSessions } from '../core/auth-sessions';
import type { RequestThrottle } from '../core/quotas';

/** Everything an operation handler may use. */
export interface OperationContext {
  state: EmulatorState;
  store: StateStore;
  region: string;
  /** The http URL the emulator listens on, e.g. http://127.0.0.1:9325 (token issuers derive from it). */
  endpoint: string;
  signingKey: SigningKey;
  sessions: AuthSessions;
  now(): number;
  /** Cognito's request-rate quotas, when enforced (opt-in); null = never throttle. */
  throttle: RequestThrottle | null;
}

export interface Operation {
  /** Mutating operations are answered only once the new state is durable on disk. */
  mutates: boolean;
  handle(input: Input, ctx: OperationContext): unknown | Promise<unknown>;
}

/** Operation name (e.g. `AdminCreateUser`) → handler, for one service. */
export type OperationTable = Record<string, Operation>;

export const query = (handle: Operation['handle']): Operation => ({ mutates: false, handle });
export const mutation = (handle: Operation['handle']): Operation => ({ mutates: true, handle });
