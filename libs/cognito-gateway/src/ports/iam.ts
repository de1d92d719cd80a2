import { GetRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import { iamErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';

export interface IamRoleInfo {
  name: string;
  arn: string;
  path: string;
  /** The trust policy as JSON (IAM returns it URL-encoded: decoded here). */
  trustPolicy: unknown;
}

/** IAM returns AssumeRolePolicyDocument URL-encoded (RFC 3986), per the GetRole API reference. */
export function decodePolicyDocument(encoded: string | undefined): unknown {
  if (!encoded) return null;
  let text = encoded;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    // Already plain.
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function getRole(client: IAMClient, roleName: string): Promise<IamRoleInfo> {
  return mapErrors(async () => {
    const output = await client.send(new GetRoleCommand({ RoleName: roleName }));
    const role = output.Role;
    return {
      name: role?.RoleName ?? roleName,
      arn: role?.Arn ?? '',
      path: role?.Path ?? '/',
      trustPolicy: decodePolicyDocument(role?.AssumeRolePolicyDocument),
    };
  }, iamErrors);
}

/** The IAM port (global): roles offered to identity pools; listing and editing come with federation. */
export const iamOperations = {
  getRole: read((c, roleName: string) => getRole(c.iam(), roleName)),
};
