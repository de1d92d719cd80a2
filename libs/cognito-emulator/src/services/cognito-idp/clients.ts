import { invalidParameter } from '../../core/errors';
import { newClientId, newClientSecret } from '../../core/ids';
import { paginate } from '../../core/pagination';
import { Input, optBool, optInt, optObject, optString, optStringList, reqString } from '../../core/params';
import type { AppClient } from '../../state/model';
import { mutation, OperationTable, query } from '../registry';
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
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

function validity(
  input: Input,
  field: string,
  unitKey: string,
  fallback: [number, string],
  units: Record<string, unknown> | undefined,
) {
  const unit = typeof units?.[unitKey] === 'string' ? (units[unitKey] as string) : fallback[1];
  const factor = UNIT_SECONDS[unit];
  if (!factor) throw invalidParameter(`Invalid TokenValidityUnits.${unitKey} ${unit}.`);
  const value = optInt(input, field, 1, 315360000) ?? fallback[0];
  return { value, unit, seconds: value * factor };
}

export const clientOperations: OperationTable = {
  CreateUserPoolClient: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const name = reqString(input, 'ClientName', { max: 128 });
    const flows = optStringList(input, 'ExplicitAuthFlows') ?? DEFAULT_FLOWS;
    const bad = flows.find((f) => !AUTH_FLOWS.includes(f));
    if (bad) throw invalidParameter(`Invalid ExplicitAuthFlows value ${bad}.`);
    const units = optObject(input, 'TokenValidityUnits');
    const access = validity(input, 'AccessTokenValidity', 'AccessToken', [60, 'minutes'], units);
    const idt = validity(input, 'IdTokenValidity', 'IdToken', [60, 'minutes'], units);
    const refresh = validity(input, 'RefreshTokenValidity', 'RefreshToken', [30, 'days'], units);
    const now = ctx.now();
    let id = newClientId();
    while (pool.clients[id]) id = newClientId();
    const client: AppClient = {
      id,
      name,
      ...(optBool(input, 'GenerateSecret') ? { secret: newClientSecret() } : {}),
      createdAt: now,
      modifiedAt: now,
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
    };
    pool.clients[id] = client;
    return { UserPoolClient: clientView(pool, client) };
  }),

  DescribeUserPoolClient: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    return { UserPoolClient: clientView(pool, getClient(pool, reqString(input, 'ClientId'))) };
  }),

  ListUserPoolClients: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const max = optInt(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(
      Object.values(pool.clients),
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
    delete pool.clients[client.id];
    return {};
  }),
};
