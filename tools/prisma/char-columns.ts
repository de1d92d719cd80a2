import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/** PostgreSQL's one-byte `"char"` type (oid 18), e.g. pg_constraint.contype in the engine's catalog queries. */
const CHAR_OID = 18;
const TEXT_OID = 25;

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * A @prisma/adapter-pg factory for Prisma's schema engine. adapter-pg 7.10 refuses result columns of type
 * `"char"` (UnsupportedNativeDataType), which the engine's own catalog queries return (prisma/orm#27403),
 * and the engine then wants them as its `Character` column type. The pool has one connection, so the
 * columns recorded for the query that just finished belong to the result being mapped (no other reply
 * can arrive between the two: that needs I/O).
 */
export function charAwarePrismaPg(databaseUrl: string): { factory: PrismaPg; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let charColumns: number[] = [];
  const record = <T>(result: T): T => {
    const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
    charColumns = [];
    fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      charColumns.push(index);
    });
    return result;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        const callback = last as (error: unknown, result: unknown) => void;
        return query(...args.slice(0, -1), (error: unknown, result: unknown) =>
          callback(error, error ? result : record(result)),
        );
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(record) : result;
    };
  });

  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: Adapter = await connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
      return result;
    };
    return adapter;
  };
  return { factory, pool };
}
