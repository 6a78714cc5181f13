import { run } from './action.js';

/** The Action's entry point, bundled to dist/index.js (action.yml `runs.main`). */
void run();
