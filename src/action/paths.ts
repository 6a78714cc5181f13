import { isAbsolute, posix, relative, sep } from 'node:path';
import type { LintResult } from '../engine.js';
import { InputError } from './inputs.js';

/** The linted root relative to the repository (the workspace), `/`-separated; `.` when they are one. */
export function rootFromRepo(workspace: string, root: string): string {
  const rel = relative(workspace, root);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new InputError(`input "root" must stay inside the workspace (${workspace}), got "${root}"`);
  }
  return rel.split(sep).join('/');
}

/**
 * The result with repo-relative paths: findings carry root-relative paths, but annotations,
 * SARIF and links on GitHub are read against the repository, which differs when `root` is not `.`.
 */
export function withRepoPaths(result: LintResult, fromRepo: string): LintResult {
  if (fromRepo === '.') return result;
  const repoPath = (file: string) => posix.join(fromRepo, file);
  return {
    ...result,
    findings: result.findings.map((f) => ({ ...f, file: repoPath(f.file), ...(f.document ? { document: repoPath(f.document) } : {}) })),
    manifests: result.manifests.map((m) => ({ ...m, file: repoPath(m.file) })),
  };
}
