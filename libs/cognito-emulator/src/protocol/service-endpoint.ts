import type { IncomingMessage } from 'node:http';
import type { OperationContext } from '../services/registry';
import type { HttpReply } from './http-io';

/** One AWS service served on `POST /` of the shared port, chosen by the front router (server/front-router.ts). */
export interface ServiceEndpoint {
  name: string;
  /** The AWS protocol: decides how unknown operations and errors are answered. */
  protocol: 'awsJson' | 'awsQuery';
  matches(req: IncomingMessage, body: string): boolean;
  handle(req: IncomingMessage, body: string, ctx: OperationContext): Promise<HttpReply>;
}
