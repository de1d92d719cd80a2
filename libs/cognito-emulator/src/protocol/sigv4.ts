import type { IncomingMessage } from 'node:http';

export interface CredentialScope {
  /** The access key id the request was signed with (STS GetCallerIdentity answers for it). */
  accessKeyId: string;
  region: string;
  service: string;
}

// `AWS4-HMAC-SHA256 Credential=AKID/20261202/eu-west-1/cognito-idp/aws4_request, SignedHeaders=…, Signature=…`
// (SigV4: "Authorization header"; the scope is date/region/service/aws4_request).
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;
const REGION = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/;

/**
 * The SigV4 credential scope of a signed request, or undefined for an unsigned one. The signature itself is
 * not checked (any credentials work locally); only the Region and service it was signed for are read.
 */
export function credentialScope(req: IncomingMessage): CredentialScope | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('AWS4-')) return undefined;
  const m = CREDENTIAL.exec(header);
  if (!m || !REGION.test(m[2] as string)) return undefined;
  return { accessKeyId: m[1] as string, region: m[2] as string, service: m[3] as string };
}
