// Extraction worker threads for multi-core machines. Extraction (clean, language, dates, events,
// places) is most of ingest's work and needs nothing from the database but line counts, so it runs
// in workers while the ingesting thread stores and resolves the previous batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractTask, ExtractResult } from './extract.ts';

export interface WorkerRequest {
  readonly id: number;
  readonly tasks: readonly ExtractTask[];
}

interface WorkerReply {
  readonly id: number;
  readonly results: readonly ExtractResult[];
}

/** The default number of extraction workers: every core but the one that stores, at least one. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { worker: Worker; resolve: (r: readonly ExtractResult[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      // No options of the parent's command line: the entry registers tsx itself, and a preload such as
      // src/runtime.ts would be imported before it can. V8's flags are the process's, shared anyway.
      const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), { execArgv: [] });
      worker.on('message', ({ id, results }: WorkerReply) => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        p?.resolve(results);
      });
      // A worker that dies takes its documents with it: the batch fails as a whole, nothing of it is stored.
      const fail = (error: Error) => {
        for (const [id, p] of this.pending) if (p.worker === worker) { this.pending.delete(id); p.reject(error); }
      };
      worker.on('error', (e) => fail(new Error(`extraction worker failed: ${e.message}`)));
      worker.on('exit', (code) => fail(new Error(`extraction worker exited (code ${code})`)));
      this.workers.push(worker);
    }
  }

  /** Extracts tasks across the workers; results come back in the order of the tasks. */
  async run(tasks: readonly ExtractTask[]): Promise<ExtractResult[]> {
    const share = Math.ceil(tasks.length / this.size);
    const parts: Promise<readonly ExtractResult[]>[] = [];
    for (let i = 0; i < this.size && i * share < tasks.length; i++) {
      const worker = this.workers[i]!;
      const id = this.nextId++;
      parts.push(new Promise((resolve, reject) => {
        this.pending.set(id, { worker, resolve, reject });
        worker.postMessage({ id, tasks: tasks.slice(i * share, (i + 1) * share) } satisfies WorkerRequest);
      }));
    }
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
