import type { IncomingMessage } from 'node:http';
import { AwsError, unsupportedOperation } from '../core/errors';
import { injectedInternalError } from '../core/faults';
import { asInput } from '../core/params';
import type { OperationContext, OperationTable } from '../services/registry';
import { HttpReply, jsonReply } from './http-io';
import { internalError } from './internal-error';
import { runOperation } from './run-operation';
import type { ServiceEndpoint } from './service-endpoint';

export type AwsJsonVersion = '1.0' | '1.1';
const contentType = (version: AwsJsonVersion) => `application/x-amz-json-${version}`;

/** An awsJson error: the status, `{ "__type": name, "message": … }` and `x-amzn-ErrorType`. */
export function awsJsonErrorReply(
  err: unknown,
  requestId: string,
  version: AwsJsonVersion = '1.1',
): HttpReply {
  const e = err instanceof AwsError ? err : internalError(err, requestId);
  const reply = jsonReply(e.status, { __type: e.type, message: e.message }, contentType(version));
  reply.headers = { ...reply.headers, 'x-amzn-ErrorType': e.type };
  return reply;
}

export interface AwsJsonServiceOptions {
  name: string;
  /** `X-Amz-Target: <prefix>.<Operation>`, e.g. AWSCognitoIdentityProviderService. */
  targetPrefix: string;
  operations: OperationTable;
  version?: AwsJsonVersion;
}

/** An awsJson service: `POST /` with `X-Amz-Target: <prefix>.<Operation>`, JSON in and out. */
export function awsJsonService(opts: AwsJsonServiceOptions): ServiceEndpoint {
  const { name, targetPrefix, operations } = opts;
  const version = opts.version ?? '1.1';
  return {
    name,
    protocol: 'awsJson',
    matches: (req: IncomingMessage) => {
      const target = req.headers['x-amz-target'];
      return typeof target === 'string' && target.startsWith(`${targetPrefix}.`);
    },
    async handle(req: IncomingMessage, body: string, ctx: OperationContext): Promise<HttpReply> {
      const opName = String(req.headers['x-amz-target']).slice(targetPrefix.length + 1);
      const op = operations.get(opName);
      try {
        if (!op)
          throw unsupportedOperation(
            `Operation ${opName} is not implemented by the poolkeeper local Cognito emulator (${name}).`,
          );
        const fault = ctx.faults ? await ctx.faults.apply(opName) : 'ok';
        if (fault === 'reset') {
          req.socket.destroy(); // the client sees ECONNRESET, no answer
          return { status: 500 };
        }
        if (fault === 'error') throw injectedInternalError();
        ctx.throttle?.take(opName);
        let parsed: unknown;
        try {
          parsed = body.trim() === '' ? {} : JSON.parse(body);
        } catch {
          throw new AwsError('SerializationException', 'Request body is not valid JSON.');
        }
        ctx.userThrottle?.take(parsed);
        const result = await runOperation(op, asInput(parsed), ctx);
        return jsonReply(200, result ?? {}, contentType(version));
      } catch (err) {
        return awsJsonErrorReply(err, ctx.requestId, version);
      }
    },
  };
}
