import type { Clients } from './client-registry';
import type { AwsResult } from './types';

/**
 * One gateway operation: a read, or a write (a change to AWS, answered with its AWS request id). Ports are
 * tables of these; the gateway, its read-only view, its audited write view and the OpenAPI stub are all
 * derived from the tables, so no list of methods is kept by hand anywhere else.
 */
export interface ReadOperation<A extends unknown[], R> {
  readonly kind: 'read';
  run(clients: Clients, ...args: A): Promise<R>;
}
export interface WriteOperation<A extends unknown[], R> {
  readonly kind: 'write';
  run(clients: Clients, ...args: A): Promise<AwsResult<R>>;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables' own types keep each signature
export type AnyOperation = ReadOperation<any[], any> | WriteOperation<any[], any>;
export type OperationTable = Readonly<Record<string, AnyOperation>>;
export type OperationKind = AnyOperation['kind'];

export const read = <A extends unknown[], R>(
  run: (clients: Clients, ...args: A) => Promise<R>,
): ReadOperation<A, R> => ({ kind: 'read', run });

export const write = <A extends unknown[], R>(
  run: (clients: Clients, ...args: A) => Promise<AwsResult<R>>,
): WriteOperation<A, R> => ({ kind: 'write', run });

/** A table as an object of methods: reads answer their value, writes `{ value, requestId }`. */
export type PortOf<T extends OperationTable> = {
  [K in keyof T]: T[K] extends ReadOperation<infer A, infer R>
    ? (...args: A) => Promise<R>
    : T[K] extends WriteOperation<infer A, infer R>
      ? (...args: A) => Promise<AwsResult<R>>
      : never;
};

type KeysOfKind<T extends OperationTable, K extends OperationKind> = {
  [N in keyof T]: T[N]['kind'] extends K ? N : never;
}[keyof T];

/** The reads of a port (what services get directly). */
export type ReadsOf<T extends OperationTable> = Pick<PortOf<T>, KeysOfKind<T, 'read'>>;

/** The writes of a port as an audit scope offers them: the request id goes to the audit log, the value to you. */
export type WritesOf<T extends OperationTable> = {
  [K in KeysOfKind<T, 'write'>]: T[K] extends WriteOperation<infer A, infer R>
    ? (...args: A) => Promise<R>
    : never;
};
