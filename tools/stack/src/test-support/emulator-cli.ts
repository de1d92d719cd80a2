import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from '../../../build/node-bundle.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Builds the local Cognito CLI (`libs/cognito-emulator/src/cli.ts`) into `outDir`, dependencies included, so
 * an integration spec can run the launcher's child process before the build step has made `dist/`.
 * The same entry is `dist/emulator/cli.js` in the build (tools/build/build.mjs).
 */
export async function buildEmulatorCli(outDir: string): Promise<string> {
  const outfile = join(outDir, 'cognito-emulator-cli.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'libs/cognito-emulator/src/cli.ts')],
    outfile,
    ...nodeBundleOptions,
  });
  return outfile;
}
