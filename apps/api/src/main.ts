import { ConfigError, loadConfig, startApi } from './index';

/** `node main.js`: the only caller that passes process.env to loadConfig. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`poolkeeper: bad configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const api = await startApi(config);
  console.log(`poolkeeper API listening on ${api.url}`);
  const stop = (signal: string) => {
    console.log(`poolkeeper: ${signal}, shutting down`);
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `poolkeeper: bad configuration: ${error.message}` : error);
  process.exit(1);
});
