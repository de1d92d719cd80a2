import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from '../app/http-edges';
import { serveHashedAssets } from './precompressed-assets';

/**
 * Serves the built console at `/`: hashed assets precompressed and cached for good
 * (precompressed-assets.ts), the few unhashed files (favicon) for an hour, and an SPA fallback —
 * `index.html`, revalidated on every load (`no-cache`), for any other GET that is not /api and does not
 * ask for a static file (a missing `/favicon.ico` or `/x.js` is a 404, not the page). No-op when the dir
 * is absent.
 */
const staticFile = /\.(?:ico|png|svg|js|mjs|css|map|json|txt|webmanifest|woff2?)$/i;

export function serveConsole(app: NestExpressApplication, consoleDist: string): boolean {
  const dir = resolve(consoleDist);
  const index = join(dir, 'index.html');
  if (!existsSync(index) || !statSync(dir).isDirectory()) return false;
  app.use(serveHashedAssets(dir));
  app.useStaticAssets(dir, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (staticFile.test(req.path)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
