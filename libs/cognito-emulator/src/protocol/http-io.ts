import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from '../core/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** CORS for browser callers of unsigned operations (InitiateAuth, RespondToAuthChallenge). */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': typeof origin === 'string' && origin !== '' ? origin : '*',
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers':
      'content-type, x-amz-target, x-amz-user-agent, authorization, x-amz-date, x-amz-security-token, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request, cache-control',
    'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
    'Access-Control-Max-Age': '86400',
    Vary: 'Origin',
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AwsError('InvalidParameterException', 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: HttpReply, base: Record<string, string>): void {
  const headers = { ...base, ...(reply.headers ?? {}) };
  if (reply.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(reply.body));
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

export const jsonReply = (status: number, body: unknown, contentType = 'application/json'): HttpReply => ({
  status,
  headers: { 'Content-Type': contentType },
  body: JSON.stringify(body),
});
