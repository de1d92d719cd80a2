import { invalidParameter } from '../../core/errors';
import { newClientId, newClientSecret } from '../../core/ids';
import { paginate } from '../../core/pagination';
import { Input, optBool, optInt, optObject, optString, optStringList, reqString } from '../../core/params';
import type { AppClient } from '../../state/model';
import { mutation, Operations, query } from '../registry';
import { checkSupportedIdentityProviders } from './identity-providers';
import { getClient, getPool } from './lookup';
import { clientView } from './views';

export const AUTH_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const UNIT_SECONDS = new Map([
  ['seconds', 1],
  ['minutes', 60],
  ['hours', 3600],
  ['days', 86400],
]);

/**
 * Token validity (API_CreateUserPoolClient, TokenValidityUnits): access and ID tokens 5 minutes to 1 day,
 * refresh tokens 60 minutes to 10 years. A value without a unit counts in hours (access, ID) or days
 * (refresh); with no value, AWS's defaults: 60 minutes, 60 minutes, 30 days.
 */
const TOKENS = {
  AccessToken: { bounds: [300, 86400], unit: 'hours', fallback: [60, 'minutes'] },
  IdToken: { bounds: [300, 86400], unit: 'hours', fallback: [60, 'minutes'] },
  RefreshToken: { bounds: [3600, 315360000], unit: 'days', fallback: [30, 'days'] },
} as const;

function validity(
  input: Input,
  field: string,
  token: keyof typeof TOKENS,
  units: Record<string, unknown> | undefined,
) {
  const { bounds, unit: defaultUnit, fallback } = TOKENS[token];
  const given = optInt(input, field, 1, 315360000);
  const givenUnit = units?.[token];
  const unit: string =
    typeof givenUnit === 'string' ? givenUnit : given === undefined ? fallback[1] : defaultUnit;
  const factor = UNIT_SECONDS.get(unit);
  if (!factor) throw invalidParameter(`Invalid TokenValidityUnits.${token} ${unit}.`);
  const value =
    given ?? (unit === fallback[1] ? fallback[0] : (fallback[0] * UNIT_SECONDS.get(fallback[1])!) / factor);
  const seconds = value * factor;
  const [min, max] = bounds;
  if (seconds < min || seconds > max) {
    throw invalidParameter(
      `Invalid range for token validity: ${field} ${value} ${unit} must be between ${min / 60} and ${max / 60} minutes.`,
    );
  }
  return { value, unit, seconds };
}

type ClientSettings = Omit<AppClient, 'id' | 'name' | 'secret' | 'createdAt' | 'modifiedAt'>;

/** The settings CreateUserPoolClient and UpdateUserPoolClient take; what is not given gets AWS's default. */
function clientSettings(input: Input): ClientSettings {
  const flows = optStringList(input, 'ExplicitAuthFlows') ?? DEFAULT_FLOWS;
  const bad = flows.find((f) => !AUTH_FLOWS.includes(f));
  if (bad) throw invalidParameter(`Invalid ExplicitAuthFlows value ${bad}.`);
  const units = optObject(input, 'TokenValidityUnits');
  const access = validity(input, 'AccessTokenValidity', 'AccessToken', units);
  const idt = validity(input, 'IdTokenValidity', 'IdToken', units);
  const refresh = validity(input, 'RefreshTokenValidity', 'RefreshToken', units);
  return {
    explicitAuthFlows: [...flows],
    accessTokenValidity: access.seconds,
    idTokenValidity: idt.seconds,
    refreshTokenValidity: refresh.seconds,
    tokenValidityUnits: { AccessToken: access.unit, IdToken: idt.unit, RefreshToken: refresh.unit },
    raw: {
      AccessTokenValidity: access.value,
      IdTokenValidity: idt.value,
      RefreshTokenValidity: refresh.value,
    },
    enableTokenRevocation: optBool(input, 'EnableTokenRevocation') ?? true,
  };
}

export const clientOperations: Operations = {
  CreateUserPoolClient: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const name = reqString(input, 'ClientName', { max: 128 });
    const settings = clientSettings(input);
    const supported = checkSupportedIdentityProviders(
      ctx,
      pool,
      optStringList(input, 'SupportedIdentityProviders'),
    );
    const now = ctx.now();
    let id = newClientId();
    while (pool.clients.has(id)) id = newClientId();
    const client: AppClient = {
      id,
      name,
      ...(optBool(input, 'GenerateSecret') ? { secret: newClientSecret() } : {}),
      createdAt: now,
      modifiedAt: now,
      ...settings,
      ...(supported ? { supportedIdentityProviders: supported } : {}),
    };
    pool.clients.set(id, client);
    return { UserPoolClient: clientView(pool, client) };
  }),

  /**
   * API_UpdateUserPoolClient: as on AWS, a setting left out of the request returns to its default
   * (callers send the whole configuration, read with DescribeUserPoolClient).
   */
  UpdateUserPoolClient: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const client = getClient(pool, reqString(input, 'ClientId'));
    const name = optString(input, 'ClientName', { min: 1, max: 128 }) ?? client.name;
    const supported = checkSupportedIdentityProviders(
      ctx,
      pool,
      optStringList(input, 'SupportedIdentityProviders'),
    );
    const { supportedIdentityProviders: _previous, ...rest } = client;
    const updated: AppClient = {
      ...rest,
      ...clientSettings(input),
      ...(supported ? { supportedIdentityProviders: supported } : {}),
      name,
      modifiedAt: ctx.now(),
    };
    pool.clients.set(client.id, updated);
    return { UserPoolClient: clientView(pool, updated) };
  }),

  DescribeUserPoolClient: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    return { UserPoolClient: clientView(pool, getClient(pool, reqString(input, 'ClientId'))) };
  }),

  ListUserPoolClients: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const max = optInt(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(
      [...pool.clients.values()],
      (c) => c.id,
      max,
      optString(input, 'NextToken'),
      `ListUserPoolClients:${pool.id}`,
    );
    return {
      UserPoolClients: page.items.map((c) => ({ ClientId: c.id, UserPoolId: pool.id, ClientName: c.name })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DeleteUserPoolClient: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const client = getClient(pool, reqString(input, 'ClientId'));
    pool.clients.delete(client.id);
    return {};
  }),
};
