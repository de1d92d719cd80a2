import type { IncomingMessage } from 'node:http';
import { AwsError } from '../core/errors';
import { attributeBag } from '../state/model';
import type { OperationContext, OperationTable } from '../services/registry';
import type { HttpReply } from './http-io';
import { internalError } from './internal-error';
import { runOperation } from './run-operation';
import type { ServiceEndpoint } from './service-endpoint';
import { escapeXml, toQueryXml } from './xml';

const FORM = 'application/x-www-form-urlencoded';

export const isFormRequest = (req: IncomingMessage) =>
  String(req.headers['content-type'] ?? '').startsWith(FORM);

/** The form body's parameters, as a null-prototype object (a parameter named `__proto__` is just a key). */
export const formParams = (body: string): Record<string, string> => attributeBag(new URLSearchParams(body));

/**
 * An awsQuery error (IAM, STS): `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code>…</Code>
 * <Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`, status 4xx/5xx.
 */
export function awsQueryErrorReply(err: unknown, requestId: string, xmlns?: string): HttpReply {
  const e =
    err instanceof AwsError
      ? err
      : new AwsError('InternalFailure', internalError(err, requestId).message, 500);
  const type = e.status >= 500 ? 'Receiver' : 'Sender';
  const ns = xmlns ? ` xmlns="${escapeXml(xmlns)}"` : '';
  const xml =
    `<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${escapeXml(e.type)}</Code>` +
    `<Message>${escapeXml(e.message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`;
  return { status: e.status, headers: { 'Content-Type': 'text/xml' }, body: xml };
}

/** The AWS common error for a form without `Action` ("MissingAction", 400). */
export const missingAction = () =>
  new AwsError('MissingAction', 'The request is missing an action or a required parameter.');

/** The AWS common error for an action a service does not have ("InvalidAction", 400). */
export const invalidAction = (action: string, version: string, service: string) =>
  new AwsError(
    'InvalidAction',
    `Could not find operation ${action} for version ${version}: the poolkeeper local Cognito emulator does not implement it (${service}).`,
  );

export interface AwsQueryServiceOptions {
  name: string;
  /** The API version the SDK sends as `Version=`, e.g. 2010-05-08 (IAM), 2011-06-15 (STS). */
  version: string;
  /** The response namespace, e.g. https://iam.amazonaws.com/doc/2010-05-08/ */
  xmlns: string;
  operations: OperationTable;
}

/**
 * An awsQuery service: `POST /`, form-encoded `Action=<Op>&Version=<version>&…`, XML out
 * (`<OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>`). Operations get the form parameters
 * as their input and return an object serialized by `toQueryXml`.
 */
export function awsQueryService(opts: AwsQueryServiceOptions): ServiceEndpoint {
  const { name, version, xmlns, operations } = opts;
  return {
    name,
    protocol: 'awsQuery',
    matches: (req, body) => isFormRequest(req) && formParams(body).Version === version,
    async handle(_req, body, ctx: OperationContext): Promise<HttpReply> {
      const params = formParams(body);
      const action = params.Action ?? '';
      try {
        if (action === '') throw missingAction();
        const op = operations.get(action);
        if (!op) throw invalidAction(action, version, name);
        const result = await runOperation(op, params, ctx);
        const xml =
          `<${action}Response xmlns="${escapeXml(xmlns)}"><${action}Result>${toQueryXml(result)}</${action}Result>` +
          `<ResponseMetadata><RequestId>${escapeXml(ctx.requestId)}</RequestId></ResponseMetadata></${action}Response>`;
        return { status: 200, headers: { 'Content-Type': 'text/xml' }, body: xml };
      } catch (err) {
        return awsQueryErrorReply(err, ctx.requestId, xmlns);
      }
    },
  };
}
