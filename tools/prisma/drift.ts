import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { migrateDatabase, startEmbeddedPostgres } from '@poolkeeper/persistence';
import { diffDatabaseToSchema, meaningfulSql } from './schema-engine';

/** Where the three things that must agree live. */
export interface PrismaLayout {
  root: string;
  /** Repository whose node_modules (Prisma's CLI) and tools/prisma (the engine stub) generate the client. */
  toolRoot: string;
  schemaPath: string;
  migrationsDir: string;
  /** Output folders of the schema's generators, absolute. */
  generatedDirs: string[];
}

export async function prismaLayout(root: string, toolRoot = root): Promise<PrismaLayout> {
  const schemaPath = join(root, 'prisma', 'schema.prisma');
  const migrationsDir = join(root, 'prisma', 'migrations');
  const schema = await readFile(schemaPath, 'utf8');
  return {
    root: resolve(root),
    toolRoot: resolve(toolRoot),
    schemaPath: resolve(schemaPath),
    migrationsDir: resolve(migrationsDir),
    generatedDirs: generatorOutputs(schema, resolve(schemaPath)),
  };
}

/** `output = "…"` of every `generator` block, resolved against the schema's folder (as Prisma does). */
export function generatorOutputs(schema: string, schemaPath: string): string[] {
  const blocks = schema.match(/^\s*generator\s+\w+\s*\{[^}]*\}/gm) ?? [];
  return blocks.flatMap((block) => {
    const output = /^\s*output\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    return output ? [resolve(dirname(schemaPath), output)] : [];
  });
}

/**
 * Applies the committed migrations to a fresh embedded PostgreSQL with the code the app uses
 * (migrateDatabase), then asks Prisma's schema engine what SQL would still take that database to
 * schema.prisma. Returns that SQL: empty when migrations and schema agree.
 */
export async function migrationsDrift(layout: PrismaLayout): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'poolkeeper-prisma-check-'));
  const postgres = await startEmbeddedPostgres({ dataDir: join(work, 'postgres') });
  try {
    // A role that may run DDL, when the embedded server offers one apart from the serving role.
    const url = (postgres as { migrationUrl?: string }).migrationUrl ?? postgres.url;
    await migrateDatabase(url, { migrationsDir: layout.migrationsDir });
    const schema = { path: layout.schemaPath, content: await readFile(layout.schemaPath, 'utf8') };
    return meaningfulSql(await diffDatabaseToSchema(url, schema));
  } finally {
    await postgres.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Generates the client from schema.prisma into a scratch copy of the repository layout (schema and the
 * tsconfig files Prisma's generator reads to choose import extensions) and compares it file by file with
 * the committed client. Returns one line per difference: empty when the committed client is current.
 */
export async function clientDrift(layout: PrismaLayout): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'poolkeeper-prisma-client-'));
  try {
    const mirror = (path: string) => join(scratch, relative(layout.root, path));
    await mkdir(dirname(mirror(layout.schemaPath)), { recursive: true });
    await copyFile(layout.schemaPath, mirror(layout.schemaPath));
    for (const file of await tsconfigsAbove(layout)) {
      await mkdir(dirname(mirror(file)), { recursive: true });
      await copyFile(file, mirror(file));
    }
    generateClient(layout.toolRoot, mirror(layout.schemaPath));
    const differences: string[] = [];
    for (const dir of layout.generatedDirs) {
      differences.push(...(await compareTrees(dir, mirror(dir), relative(layout.root, dir))));
    }
    return differences;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** tsconfig*.json in the repository root and in every folder from there down to each generator output. */
async function tsconfigsAbove(layout: PrismaLayout): Promise<string[]> {
  const folders = new Set<string>();
  for (const dir of layout.generatedDirs) {
    for (let d = dir; d === layout.root || d.startsWith(layout.root + sep); d = dirname(d)) {
      folders.add(d);
      if (d === layout.root) break;
    }
  }
  const files: string[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of await readdir(folder)) {
      if (/^tsconfig.*\.json$/.test(name)) files.push(join(folder, name));
    }
  }
  return files;
}

/** `prisma generate` without the native schema engine (the stub in tools/prisma, as generate.sh does). */
function generateClient(root: string, schemaPath: string): void {
  const cli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
  const run = spawnSync(process.execPath, [cli, 'generate', '--schema', schemaPath], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: join(root, 'tools', 'prisma', 'schema-engine-stub.sh'),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (run.status !== 0) {
    throw new Error(`prisma generate failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function compareTrees(committed: string, fresh: string, label: string): Promise<string[]> {
  const [have, want] = await Promise.all([listFiles(committed), listFiles(fresh)]);
  const differences: string[] = [];
  for (const file of want.filter((f) => !have.includes(f)))
    differences.push(`${label}/${file}: not committed`);
  for (const file of have.filter((f) => !want.includes(f)))
    differences.push(`${label}/${file}: no longer generated`);
  for (const file of want.filter((f) => have.includes(f))) {
    const [a, b] = await Promise.all([
      readFile(join(committed, file), 'utf8'),
      readFile(join(fresh, file), 'utf8'),
    ]);
    if (a === b) continue;
    const lines = [a.split('\n'), b.split('\n')] as const;
    const at = lines[1].findIndex((line, i) => line !== lines[0][i]);
    const line = at === -1 ? lines[0].length : at;
    differences.push(
      `${label}/${file}: differs from line ${line + 1} (generated: ${JSON.stringify((lines[1][line] ?? '').trim().slice(0, 100))})`,
    );
  }
  return differences;
}
