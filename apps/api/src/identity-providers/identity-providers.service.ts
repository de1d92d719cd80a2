import { Inject, Injectable } from '@nestjs/common';
import {
  type AppClientIdps,
  type AuditTarget,
  type ClientIdps,
  type CreateIdpBody,
  type IdpDetail,
  type IdpSummary,
  type SetClientIdpsBody,
  type UpdateIdpBody,
  parseSamlMetadata,
  stripSecrets,
} from '@poolkeeper/contract';
import type { CognitoReads, IdpInfo } from '@poolkeeper/cognito-gateway';
import { COGNITO_READS } from '../app/tokens';
import type { AuditCaller } from '../audit/audit-caller';
import { AuditService } from '../audit/audit.service';

/** The clients of `clients` that offer the provider `name`. */
const offering = (clients: AppClientIdps[], name: string) =>
  clients.filter((c) => c.providers.includes(name)).map((c) => ({ clientId: c.clientId, name: c.name }));

const target = (name: string): AuditTarget[] => [{ type: 'identity-provider', id: name }];

/** What the audit log keeps of a provider: never a secret (they are write-only), the metadata file as its size. */
function auditView(p: {
  details?: Record<string, string>;
  attributeMapping?: Record<string, string>;
  idpIdentifiers?: string[];
}) {
  const details = stripSecrets({ ...(p.details ?? {}) });
  if (typeof details['MetadataFile'] === 'string')
    details['MetadataFile'] = `(${details['MetadataFile'].length} characters of SAML metadata)`;
  return {
    ...(p.details ? { details } : {}),
    ...(p.attributeMapping ? { attributeMapping: { ...p.attributeMapping } } : {}),
    ...(p.idpIdentifiers ? { idpIdentifiers: [...p.idpIdentifiers] } : {}),
  };
}

/** Identity providers of a managed user pool (ManagedPoolGuard checked `poolId`). Secrets never leave Cognito. */
@Injectable()
export class IdentityProvidersService {
  constructor(
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every provider with its identifiers (DescribeIdentityProvider: ListIdentityProviders carries none) and
   * the app clients offering it (each client described once for all providers).
   */
  async list(poolId: string): Promise<IdpSummary[]> {
    const [all, clients] = await Promise.all([
      this.cognito.identityProviders.listIdentityProviders(poolId),
      this.appClients(poolId),
    ]);
    const described = await Promise.all(
      all.map((p) => this.cognito.identityProviders.describeIdentityProvider(poolId, p.name)),
    );
    return all.map((p, i) => ({
      name: p.name,
      type: p.type,
      idpIdentifiers: [...(described[i]?.idpIdentifiers ?? [])],
      clients: offering(clients, p.name),
      createdAt: p.createdAt?.toISOString() ?? null,
    }));
  }

  async get(poolId: string, name: string): Promise<IdpDetail> {
    const [info, clients] = await Promise.all([
      this.cognito.identityProviders.describeIdentityProvider(poolId, name),
      this.appClients(poolId),
    ]);
    return this.detail(info, offering(clients, name));
  }

  /** The pool's app clients and the providers each offers (SupportedIdentityProviders), by name. */
  async appClients(poolId: string): Promise<AppClientIdps[]> {
    const clients = await this.cognito.userPoolClients.listUserPoolClients(poolId);
    const described = await Promise.all(
      clients.map((c) => this.cognito.userPoolClients.describeUserPoolClient(poolId, c.clientId)),
    );
    return described
      .map((c) => ({ clientId: c.clientId, name: c.name, providers: [...c.supportedIdentityProviders] }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId));
  }

  async create(caller: AuditCaller, poolId: string, body: CreateIdpBody): Promise<IdpDetail> {
    const created = await this.audit.run(
      caller,
      {
        action: 'identity-provider.create',
        poolId,
        targets: target(body.name),
        request: { type: body.type, before: null, after: auditView(body) },
        reason: body.reason ?? null,
      },
      (cognito) =>
        cognito.identityProviders.createIdentityProvider({
          poolId,
          name: body.name,
          type: body.type,
          details: { ...body.details },
          ...(body.attributeMapping ? { attributeMapping: { ...body.attributeMapping } } : {}),
          ...(body.idpIdentifiers ? { idpIdentifiers: [...body.idpIdentifiers] } : {}),
        }),
    );
    return this.detail(created, []);
  }

  async update(caller: AuditCaller, poolId: string, name: string, body: UpdateIdpBody): Promise<IdpDetail> {
    const before = await this.cognito.identityProviders.describeIdentityProvider(poolId, name);
    const changes = {
      ...(body.details ? { details: { ...body.details } } : {}),
      ...(body.attributeMapping ? { attributeMapping: { ...body.attributeMapping } } : {}),
      ...(body.idpIdentifiers ? { idpIdentifiers: [...body.idpIdentifiers] } : {}),
    };
    const secretsChanged = Object.keys(body.details ?? {}).filter(
      (k) => Object.keys(stripSecrets({ [k]: '' })).length === 0,
    );
    await this.audit.run(
      caller,
      {
        action: 'identity-provider.update',
        poolId,
        targets: target(name),
        request: {
          before: auditView(before),
          after: auditView({
            details: { ...before.details, ...(body.details ?? {}) },
            attributeMapping: body.attributeMapping ?? before.attributeMapping,
            idpIdentifiers: body.idpIdentifiers ?? before.idpIdentifiers,
          }),
          secretsChanged,
        },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.identityProviders.updateIdentityProvider({ poolId, name, ...changes }),
    );
    return this.get(poolId, name);
  }

  async delete(caller: AuditCaller, poolId: string, name: string, reason: string | undefined): Promise<void> {
    const before = await this.cognito.identityProviders.describeIdentityProvider(poolId, name);
    await this.audit.run(
      caller,
      {
        action: 'identity-provider.delete',
        poolId,
        targets: target(name),
        request: { type: before.type, before: auditView(before), after: null },
        reason: reason ?? null,
      },
      (cognito) => cognito.identityProviders.deleteIdentityProvider(poolId, name),
    );
  }

  async clientProviders(poolId: string, clientId: string): Promise<ClientIdps> {
    const client = await this.cognito.userPoolClients.describeUserPoolClient(poolId, clientId);
    return { clientId: client.clientId, providers: [...client.supportedIdentityProviders] };
  }

  async setClientProviders(
    caller: AuditCaller,
    poolId: string,
    clientId: string,
    body: SetClientIdpsBody,
  ): Promise<ClientIdps> {
    const before = await this.clientProviders(poolId, clientId);
    const providers = [...new Set(body.providers)];
    const now = await this.audit.run(
      caller,
      {
        action: 'user-pool-client.set-identity-providers',
        poolId,
        targets: [
          { type: 'user-pool-client', id: clientId },
          ...providers
            .filter((p) => p !== 'COGNITO')
            .map((p) => ({ type: 'identity-provider' as const, id: p })),
        ],
        request: { before: { providers: before.providers }, after: { providers } },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.identityProviders.setClientIdentityProviders(poolId, clientId, providers),
    );
    return { clientId, providers: now };
  }

  private detail(info: IdpInfo, clients: IdpDetail['clients']): IdpDetail {
    const file = info.details['MetadataFile'];
    return {
      poolId: info.poolId,
      name: info.name,
      type: info.type,
      details: { ...info.details },
      secretsSet: [...info.secretsSet],
      attributeMapping: { ...info.attributeMapping },
      idpIdentifiers: [...info.idpIdentifiers],
      samlMetadata: info.type === 'SAML' && file ? parseSamlMetadata(file) : null,
      clients,
      createdAt: info.createdAt?.toISOString() ?? null,
      updatedAt: info.updatedAt?.toISOString() ?? null,
    };
  }
}
