import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditTarget,
  type IdentityPoolDetail,
  type IdentityPoolRolesView,
  type IdentityPoolSummaryView,
  type ListIdentityPoolsQuery,
  type Page,
  type RoleMapping,
  type SetIdentityPoolRolesBody,
  type UpdateIdentityPoolBody,
  type WhichRoleAnswer,
  type WhichRolePreviewBody,
  type WhichRoleQuery,
  evaluateRoleMapping,
  regionOfUserPool,
  roleNameOfArn,
} from '@poolkeeper/contract';
import type { CognitoReads, IdentityPoolInfo, IdentityPoolRoles } from '@poolkeeper/cognito-gateway';
import { API_CONFIG, COGNITO_READS } from '../app/tokens';
import type { AuditCaller } from '../audit/audit-caller';
import { AuditService } from '../audit/audit.service';
import type { ApiConfig } from '../config/api-config';
import { AppError } from '../errors/app-error';
import { PoolsService } from '../pools/pools.service';
import { isInScope, mappingKeys, toIdentityPoolDetail, userPoolOfProvider } from './identity-pool-scope';
import { roleWarnings, userPoolTokenClaims, userWritableClaims } from './role-warnings';
import { userTokenClaims } from './user-claims';

const target = (id: string): AuditTarget[] => [{ type: 'identity-pool', id }];

/** Roles and mappings as SetIdentityPoolRoles takes them; VALIDATION_FAILED for a key not of this pool. */
function checkedDraft(
  info: IdentityPoolInfo,
  body: Pick<SetIdentityPoolRolesBody, 'roles' | 'roleMappings'>,
): Pick<IdentityPoolRoles, 'roles' | 'roleMappings'> {
  const allowed = mappingKeys(info);
  const unknown = Object.keys(body.roleMappings).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    const details = unknown.map((k) => ({
      field: `roleMappings.${k}`,
      message: 'is not a provider of this identity pool',
    }));
    throw new AppError('VALIDATION_FAILED', `${details[0]!.field}: ${details[0]!.message}`, details);
  }
  const roleMappings: Record<string, RoleMapping> = Object.fromEntries(
    Object.entries(body.roleMappings).map(([k, m]) => [
      k,
      {
        Type: m.Type,
        AmbiguousRoleResolution: m.AmbiguousRoleResolution,
        ...(m.RulesConfiguration
          ? { RulesConfiguration: { Rules: m.RulesConfiguration.Rules.map((r) => ({ ...r })) } }
          : {}),
      },
    ]),
  );
  return { roles: { ...body.roles }, roleMappings };
}

/** Identity pools federating a managed user pool (see identity-pool-scope.ts); every other one is "not found". */
@Injectable()
export class IdentityPoolsService {
  private readonly managed: ReadonlySet<string>;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    private readonly pools: PoolsService,
    private readonly audit: AuditService,
  ) {
    this.managed = new Set(config.cognito.managedPoolIds);
  }

  /** The identity pool, when in scope; IDENTITY_POOL_NOT_FOUND otherwise (as for one that does not exist). */
  async info(id: string): Promise<IdentityPoolInfo> {
    const info = await this.cognito.identityPools.describeIdentityPool(id);
    if (!isInScope(info, this.managed))
      throw new AppError(
        'IDENTITY_POOL_NOT_FOUND',
        `No identity pool ${JSON.stringify(id)} of a managed user pool`,
        {
          identityPoolId: id,
        },
      );
    return info;
  }

  /** Every identity pool of the managed pools' regions that is in scope, paged by position. */
  async list(query: ListIdentityPoolsQuery): Promise<Page<IdentityPoolSummaryView>> {
    const regions = [...new Set(this.config.cognito.managedPoolIds.map(regionOfUserPool))];
    const all = (
      await Promise.all(regions.map((r) => this.cognito.identityPools.listIdentityPools(r)))
    ).flat();
    const infos = await Promise.all(all.map((p) => this.cognito.identityPools.describeIdentityPool(p.id)));
    const visible = infos
      .filter((i) => isInScope(i, this.managed))
      .map((i) => ({ id: i.id, name: i.name }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const start = query.cursor ? Number(query.cursor) : 0;
    const items = visible.slice(start, start + query.limit);
    const next = start + query.limit < visible.length ? String(start + query.limit) : null;
    return { items, nextCursor: next };
  }

  async get(id: string): Promise<IdentityPoolDetail> {
    return toIdentityPoolDetail(await this.info(id), this.managed);
  }

  async update(caller: AuditCaller, id: string, body: UpdateIdentityPoolBody): Promise<IdentityPoolDetail> {
    const before = await this.info(id);
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.allowUnauthenticated !== undefined ? { allowUnauthenticated: body.allowUnauthenticated } : {}),
      ...(body.allowClassicFlow !== undefined ? { allowClassicFlow: body.allowClassicFlow } : {}),
    };
    const pick = (i: { name: string; allowUnauthenticated: boolean; allowClassicFlow: boolean }) => ({
      name: i.name,
      allowUnauthenticated: i.allowUnauthenticated,
      allowClassicFlow: i.allowClassicFlow,
    });
    const updated = await this.audit.run(
      caller,
      {
        action: 'identity-pool.update',
        poolId: null,
        targets: target(id),
        request: { before: pick(before), after: { ...pick(before), ...changes } },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.identityPools.updateIdentityPool(id, changes),
    );
    return toIdentityPoolDetail(updated, this.managed);
  }

  async roles(id: string): Promise<IdentityPoolRolesView> {
    const info = await this.info(id);
    const roles = await this.cognito.identityPools.getIdentityPoolRoles(id);
    return { ...roles, warnings: await this.warnings(info, roles) };
  }

  async setRoles(
    caller: AuditCaller,
    id: string,
    body: SetIdentityPoolRolesBody,
  ): Promise<IdentityPoolRolesView> {
    const info = await this.info(id);
    const { roles, roleMappings } = checkedDraft(info, body);
    const before = await this.cognito.identityPools.getIdentityPoolRoles(id);
    await this.audit.run(
      caller,
      {
        action: 'identity-pool.set-roles',
        poolId: null,
        targets: [
          ...target(id),
          ...[...new Set([roles.authenticated, roles.unauthenticated].filter((a): a is string => !!a))].map(
            (arn) => ({ type: 'iam-role' as const, id: arn }),
          ),
        ],
        request: {
          before: { roles: before.roles, roleMappings: before.roleMappings },
          after: { roles, roleMappings },
        },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.identityPools.setIdentityPoolRoles(id, roles, roleMappings),
    );
    return this.roles(id);
  }

  /** "Which role would I get?": AWS's documented evaluation (libs/contract role-mapping.ts), with reasons. */
  async whichRole(id: string, query: WhichRoleQuery): Promise<WhichRoleAnswer> {
    const info = await this.info(id);
    return this.answer(info, await this.cognito.identityPools.getIdentityPoolRoles(id), query);
  }

  /** The same answer for a draft of the roles and mappings (unsaved edits): checked as setRoles checks it, nothing changed. */
  async whichRolePreview(id: string, body: WhichRolePreviewBody): Promise<WhichRoleAnswer> {
    const info = await this.info(id);
    const { draft, ...query } = body;
    return this.answer(info, { identityPoolId: id, ...checkedDraft(info, draft) }, query);
  }

  private async answer(
    info: IdentityPoolInfo,
    roles: IdentityPoolRoles,
    body: Omit<WhichRolePreviewBody, 'draft'>,
  ): Promise<WhichRoleAnswer> {
    const providers = info.userPoolProviders.filter((p) => {
      const pool = userPoolOfProvider(p.providerName);
      return pool !== null && this.managed.has(pool);
    });
    const provider =
      body.provider ?? (providers[0] ? `${providers[0].providerName}:${providers[0].clientId}` : '');
    if (!mappingKeys(info).has(provider))
      throw new AppError('VALIDATION_FAILED', 'provider: is not a provider of this identity pool', [
        { field: 'provider', message: 'is not a provider of this identity pool' },
      ]);
    let claims: Record<string, unknown>;
    if (body.username !== undefined && body.userPoolId !== undefined) {
      const { userPoolId, username } = body;
      const own = providers.find((p) => `${p.providerName}:${p.clientId}` === provider);
      if (!own || userPoolOfProvider(own.providerName) !== userPoolId)
        throw new AppError('VALIDATION_FAILED', 'userPoolId: is not the user pool of this provider', [
          { field: 'userPoolId', message: 'is not the user pool of this provider' },
        ]);
      claims = await userTokenClaims(this.cognito, userPoolId, username, own.clientId);
    } else claims = { ...(body.claims ?? {}) };
    const resolution = evaluateRoleMapping({
      mapping: roles.roleMappings[provider],
      claims,
      roles: roles.roles,
      customRoleArn: body.customRoleArn,
    });
    return {
      provider,
      claims,
      roleArn: resolution.roleArn,
      source: resolution.source,
      ruleIndex: resolution.ruleIndex,
      explanation: resolution.explanation,
      rules: resolution.rules.map((r) => ({
        index: r.index,
        status: r.status,
        claimValue: r.claimValue,
        reason: r.reason,
      })),
    };
  }

  private async warnings(info: IdentityPoolInfo, roles: IdentityPoolRoles) {
    const arns = new Set<string>(
      [roles.roles.authenticated, roles.roles.unauthenticated].filter((a): a is string => !!a),
    );
    for (const m of Object.values(roles.roleMappings))
      for (const r of m.RulesConfiguration?.Rules ?? []) arns.add(r.RoleARN);
    const trustPolicies = new Map<string, unknown>();
    await Promise.all(
      [...arns].map(async (arn) => {
        const name = roleNameOfArn(arn);
        if (!name) return trustPolicies.set(arn, null);
        try {
          trustPolicies.set(arn, (await this.cognito.iam.getRole(name)).trustPolicy);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ROLE_NOT_FOUND') throw error;
          trustPolicies.set(arn, null);
        }
        return undefined;
      }),
    );
    const tokenClaims = new Map<string, Set<string> | null>();
    const writable = new Map<string, Set<string>>();
    for (const p of info.userPoolProviders) {
      const pool = userPoolOfProvider(p.providerName);
      const key = `${p.providerName}:${p.clientId}`;
      if (!pool || !this.managed.has(pool)) continue;
      const custom = await this.pools.customAttributeNames(pool);
      tokenClaims.set(key, userPoolTokenClaims(custom));
      writable.set(key, userWritableClaims(custom));
    }
    return roleWarnings({
      identityPoolId: info.id,
      roles: roles.roles,
      roleMappings: roles.roleMappings,
      trustPolicies,
      tokenClaims,
      userWritableClaims: writable,
    });
  }
}
