#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/runtime.ts'); // before the rest is loaded (see there)
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv);
