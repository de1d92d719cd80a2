export * from './errors';
export * from './permissions';
export * from './common';
export * from './users';
export * from './pools';
export * from './auth';
export * from './audit';
