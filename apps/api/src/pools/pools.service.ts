import { Inject, Injectable } from '@nestjs/common';
import type { PoolSummary } from '@poolkeeper/contract';
import type { CognitoGateway, UserPoolInfo } from '@poolkeeper/cognito-gateway';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, COGNITO_GATEWAY } from '../app/tokens';
import { AppError } from '../errors/app-error';

@Injectable()
export class PoolsService {
  private readonly customAttributes = new Map<string, Set<string>>();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(COGNITO_GATEWAY) private readonly gateway: CognitoGateway,
  ) {}

  /** A pool outside MANAGED_USER_POOL_IDS is never touched: it does not exist as far as the API is concerned. */
  assertManaged(poolId: string): void {
    if (!this.config.cognito.managedPoolIds.includes(poolId)) {
      throw new AppError('POOL_NOT_FOUND', `No managed user pool ${JSON.stringify(poolId)}`, { poolId });
    }
  }

  /**
   * The pool's custom attribute names. Cached: Cognito never removes a custom attribute, so the list only
   * grows; a name not in the cache is looked up again once before it is called unknown.
   */
  async hasCustomAttribute(poolId: string, name: string): Promise<boolean> {
    const cached = this.customAttributes.get(poolId);
    if (cached?.has(name)) return true;
    const fresh = new Set((await this.gateway.describeUserPool(poolId)).customAttributes);
    this.customAttributes.set(poolId, fresh);
    return fresh.has(name);
  }

  async list(): Promise<PoolSummary[]> {
    const infos = await Promise.all(
      this.config.cognito.managedPoolIds.map((id) => this.gateway.describeUserPool(id)),
    );
    return infos.map((info) => this.summary(info));
  }

  async get(poolId: string): Promise<PoolSummary> {
    this.assertManaged(poolId);
    return this.summary(await this.gateway.describeUserPool(poolId));
  }

  private summary(info: UserPoolInfo): PoolSummary {
    return {
      id: info.id,
      name: info.name,
      region: this.config.cognito.region,
      estimatedNumberOfUsers: info.estimatedNumberOfUsers,
      customAttributes: [...info.customAttributes],
    };
  }
}
