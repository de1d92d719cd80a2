import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { charAwarePrismaPg } from './char-columns';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let bindings: Promise<Bindings> | undefined;

/**
 * Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm, the build matching prisma 7.10.0's
 * engines), since the native engine cannot be downloaded here. The package's entry imports the .wasm file
 * as an ES module, which Node 20 cannot do, so the module is instantiated here from its bytes.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(pathToFileURL(glue).href)) as Bindings & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(join(dirname(glue), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports['__wbindgen_start'] as () => void)();
    return bg;
  })();
  return bindings;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * SQL that would take the database at `databaseUrl` to the schema (Prisma's `migrate diff --from-url
 * --to-schema --script`); only comments when they agree. Prisma compares what it models (tables, columns,
 * indexes, keys, enums); triggers, functions and grants that migrations add by hand are outside it.
 */
export async function diffDatabaseToSchema(databaseUrl: string, schema: SchemaFile): Promise<string> {
  const { SchemaEngine } = await loadBindings();
  const { factory, pool } = charAwarePrismaPg(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    const files = [{ path: schema.path, content: schema.content }];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: dirname(schema.path) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } catch (error) {
    const detail = logs.length ? `\n${logs.slice(-10).join('\n')}` : '';
    throw new Error(`Prisma's schema engine could not diff the database: ${String(error)}${detail}`, {
      cause: error,
    });
  } finally {
    engine.free();
    await pool.end();
  }
}

/** The statements of a diff script, comments and blank lines dropped: empty when nothing differs. */
export function meaningfulSql(script: string): string {
  return script
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('--'))
    .join('\n')
    .trim();
}
