import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AwsError, unsupportedOperation } from '../core/errors';
import { awsJsonErrorReply } from '../protocol/aws-json';
import { corsHeaders, HttpReply, jsonReply, readBody, send } from '../protocol/http-io';
import type { ServiceEndpoint } from '../protocol/service-endpoint';
import type { OperationContext } from '../services/registry';
import { wellKnownReply } from './well-known';

/** Routes a request: CORS preflight, well-known documents, or an AWS protocol service chosen per request. */
export function createRequestListener(ctx: OperationContext, services: ServiceEndpoint[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID();
    const base = { 'x-amzn-RequestId': requestId, ...corsHeaders(req) };
    route(req, ctx, services, requestId)
      .catch((err: unknown) => awsJsonErrorReply(err))
      .then((reply) => send(res, reply, base))
      .catch(() => res.destroy());
  };
}

async function route(
  req: IncomingMessage,
  ctx: OperationContext,
  services: ServiceEndpoint[],
  requestId: string,
): Promise<HttpReply> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'OPTIONS') return { status: 204 };
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (pathname === '/health')
      return jsonReply(200, { status: 'ok', service: 'poolkeeper-cognito-emulator' });
    return wellKnownReply(pathname, ctx) ?? jsonReply(404, { message: `Not found: ${pathname}` });
  }
  if (req.method !== 'POST')
    return awsJsonErrorReply(
      new AwsError('UnsupportedOperationException', `Method ${req.method} not allowed.`, 405),
    );
  const body = await readBody(req);
  const service = services.find((s) => s.matches(req));
  if (!service) {
    const target = req.headers['x-amz-target'];
    const what = typeof target === 'string' ? `X-Amz-Target ${target}` : 'a request without X-Amz-Target';
    return awsJsonErrorReply(
      unsupportedOperation(`The poolkeeper local Cognito emulator does not serve ${what}.`),
    );
  }
  return service.handle(req, body, ctx, requestId);
}
