import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from '../app/http-edges';

/** Serves the built console at `/` with an SPA fallback (non-/api GETs → index.html). No-op when the dir is absent. */
export function serveConsole(app: NestExpressApplication, consoleDist: string): boolean {
  const dir = resolve(consoleDist);
  const index = join(dir, 'index.html');
  if (!existsSync(index) || !statSync(dir).isDirectory()) return false;
  app.useStaticAssets(dir, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
