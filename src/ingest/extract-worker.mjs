// Entry of an extraction worker thread: a worker does not inherit the parent's TypeScript loader, so
// it registers tsx itself (as bin/vigie.js does) before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
