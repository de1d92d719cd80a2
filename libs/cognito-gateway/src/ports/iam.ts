import { GetRoleCommand, type IAMClient, ListRolesCommand, type Role } from '@aws-sdk/client-iam';
import { iamErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';
import type { TokenPage } from '../paging';
import { GatewayError } from '../types';

/** ListRoles accepts MaxItems 1..1000 (default 100). */
export const MAX_LIST_ROLES_ITEMS = 1000;

export interface IamRoleInfo {
  name: string;
  arn: string;
  path: string;
  description: string | null;
  createdAt: Date | null;
  /** The trust policy as JSON (IAM returns it URL-encoded: decoded here). */
  trustPolicy: unknown;
}

export interface ListRolesInput {
  /** e.g. `/` (every role, the default) or `/service-role/`. */
  pathPrefix?: string;
  /** ListRoles' Marker from the previous page. */
  marker?: string;
  /** 1..1000 */
  maxItems?: number;
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

function toRoleInfo(role: Role | undefined, fallbackName = ''): IamRoleInfo {
  return {
    name: role?.RoleName ?? fallbackName,
    arn: role?.Arn ?? '',
    path: role?.Path ?? '/',
    description: role?.Description ?? null,
    createdAt: role?.CreateDate ?? null,
    trustPolicy: decodePolicyDocument(role?.AssumeRolePolicyDocument),
  };
}

export async function getRole(client: IAMClient, roleName: string): Promise<IamRoleInfo> {
  return mapErrors(async () => {
    const output = await client.send(new GetRoleCommand({ RoleName: roleName }));
    return toRoleInfo(output.Role, roleName);
  }, iamErrors);
}

/** One ListRoles page; `nextToken` is IAM's Marker, present only while IsTruncated. */
export async function listRoles(
  client: IAMClient,
  input: ListRolesInput = {},
): Promise<TokenPage<IamRoleInfo>> {
  return mapErrors(async () => {
    const max = input.maxItems;
    if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > MAX_LIST_ROLES_ITEMS))
      throw new GatewayError(
        'VALIDATION_FAILED',
        `maxItems must be 1 to ${MAX_LIST_ROLES_ITEMS}.`,
        null,
        null,
      );
    const output = await client.send(
      new ListRolesCommand({
        ...(input.pathPrefix ? { PathPrefix: input.pathPrefix } : {}),
        ...(input.marker ? { Marker: input.marker } : {}),
        ...(max !== undefined ? { MaxItems: max } : {}),
      }),
    );
    return {
      items: (output.Roles ?? []).map((r) => toRoleInfo(r)),
      nextToken: output.IsTruncated ? (output.Marker ?? null) : null,
    };
  }, iamErrors);
}

/** The IAM port (global): the roles offered to identity pools (read only: poolkeeper never edits IAM). */
export const iamOperations = {
  getRole: read((c, roleName: string) => getRole(c.iam(), roleName)),
  listRoles: read((c, input?: ListRolesInput) => listRoles(c.iam(), input)),
};
