#!/usr/bin/env node
// The functions with the most self time in V8 CPU profiles (`node --cpu-prof`), grouped by package or
// file: `node tools/bench/cpu-profile-top.mjs <file-or-dir> [--top 25]`. Used by api-overhead.mjs --profile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Self time per function and per package/area of one profile, in ms, largest first. */
export function profileTop(file, top = 25) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const areas = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const area =
      pkg ?? (url ? (url.startsWith('node:') ? 'node internals' : url.split('/').pop()) : functionName);
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    areas.set(area, (areas.get(area) ?? 0) + dt);
    total += dt;
  });
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, functions: sorted(self), areas: sorted(areas) };
}

export function printTop(file, top = 25) {
  const { total, functions, areas } = profileTop(file, top);
  const line = ([k, ms]) =>
    `${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`;
  console.log(`${file}: ${total.toFixed(0)} ms sampled`);
  console.log('by package / file:');
  for (const a of areas.slice(0, 12)) console.log(line(a));
  console.log('by function (self time):');
  for (const f of functions) console.log(line(f));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(target, f))
    : [target];
  for (const f of files) printTop(f, top);
}
