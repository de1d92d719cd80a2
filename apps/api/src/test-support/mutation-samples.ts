import { FAKE_CLIENT, FAKE_IDENTITY_POOL, FAKE_IDP } from './fake-federation';

/**
 * One valid request for every route that changes Cognito, keyed by `METHOD /path` as the route inventory
 * spells it. The audit-invariant spec calls each and fails for a mutating route that has no sample here, so a
 * new route cannot skip the check that it audits before it changes anything. `:poolId` is the managed test pool,
 * `:username` the user `alice`, `:groupName` the group `staff` (alice is a member) (see test-app.ts and the specs' beforeEach).
 */
export const mutationSamples: Readonly<
  Record<
    string,
    { body?: unknown; /** alice's status for this route (default CONFIRMED) */ aliceStatus?: string }
  >
> = {
  'POST /pools/:poolId/users': { body: { username: 'bob', attributes: { email: 'bob@example.com' } } },
  'PATCH /pools/:poolId/users/:username': { body: { set: { name: 'Alice' }, remove: ['nickname'] } },
  'DELETE /pools/:poolId/users/:username': { body: { reason: 'gone' } },
  'POST /pools/:poolId/users/:username/disable': {},
  'POST /pools/:poolId/users/:username/enable': {},
  'POST /pools/:poolId/users/:username/reset-password': {},
  'POST /pools/:poolId/users/:username/sign-out': {},
  'POST /pools/:poolId/users/:username/password': { body: { password: 'Secret-123456', permanent: true } },
  'POST /pools/:poolId/users/:username/resend-invitation': {
    body: { reason: 'never got it' },
    aliceStatus: 'FORCE_CHANGE_PASSWORD',
  },
  'POST /pools/:poolId/users/:username/confirm-sign-up': {
    body: { reason: 'confirmed by phone' },
    aliceStatus: 'UNCONFIRMED',
  },
  'POST /pools/:poolId/users/:username/verify-attributes': {
    body: { attributes: ['email'], reason: 'checked in person' },
  },
  'PUT /pools/:poolId/mfa-config': {
    body: { mode: 'ON', softwareTokenMfa: true, sms: null, email: null, reason: 'require MFA' },
  },
  'POST /pools/:poolId/users/:username/reset-mfa': { body: { reason: 'lost phone' } },
  'POST /pools/:poolId/groups': { body: { groupName: 'editors', precedence: 1 } },
  'PATCH /pools/:poolId/groups/:groupName': {
    body: { precedence: 2, roleArn: 'arn:aws:iam::123456789012:role/Staff' },
  },
  'DELETE /pools/:poolId/groups/:groupName': { body: { confirm: 'staff' } },
  'PUT /pools/:poolId/groups/:groupName/members/:username': {},
  'DELETE /pools/:poolId/groups/:groupName/members/:username': {},
  'POST /pools/:poolId/identity-providers': {
    body: {
      name: 'PartnerOidc',
      type: 'OIDC',
      details: {
        client_id: 'p',
        client_secret: 's',
        oidc_issuer: 'https://p.example',
        authorize_scopes: 'openid',
        attributes_request_method: 'GET',
      },
    },
  },
  'PATCH /pools/:poolId/identity-providers/:name': { body: { attributeMapping: { email: 'mail' } } },
  'DELETE /pools/:poolId/identity-providers/:name': {},
  'PUT /pools/:poolId/clients/:clientId/identity-providers': { body: { providers: ['COGNITO'] } },
  'PATCH /identity-pools/:identityPoolId': { body: { allowUnauthenticated: true } },
  'PUT /identity-pools/:identityPoolId/roles': {
    body: { roles: { authenticated: 'arn:aws:iam::123456789012:role/customers' }, roleMappings: {} },
  },
};

/**
 * One valid request for every non-GET route that changes nothing (it declares a `.read` permission; see
 * route-inventory.ts changesNothing). The audit-invariant spec calls each and fails if it writes or audits.
 */
export const readOnlySamples: Readonly<Record<string, { body?: unknown }>> = {
  'POST /identity-pools/:identityPoolId/which-role/preview': {
    body: {
      draft: { roles: { authenticated: 'arn:aws:iam::123456789012:role/customers' }, roleMappings: {} },
      claims: { email: 'alice@example.com' },
    },
  },
};

/** The other path parameters of the samples: the fake gateway's provider, app client and identity pool. */
const SAMPLE_PARAMS: Readonly<Record<string, string>> = {
  name: FAKE_IDP,
  clientId: FAKE_CLIENT,
  identityPoolId: FAKE_IDENTITY_POOL,
};

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(values[name] ?? SAMPLE_PARAMS[name] ?? `:${name}`),
  );
}
