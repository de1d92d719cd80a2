import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * The API speaks JSON only: a request body sent as anything else (a form, text/plain, no Content-Type) is a
 * 400 VALIDATION_FAILED on `(body)` saying so, rather than being parsed as a form or read as "no body".
 */
export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const length = req.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  const type = req.headers['content-type'];
  if (!hasBody || (typeof type === 'string' && JSON_TYPE.test(type))) {
    next();
    return;
  }
  const message = 'must be JSON, sent with Content-Type: application/json';
  next(new AppError('VALIDATION_FAILED', `(body): ${message}`, [{ field: '(body)', message }]));
}
