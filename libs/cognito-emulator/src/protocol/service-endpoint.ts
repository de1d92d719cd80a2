import type { IncomingMessage } from 'node:http';
import type { OperationContext } from '../services/registry';
import type { HttpReply } from './http-io';

/** One AWS service served on the shared port (cognito-idp now; cognito-identity and IAM later). */
export interface ServiceEndpoint {
  name: string;
  matches(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, body: string, ctx: OperationContext, requestId: string): Promise<HttpReply>;
}
