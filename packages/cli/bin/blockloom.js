#!/usr/bin/env node
// Blockloom runs from its TypeScript sources: tsx compiles them on load, so `npm ci` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
