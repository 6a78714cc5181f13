/**
 * git's own folder (`.git`, at any depth: a nested repository's or a submodule's too) holds its
 * configuration, hooks and credentials — actions/checkout writes the job's token into
 * `.git/config` — and never a document or a manifest, so nothing in it is ever read or written.
 */

/**
 * A `.git` segment, however a file system may read it: in any case (macOS and Windows disks
 * ignore case), with trailing dots and spaces or an NTFS stream name (`.git.`, `.git ` and
 * `.git::$INDEX_ALLOCATION` are `.git` on Windows), or as its 8.3 short name `GIT~1`: the names
 * git itself refuses in a tree (`is_ntfs_dotgit` in git's path.c). `/` or `\` separated.
 */
const GIT_SEGMENT = /(?:^|[/\\])(?:\.git|git~1)[. ]*(?::[^/\\]*)?(?=[/\\]|$)/i;

/**
 * Characters HFS+ (macOS) leaves out when it compares names, so `.g\u200cit` is `.git` there
 * (git's `is_hfs_dotgit`).
 */
const HFS_IGNORED = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

/** Why a path in git's folder is refused, as "the path …" completes it: `what` it is not (documents, manifests). */
export function inGitFolderReason(what: string): string {
  return `is in .git/, git's own folder: it holds git's configuration and credentials, not ${what}`;
}

/**
 * Whether a relative path goes into a `.git` folder. Lexical and cheap (two regular
 * expressions, no system call): run it on the path as written and on its real path.
 */
export function inGitFolder(relativePath: string): boolean {
  return GIT_SEGMENT.test(relativePath.replace(HFS_IGNORED, ''));
}
