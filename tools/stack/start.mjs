#!/usr/bin/env node
// `npm start`: build what is stale, then run the local stack in this same process (Ctrl-C stops it all).
import { buildAll } from '../build/build.mjs';

const built = await buildAll();
if (built.server || built.console) console.log(`built in ${built.ms} ms`);
const { main } = await import(new URL('../../dist/stack/start.js', import.meta.url).href);
await main();
