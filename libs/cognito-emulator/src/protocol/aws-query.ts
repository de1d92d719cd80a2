import type { IncomingMessage } from 'node:http';
import type { HttpReply } from './http-io';
import type { ServiceEndpoint } from './service-endpoint';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Placeholder for awsQuery services (IAM: form-encoded `Action=...&Version=2010-05-08`): answers every
 * action with a 400 XML error so the SDK reports it and does not retry. A later issue replaces it.
 */
export function awsQueryUnsupported(): ServiceEndpoint {
  return {
    name: 'awsQuery',
    matches: (req: IncomingMessage) =>
      String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'),
    async handle(_req, body, _ctx, requestId): Promise<HttpReply> {
      const action = new URLSearchParams(body).get('Action') ?? '(none)';
      const message = `Action ${action} is not implemented by the poolkeeper local Cognito emulator.`;
      const xml =
        `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>` +
        `<Code>UnsupportedOperation</Code><Message>${escapeXml(message)}</Message></Error>` +
        `<RequestId>${requestId}</RequestId></ErrorResponse>`;
      return { status: 400, headers: { 'Content-Type': 'text/xml' }, body: xml };
    },
  };
}
