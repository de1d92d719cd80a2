import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../build/tsconfig.mjs';
import { clientDrift, migrationsDrift, prismaLayout } from './drift';

/** A scratch repository holding copies of what the check compares: prisma/, the client, tsconfig files. */
async function scratchRepository(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'poolkeeper-drift-spec-'));
  const layout = await prismaLayout(repoRoot);
  await cp(join(repoRoot, 'prisma'), join(dir, 'prisma'), { recursive: true });
  for (const generated of layout.generatedDirs) {
    const relative = generated.slice(layout.root.length + 1);
    await cp(generated, join(dir, relative), { recursive: true });
  }
  for (const file of ['tsconfig.json', 'tsconfig.base.json', 'libs/persistence/tsconfig.json']) {
    await cp(join(repoRoot, file), join(dir, file)).catch(() => undefined);
  }
  return dir;
}

/** Adds a column to the AuditEvent model, as someone would who forgot the migration. */
async function addField(dir: string): Promise<void> {
  const schemaPath = join(dir, 'prisma', 'schema.prisma');
  const schema = await readFile(schemaPath, 'utf8');
  const changed = schema.replace(
    /model AuditEvent \{\n/,
    'model AuditEvent {\n  driftProbe String? @map("drift_probe")\n',
  );
  expect(changed).not.toBe(schema);
  await writeFile(schemaPath, changed);
}

const slow = 60_000; // embedded PostgreSQL and prisma generate

describe('prisma drift check (schema.prisma, prisma/migrations, the committed client)', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await scratchRepository();
  }, slow);
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it(
    'finds nothing in the repository as committed',
    async () => {
      const layout = await prismaLayout(repoRoot);
      expect(await migrationsDrift(layout)).toBe('');
      expect(await clientDrift(layout)).toEqual([]);
    },
    slow,
  );

  it(
    'reports a field added to schema.prisma without a migration, and the client it makes stale',
    async () => {
      await addField(scratch);
      const layout = await prismaLayout(scratch, repoRoot);
      expect(await migrationsDrift(layout)).toMatch(
        /ALTER TABLE "audit_events" ADD COLUMN\s+"drift_probe" TEXT/,
      );
      const stale = await clientDrift(layout);
      expect(stale.length).toBeGreaterThan(0);
      expect(stale.join('\n')).toMatch(/generated\/prisma\/.*differs/);
    },
    slow,
  );

  it(
    'reports a migration that schema.prisma does not describe',
    async () => {
      const dir = await scratchRepository();
      try {
        const migration = join(dir, 'prisma', 'migrations', '99990101000000_drift_probe');
        await cp(join(dir, 'prisma', 'migrations', await firstMigration(dir)), migration, {
          recursive: true,
        });
        await writeFile(
          join(migration, 'migration.sql'),
          'CREATE TABLE "drift_probe" ("id" INTEGER PRIMARY KEY);\n',
        );
        expect(await migrationsDrift(await prismaLayout(dir, repoRoot))).toMatch(/DROP TABLE "drift_probe"/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    slow,
  );
});

async function firstMigration(dir: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(join(dir, 'prisma', 'migrations'), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return names[0] ?? '';
}
