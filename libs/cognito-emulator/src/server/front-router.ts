import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AwsError, unsupportedOperation } from '../core/errors';
import { awsJsonErrorReply } from '../protocol/aws-json';
import {
  awsQueryErrorReply,
  formParams,
  invalidAction,
  isFormRequest,
  missingAction,
} from '../protocol/aws-query';
import { corsHeaders, HttpReply, jsonReply, readBody, send } from '../protocol/http-io';
import type { ServiceEndpoint } from '../protocol/service-endpoint';
import { credentialScope } from '../protocol/sigv4';
import type { EmulatorContext, OperationContext } from '../services/registry';
import type { PathRoute } from './path-routes';

/**
 * The front router: one port for every service and Region, as AWS's endpoints are many.
 * - plain paths first (`/health`, `/<poolId>/.well-known/*`, later `/oauth2/*`);
 * - `POST /` with `X-Amz-Target`: the awsJson service whose target prefix it names;
 * - `POST /` form-encoded: the awsQuery service whose `Version` it names (IAM, STS);
 * - anything else: a clean 400 in the protocol the request looks like, never a 500.
 */
export function createFrontRouter(
  ctx: EmulatorContext,
  services: ServiceEndpoint[],
  paths: readonly PathRoute[],
) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID();
    const base = { 'x-amzn-RequestId': requestId, ...corsHeaders(req) };
    route(req, ctx, services, paths, requestId)
      .catch((err: unknown) => awsJsonErrorReply(err, requestId))
      .then((reply) => send(res, reply, base))
      .catch(() => res.destroy());
  };
}

/** This request's view of the context: the Region it was signed for (else the default one). */
function requestContext(ctx: EmulatorContext, req: IncomingMessage, requestId: string): OperationContext {
  const scope = credentialScope(req);
  return {
    ...ctx,
    region: scope?.region ?? ctx.defaultRegion,
    regionSigned: scope !== undefined,
    requestId,
    ...(scope ? { accessKeyId: scope.accessKeyId } : {}),
  };
}

async function route(
  req: IncomingMessage,
  ctx: EmulatorContext,
  services: ServiceEndpoint[],
  paths: readonly PathRoute[],
  requestId: string,
): Promise<HttpReply> {
  if (req.method === 'OPTIONS') return { status: 204 };
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  for (const path of paths) {
    const match = path.pattern.exec(pathname);
    if (!match) continue;
    if (!path.methods.includes(req.method ?? ''))
      return jsonReply(405, { message: `Method ${req.method} not allowed.` });
    return path.handle(match, req, ctx);
  }
  if (pathname !== '/' || req.method === 'GET' || req.method === 'HEAD')
    return jsonReply(404, { message: `Not found: ${pathname}` });
  if (req.method !== 'POST')
    return awsJsonErrorReply(
      new AwsError('UnsupportedOperationException', `Method ${req.method} not allowed.`, 405),
      requestId,
    );
  const body = await readBody(req);
  const opCtx = requestContext(ctx, req, requestId);
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const service = services.find((s) => s.protocol === 'awsJson' && s.matches(req, body));
    if (service) return service.handle(req, body, opCtx);
    return awsJsonErrorReply(
      unsupportedOperation(`The poolkeeper local Cognito emulator does not serve X-Amz-Target ${target}.`),
      requestId,
    );
  }
  if (isFormRequest(req)) {
    const service = services.find((s) => s.protocol === 'awsQuery' && s.matches(req, body));
    if (service) return service.handle(req, body, opCtx);
    const { Action, Version } = formParams(body);
    const error = Action
      ? invalidAction(Action, Version ?? '(none)', 'no service has this Version')
      : missingAction();
    return awsQueryErrorReply(error, requestId);
  }
  return awsJsonErrorReply(
    unsupportedOperation(
      'The poolkeeper local Cognito emulator does not serve a request without X-Amz-Target or a form-encoded Action.',
    ),
    requestId,
  );
}
