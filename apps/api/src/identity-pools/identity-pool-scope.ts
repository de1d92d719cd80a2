import type { IdentityPoolDetail } from '@poolkeeper/contract';
import type { IdentityPoolInfo } from '@poolkeeper/cognito-gateway';

/** `cognito-idp.<region>.amazonaws.com/<userPoolId>` → the user pool id, else null. */
export function userPoolOfProvider(providerName: string): string | null {
  const m = /^cognito-idp\.[\w-]+\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/.exec(providerName);
  return m ? (m[1] as string) : null;
}

/** The RoleMappings key of a user-pool provider (API reference, SetIdentityPoolRoles RoleMappings). */
export const mappingKeyOf = (providerName: string, clientId: string) => `${providerName}:${clientId}`;

/**
 * How identity pools are scoped: poolkeeper manages user pools (MANAGED_USER_POOL_IDS), so it shows and edits
 * only the identity pools that federate at least one of them (a CognitoIdentityProviders entry naming a
 * managed user pool). Any other identity pool is answered as not found, exactly like an unmanaged user pool.
 */
export function isInScope(info: IdentityPoolInfo, managed: ReadonlySet<string>): boolean {
  return info.userPoolProviders.some((p) => {
    const pool = userPoolOfProvider(p.providerName);
    return pool !== null && managed.has(pool);
  });
}

export function toIdentityPoolDetail(
  info: IdentityPoolInfo,
  managed: ReadonlySet<string>,
): IdentityPoolDetail {
  return {
    id: info.id,
    name: info.name,
    allowUnauthenticated: info.allowUnauthenticated,
    allowClassicFlow: info.allowClassicFlow,
    userPoolProviders: info.userPoolProviders.map((p) => {
      const userPoolId = userPoolOfProvider(p.providerName);
      return {
        ...p,
        userPoolId,
        managed: userPoolId !== null && managed.has(userPoolId),
        mappingKey: mappingKeyOf(p.providerName, p.clientId),
      };
    }),
    supportedLoginProviders: { ...info.supportedLoginProviders },
    openIdConnectProviderArns: [...info.openIdConnectProviderArns],
    samlProviderArns: [...info.samlProviderArns],
    developerProviderName: info.developerProviderName,
  };
}

/** The providers a RoleMappings key may name: user-pool providers with their client, social, OIDC and SAML. */
export function mappingKeys(info: IdentityPoolInfo): Set<string> {
  return new Set([
    ...info.userPoolProviders.map((p) => mappingKeyOf(p.providerName, p.clientId)),
    ...Object.keys(info.supportedLoginProviders),
    ...info.openIdConnectProviderArns,
    ...info.samlProviderArns,
  ]);
}
