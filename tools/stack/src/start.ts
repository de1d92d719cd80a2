import { pathToFileURL } from 'node:url';
import { ConfigError } from '@poolkeeper/api';
import { operatorPassword } from '@poolkeeper/cognito-emulator';
import { roles } from '@poolkeeper/contract';
import { startStack, type RunningStack } from './stack';

/** `npm start`: the zero-setup local stack (or, with AWS configuration, the API against real Cognito). */
export async function main(): Promise<void> {
  const started = Date.now();
  let stack: RunningStack;
  try {
    stack = await startStack(process.env);
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? `poolkeeper: bad configuration: ${error.message}`
        : ['poolkeeper: could not start:', error],
    );
    process.exit(1);
  }
  const url = stack.url.replace('//127.0.0.1:', '//localhost:');
  console.log('');
  console.log(`poolkeeper is ready at ${url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (stack.local) {
    console.log(`  local Cognito: ${stack.local.endpoint}`);
    console.log(
      `  sign in as ${roles.join(', ').replace(/, ([^,]*)$/, ' or $1')} with the password ${operatorPassword}`,
    );
    console.log(`  demo pool: ${stack.local.seed.managedPools.map((p) => `${p.name} (${p.id})`).join(', ')}`);
  }
  console.log('  press Ctrl-C to stop');

  let exiting = false;
  const stop = (signal: string) => {
    if (exiting) return;
    exiting = true;
    console.log(`\npoolkeeper: ${signal}, stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('poolkeeper: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// `node dist/stack/start.js` runs the stack directly (the npm start wrapper imports main() instead).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
