import { isMainThread } from 'node:worker_threads';
import { runCli } from './cli/main.js';

/** The CLI's entry point, bundled to dist/cli.js (which also runs in the load workers: see src/load/workers.ts). */
if (isMainThread) runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ai-registry: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`);
    process.exitCode = 3;
  },
);
