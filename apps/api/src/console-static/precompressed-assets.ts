import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/**
 * The console's hashed build output (`assets/<name>-<hash>.<ext>`): its name changes with its content, so
 * a browser may keep it for good. The build writes `.br` and `.gz` beside each text file
 * (tools/build/precompress.mjs); the one the browser accepts is sent as it is, with `Content-Encoding`.
 */
export const hashedAssetsPrefix = '/assets/';
export const immutableCaching = { maxAge: 365 * 24 * 60 * 60 * 1000, immutable: true } as const;

const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The codings an `Accept-Encoding` header allows (q=0 refuses one), e.g. `gzip, br;q=0.8` → gzip, br. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  return accepted;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Serves `/assets/*` from `dir`: precompressed when accepted, cached for a year, `immutable`; else 404. */
export function serveHashedAssets(dir: string) {
  const root = normalize(join(dir, hashedAssetsPrefix));
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith(hashedAssetsPrefix))
      return next();
    let file: string;
    try {
      file = normalize(join(dir, decodeURIComponent(req.path)));
    } catch {
      file = '';
    }
    if (!file.startsWith(root) || file.includes(`${sep}..`) || !isFile(file)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Vary', 'Accept-Encoding');
    const type = contentTypes[extname(file)];
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const encoding = type
      ? encodings.find((e) => accepted.has(e.name) && isFile(file + e.suffix))
      : undefined;
    if (encoding && type) {
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Encoding', encoding.name);
      res.sendFile(file + encoding.suffix, immutableCaching);
      return;
    }
    res.sendFile(file, immutableCaching);
  };
}
