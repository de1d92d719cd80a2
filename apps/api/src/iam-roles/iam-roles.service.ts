import { Inject, Injectable } from '@nestjs/common';
import {
  type IamRoleView,
  type ListIamRolesQuery,
  type Page,
  trustsCognitoIdentity,
} from '@poolkeeper/contract';
import type { CognitoReads, IamRoleInfo } from '@poolkeeper/cognito-gateway';
import { COGNITO_READS } from '../app/tokens';
import { IdentityPoolsService } from '../identity-pools/identity-pools.service';

/** ListRoles pages read per request while searching (a search filters here: ListRoles has no name filter). */
const MAX_PAGES_PER_SEARCH = 10;

/** The IAM roles offered to identity pools (read only: poolkeeper never edits IAM). */
@Injectable()
export class IamRolesService {
  constructor(
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    private readonly identityPools: IdentityPoolsService,
  ) {}

  /**
   * One page of roles whose name contains `search` (case-insensitive); `nextCursor` is IAM's Marker. With
   * `identityPoolId` (in scope) each role says whether it trusts cognito-identity for that pool.
   */
  async list(query: ListIamRolesQuery): Promise<Page<IamRoleView>> {
    if (query.identityPoolId) await this.identityPools.info(query.identityPoolId);
    const needle = query.search?.toLowerCase() ?? '';
    const items: IamRoleInfo[] = [];
    let marker = query.cursor ?? null;
    for (let pages = 0; pages < MAX_PAGES_PER_SEARCH; pages++) {
      const page = await this.cognito.iam.listRoles({
        ...(marker ? { marker } : {}),
        maxItems: query.limit,
      });
      items.push(...page.items.filter((r) => r.name.toLowerCase().includes(needle)));
      marker = page.nextToken ?? null;
      if (!marker || items.length > 0 || !needle) break;
    }
    return {
      items: items.map((r) => this.view(r, query.identityPoolId)),
      nextCursor: marker,
    };
  }

  private view(r: IamRoleInfo, identityPoolId: string | undefined): IamRoleView {
    const text = typeof r.trustPolicy === 'string' ? r.trustPolicy : JSON.stringify(r.trustPolicy);
    const check = (amr: string) =>
      trustsCognitoIdentity(text, { aud: identityPoolId as string, amr: [amr], sub: `${identityPoolId}` });
    return {
      name: r.name,
      arn: r.arn,
      path: r.path,
      description: r.description,
      createdAt: r.createdAt?.toISOString() ?? null,
      trustPolicy: r.trustPolicy,
      trust: identityPoolId
        ? { authenticated: check('authenticated'), unauthenticated: check('unauthenticated') }
        : null,
    };
  }
}
