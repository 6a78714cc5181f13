import type { CliIo } from '../../src/cli/io.js';

/** A CliIo that records what a command prints, for running the CLI in-process. */
export function fakeIo(cwd: string, now = '2026-11-24T09:00:00Z'): CliIo & { out: () => string; err: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    cwd,
    env: {},
    isTTY: false,
    now: () => new Date(now),
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
