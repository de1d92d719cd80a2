import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteAliases } from '../../tools/build/workspace-aliases.mjs';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    // declared once in tsconfig.base.json `paths` (the console's lint rules allow only @poolkeeper/contract)
    alias: viteAliases(),
  },
  build: {
    outDir: `${repoRoot}dist/console`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 30,
            },
            { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|stylis)/, priority: 20 },
            {
              name: 'vendor-react-admin',
              test: /node_modules[\\/](react-admin|ra-[^\\/]+)[\\/]/,
              priority: 15,
            },
            { name: 'vendor', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
