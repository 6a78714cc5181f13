import { basename, dirname, join, resolve } from 'node:path';
import { inGitFolder } from './git-folder.js';
import { isInside, realPath, relativeSlashed } from './paths.js';

export interface WriteTargetOptions {
  /**
   * A path the user named outside the repository (`/tmp/report.sarif`, `$RUNNER_TEMP/x`) is their
   * choice, as in ESLint's `-o`; a path inside it must still not lead out through a link.
   */
  outsideAllowed?: boolean;
}

/**
 * Why writing `path` could land outside `root` (the repository, or the folder writes must stay
 * in) or under `.git/`, as "it …" completes it; undefined when it is a safe place to write.
 * The real folder is the nearest existing one, symlinks (dangling ones too) resolved, with the
 * folders a write would create appended: check before creating any. The file's own name is not
 * followed: a write replaces a link there (an atomic rename), never writes through it.
 */
export function writeTargetProblem(path: string, root: string, options: WriteTargetOptions = {}): string | undefined {
  const target = resolve(path);
  const realRoot = realPath(root);
  const real = join(realPath(dirname(target)), basename(target));
  const named = [root, realRoot].find((base) => isInside(base, target));
  if (named === undefined) {
    if (options.outsideAllowed) return undefined;
    // Named through a link to the repository (macOS's /tmp for /private/tmp): inside after all.
    if (!isInside(realRoot, real)) return `is outside the repository (${realRoot})`;
  } else if (!isInside(realRoot, real)) {
    return `leads outside the repository through a symbolic link (to ${dirname(real)})`;
  }
  if ((named !== undefined && inGitFolderBelow(named, target)) || inGitFolderBelow(realRoot, real)) return 'is inside .git/, which ai-registry never writes';
  return undefined;
}

/** Whether `path` goes through a `.git` folder below `root` (however a file system may spell it). */
function inGitFolderBelow(root: string, path: string): boolean {
  return inGitFolder(relativeSlashed(root, path));
}
