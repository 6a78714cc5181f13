import { dirname, join, resolve } from 'node:path';
import { isInside, realPath, relativeSlashed } from '../util/paths.js';
import { pathExists } from './files.js';
import { UsageError } from './io.js';

/** The git repository a lint root is in: what CODEOWNERS patterns are relative to, and where GitHub reads the file. */
export interface Repository {
  /** Its root, absolute. */
  root: string;
  /** The lint root's path from it, `/`-separated; `.` when they are one. */
  rootFromRepo: string;
  /** It holds action.yml or action.yaml: it runs the Action from its own checkout (`uses: ./`). */
  runsOwnAction: boolean;
}

/**
 * The repository of the lint root `root`: `given` (`--repo-root`, against `cwd`), else the
 * nearest folder at or above the root holding `.git` (a folder, or a file as in worktrees and
 * submodules), else the root itself. Folders outside the root are only lstat'ed, never read.
 */
export function repositoryOf(root: string, given: string | undefined, cwd: string): Repository {
  const realRoot = realPath(root);
  const repositoryRoot = given === undefined ? gitRoot(realRoot) ?? realRoot : resolve(cwd, given);
  const realRepository = realPath(repositoryRoot);
  if (!isInside(realRepository, realRoot)) throw new UsageError(`--root ${root} is not inside --repo-root ${repositoryRoot}`);
  return {
    root: repositoryRoot,
    rootFromRepo: relativeSlashed(realRepository, realRoot) || '.',
    runsOwnAction: ['action.yml', 'action.yaml'].some((name) => pathExists(join(repositoryRoot, name))),
  };
}

function gitRoot(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (pathExists(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}
