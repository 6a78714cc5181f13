import { lstatSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { inGitFolder, inGitFolderReason } from '../util/git-folder.js';
import { isInside, realPath } from '../util/paths.js';

/**
 * A declared document path, resolved against the repository root: `relative` is the path as
 * declared, normalised (`/`-separated, no `./`); `absolute` the real path it leads to, symlinks
 * resolved (for a file that does not exist, where it would be).
 */
export type DocPath =
  | { ok: true; relative: string; absolute: string }
  | { ok: false; reason: string; relative?: string };


/**
 * Resolves a document path declared in a manifest, refusing anything that could lead outside
 * the repository: absolute and home paths, URLs, control characters, `..` escapes (`\` counts
 * as a separator, as it would on Windows), and symlinks that lead out; and anything in git's
 * own folder (`.git/`, see inGitFolder), written so or reached through a symlink, which is
 * refused as if it were outside. Only `realpath`, `lstat` and `readlink` are used: a file
 * outside the repository or in `.git/` is never opened. `folders` caches the
 * real path of each folder across calls (one map per run: the tree is not expected to change).
 */
export function resolveDocPath(root: string, declared: string, folders: Map<string, string> = new Map()): DocPath {
  const inFolder = resolveDocFolder(root, declared, folders);
  return inFolder.ok ? followLink(root, inFolder) : inFolder;
}

/**
 * resolveDocPath as far as the folder: every refusal but a link out in the file's own name,
 * which is not looked at. A caller that opens the file with O_NOFOLLOW learns from ELOOP that
 * it is a link and then calls followLink, saving an lstat on every document that is not one.
 */
export function resolveDocFolder(root: string, declared: string, folders: Map<string, string> = new Map()): DocPath {
  const refusal = refuseLexically(declared);
  if (refusal) return { ok: false, reason: refusal };
  const normalized = posix.normalize(declared.replace(/\\/g, '/'));
  // The declared string itself when already normal: one copy of each path in memory, not two.
  const relativePath = normalized === declared ? declared : normalized;
  if (relativePath === '..' || relativePath.startsWith('../')) {
    return { ok: false, reason: 'climbs out of the repository with ".."' };
  }
  if (inGitFolder(relativePath)) return { ok: false, reason: inGitFolderReason('documents') };
  const path = resolve(root, ...relativePath.split('/'));
  const candidate = join(realFolder(dirname(path), folders), basename(path));
  return refuseReal(root, candidate, relativePath) ?? { ok: true, relative: relativePath, absolute: candidate };
}

/**
 * A folder's real path, from its parent's (cached in `folders`) and one lstat of its own name:
 * cheaper than a realpath of each folder, which walks every component again.
 */
function realFolder(folder: string, folders: Map<string, string>): string {
  const known = folders.get(folder);
  if (known !== undefined) return known;
  const parent = dirname(folder);
  let real: string;
  if (parent === folder) real = realPath(folder);
  else {
    let link = false;
    try {
      link = lstatSync(folder).isSymbolicLink();
    } catch {
      // Not there: where it would be, under its parent's real path.
    }
    real = link ? realPath(folder) : join(realFolder(parent, folders), basename(folder));
  }
  folders.set(folder, real);
  return real;
}

/** A path from resolveDocFolder, its file name followed when that is a symbolic link. */
export function followLink(root: string, path: DocPath & { ok: true }): DocPath {
  try {
    if (!lstatSync(path.absolute).isSymbolicLink()) return path;
  } catch {
    return path; // not there: where it would be
  }
  const target = realPath(path.absolute);
  return refuseReal(root, target, path.relative) ?? { ...path, absolute: target };
}

/**
 * The refusal of a real path (symlinks resolved) that a declared path inside the repository
 * leads to: outside the root, or in `.git/`. One `relative` of two strings, no system call.
 */
function refuseReal(root: string, real: string, declared: string): DocPath | undefined {
  if (!isInside(root, real)) {
    return { ok: false, reason: 'leads outside the repository through a symbolic link', relative: declared };
  }
  if (inGitFolder(relative(root, real))) return { ok: false, reason: `${inGitFolderReason('documents')} (reached through a symbolic link)`, relative: declared };
  return undefined;
}

function refuseLexically(declared: string): string | undefined {
  const control = /[\u0000-\u001f\u007f-\u009f]/u.exec(declared);
  if (control) return `contains the control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (declared.trim() === '') return 'is blank';
  if (declared.startsWith('~')) return 'starts with "~", a home folder, which is not in the repository';
  if (/^[a-z]:/i.test(declared)) return 'is an absolute Windows path';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(declared);
  if (scheme) return `is a URL (${scheme[1]!.toLowerCase()}:), not a file in the repository`;
  if (declared.startsWith('/') || declared.startsWith('\\')) return 'is an absolute path';
  return undefined;
}
