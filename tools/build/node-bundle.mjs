/**
 * esbuild options every Node bundle of ours shares (the server build, the Prisma check, the local Cognito CLI
 * built for a spec): one ESM file set for Node 20+, with `require` available to the CommonJS packages inside.
 */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __pkCreateRequire } from 'node:module'; const require = __pkCreateRequire(import.meta.url);",
  },
};
