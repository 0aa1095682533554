// A long ingest allocates and drops the same few megabytes per document, and V8 lets its heap grow
// to several times what is alive before it collects, at moments of its own choosing: resident memory
// would be set by the garbage, and vary from run to run. The pacer runs a full collection whenever
// the heap has grown by a fixed budget since the last one, so the peak is what is alive plus the
// budget, whatever the input and however V8 times its own collections. A collection costs about
// 15–40 ms (the gazetteer is a few large arrays and strings, quick to mark). The budget of 16 MB
// against 32 MB: 40k documents 245 → 231 MB peak, 3 % slower.
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Keeps V8's young generation at the size it starts with. V8 doubles the young generation (up to
 * 2 × 16 MB) whenever many objects survive a scavenge, and loading the gazetteer's names makes them
 * survive: the whole ingest then paid 16 MB of extra resident memory for it, and scavenges of the
 * larger space were slower (10k documents: 283 → 249 MB peak, 10.0 → 9.5 s). src/runtime.ts calls it
 * before anything else is loaded (V8's flags are global: worker threads share it).
 */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

let collector: (() => void) | null = null;

/** Runs a full garbage collection. V8 exposes it only behind its --expose-gc flag, set here for this process. */
export function collectGarbage(): void {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc');
    collector = vm.runInNewContext('gc') as () => void;
  }
  collector();
}

export interface HeapPacerOptions {
  /** Growth of the used heap, in bytes, that triggers a full collection. */
  readonly budgetBytes?: number;
}

export class HeapPacer {
  private readonly budget: number;
  private baseline: number;

  constructor({ budgetBytes = 16 * 1024 * 1024 }: HeapPacerOptions = {}) {
    this.budget = budgetBytes;
    this.baseline = v8.getHeapStatistics().used_heap_size;
  }

  /** Called between units of work (a batch of documents): collects if the heap outgrew its budget. */
  check(): boolean {
    if (v8.getHeapStatistics().used_heap_size - this.baseline < this.budget) return false;
    collectGarbage();
    this.baseline = v8.getHeapStatistics().used_heap_size;
    return true;
  }
}
