import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (dist/, built once by tests/global-setup.mjs) as a process, as a user would.
 * A process still running after `timeoutMs` is killed: its `status` is then null.
 */
export function runCliProcess(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): ProcessResult {
  const result = spawnSync(process.execPath, [`${PROJECT_ROOT}/bin/ai-registry.js`, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
