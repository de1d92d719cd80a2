import { ClientRegistry } from './client-registry';
import type { GatewayConfig } from './config';
import type { AnyOperation, OperationKind, OperationTable, PortOf, ReadsOf, WritesOf } from './operation';
import { iamOperations } from './ports/iam';
import { identityPoolOperations } from './ports/identity-pools';
import { identityProviderOperations } from './ports/identity-providers';
import { groupOperations } from './ports/groups';
import { mfaOperations } from './ports/mfa';
import { sessionOperations } from './ports/sessions';
import { userPoolClientOperations } from './ports/user-pool-clients';
import { userPoolOperations } from './ports/user-pools';
import { userOperations } from './ports/users';
import { GatewayError } from './types';

/** Every port of the gateway: one per AWS service domain (cognito-idp's five, cognito-identity, IAM). */
export const gatewayOperations = {
  userPools: userPoolOperations,
  userPoolClients: userPoolClientOperations,
  users: userOperations,
  groups: groupOperations,
  mfa: mfaOperations,
  identityProviders: identityProviderOperations,
  sessions: sessionOperations,
  identityPools: identityPoolOperations,
  iam: iamOperations,
} as const satisfies Record<string, OperationTable>;

type Ports = typeof gatewayOperations;
export type PortName = keyof Ports;

/** The only door to AWS: typed methods per port. Every method throws only GatewayError. */
export type CognitoGateway = { readonly [P in PortName]: PortOf<Ports[P]> } & {
  /** Stops the SDK clients' sockets. */
  destroy(): void;
};

/** What any service may hold: every read, no write. */
export type CognitoReads = { readonly [P in PortName]: ReadsOf<Ports[P]> };

/** The writes, as only an audit scope hands them out (see the API's AuditService). */
export type CognitoWrites = { readonly [P in PortName]: WritesOf<Ports[P]> };

type Method = (...args: unknown[]) => Promise<unknown>;

function eachOperation(visit: (port: PortName, name: string, operation: AnyOperation) => void): void {
  for (const port of Object.keys(gatewayOperations) as PortName[]) {
    for (const [name, operation] of Object.entries(gatewayOperations[port] as OperationTable)) {
      visit(port, name, operation);
    }
  }
}

function buildPorts(method: (port: PortName, name: string, operation: AnyOperation) => Method | null) {
  const ports = Object.fromEntries(
    (Object.keys(gatewayOperations) as PortName[]).map((p) => [p, {} as Record<string, Method>]),
  ) as Record<PortName, Record<string, Method>>;
  eachOperation((port, name, operation) => {
    const built = method(port, name, operation);
    if (built) ports[port][name] = built;
  });
  for (const port of Object.values(ports)) Object.freeze(port);
  return ports;
}

/** `kind` of every operation, by port and name: which methods are writes, from the one table. */
export function operationKinds(): Record<PortName, Record<string, OperationKind>> {
  const kinds = {} as Record<PortName, Record<string, OperationKind>>;
  eachOperation((port, name, operation) => {
    (kinds[port] ??= {})[name] = operation.kind;
  });
  return kinds;
}

/** The gateway over real SDK clients, one per service and region (made on first use). */
export function createCognitoGateway(config: GatewayConfig): CognitoGateway {
  const clients = new ClientRegistry(config);
  const ports = buildPorts(
    (_port, _name, operation) =>
      (...args: unknown[]) =>
        operation.run(clients, ...args),
  );
  return { ...(ports as unknown as Omit<CognitoGateway, 'destroy'>), destroy: () => clients.destroy() };
}

/** A gateway whose every method fails with `error()`: enough to build an app that is never served. */
export function unusedGateway(error: () => Error): CognitoGateway {
  const ports = buildPorts(() => () => Promise.reject(error()));
  return { ...(ports as unknown as Omit<CognitoGateway, 'destroy'>), destroy: () => undefined };
}

/** A new object holding only the reads of `gateway` (the writes are not there to be found, not merely hidden). */
export function readsOf(gateway: CognitoGateway): CognitoReads {
  const source = gateway as unknown as Record<PortName, Record<string, Method>>;
  return buildPorts((port, name, operation) =>
    operation.kind === 'read' ? (...args) => source[port][name]!(...args) : null,
  ) as unknown as CognitoReads;
}

/** What an audit scope does around each write: refuse when not live, then collect the AWS request id. */
export interface WriteHooks {
  /** Throws to refuse the call (nothing is sent to AWS). */
  before(port: PortName, name: string): void;
  /** The AWS request id of a finished call, successful or failed. */
  after(requestId: string | null): void;
}

/** The writes of `gateway`, each passing through `hooks`, answering the value without the request id. */
export function writesOf(gateway: CognitoGateway, hooks: WriteHooks): CognitoWrites {
  const source = gateway as unknown as Record<PortName, Record<string, Method>>;
  return buildPorts((port, name, operation) =>
    operation.kind === 'write'
      ? async (...args) => {
          hooks.before(port, name);
          try {
            const result = (await source[port][name]!(...args)) as {
              value: unknown;
              requestId: string | null;
            };
            hooks.after(result.requestId);
            return result.value;
          } catch (error) {
            hooks.after(error instanceof GatewayError ? error.requestId : null);
            throw error;
          }
        }
      : null,
  ) as unknown as CognitoWrites;
}
