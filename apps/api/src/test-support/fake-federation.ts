import type {
  CognitoGateway,
  IdpInfo,
  IdentityPoolInfo,
  IdentityPoolRoles,
} from '@poolkeeper/cognito-gateway';
import { GatewayError } from '@poolkeeper/cognito-gateway';

type Call = { method: string; args: unknown[] };

/** The sample ids the mutation samples name (mutation-samples.ts SAMPLE_PARAMS). */
export const FAKE_IDP = 'AcmeOidc';
export const FAKE_CLIENT = 'webclient1';
export const FAKE_IDENTITY_POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';

/**
 * Unit-test fakes of the federation ports (identity providers, app clients, identity pools, IAM) for the pool
 * `poolId`: one OIDC provider, one app client, one identity pool federating the pool; every call recorded.
 */
export function fakeFederationPorts(
  poolId: string,
  calls: Call[],
  requestId: () => string,
): Pick<CognitoGateway, 'identityProviders' | 'userPoolClients' | 'identityPools' | 'iam'> {
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const idps = new Map<string, IdpInfo>();
  const reset = () => {
    idps.clear();
    idps.set(FAKE_IDP, {
      poolId,
      name: FAKE_IDP,
      type: 'OIDC',
      details: { client_id: 'c', oidc_issuer: 'https://issuer.example' },
      secretsSet: ['client_secret'],
      attributeMapping: { email: 'email' },
      idpIdentifiers: [],
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
  };
  reset();
  let clientProviders = ['COGNITO', FAKE_IDP];
  const pool: IdentityPoolInfo = {
    id: FAKE_IDENTITY_POOL,
    name: 'customers',
    allowUnauthenticated: false,
    allowClassicFlow: false,
    userPoolProviders: [
      {
        providerName: `cognito-idp.us-east-1.amazonaws.com/${poolId}`,
        clientId: FAKE_CLIENT,
        serverSideTokenCheck: false,
      },
    ],
    supportedLoginProviders: {},
    openIdConnectProviderArns: [],
    samlProviderArns: [],
    developerProviderName: null,
  };
  let roles: IdentityPoolRoles = { identityPoolId: FAKE_IDENTITY_POOL, roles: {}, roleMappings: {} };
  const idp = (name: string) => {
    const found = idps.get(name);
    if (!found)
      throw new GatewayError('IDP_NOT_FOUND', 'no provider', 'ResourceNotFoundException', requestId());
    return found;
  };
  const noPool = () =>
    new GatewayError('IDENTITY_POOL_NOT_FOUND', 'no pool', 'ResourceNotFoundException', requestId());
  return {
    identityProviders: {
      listIdentityProviders: async (p) => {
        record('listIdentityProviders', p);
        return [...idps.values()].map((i) => ({ name: i.name, type: i.type, createdAt: i.createdAt }));
      },
      describeIdentityProvider: async (p, name) => {
        record('describeIdentityProvider', p, name);
        if (name === FAKE_IDP && !idps.has(name)) reset();
        return idp(name);
      },
      getIdentityProviderByIdentifier: async () => {
        throw new GatewayError('IDP_NOT_FOUND', 'no provider', 'ResourceNotFoundException', requestId());
      },
      createIdentityProvider: async (input) => {
        record('createIdentityProvider', input);
        const info: IdpInfo = {
          poolId,
          name: input.name,
          type: input.type,
          details: {},
          secretsSet: [],
          attributeMapping: { ...(input.attributeMapping ?? {}) },
          idpIdentifiers: [...(input.idpIdentifiers ?? [])],
          createdAt: new Date(0),
          updatedAt: new Date(0),
        };
        idps.set(input.name, info);
        return { value: info, requestId: requestId() };
      },
      updateIdentityProvider: async (input) => {
        record('updateIdentityProvider', input);
        const info = idp(input.name);
        if (input.attributeMapping) info.attributeMapping = { ...input.attributeMapping };
        return { value: info, requestId: requestId() };
      },
      deleteIdentityProvider: async (p, name) => {
        record('deleteIdentityProvider', p, name);
        idp(name);
        idps.delete(name);
        return { value: undefined, requestId: requestId() };
      },
      setClientIdentityProviders: async (p, clientId, providers) => {
        record('setClientIdentityProviders', p, clientId, providers);
        clientProviders = [...providers];
        return { value: [...providers], requestId: requestId() };
      },
    },
    userPoolClients: {
      listUserPoolClients: async (p) => {
        record('listUserPoolClients', p);
        return [{ clientId: FAKE_CLIENT, name: 'web' }];
      },
      describeUserPoolClient: async (p, clientId) => {
        record('describeUserPoolClient', p, clientId);
        if (clientId !== FAKE_CLIENT)
          throw new GatewayError('CLIENT_NOT_FOUND', 'no client', 'ResourceNotFoundException', requestId());
        return {
          clientId,
          poolId: p,
          name: 'web',
          hasSecret: false,
          explicitAuthFlows: [],
          supportedIdentityProviders: [...clientProviders],
          accessTokenValiditySeconds: 3600,
        };
      },
    },
    identityPools: {
      listIdentityPools: async () => {
        record('listIdentityPools');
        return [{ id: pool.id, name: pool.name }];
      },
      describeIdentityPool: async (id) => {
        record('describeIdentityPool', id);
        if (id !== pool.id) throw noPool();
        return { ...pool };
      },
      getIdentityPoolRoles: async (id) => {
        record('getIdentityPoolRoles', id);
        if (id !== pool.id) throw noPool();
        return roles;
      },
      updateIdentityPool: async (id, changes) => {
        record('updateIdentityPool', id, changes);
        if (id !== pool.id) throw noPool();
        return { value: { ...pool, ...changes }, requestId: requestId() };
      },
      setIdentityPoolRoles: async (id, r, m) => {
        record('setIdentityPoolRoles', id, r, m);
        if (id !== pool.id) throw noPool();
        roles = { identityPoolId: id, roles: { ...r }, roleMappings: { ...m } };
        return { value: undefined, requestId: requestId() };
      },
    },
    iam: {
      getRole: async (name) => {
        record('getRole', name);
        throw new GatewayError('ROLE_NOT_FOUND', `no role ${name}`, 'NoSuchEntity', requestId());
      },
      listRoles: async () => {
        record('listRoles');
        return { items: [], nextToken: null };
      },
    },
  };
}
