// An extraction worker thread: documents in, records out. It never touches the database: the
// ingesting thread sends, with each document, how many documents of its site carry each of its lines.
import { parentPort } from 'node:worker_threads';
import { extractWithLineCounts } from './extract.ts';
import type { WorkerRequest } from './pool.ts';
import { HeapPacer } from './heap.ts';

if (!parentPort) throw new Error('extract-worker.ts runs as a worker thread');
const port = parentPort;
// Each worker has a heap of its own, paced as the ingesting thread's is.
const heap = new HeapPacer();
port.on('message', ({ id, tasks }: WorkerRequest) => {
  const results = tasks.map((t) => extractWithLineCounts(t));
  port.postMessage({ id, results });
  heap.check();
});
