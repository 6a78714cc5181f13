import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadFile, type LoadedFile, type LoadOptions } from './file.js';

/**
 * Loading on both cores. Reading, parsing and validating a manifest needs nothing from the
 * others, so the files are split between worker threads and the main thread; the results come
 * back as plain data in file order, and the main thread attaches the locators. Workers run the
 * same bundle (dist/cli.js or dist/index.js) in a thread of their own, so they exist only in a
 * build; in tests and from the TypeScript sources everything runs on one thread.
 */

declare const __BUNDLED__: boolean | undefined;

/**
 * Below this many files one thread is faster: a worker costs about 40 ms to start and to load
 * the bundle. Measured with `npm run bench -- --models N`: the two cross between 1,000 and
 * 2,000 manifests on this 2-core machine.
 */
export const PARALLEL_MIN_FILES = 2000;

const WORKER_FLAG = 'ai-registry:load-worker';

interface LoadRequest {
  root: string;
  files: string[];
  options: LoadOptions;
}

/** Every file loaded, in the order given: in parallel for a large registry, else on this thread. */
export async function loadFiles(root: string, files: readonly string[], options: LoadOptions = {}): Promise<LoadedFile[]> {
  const threads = files.length >= PARALLEL_MIN_FILES && canStartWorkers() ? threadCount() : 1;
  if (threads === 1) return files.map((file) => loadFile(root, file, options));
  // Contiguous chunks keep the order; the main thread takes the last one while the workers run.
  const size = Math.ceil(files.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
  const own = chunks.pop()!;
  const pending = chunks.map((chunk) => inWorker({ root, files: chunk, options }));
  const mine = own.map((file) => loadFile(root, file, options));
  const theirs = await Promise.all(pending);
  return [...theirs.flat(), ...mine];
}

/** One per core, at most 4; `AI_REGISTRY_THREADS=N` caps it (1: one thread), for measuring. */
function threadCount(): number {
  const cap = Number(process.env.AI_REGISTRY_THREADS);
  return Math.max(1, Math.min(availableParallelism(), 4, Number.isInteger(cap) && cap > 0 ? cap : 4));
}

function canStartWorkers(): boolean {
  return typeof __BUNDLED__ !== 'undefined' && __BUNDLED__ && isMainThread && availableParallelism() > 1;
}

/** Loads one chunk in a new worker thread; if the worker cannot start or fails, on this thread. */
function inWorker(request: LoadRequest): Promise<LoadedFile[]> {
  return new Promise((resolve) => {
    const fallback = () => resolve(request.files.map((file) => loadFile(request.root, file, request.options)));
    let worker: Worker;
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: request } });
    } catch {
      fallback();
      return;
    }
    let settled = false;
    worker.once('message', (loaded: LoadedFile[]) => {
      settled = true;
      resolve(loaded);
      void worker.terminate();
    });
    worker.once('error', () => {
      if (!settled) fallback();
      settled = true;
    });
    worker.once('exit', () => {
      if (!settled) fallback();
      settled = true;
    });
  });
}

// In a worker started above: load the chunk, send it back, and let the thread end.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  const request = (workerData as Record<string, LoadRequest>)[WORKER_FLAG]!;
  parentPort!.postMessage(request.files.map((file) => loadFile(request.root, file, request.options)));
}
