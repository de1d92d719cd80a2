import { describe, expect, it } from '@jest/globals';
import {
  createCognitoGateway,
  gatewayOperations,
  operationKinds,
  readsOf,
  unusedGateway,
  writesOf,
  type CognitoGateway,
} from './gateway';
import { GatewayError } from './types';

const names = (o: object) => Object.keys(o).sort();

/** A gateway whose methods answer their own name (writes with a request id), recording calls. */
function echoGateway() {
  const calls: string[] = [];
  const kinds = operationKinds();
  const ports = Object.fromEntries(
    Object.entries(kinds).map(([port, ops]) => [
      port,
      Object.fromEntries(
        Object.entries(ops).map(([name, kind]) => [
          name,
          async (...args: unknown[]) => {
            calls.push(`${port}.${name}(${args.join(',')})`);
            if (name === 'disableUser' && args[1] === 'ghost')
              throw new GatewayError('USER_NOT_FOUND', 'no', 'UserNotFoundException', 'req-ghost');
            return kind === 'write' ? { value: name, requestId: `req-${name}` } : name;
          },
        ]),
      ),
    ]),
  );
  return { gateway: { ...ports, destroy: () => undefined } as unknown as CognitoGateway, calls };
}

describe('the gateway is derived from one operation table', () => {
  it('createCognitoGateway and unusedGateway offer exactly the tables’ methods, port by port', () => {
    const real = createCognitoGateway({ defaultRegion: 'us-east-1' });
    const stub = unusedGateway(() => new Error('unused'));
    try {
      for (const [port, table] of Object.entries(gatewayOperations)) {
        expect({ port, methods: names(real[port as keyof typeof gatewayOperations]) }).toEqual({
          port,
          methods: names(table),
        });
        expect(names(stub[port as keyof typeof gatewayOperations])).toEqual(names(table));
      }
    } finally {
      real.destroy();
    }
  });

  it('method names are unique across ports (audit rows and fakes name a method without its port)', () => {
    const all = Object.values(gatewayOperations).flatMap((t) => Object.keys(t));
    expect(all.length).toBe(new Set(all).size);
  });

  it('unusedGateway rejects every call with the given error', async () => {
    const stub = unusedGateway(() => new Error('not while documenting'));
    await expect(stub.users.getUser('us-east-1_A1', 'a')).rejects.toThrow('not while documenting');
  });
});

describe('readsOf', () => {
  it('holds every read and no write: the writes are not there to be found', async () => {
    const { gateway, calls } = echoGateway();
    const reads = readsOf(gateway);
    const kinds = operationKinds();
    for (const [port, ops] of Object.entries(kinds)) {
      const view = reads[port as keyof typeof reads] as Record<string, unknown>;
      const expected = Object.entries(ops)
        .filter(([, kind]) => kind === 'read')
        .map(([name]) => name)
        .sort();
      expect(names(view)).toEqual(expected);
    }
    expect('disableUser' in reads.users).toBe(false);
    expect((reads.users as Record<string, unknown>)['createUser']).toBeUndefined();
    expect(Object.isFrozen(reads.users)).toBe(true);
    expect(await reads.users.getUser('us-east-1_A1', 'ann')).toBe('getUser');
    expect(calls).toEqual(['users.getUser(us-east-1_A1,ann)']);
  });
});

describe('writesOf', () => {
  it('holds only writes; each asks `before`, then reports the request id to `after` and answers the value', async () => {
    const { gateway, calls } = echoGateway();
    const log: string[] = [];
    const writes = writesOf(gateway, {
      before: (port, name) => log.push(`before ${port}.${name}`),
      after: (id) => log.push(`after ${id}`),
    });
    expect('getUser' in writes.users).toBe(false);
    expect(await writes.users.disableUser('us-east-1_A1', 'ann')).toBe('disableUser');
    expect(log).toEqual(['before users.disableUser', 'after req-disableUser']);
    expect(calls).toEqual(['users.disableUser(us-east-1_A1,ann)']);
  });

  it('a refusal in `before` sends nothing to AWS', async () => {
    const { gateway, calls } = echoGateway();
    const writes = writesOf(gateway, {
      before: () => {
        throw new Error('outside an audit scope');
      },
      after: () => undefined,
    });
    await expect(writes.users.deleteUser('us-east-1_A1', 'ann')).rejects.toThrow('outside an audit scope');
    expect(calls).toEqual([]);
  });

  it('reports the request id of a failed call too', async () => {
    const { gateway } = echoGateway();
    const ids: Array<string | null> = [];
    const writes = writesOf(gateway, { before: () => undefined, after: (id) => ids.push(id) });
    await expect(writes.users.disableUser('us-east-1_A1', 'ghost')).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    expect(ids).toEqual(['req-ghost']);
  });
});
