import type { IncomingMessage } from 'node:http';
import { AwsError, unsupportedOperation } from '../core/errors';
import { asInput } from '../core/params';
import type { OperationContext, OperationTable } from '../services/registry';
import { HttpReply, jsonReply } from './http-io';
import type { ServiceEndpoint } from './service-endpoint';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

export function awsJsonErrorReply(err: unknown): HttpReply {
  const e =
    err instanceof AwsError
      ? err
      : new AwsError(
          'InternalErrorException',
          `Internal error: ${(err as Error)?.message ?? String(err)}`,
          500,
        );
  const reply = jsonReply(e.status, { __type: e.type, message: e.message }, CONTENT_TYPE);
  reply.headers = { ...reply.headers, 'x-amzn-ErrorType': e.type };
  return reply;
}

/** An awsJson1_1 service: `X-Amz-Target: <prefix>.<Operation>`, JSON in and out. */
export function awsJsonService(
  name: string,
  targetPrefix: string,
  operations: OperationTable,
): ServiceEndpoint {
  return {
    name,
    matches: (req: IncomingMessage) => {
      const target = req.headers['x-amz-target'];
      return typeof target === 'string' && target.startsWith(`${targetPrefix}.`);
    },
    async handle(req: IncomingMessage, body: string, ctx: OperationContext): Promise<HttpReply> {
      const opName = String(req.headers['x-amz-target']).slice(targetPrefix.length + 1);
      const op = Object.hasOwn(operations, opName) ? operations[opName] : undefined;
      try {
        if (!op)
          throw unsupportedOperation(
            `Operation ${opName} is not implemented by the poolkeeper local Cognito emulator (${name}).`,
          );
        ctx.throttle?.take(opName);
        let parsed: unknown;
        try {
          parsed = body.trim() === '' ? {} : JSON.parse(body);
        } catch {
          throw new AwsError('SerializationException', 'Request body is not valid JSON.');
        }
        let result: unknown;
        try {
          result = await op.handle(asInput(parsed), ctx);
        } finally {
          // Answer a mutation only once its effect is on disk (writes are coalesced by the store).
          if (op.mutates) await ctx.store.persist();
        }
        return jsonReply(200, result ?? {}, CONTENT_TYPE);
      } catch (err) {
        return awsJsonErrorReply(err);
      }
    },
  };
}
