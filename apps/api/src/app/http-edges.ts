import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@poolkeeper/contract';
import type { NextFunction, Request, Response } from 'express';
import { statusForCode } from '../errors/error-status';

/** Is this an API path? `//api/x` counts too: Express routes it like `/api/x` for neither, so treat it as API. */
export function isApiPath(path: string): boolean {
  const p = path.replace(/\/{2,}/g, '/');
  return p === '/api' || p.startsWith('/api/');
}

/** API answers are per caller and often personal: no browser or proxy may keep them. */
export function noStoreForApi(req: Request, res: Response, next: NextFunction): void {
  if (isApiPath(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Whatever falls through every route under /api (e.g. `//api/x`, which Nest's routes and its 404 do not
 * see) is a JSON 404 ROUTE_NOT_FOUND, never Express's HTML "Cannot GET".
 */
export function unknownApiRoutes(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as {
    use(handler: (req: Request, res: Response, next: NextFunction) => void): void;
  };
  express.use((req, res, next) => {
    if (!isApiPath(req.path) || res.headersSent) return next();
    const body: ErrorBody = { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${req.path}` };
    res.status(statusForCode(body.code)).json(body);
  });
}

const reasons: Record<number, string> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers over the 16 kB limit, a malformed
 * request line) get our JSON error shape instead of Node's bare status line.
 */
export function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const code: ErrorCode = tooLarge ? 'REQUEST_HEADERS_TOO_LARGE' : 'VALIDATION_FAILED';
    const body: ErrorBody = {
      code,
      message: tooLarge
        ? 'The request headers are too large (the limit is 16 kB); send a shorter token or fewer cookies'
        : 'The request could not be read as HTTP',
    };
    const text = JSON.stringify(body);
    const status = statusForCode(code);
    socket.end(
      `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
        text,
    );
  });
}
