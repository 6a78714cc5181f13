import { isMainThread } from 'node:worker_threads';
import { run } from './action.js';

/** The Action's entry point, bundled to dist/index.js (action.yml `runs.main`); it also runs in the load workers (src/load/workers.ts). */
if (isMainThread) void run();
