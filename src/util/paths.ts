import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/** Symlink hops followed before giving up on a chain of dangling links. */
const MAX_LINK_HOPS = 40;

/** True when `path` is `root` or below it (both absolute, compared as written). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * A relative path as a normal `/`-separated one (`\` counts as a separator, as on Windows; `//`,
 * `./`, `..` and a trailing `/` folded away), `.` for the folder itself; undefined when it climbs
 * above the folder it is relative to.
 */
export function normalizeRelative(path: string): string | undefined {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/(.)\/$/, '$1');
  if (normal === '..' || normal.startsWith('../') || posix.isAbsolute(normal)) return undefined;
  return normal;
}

/**
 * The real path `path` leads to, symlinks resolved. For a path that does not exist (yet): the
 * real path of its nearest existing folder with the rest appended, following a dangling link's
 * target, so that what a write would create behind a link is found where it would land.
 * Only realpath, lstat and readlink: nothing is opened.
 */
export function realPath(path: string, hops = 0): string {
  try {
    return realpathSync.native(path);
  } catch {
    // Does not resolve: a dangling link, a missing file, or a missing folder on the way.
  }
  if (hops < MAX_LINK_HOPS) {
    try {
      if (lstatSync(path).isSymbolicLink()) return realPath(resolve(dirname(path), readlinkSync(path)), hops + 1);
    } catch {
      // Not there at all: resolve its folder instead.
    }
  }
  const parent = dirname(path);
  if (parent === path) return path;
  return join(realPath(parent, hops), basename(path));
}

/** `path` relative to `root`, `/`-separated (`''` for the root itself); both absolute. */
export function relativeSlashed(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
