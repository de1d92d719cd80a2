/**
 * User-pool identity providers (SAML, OIDC, social): CreateIdentityProvider, DescribeIdentityProvider,
 * UpdateIdentityProvider, DeleteIdentityProvider, ListIdentityProviders, GetIdentityProviderByIdentifier.
 *
 * ProviderDetails per ProviderType follow the API reference (CreateIdentityProvider / UpdateIdentityProvider
 * "ProviderDetails", as carried in @aws-sdk/client-cognito-identity-provider's model): the keys a request
 * needs, and the "Describe response" with the keys Cognito adds (authorize_url, token_url, … for social
 * providers; SSORedirectBindingURI / SLORedirectBindingURI read from SAML metadata). OIDC endpoint URLs are
 * discovered from `oidc_issuer` on AWS; the local Cognito cannot reach the issuer, so it returns the URLs the
 * request gave (plus `attributes_url_add_attributes: "false"` as AWS's example shows).
 */
import { AwsError, invalidParameter, resourceNotFound } from '../../core/errors';
import { paginate } from '../../core/pagination';
import { type Input, optInt, optString, optStringList, optStringMap, reqString } from '../../core/params';
import { toEpochSeconds } from '../../core/time';
import {
  IDENTITY_PROVIDER_TYPES,
  type IdentityProvider,
  type IdentityProviderType,
} from '../../state/federation';
import { attributeBag, type UserPool } from '../../state/model';
import { mutation, type OperationContext, type Operations, query } from '../registry';
import { getPool } from './lookup';

const duplicate = (message: string) => new AwsError('DuplicateProviderException', message);

/** The keys a request must give, per type (API reference, ProviderDetails). */
const REQUIRED_DETAILS: Record<Exclude<IdentityProviderType, 'SAML'>, string[]> = {
  Google: ['client_id', 'client_secret', 'authorize_scopes'],
  Facebook: ['client_id', 'client_secret', 'authorize_scopes'],
  LoginWithAmazon: ['client_id', 'client_secret', 'authorize_scopes'],
  SignInWithApple: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
  OIDC: ['client_id', 'attributes_request_method', 'oidc_issuer', 'authorize_scopes'],
};

/** The keys Cognito adds in DescribeIdentityProvider's answer ("Describe response" examples). */
function derivedDetails(type: IdentityProviderType, d: Record<string, string>): Record<string, string> {
  switch (type) {
    case 'Google':
      return {
        attributes_url: 'https://people.googleapis.com/v1/people/me?personFields=',
        attributes_url_add_attributes: 'true',
        authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
        oidc_issuer: 'https://accounts.google.com',
        token_request_method: 'POST',
        token_url: 'https://www.googleapis.com/oauth2/v4/token',
      };
    case 'Facebook': {
      const v = d['api_version'] ?? 'v17.0';
      return {
        api_version: v,
        attributes_url: `https://graph.facebook.com/${v}/me?fields=`,
        attributes_url_add_attributes: 'true',
        authorize_url: `https://www.facebook.com/${v}/dialog/oauth`,
        token_request_method: 'GET',
        token_url: `https://graph.facebook.com/${v}/oauth/access_token`,
      };
    }
    case 'LoginWithAmazon':
      return {
        attributes_url: 'https://api.amazon.com/user/profile',
        attributes_url_add_attributes: 'false',
        authorize_url: 'https://www.amazon.com/ap/oa',
        token_request_method: 'POST',
        token_url: 'https://api.amazon.com/auth/o2/token',
      };
    case 'SignInWithApple':
      return {
        attributes_url_add_attributes: 'false',
        authorize_url: 'https://appleid.apple.com/auth/authorize',
        oidc_issuer: 'https://appleid.apple.com',
        token_request_method: 'POST',
        token_url: 'https://appleid.apple.com/auth/token',
      };
    case 'OIDC':
      return { attributes_url_add_attributes: 'false' };
    case 'SAML':
      return samlEndpoints(d['MetadataFile']);
  }
}

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** SSO/SLO redirect-binding locations of a metadata document (what Describe adds for SAML). */
function samlEndpoints(metadata: string | undefined): Record<string, string> {
  if (!metadata) return {};
  const out: Record<string, string> = {};
  for (const [element, key] of [
    ['SingleSignOnService', 'SSORedirectBindingURI'],
    ['SingleLogoutService', 'SLORedirectBindingURI'],
  ] as const) {
    const tags = metadata.match(new RegExp(`<(?:\\w+:)?${element}\\b[^>]*>`, 'g')) ?? [];
    const tag = tags.find((t) => t.includes(REDIRECT_BINDING));
    const location = tag ? /\bLocation="([^"]+)"/.exec(tag)?.[1] : undefined;
    if (location) out[key] = location;
  }
  return out;
}

/** A SAML metadata document Cognito can use: an EntityDescriptor with an IDPSSODescriptor. */
function checkSamlMetadata(file: string): void {
  if (
    !/<(?:\w+:)?EntityDescriptor\b[^>]*\bentityID="[^"]+"/.test(file) ||
    !/<(?:\w+:)?IDPSSODescriptor\b/.test(file)
  )
    throw invalidParameter('Could not parse metadata: no EntityDescriptor with an IDPSSODescriptor found.');
}

function checkDetails(type: IdentityProviderType, details: Record<string, string>): void {
  if (type === 'SAML') {
    const file = details['MetadataFile'];
    const url = details['MetadataURL'];
    if ((file === undefined) === (url === undefined))
      throw invalidParameter(
        'ProviderDetails of a SAML provider need exactly one of MetadataFile or MetadataURL.',
      );
    if (file !== undefined) checkSamlMetadata(file);
    if (url !== undefined && !/^https:\/\/\S+$/.test(url))
      throw invalidParameter('MetadataURL must be an https URL.');
    const algorithm = details['RequestSigningAlgorithm'];
    if (algorithm !== undefined && algorithm !== 'rsa-sha256')
      throw invalidParameter('RequestSigningAlgorithm accepts only rsa-sha256.');
    return;
  }
  for (const key of REQUIRED_DETAILS[type]) {
    if (!details[key]) throw invalidParameter(`${key} is required in ProviderDetails of a ${type} provider.`);
  }
  if (type === 'OIDC') {
    const method = details['attributes_request_method'];
    if (method !== 'GET' && method !== 'POST')
      throw invalidParameter('attributes_request_method must be GET or POST.');
    if (!/^https:\/\/\S+$/.test(details['oidc_issuer'] ?? ''))
      throw invalidParameter('oidc_issuer must be an https URL.');
  }
}

// API reference, CreateIdentityProvider: ProviderName 1..32, `[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+`;
// IdpIdentifiers: at most 50, each 1..40 `[\w\s+=.@-]+`.
const PROVIDER_NAME = /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u;
const IDP_IDENTIFIER = /^[\w\s+=.@-]+$/;

function identifiers(input: Input): string[] | undefined {
  const list = optStringList(input, 'IdpIdentifiers');
  if (!list) return undefined;
  if (list.length > 50) throw invalidParameter('IdpIdentifiers can have at most 50 items.');
  for (const id of list) {
    if (id.length < 1 || id.length > 40 || !IDP_IDENTIFIER.test(id))
      throw invalidParameter(`Invalid IdpIdentifier ${JSON.stringify(id)}.`);
  }
  if (new Set(list).size !== list.length) throw duplicate('IdpIdentifiers contain a duplicate.');
  return [...list];
}

function attributeMapping(input: Input): Record<string, string> | undefined {
  const map = optStringMap(input, 'AttributeMapping');
  if (!map) return undefined;
  for (const key of Object.keys(map)) {
    if (key.length < 1 || key.length > 32) throw invalidParameter(`Invalid AttributeMapping key ${key}.`);
  }
  return attributeBag(Object.entries(map));
}

export function poolProviders(ctx: OperationContext, pool: UserPool): Map<string, IdentityProvider> {
  let providers = ctx.state.federation.identityProviders.get(pool.id);
  if (!providers) {
    providers = new Map();
    ctx.state.federation.identityProviders.set(pool.id, providers);
  }
  return providers;
}

function getProvider(ctx: OperationContext, pool: UserPool, name: string): IdentityProvider {
  const provider = ctx.state.federation.identityProviders.get(pool.id)?.get(name);
  if (!provider) throw resourceNotFound(`Identity provider ${name} does not exist.`);
  return provider;
}

/** Another provider of the pool already holding one of these identifiers → DuplicateProviderException. */
function checkIdentifiersFree(providers: Map<string, IdentityProvider>, ids: string[], self?: string): void {
  for (const p of providers.values()) {
    if (p.name === self) continue;
    const taken = ids.find((id) => p.idpIdentifiers.includes(id));
    if (taken) throw duplicate(`Identifier ${taken} is already used by identity provider ${p.name}.`);
  }
}

export function providerView(pool: UserPool, p: IdentityProvider) {
  const details = { ...p.details, ...derivedDetails(p.type, p.details) };
  // Describe answers Apple's settings without its private key (the "Describe response" example).
  if (p.type === 'SignInWithApple') delete details['private_key'];
  return {
    UserPoolId: pool.id,
    ProviderName: p.name,
    ProviderType: p.type,
    ProviderDetails: details,
    AttributeMapping: { ...p.attributeMapping },
    IdpIdentifiers: [...p.idpIdentifiers],
    LastModifiedDate: toEpochSeconds(p.modifiedAt),
    CreationDate: toEpochSeconds(p.createdAt),
  };
}

/** Names an app client may list in SupportedIdentityProviders: COGNITO and the pool's providers. */
export function checkSupportedIdentityProviders(
  ctx: OperationContext,
  pool: UserPool,
  names: string[] | undefined,
): string[] | undefined {
  if (names === undefined) return undefined;
  const providers = ctx.state.federation.identityProviders.get(pool.id);
  for (const name of names) {
    if (name !== 'COGNITO' && !providers?.has(name))
      throw invalidParameter(`The provider ${name} does not exist for User Pool ${pool.id}`);
  }
  return [...new Set(names)];
}

export const identityProviderOperations: Operations = {
  CreateIdentityProvider: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const name = reqString(input, 'ProviderName', { max: 32 });
    if (!PROVIDER_NAME.test(name) || name === 'COGNITO')
      throw invalidParameter(`Invalid ProviderName ${JSON.stringify(name)}.`);
    const type = reqString(input, 'ProviderType') as IdentityProviderType;
    if (!IDENTITY_PROVIDER_TYPES.includes(type)) throw invalidParameter(`Invalid ProviderType ${type}.`);
    // Social providers are named after their type (Google, Facebook, LoginWithAmazon, SignInWithApple).
    if (type !== 'SAML' && type !== 'OIDC' && name !== type)
      throw invalidParameter(`The ProviderName of a ${type} provider must be ${type}.`);
    const details = optStringMap(input, 'ProviderDetails');
    if (!details) throw invalidParameter('ProviderDetails is required.');
    checkDetails(type, details);
    const ids = identifiers(input) ?? [];
    const providers = poolProviders(ctx, pool);
    if (providers.has(name))
      throw duplicate(`A provider with the name ${name} already exists in this user pool.`);
    checkIdentifiersFree(providers, ids);
    const now = ctx.now();
    const provider: IdentityProvider = {
      name,
      type,
      details: attributeBag(Object.entries(details)),
      // Without a mapping, Cognito maps the provider's `sub` to the username for OIDC and social providers.
      attributeMapping: attributeMapping(input) ?? attributeBag(type === 'SAML' ? [] : [['username', 'sub']]),
      idpIdentifiers: ids,
      createdAt: now,
      modifiedAt: now,
    };
    providers.set(name, provider);
    return { IdentityProvider: providerView(pool, provider) };
  }),

  DescribeIdentityProvider: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    return { IdentityProvider: providerView(pool, getProvider(ctx, pool, reqString(input, 'ProviderName'))) };
  }),

  /** Changes what the request gives; ProviderDetails given are merged over the current ones (keys not given are kept). */
  UpdateIdentityProvider: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const provider = getProvider(ctx, pool, reqString(input, 'ProviderName'));
    const given = optStringMap(input, 'ProviderDetails');
    let details = provider.details;
    if (given) {
      const merged = { ...provider.details, ...given };
      // a SAML provider switched from a file to a URL (or back) drops the other source
      if (
        provider.type === 'SAML' &&
        given['MetadataURL'] !== undefined &&
        given['MetadataFile'] === undefined
      )
        delete merged['MetadataFile'];
      if (
        provider.type === 'SAML' &&
        given['MetadataFile'] !== undefined &&
        given['MetadataURL'] === undefined
      )
        delete merged['MetadataURL'];
      checkDetails(provider.type, merged);
      details = attributeBag(Object.entries(merged));
    }
    const ids = identifiers(input);
    if (ids) checkIdentifiersFree(poolProviders(ctx, pool), ids, provider.name);
    const mapping = attributeMapping(input);
    provider.details = details;
    if (ids) provider.idpIdentifiers = ids;
    if (mapping) provider.attributeMapping = mapping;
    provider.modifiedAt = ctx.now();
    return { IdentityProvider: providerView(pool, provider) };
  }),

  DeleteIdentityProvider: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const provider = getProvider(ctx, pool, reqString(input, 'ProviderName'));
    poolProviders(ctx, pool).delete(provider.name);
    for (const client of pool.clients.values()) {
      if (client.supportedIdentityProviders?.includes(provider.name))
        client.supportedIdentityProviders = client.supportedIdentityProviders.filter(
          (n) => n !== provider.name,
        );
    }
    return {};
  }),

  ListIdentityProviders: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const max = optInt(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(
      [...(ctx.state.federation.identityProviders.get(pool.id)?.values() ?? [])],
      (p) => p.name,
      max,
      optString(input, 'NextToken'),
      `ListIdentityProviders:${pool.id}`,
    );
    return {
      Providers: page.items.map((p) => ({
        ProviderName: p.name,
        ProviderType: p.type,
        LastModifiedDate: toEpochSeconds(p.modifiedAt),
        CreationDate: toEpochSeconds(p.createdAt),
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  GetIdentityProviderByIdentifier: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const id = reqString(input, 'IdpIdentifier', { max: 40 });
    const provider = [...(ctx.state.federation.identityProviders.get(pool.id)?.values() ?? [])].find((p) =>
      p.idpIdentifiers.includes(id),
    );
    if (!provider) throw resourceNotFound(`Identity provider with identifier ${id} does not exist.`);
    return { IdentityProvider: providerView(pool, provider) };
  }),
};
