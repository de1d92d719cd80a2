/**
 * IAM roles (awsQuery): CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy, as the IAM API
 * reference describes them: names unique per account regardless of case, AssumeRolePolicyDocument returned
 * URL-encoded (RFC 3986) by GetRole / ListRoles, ListRoles paged by Marker / MaxItems with IsTruncated, and
 * the errors NoSuchEntity (404), EntityAlreadyExists (409), MalformedPolicyDocument and ValidationError (400).
 */
import { randomInt } from 'node:crypto';
import { AwsError } from '../../core/errors';
import { ACCOUNT_ID } from '../../core/ids';
import { decodePageToken, encodePageToken } from '../../core/pagination';
import type { Input } from '../../core/params';
import type { IamRole } from '../../state/federation';
import { mutation, type OperationContext, type Operations, query } from '../registry';

const validation = (message: string) => new AwsError('ValidationError', message);
const malformed = (message: string) => new AwsError('MalformedPolicyDocument', message);
export const noSuchRole = (name: string) =>
  new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);

// IAM API reference, CreateRole: RoleName 1..64 `[\w+=,.@-]+`; Path 1..512 `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`;
// MaxSessionDuration 3600..43200; Description 0..1000.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;

const param = (input: Input, name: string): string | undefined => {
  const v = input[name];
  return typeof v === 'string' ? v : undefined;
};

function required(input: Input, name: string): string {
  const v = param(input, name);
  if (v === undefined || v === '')
    throw validation(
      `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

function roleName(input: Input): string {
  const name = required(input, 'RoleName');
  if (!ROLE_NAME.test(name))
    throw validation(
      `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  return name;
}

const ROLE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const newRoleId = () => `AROA${Array.from({ length: 17 }, () => ROLE_ID_ALPHABET[randomInt(32)]).join('')}`;
export const roleArn = (path: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`;

/**
 * A trust policy IAM would accept: JSON, a Statement (one or a list), each with Effect Allow/Deny, an Action
 * and a Principal, and no Resource (MalformedPolicyDocument otherwise, with IAM's wording).
 */
export function checkTrustPolicy(text: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw malformed('Syntax errors in policy.');
  const statement = (doc as Record<string, unknown>)['Statement'];
  if (statement === undefined) throw malformed('Missing required field Statement.');
  const statements = Array.isArray(statement) ? statement : [statement];
  for (const s of statements) {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw malformed('Syntax errors in policy.');
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Allow' && st['Effect'] !== 'Deny')
      throw malformed('Missing required field Effect.');
    if (st['Action'] === undefined && st['NotAction'] === undefined)
      throw malformed('Missing required field Action.');
    if (st['Principal'] === undefined && st['NotPrincipal'] === undefined)
      throw malformed('Missing required field Principal.');
    if (st['Resource'] !== undefined || st['NotResource'] !== undefined)
      throw malformed('Has prohibited field Resource.');
  }
}

/** IAM answers policy documents URL-encoded (GetRole: "The policy is URL-encoded compliant with RFC 3986"). */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function roleView(role: IamRole, withPolicy = true) {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    ...(withPolicy ? { AssumeRolePolicyDocument: rfc3986(role.assumeRolePolicyDocument) } : {}),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
  };
}

/** A role by name (IAM names are case-insensitive: `Admin` and `admin` are the same role). */
export const findRole = (ctx: OperationContext, name: string): IamRole | undefined =>
  ctx.state.federation.roles.get(name.toLowerCase());

export const findRoleByArn = (ctx: OperationContext, arn: string): IamRole | undefined =>
  [...ctx.state.federation.roles.values()].find((r) => r.arn === arn);

function getRole(ctx: OperationContext, name: string): IamRole {
  const role = findRole(ctx, name);
  if (!role) throw noSuchRole(name);
  return role;
}

function intParam(input: Input, name: string, min: number, max: number): number | undefined {
  const raw = param(input, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw validation(
      `1 validation error detected: Value '${raw}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
  return n;
}

export const roleOperations: Operations = {
  CreateRole: mutation((input, ctx) => {
    const name = roleName(input);
    const path = param(input, 'Path') ?? '/';
    if (path.length > 512 || !PATH.test(path)) throw validation(`The specified value for path is invalid.`);
    const policy = required(input, 'AssumeRolePolicyDocument');
    checkTrustPolicy(policy);
    const description = param(input, 'Description');
    if (description !== undefined && description.length > 1000)
      throw validation('Description must be at most 1000 characters.');
    const maxSessionDuration = intParam(input, 'MaxSessionDuration', 3600, 43200) ?? 3600;
    if (findRole(ctx, name))
      throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
    const role: IamRole = {
      name,
      path,
      id: newRoleId(),
      arn: roleArn(path, name),
      assumeRolePolicyDocument: policy,
      ...(description !== undefined ? { description } : {}),
      maxSessionDuration,
      createdAt: ctx.now(),
    };
    ctx.state.federation.roles.set(name.toLowerCase(), role);
    return { Role: roleView(role) };
  }),

  GetRole: query((input, ctx) => ({ Role: roleView(getRole(ctx, roleName(input))) })),

  ListRoles: query((input, ctx) => {
    const prefix = param(input, 'PathPrefix') ?? '/';
    const maxItems = intParam(input, 'MaxItems', 1, 1000) ?? 100;
    const marker = param(input, 'Marker');
    const scope = `ListRoles:${prefix}`;
    const sorted = [...ctx.state.federation.roles.entries()]
      .filter(([, r]) => r.path.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let start = 0;
    if (marker !== undefined) {
      let after: string;
      try {
        after = decodePageToken(marker, scope);
      } catch {
        throw validation('Invalid Marker.');
      }
      start = sorted.findIndex(([k]) => k > after);
      if (start === -1) start = sorted.length;
    }
    const page = sorted.slice(start, start + maxItems);
    const truncated = start + maxItems < sorted.length;
    const last = page[page.length - 1];
    return {
      Roles: page.map(([, r]) => roleView(r)),
      IsTruncated: truncated,
      ...(truncated && last ? { Marker: encodePageToken(last[0], scope) } : {}),
    };
  }),

  DeleteRole: mutation((input, ctx) => {
    const role = getRole(ctx, roleName(input));
    ctx.state.federation.roles.delete(role.name.toLowerCase());
    return {};
  }),

  UpdateAssumeRolePolicy: mutation((input, ctx) => {
    const role = getRole(ctx, roleName(input));
    const policy = required(input, 'PolicyDocument');
    checkTrustPolicy(policy);
    role.assumeRolePolicyDocument = policy;
    return {};
  }),
};
