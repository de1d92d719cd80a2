import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MigrationFile {
  /** Folder name, e.g. `20261201000000_init` (Prisma's `migration_name`). */
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes: what Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

export function migrationChecksum(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/**
 * Finds `prisma/migrations` by walking up from this module (works from the source tree and from a build
 * inside the repository), then from the working directory.
 */
export function defaultMigrationsDir(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, 'prisma', 'migrations');
      if (existsSync(join(candidate, 'migration_lock.toml'))) return candidate;
      if (dir === dirname(dir)) break;
    }
  }
  throw new Error(
    `Could not find prisma/migrations above ${starts.join(' or ')}; pass migrationsDir explicitly.`,
  );
}

/** Reads `<dir>/*\/migration.sql` in name order (Prisma's order). */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const dir = resolve(migrationsDir);
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read migrations directory ${dir}: ${error.message}`);
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = join(dir, name, 'migration.sql');
      const bytes = await readFile(file).catch(() => {
        throw new Error(`Migration ${name} has no migration.sql (${file})`);
      });
      return { name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    }),
  );
}
