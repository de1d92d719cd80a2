/**
 * What every per-resource data provider shares: the methods a resource does not support fail with a
 * plain message (instead of react-admin's silent defaults), and the records are typed by what each
 * provider really returns, cast to react-admin's generic signatures once, here.
 */
import type { DataProvider } from 'react-admin';

const crudMethods = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'create',
  'update',
  'updateMany',
  'delete',
  'deleteMany',
] as const;

/**
 * Any subset of react-admin's methods plus custom ones; each takes the resource first, as
 * `combineDataProviders` calls them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Methods = Record<string, (resource: string, params: any) => Promise<unknown>>;

function unsupported(method: string, resource: string): never {
  throw new Error(`${method} is not supported for ${resource}.`);
}

/** A complete react-admin data provider for one resource from the methods it supports. */
export function resourceProvider<M extends Methods>(resource: string, methods: M): DataProvider & M {
  const complete: Record<string, unknown> = {};
  for (const method of crudMethods) {
    complete[method] = async () => unsupported(method, resource);
  }
  return { ...complete, ...methods } as unknown as DataProvider & M;
}
