import { Inject, Injectable } from '@nestjs/common';
import type { PoolSummary } from '@poolkeeper/contract';
import { regionOfUserPool } from '@poolkeeper/contract';
import type { CognitoReads, UserPoolInfo } from '@poolkeeper/cognito-gateway';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, COGNITO_READS } from '../app/tokens';

@Injectable()
export class PoolsService {
  private readonly customAttributes = new Map<string, Set<string>>();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
  ) {}

  /**
   * The pool's custom attribute names. Cached: Cognito never removes a custom attribute, so the list only
   * grows; a name not in the cache is looked up again once before it is called unknown.
   */
  async hasCustomAttribute(poolId: string, name: string): Promise<boolean> {
    const cached = this.customAttributes.get(poolId);
    if (cached?.has(name)) return true;
    const fresh = new Set((await this.cognito.userPools.describeUserPool(poolId)).customAttributes);
    this.customAttributes.set(poolId, fresh);
    return fresh.has(name);
  }

  /** The pool's custom attribute names (`custom:tenant`), fresh from Cognito. */
  async customAttributeNames(poolId: string): Promise<string[]> {
    return [...(await this.cognito.userPools.describeUserPool(poolId)).customAttributes];
  }

  async list(): Promise<PoolSummary[]> {
    const infos = await Promise.all(
      this.config.cognito.managedPoolIds.map((id) => this.cognito.userPools.describeUserPool(id)),
    );
    return infos.map(summary);
  }

  /** `poolId` is managed: ManagedPoolGuard checked it. */
  async get(poolId: string): Promise<PoolSummary> {
    return summary(await this.cognito.userPools.describeUserPool(poolId));
  }
}

function summary(info: UserPoolInfo): PoolSummary {
  return {
    id: info.id,
    name: info.name,
    region: regionOfUserPool(info.id),
    estimatedNumberOfUsers: info.estimatedNumberOfUsers,
    customAttributes: [...info.customAttributes],
  };
}
