export * from './types';
export type { GatewayConfig, ServiceEndpoints } from './config';
export {
  createCognitoGateway,
  gatewayOperations,
  operationKinds,
  readsOf,
  unusedGateway,
  writesOf,
} from './gateway';
export type { CognitoGateway, CognitoReads, CognitoWrites, PortName, WriteHooks } from './gateway';
export type { OperationKind } from './operation';
export {
  buildUserFilter,
  escapeFilterValue,
  filterableAttributes,
  isFilterableAttribute,
  MAX_FILTER_LENGTH,
} from './filter';
export type { FilterableAttribute } from './filter';
export { toGatewayError, parseRetryAfter, DEFAULT_RETRY_AFTER_SECONDS } from './errors';
export type { ErrorTable } from './error-tables';
export { paginate, collectAll } from './paging';
export type { TokenPage, PagingOptions } from './paging';
export type {
  EmailMfaSettings,
  MfaFactorPreference,
  PoolMfaConfig,
  SetPoolMfaConfigInput,
  SmsMfaSettings,
  UserMfaPreferenceInput,
} from './ports/mfa';
export type { CreateIdpInput, IdpInfo, IdpSummary, UpdateIdpInput } from './ports/identity-providers';
export type { UserPoolClientInfo, UserPoolClientSummary } from './ports/user-pool-clients';
export type { AuthEvent, ThreatProtection, TokenOwner } from './ports/sessions';
export type { VerifiableAttribute } from './ports/users';
export type {
  IdentityPoolChanges,
  IdentityPoolInfo,
  IdentityPoolRoles,
  IdentityPoolSummary,
} from './ports/identity-pools';
export type { IamRoleInfo, ListRolesInput } from './ports/iam';
export { LIST_GROUPS_PAGE_SIZE } from './ports/groups';
