import {
  type CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  GetIdentityProviderByIdentifierCommand,
  type IdentityProviderType,
  type IdentityProviderTypeType,
  ListIdentityProvidersCommand,
  UpdateIdentityProviderCommand,
  UpdateUserPoolClientCommand,
  type UpdateUserPoolClientCommandInput,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isSecretKey } from '@poolkeeper/contract';
import { identityProviderErrors, userPoolClientErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read, write } from '../operation';
import { collectAll } from '../paging';
import { withRequestId } from '../request-id';
import type { AwsResult } from '../types';

/** ListIdentityProviders accepts MaxResults 1..60. */
export const LIST_IDPS_PAGE_SIZE = 60;

type Client = CognitoIdentityProviderClient;

export interface IdpSummary {
  name: string;
  /** SAML | OIDC | Google | Facebook | LoginWithAmazon | SignInWithApple */
  type: string;
  createdAt: Date | null;
}

/**
 * One identity provider as poolkeeper shows it. Secrets (OIDC and social `client_secret`, Apple's
 * `private_key`) are write-only: never read out; `secretsSet` names the ones Cognito holds.
 */
export interface IdpInfo extends IdpSummary {
  poolId: string;
  details: Record<string, string>;
  secretsSet: string[];
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
  updatedAt: Date | null;
}

export interface CreateIdpInput {
  poolId: string;
  name: string;
  type: IdentityProviderTypeType;
  details: Record<string, string>;
  attributeMapping?: Record<string, string>;
  idpIdentifiers?: string[];
}

/** What UpdateIdentityProvider changes: only what is given (details are merged by Cognito). */
export interface UpdateIdpInput {
  poolId: string;
  name: string;
  details?: Record<string, string>;
  attributeMapping?: Record<string, string>;
  idpIdentifiers?: string[];
}

export function toIdpInfo(p: IdentityProviderType, poolId: string): IdpInfo {
  const details: Record<string, string> = {};
  const secretsSet: string[] = [];
  for (const [key, value] of Object.entries(p.ProviderDetails ?? {})) {
    if (isSecretKey(key)) secretsSet.push(key);
    else details[key] = value;
  }
  return {
    poolId: p.UserPoolId ?? poolId,
    name: p.ProviderName ?? '',
    type: p.ProviderType ?? '',
    details,
    secretsSet: secretsSet.sort(),
    attributeMapping: { ...(p.AttributeMapping ?? {}) },
    idpIdentifiers: [...(p.IdpIdentifiers ?? [])],
    createdAt: p.CreationDate ?? null,
    updatedAt: p.LastModifiedDate ?? null,
  };
}

export async function listIdentityProviders(client: Client, poolId: string): Promise<IdpSummary[]> {
  return mapErrors(
    () =>
      collectAll(async (token) => {
        const output = await client.send(
          new ListIdentityProvidersCommand({
            UserPoolId: poolId,
            MaxResults: LIST_IDPS_PAGE_SIZE,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        const items = (output.Providers ?? [])
          .filter((p) => p.ProviderName)
          .map((p) => ({
            name: p.ProviderName as string,
            type: p.ProviderType ?? '',
            createdAt: p.CreationDate ?? null,
          }));
        return { items, nextToken: output.NextToken };
      }),
    identityProviderErrors,
  );
}

export async function describeIdentityProvider(
  client: Client,
  poolId: string,
  name: string,
): Promise<IdpInfo> {
  return mapErrors(async () => {
    const output = await client.send(
      new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: name }),
    );
    return toIdpInfo(output.IdentityProvider ?? {}, poolId);
  }, identityProviderErrors);
}

export async function getIdentityProviderByIdentifier(
  client: Client,
  poolId: string,
  identifier: string,
): Promise<IdpInfo> {
  return mapErrors(async () => {
    const output = await client.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: identifier }),
    );
    return toIdpInfo(output.IdentityProvider ?? {}, poolId);
  }, identityProviderErrors);
}

export async function createIdentityProvider(
  client: Client,
  input: CreateIdpInput,
): Promise<AwsResult<IdpInfo>> {
  return mapErrors(async () => {
    const output = await client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: input.poolId,
        ProviderName: input.name,
        ProviderType: input.type,
        ProviderDetails: { ...input.details },
        ...(input.attributeMapping ? { AttributeMapping: { ...input.attributeMapping } } : {}),
        ...(input.idpIdentifiers ? { IdpIdentifiers: [...input.idpIdentifiers] } : {}),
      }),
    );
    return withRequestId(toIdpInfo(output.IdentityProvider ?? {}, input.poolId), output);
  }, identityProviderErrors);
}

export async function updateIdentityProvider(
  client: Client,
  input: UpdateIdpInput,
): Promise<AwsResult<IdpInfo>> {
  return mapErrors(async () => {
    const output = await client.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: input.poolId,
        ProviderName: input.name,
        ...(input.details ? { ProviderDetails: { ...input.details } } : {}),
        ...(input.attributeMapping ? { AttributeMapping: { ...input.attributeMapping } } : {}),
        ...(input.idpIdentifiers ? { IdpIdentifiers: [...input.idpIdentifiers] } : {}),
      }),
    );
    return withRequestId(toIdpInfo(output.IdentityProvider ?? {}, input.poolId), output);
  }, identityProviderErrors);
}

export async function deleteIdentityProvider(
  client: Client,
  poolId: string,
  name: string,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const output = await client.send(
      new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: name }),
    );
    return withRequestId(undefined, output);
  }, identityProviderErrors);
}

/**
 * The settings UpdateUserPoolClient takes, copied from DescribeUserPoolClient's answer: UpdateUserPoolClient
 * resets every setting the request leaves out to its default (API reference, UpdateUserPoolClient), so a
 * change of one setting must send all the others as they are.
 */
const UPDATABLE_CLIENT_KEYS = [
  'ClientName',
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'RefreshTokenRotation',
] as const satisfies ReadonlyArray<keyof UserPoolClientType & keyof UpdateUserPoolClientCommandInput>;

export function clientUpdateFrom(
  current: UserPoolClientType,
  poolId: string,
  clientId: string,
): UpdateUserPoolClientCommandInput {
  const input: Record<string, unknown> = { UserPoolId: poolId, ClientId: clientId };
  for (const key of UPDATABLE_CLIENT_KEYS) if (current[key] !== undefined) input[key] = current[key];
  return input as unknown as UpdateUserPoolClientCommandInput;
}

/**
 * Which identity providers an app client offers (`COGNITO` and provider names), every other setting of the
 * client kept: one read, then one write.
 */
export async function setClientIdentityProviders(
  client: Client,
  poolId: string,
  clientId: string,
  providers: string[],
): Promise<AwsResult<string[]>> {
  return mapErrors(async () => {
    const described = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    const input = {
      ...clientUpdateFrom(described.UserPoolClient ?? {}, poolId, clientId),
      SupportedIdentityProviders: [...providers],
    };
    const output = await client.send(new UpdateUserPoolClientCommand(input));
    return withRequestId([...(output.UserPoolClient?.SupportedIdentityProviders ?? [])], output);
  }, userPoolClientErrors);
}

/** The identity providers port (SAML, OIDC, social) and which app clients offer them. */
export const identityProviderOperations = {
  listIdentityProviders: read((c, poolId: string) => listIdentityProviders(c.idpForPool(poolId), poolId)),
  describeIdentityProvider: read((c, poolId: string, name: string) =>
    describeIdentityProvider(c.idpForPool(poolId), poolId, name),
  ),
  getIdentityProviderByIdentifier: read((c, poolId: string, identifier: string) =>
    getIdentityProviderByIdentifier(c.idpForPool(poolId), poolId, identifier),
  ),
  createIdentityProvider: write((c, input: CreateIdpInput) =>
    createIdentityProvider(c.idpForPool(input.poolId), input),
  ),
  updateIdentityProvider: write((c, input: UpdateIdpInput) =>
    updateIdentityProvider(c.idpForPool(input.poolId), input),
  ),
  deleteIdentityProvider: write((c, poolId: string, name: string) =>
    deleteIdentityProvider(c.idpForPool(poolId), poolId, name),
  ),
  setClientIdentityProviders: write((c, poolId: string, clientId: string, providers: string[]) =>
    setClientIdentityProviders(c.idpForPool(poolId), poolId, clientId, providers),
  ),
};
