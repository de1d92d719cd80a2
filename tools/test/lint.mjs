#!/usr/bin/env node
// Formatting (Prettier) and ESLint with Nx module boundaries (the rule needs Nx's project graph: computed first).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status ?? 1;
const graph = spawnSync('npx', ['nx', 'show', 'projects'], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (graph.status !== 0) process.exit(graph.status ?? 1);
const format = run('npx', ['prettier', '--check', '--log-level=warn', '.']);
if (format !== 0) console.error('Formatting differs: run `npm run format`.');
const lint = run('npx', ['eslint', '--max-warnings=0', '.']);
process.exit(format || lint);
