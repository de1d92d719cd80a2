/**
 * The federation half of the emulator's state: user-pool identity providers, identity pools and their
 * identities, IAM roles, and the temporary credentials the identity pools issued (so STS recognises them).
 * Every collection keyed by a caller's name is a `Map` (see model.ts); `persistFederation` /
 * `restoreFederation` convert to and from the state file's JSON objects.
 */
import type { RoleMapping } from '@poolkeeper/contract';

export const IDENTITY_PROVIDER_TYPES = [
  'SAML',
  'Facebook',
  'Google',
  'LoginWithAmazon',
  'SignInWithApple',
  'OIDC',
] as const;
export type IdentityProviderType = (typeof IDENTITY_PROVIDER_TYPES)[number];

export interface IdentityProvider {
  name: string;
  type: IdentityProviderType;
  details: Record<string, string>;
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
  createdAt: number;
  modifiedAt: number;
}

export interface CognitoIdentityProviderRef {
  ProviderName: string;
  ClientId: string;
  ServerSideTokenCheck: boolean;
}

export interface IdentityPool {
  id: string;
  region: string;
  name: string;
  allowUnauthenticated: boolean;
  allowClassicFlow: boolean;
  supportedLoginProviders: Record<string, string>;
  developerProviderName?: string;
  openIdConnectProviderArns: string[];
  cognitoIdentityProviders: CognitoIdentityProviderRef[];
  samlProviderArns: string[];
  tags: Record<string, string>;
  /** `authenticated` / `unauthenticated` → role ARN (SetIdentityPoolRoles). */
  roles: Record<string, string>;
  /** Provider name → mapping (SetIdentityPoolRoles). */
  roleMappings: Record<string, RoleMapping>;
}

export interface Identity {
  id: string;
  poolId: string;
  /** Provider name → the subject (`sub`) it signed in as; empty for a guest identity. */
  logins: Record<string, string>;
  createdAt: number;
}

export interface IamRole {
  name: string;
  path: string;
  /** AROA… */
  id: string;
  arn: string;
  /** The trust policy, as the JSON text the caller gave. */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  createdAt: number;
}

/** Temporary credentials issued by GetCredentialsForIdentity (looked up by STS by access key id). */
export interface IssuedCredentials {
  accessKeyId: string;
  /** sha256 of the secret key (never the key itself). */
  secretDigest: string;
  roleArn: string;
  roleId: string;
  identityId: string;
  expiresAt: number;
}

export interface FederationState {
  /** User pool id → provider name → provider. */
  identityProviders: Map<string, Map<string, IdentityProvider>>;
  identityPools: Map<string, IdentityPool>;
  identities: Map<string, Identity>;
  /** Keyed by role name (IAM role names are unique per account, case-insensitively: see iam/roles.ts). */
  roles: Map<string, IamRole>;
  credentials: Map<string, IssuedCredentials>;
}

export const emptyFederation = (): FederationState => ({
  identityProviders: new Map(),
  identityPools: new Map(),
  identities: new Map(),
  roles: new Map(),
  credentials: new Map(),
});

export interface PersistedFederation {
  identityProviders: Record<string, Record<string, IdentityProvider>>;
  identityPools: Record<string, IdentityPool>;
  identities: Record<string, Identity>;
  roles: Record<string, IamRole>;
  credentials: Record<string, IssuedCredentials>;
}

const record = <T>(map: Map<string, T>): Record<string, T> => Object.fromEntries(map);
const map = <T>(obj: Record<string, T> | undefined): Map<string, T> => new Map(Object.entries(obj ?? {}));

export function persistFederation(f: FederationState): PersistedFederation {
  return {
    identityProviders: Object.fromEntries([...f.identityProviders].map(([k, v]) => [k, record(v)])),
    identityPools: record(f.identityPools),
    identities: record(f.identities),
    roles: record(f.roles),
    credentials: record(f.credentials),
  };
}

export function restoreFederation(doc: Partial<PersistedFederation> | undefined): FederationState {
  return {
    identityProviders: new Map(
      Object.entries(doc?.identityProviders ?? {}).map(([k, v]) => [k, map(v)] as const),
    ),
    identityPools: map(doc?.identityPools),
    identities: map(doc?.identities),
    roles: map(doc?.roles),
    credentials: map(doc?.credentials),
  };
}
