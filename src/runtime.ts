// V8 settings that must be in place before the rest of vigie is loaded. Each entry point (bin/vigie.js,
// the bench) imports this module first: loading the lexicons and the gazetteer is what would
// otherwise grow the young generation, and it cannot be shrunk back later.
import { keepYoungGenerationSmall } from './ingest/heap.ts';

keepYoungGenerationSmall();
