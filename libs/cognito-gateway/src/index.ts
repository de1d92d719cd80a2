export * from './types';
export { createCognitoGateway } from './create-gateway';
export {
  buildUserFilter,
  escapeFilterValue,
  filterableAttributes,
  isFilterableAttribute,
  MAX_FILTER_LENGTH,
} from './filter';
export type { FilterableAttribute } from './filter';
export { toGatewayError, parseRetryAfter, DEFAULT_RETRY_AFTER_SECONDS } from './errors';
export type { ErrorMappingOptions } from './errors';
export { paginate, collectAll } from './paging';
export type { Page, PagingOptions } from './paging';
