import { renderCommand } from '../cli/render.js';
import { UsageError, type CliIo } from '../cli/io.js';
import { ConfigError } from '../load/registry.js';

export interface RenderRun {
  /** The render command's exit status: 0 written or fresh, 1 stale (check), 2 cannot render. */
  code: number;
  /** What it printed, line by line, for the log. */
  stdout: string[];
  stderr: string[];
}

/**
 * Runs the render command in-process (never a subprocess, never code from the registry), with the
 * Action's root and registry. Only options that differ from the defaults are passed, so the fix
 * it suggests for a stale README is the short `ai-registry render`. Without `asOf`, `--check`
 * renders as of the date the README records, as the CLI does.
 */
export async function renderInWorkspace(options: {
  workspace: string;
  root: string;
  registry: string;
  asOf?: string;
  /** The CODEOWNERS path from the workspace (the repository's root, which its patterns are relative to), when the workflow asks for its block. */
  codeowners?: string;
  check: boolean;
}): Promise<RenderRun> {
  const argv = [
    ...(options.root === '.' ? [] : ['--root', options.root]),
    ...(options.registry === 'registry' ? [] : ['--registry', options.registry]),
    ...(options.asOf ? ['--as-of', options.asOf] : []),
    // The workspace is the repository, whatever folder above it holds a .git.
    ...(options.codeowners ? ['--repo-root', '.', '--codeowners', options.codeowners] : []),
    ...(options.check ? ['--check'] : []),
  ];
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = (text: string) => text.replace(/\n$/, '').split('\n');
  const io: CliIo = {
    stdout: (text) => stdout.push(...lines(text)),
    stderr: (text) => stderr.push(...lines(text)),
    cwd: options.workspace,
    env: {},
    isTTY: false,
    now: () => new Date(),
  };
  try {
    return { code: await renderCommand(argv, io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof ConfigError)) throw error;
    return { code: 2, stdout, stderr: [...stderr, error.message] };
  }
}
