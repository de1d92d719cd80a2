/**
 * The federation half of the local seed (idempotent, found by name): on the demo pool a SAML provider
 * (metadata file in fixtures/) and an OIDC provider, and the app client `acme-web` that offers them; IAM
 * roles, most trusting cognito-identity for the demo identity pools as AWS's guide shows, one not; the
 * identity pool "Acme Customers identity" (guests allowed, a Rules mapping) and "Acme Partners identity"
 * (a Token mapping: the roles of the user's groups).
 */
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  type IdentityPoolShortDescription,
  ListIdentityPoolsCommand,
  type RoleMapping,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  type CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  type CreateIdentityProviderCommandInput,
  CreateUserPoolClientCommand,
  DescribeIdentityProviderCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { cognitoIdentityTrustPolicy } from '@poolkeeper/contract';
import { ACCOUNT_ID } from '../core/ids';
import { ACME_SAML_METADATA } from './fixtures/acme-saml-metadata';

export const DEMO_WEB_CLIENT_NAME = 'acme-web';
export const CUSTOMERS_IDENTITY_POOL_NAME = 'Acme Customers identity';
export const PARTNERS_IDENTITY_POOL_NAME = 'Acme Partners identity';
export const DEMO_SAML_PROVIDER = 'AcmeSaml';
export const DEMO_OIDC_PROVIDER = 'AcmeOidc';

/** The seeded IAM roles (names; ARNs in `demoRoleArn`). */
export const DEMO_ROLES = {
  authenticated: 'acme-customers-authenticated',
  guest: 'acme-customers-guest',
  enterprise: 'acme-enterprise',
  supportReadonly: 'acme-support-readonly',
  /** Does not trust cognito-identity at all (an EC2 role): identity pools cannot use it. */
  legacyUntrusted: 'acme-legacy-untrusted',
} as const;

export const demoRoleArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;

export interface FederationSeed {
  webClientId: string;
  identityPools: Array<{ id: string; name: string }>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

async function exists(call: () => Promise<unknown>, missing: string): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    if ((err as Error).name === missing) return false;
    throw err;
  }
}

async function ensureProviders(idp: CognitoIdentityProviderClient, UserPoolId: string) {
  const providers: Array<Omit<CreateIdentityProviderCommandInput, 'UserPoolId'>> = [
    {
      ProviderName: DEMO_SAML_PROVIDER,
      ProviderType: 'SAML',
      ProviderDetails: { MetadataFile: ACME_SAML_METADATA, IDPSignout: 'true' },
      AttributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
      },
      IdpIdentifiers: ['acme.example'],
    },
    {
      ProviderName: DEMO_OIDC_PROVIDER,
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'acme-portal',
        client_secret: 'acme-portal-local-secret',
        attributes_request_method: 'GET',
        oidc_issuer: 'https://login.acme-partners.example',
        authorize_scopes: 'openid email profile',
      },
      AttributeMapping: { email: 'email', given_name: 'given_name', family_name: 'family_name' },
    },
  ];
  for (const p of providers) {
    const found = await exists(
      () => idp.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: p.ProviderName })),
      'ResourceNotFoundException',
    );
    if (!found) await idp.send(new CreateIdentityProviderCommand({ UserPoolId, ...p }));
  }
}

async function ensureWebClient(idp: CognitoIdentityProviderClient, UserPoolId: string): Promise<string> {
  let NextToken: string | undefined;
  do {
    const page = await idp.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60, NextToken }));
    const found = page.UserPoolClients?.find((c) => c.ClientName === DEMO_WEB_CLIENT_NAME);
    if (found?.ClientId) return found.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  const created = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: DEMO_WEB_CLIENT_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO', DEMO_SAML_PROVIDER, DEMO_OIDC_PROVIDER],
    }),
  );
  return created.UserPoolClient?.ClientId as string;
}

async function ensureIdentityPool(
  identity: CognitoIdentityClient,
  name: string,
  allowGuests: boolean,
  provider: { ProviderName: string; ClientId: string },
): Promise<{ id: string; created: boolean }> {
  const pools: IdentityPoolShortDescription[] = [];
  let NextToken: string | undefined;
  do {
    const page = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken }));
    pools.push(...(page.IdentityPools ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  const found = pools.find((p) => p.IdentityPoolName === name)?.IdentityPoolId;
  if (found) return { id: found, created: false };
  const created = await identity.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: allowGuests,
      CognitoIdentityProviders: [{ ...provider, ServerSideTokenCheck: false }],
    }),
  );
  return { id: created.IdentityPoolId as string, created: true };
}

/** A trust policy for one or several identity pools (aud any of them) and one amr. */
const trustFor = (poolIds: string[], amr: 'authenticated' | 'unauthenticated') =>
  cognitoIdentityTrustPolicy(poolIds.length === 1 ? (poolIds[0] as string) : poolIds, amr);

const LEGACY_EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/**
 * Creates the missing roles; with `refresh` (an identity pool was just made, so its id is new) also brings
 * the existing roles' trust policies up to date. Roles edited locally are otherwise left as they are.
 */
async function ensureRoles(iam: IAMClient, customers: string, partners: string, refresh: boolean) {
  const roles: Array<[string, string, object]> = [
    [
      DEMO_ROLES.authenticated,
      'Signed-in customers (default)',
      trustFor([customers, partners], 'authenticated'),
    ],
    [DEMO_ROLES.guest, 'Guests of the customer app', trustFor([customers], 'unauthenticated')],
    [DEMO_ROLES.enterprise, 'Enterprise-plan customers', trustFor([customers, partners], 'authenticated')],
    [
      DEMO_ROLES.supportReadonly,
      'Support escalations, read-only',
      trustFor([customers, partners], 'authenticated'),
    ],
    [DEMO_ROLES.legacyUntrusted, 'Legacy EC2 role (not for identity pools)', LEGACY_EC2_TRUST],
  ];
  for (const [RoleName, Description, policy] of roles) {
    const document = JSON.stringify(policy);
    const found = await exists(() => iam.send(new GetRoleCommand({ RoleName })), 'NoSuchEntityException');
    if (found && refresh)
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument: document }));
    else if (!found)
      await iam.send(new CreateRoleCommand({ RoleName, Description, AssumeRolePolicyDocument: document }));
  }
}

/** The Rules mapping of the customers' pool: enterprise plan, then support group; else the default role. */
export function customersRoleMapping(): RoleMapping {
  return {
    Type: 'Rules',
    AmbiguousRoleResolution: 'AuthenticatedRole',
    RulesConfiguration: {
      Rules: [
        {
          Claim: 'custom:plan',
          MatchType: 'Equals',
          Value: 'enterprise',
          RoleARN: demoRoleArn(DEMO_ROLES.enterprise),
        },
        {
          Claim: 'cognito:groups',
          MatchType: 'Contains',
          Value: 'support-escalations',
          RoleARN: demoRoleArn(DEMO_ROLES.supportReadonly),
        },
      ],
    },
  };
}

export async function seedFederation(
  idp: CognitoIdentityProviderClient,
  endpoint: string,
  region: string,
  demoPoolId: string,
): Promise<FederationSeed> {
  const identity = new CognitoIdentityClient({ endpoint, region, credentials });
  const iam = new IAMClient({ endpoint, region, credentials });
  try {
    await ensureProviders(idp, demoPoolId);
    const webClientId = await ensureWebClient(idp, demoPoolId);
    const provider = {
      ProviderName: `cognito-idp.${region}.amazonaws.com/${demoPoolId}`,
      ClientId: webClientId,
    };
    const key = `${provider.ProviderName}:${webClientId}`;
    const customersPool = await ensureIdentityPool(identity, CUSTOMERS_IDENTITY_POOL_NAME, true, provider);
    const partnersPool = await ensureIdentityPool(identity, PARTNERS_IDENTITY_POOL_NAME, false, provider);
    const customers = customersPool.id;
    const partners = partnersPool.id;
    await ensureRoles(iam, customers, partners, customersPool.created || partnersPool.created);
    // roles and mappings are set when a pool is made; later local edits survive a restart
    if (customersPool.created)
      await identity.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: customers,
          Roles: {
            authenticated: demoRoleArn(DEMO_ROLES.authenticated),
            unauthenticated: demoRoleArn(DEMO_ROLES.guest),
          },
          RoleMappings: { [key]: customersRoleMapping() },
        }),
      );
    if (partnersPool.created)
      await identity.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: partners,
          Roles: { authenticated: demoRoleArn(DEMO_ROLES.authenticated) },
          RoleMappings: { [key]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
        }),
      );
    return {
      webClientId,
      identityPools: [
        { id: customers, name: CUSTOMERS_IDENTITY_POOL_NAME },
        { id: partners, name: PARTNERS_IDENTITY_POOL_NAME },
      ],
    };
  } finally {
    identity.destroy();
    iam.destroy();
  }
}
