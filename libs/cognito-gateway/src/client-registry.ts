import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { IAMClient } from '@aws-sdk/client-iam';
import { regionOfIdentityPool, regionOfUserPool } from '@poolkeeper/contract';
import { createIamClient, createIdentityClient, createIdpClient } from './client';
import type { GatewayConfig } from './config';
import { GatewayError } from './types';

/** The SDK clients an operation may use, one per service and region, made on first use. */
export interface Clients {
  /** cognito-idp for the region of this user pool. */
  idpForPool(poolId: string): CognitoIdentityProviderClient;
  /** cognito-idp for a region (ListUserPools). */
  idp(region: string): CognitoIdentityProviderClient;
  /** cognito-identity for the region of this identity pool. */
  identityForPool(identityPoolId: string): CognitoIdentityClient;
  identity(region: string): CognitoIdentityClient;
  /** IAM is global: one client. */
  iam(): IAMClient;
  readonly defaultRegion: string;
}

function badId(what: string, id: string): GatewayError {
  return new GatewayError('VALIDATION_FAILED', `${JSON.stringify(id)} is not ${what}.`, null, null);
}

/** Clients per service per region, so pools in several regions work from one deployment. */
export class ClientRegistry implements Clients {
  private readonly idpClients = new Map<string, CognitoIdentityProviderClient>();
  private readonly identityClients = new Map<string, CognitoIdentityClient>();
  private iamClient: IAMClient | null = null;

  constructor(private readonly config: GatewayConfig) {}

  get defaultRegion(): string {
    return this.config.defaultRegion;
  }

  idpForPool(poolId: string): CognitoIdentityProviderClient {
    let region: string;
    try {
      region = regionOfUserPool(poolId);
    } catch {
      throw badId('a user pool id', poolId);
    }
    return this.idp(region);
  }

  idp(region: string): CognitoIdentityProviderClient {
    return this.cached(this.idpClients, region, () =>
      createIdpClient(this.optionsFor(region, this.config.endpoints?.cognitoIdp)),
    );
  }

  identityForPool(identityPoolId: string): CognitoIdentityClient {
    let region: string;
    try {
      region = regionOfIdentityPool(identityPoolId);
    } catch {
      throw badId('an identity pool id', identityPoolId);
    }
    return this.identity(region);
  }

  identity(region: string): CognitoIdentityClient {
    return this.cached(this.identityClients, region, () =>
      createIdentityClient(this.optionsFor(region, this.config.endpoints?.cognitoIdentity)),
    );
  }

  iam(): IAMClient {
    this.iamClient ??= createIamClient(
      this.optionsFor(this.config.defaultRegion, this.config.endpoints?.iam),
    );
    return this.iamClient;
  }

  /** Stops every client's sockets. */
  destroy(): void {
    for (const client of [...this.idpClients.values(), ...this.identityClients.values()]) client.destroy();
    this.iamClient?.destroy();
    this.idpClients.clear();
    this.identityClients.clear();
    this.iamClient = null;
  }

  private optionsFor(region: string, endpoint: string | undefined) {
    const { endpoints: _endpoints, defaultRegion: _region, ...rest } = this.config;
    return { ...rest, region, ...(endpoint ? { endpoint } : {}) };
  }

  private cached<C>(map: Map<string, C>, region: string, make: () => C): C {
    let client = map.get(region);
    if (!client) {
      client = make();
      map.set(region, client);
    }
    return client;
  }
}
