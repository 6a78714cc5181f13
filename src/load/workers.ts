import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkDeclaredDocuments, DocumentStore } from '../docs/store.js';
import type { Policy } from '../policy/policy.js';
import { loadFile, type LoadedFile, type LoadOptions } from './file.js';

/**
 * Loading on both cores. Reading, parsing and validating a manifest, and checking the documents
 * a model declares, need nothing from the other manifests (only the policy), so the files are
 * split between worker threads and the main thread; the results come back as plain data in
 * file order, and the main thread attaches the locators and takes the document statuses. Workers run the
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

/** Check the documents of each model as it loads, under `policy`, into `store`. */
export interface DocumentChecks {
  store: DocumentStore;
  /** Plain data, so a worker gets its own copy. */
  policy: Policy;
}

interface LoadRequest {
  root: string;
  /** Every file; each thread claims the next batch from `next`. */
  files: readonly string[];
  options: LoadOptions;
  /** Present when documents are checked: the policy they are checked under. */
  policy?: Policy;
  /** One Int32: the index of the next file nobody has claimed. */
  next: SharedArrayBuffer;
}

/** What a worker sends back: the files it loaded, by index. */
type Loaded = [index: number, loaded: LoadedFile][];

/**
 * Files claimed at a time: enough to make claiming free, few enough that the threads finish
 * together (a worker starts ~0.15 s after the main thread, and is slower at system calls).
 */
const BATCH = 32;

/**
 * Every file loaded, in the order given: in parallel for a large registry, else on this thread.
 * With `checks`, documents checked on this thread go straight into `checks.store`; those checked
 * by a worker come back as `documents` on each file, for the caller to prime the store with.
 */
export async function loadFiles(root: string, files: readonly string[], options: LoadOptions = {}, checks?: DocumentChecks): Promise<LoadedFile[]> {
  const loadHere = (file: string) => loadWithDocuments(root, file, options, checks);
  const threads = files.length >= PARALLEL_MIN_FILES && canStartWorkers() ? threadCount() : 1;
  if (threads === 1) return files.map(loadHere);
  // Every thread, this one included, claims batches from one shared counter until none are
  // left: whichever is faster takes more, and nobody waits on a fixed share.
  const next = new SharedArrayBuffer(4);
  const request: LoadRequest = { root, files, options, next, ...(checks ? { policy: checks.policy } : {}) };
  const results = new Array<LoadedFile | undefined>(files.length);
  const keep = (batch: Loaded) => {
    for (const [index, loaded] of batch) results[index] = loaded;
  };
  const pending = Array.from({ length: threads - 1 }, () => inWorker(request, keep));
  for (const batch of claimAndLoad(request, loadHere)) {
    keep(batch);
    // Let the workers' batches in as they come, rather than queued up until this loop ends.
    await setImmediate();
  }
  await Promise.all(pending);
  // A worker that failed took the files it had claimed with it: they are loaded here.
  return results.map((loaded, index) => loaded ?? loadHere(files[index]!));
}

/** Batches of `request.files` claimed from the shared counter, loaded, until it runs past the end. */
function* claimAndLoad(request: LoadRequest, load: (file: string) => LoadedFile): Generator<Loaded> {
  const next = new Int32Array(request.next);
  for (let start = Atomics.add(next, 0, BATCH); start < request.files.length; start = Atomics.add(next, 0, BATCH)) {
    const end = Math.min(start + BATCH, request.files.length);
    const batch: Loaded = [];
    for (let index = start; index < end; index++) batch.push([index, load(request.files[index]!)]);
    yield batch;
  }
}

/**
 * One file loaded, and the documents it declares checked with `checks`. In a worker (`inWorker`)
 * the statuses are attached as `documents`, to be sent back with the file.
 */
function loadWithDocuments(root: string, file: string, options: LoadOptions, checks: DocumentChecks | undefined, inWorker = false): LoadedFile {
  const loaded = loadFile(root, file, options, !inWorker);
  if (!checks || !loaded.manifest) return loaded;
  const documents = checkDeclaredDocuments(checks.store, loaded.manifest, checks.policy);
  return inWorker && documents.length > 0 ? { ...loaded, documents } : loaded;
}

/** One per core, at most 4; `AI_REGISTRY_THREADS=N` caps it (1: one thread), for measuring. */
function threadCount(): number {
  const cap = Number(process.env.AI_REGISTRY_THREADS);
  return Math.max(1, Math.min(availableParallelism(), 4, Number.isInteger(cap) && cap > 0 ? cap : 4));
}

function canStartWorkers(): boolean {
  return typeof __BUNDLED__ !== 'undefined' && __BUNDLED__ && isMainThread && availableParallelism() > 1;
}

/** What a worker sends once it has sent every batch. */
const DONE = 'done';

/**
 * Starts a worker that loads batches as this thread does and sends each as soon as it is loaded
 * (so that it holds no more than one batch: at 100,000 files, memory is the worker's and ours
 * added up), to `keep`. Resolves when it is done, or has failed: the files of a batch it never
 * sent are then loaded by the caller.
 */
function inWorker(request: LoadRequest, keep: (batch: Loaded) => void): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: request } });
    } catch {
      resolve();
      return;
    }
    worker.on('message', (message: Loaded | typeof DONE) => {
      if (message !== DONE) keep(message);
      else {
        resolve();
        void worker.terminate();
      }
    });
    // Resolving twice is a no-op.
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}

// In a worker started above: load batches until none are left, sending each, and let the thread end.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  const request = (workerData as Record<string, LoadRequest>)[WORKER_FLAG]!;
  const { root, options, policy } = request;
  const checks = policy ? { store: new DocumentStore(root), policy } : undefined;
  for (const batch of claimAndLoad(request, (file) => loadWithDocuments(root, file, options, checks, true))) parentPort!.postMessage(batch);
  parentPort!.postMessage(DONE);
}
