export * from './api-config';
export * from './config-error';
export { loadConfig, assertRunnable } from './load-config';
