import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from '../app/http-edges';
import { serveHashedAssets } from './precompressed-assets';

/**
 * Serves the built console at `/`: hashed assets precompressed and cached for good
 * (precompressed-assets.ts), the few unhashed files (favicon) for an hour, and an SPA fallback —
 * `index.html`, revalidated on every load (`no-cache`), for any other GET that does not ask for a static
 * file (a missing `/favicon.ico` or `/x.js` is a 404, not the page). One middleware, and an /api request
 * leaves it at once: it never touches the disk (issue 10: a static-file middleware stat-ing the console's
 * directory for every API request cost 7 % of the API's CPU). No-op when the dir is absent.
 */
const staticFile = /\.(?:ico|png|svg|js|mjs|css|map|json|txt|webmanifest|woff2?)$/i;

export function serveConsole(app: NestExpressApplication, consoleDist: string): boolean {
  const dir = resolve(consoleDist);
  const index = join(dir, 'index.html');
  if (!existsSync(index) || !statSync(dir).isDirectory()) return false;
  const hashed = serveHashedAssets(dir);
  const page = (req: Request, res: Response) => {
    const file = consoleFile(dir, req.path);
    if (file && file !== index) {
      res.sendFile(file, { maxAge: '1h' });
      return;
    }
    if (staticFile.test(req.path)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    hashed(req, res, () => page(req, res));
  });
  return true;
}

/** The file of the console's build a path names, if it is one: inside `dir`, no dot-segments, a file. */
function consoleFile(dir: string, path: string): string | undefined {
  let file: string;
  try {
    file = normalize(join(dir, decodeURIComponent(path)));
  } catch {
    return undefined;
  }
  if (!file.startsWith(dir + sep) || file.split(sep).some((part) => part.startsWith('.'))) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
