import { createHash } from 'node:crypto';
import { posix } from 'node:path';

/**
 * The files of one folder at the pull request's base commit, as git stores them: a path and a
 * blob id each. Two readers give them (./base-tree-git.ts from the workspace's own clone,
 * ./base-tree-api.ts through GitHub's git trees and blobs API), so that a PR of any size, on a
 * shallow checkout or none, can be compared with its base. Only the base commit's own objects
 * are read: nothing a pull request writes can change what they say.
 */

/** One file of the base tree. */
export interface BaseFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  /** The git blob id (SHA-1 of `blob <size>\0<bytes>`). */
  sha: string;
  size: number;
}

export interface BaseTreeReader {
  /** How the base is read, for the log: `git` or `the GitHub API`. */
  readonly via: string;
  /** Every regular file below `folder` (repo-relative, `.` for the whole repository) at the base commit; `[]` when the folder does not exist there. */
  list(folder: string): Promise<BaseFile[]>;
  /** The bytes of each blob asked for, by id. Throws when any cannot be read. */
  read(shas: readonly string[]): Promise<Map<string, Buffer>>;
}

/** A commit id as GitHub sends it: SHA-1, or SHA-256 in repositories that use it. */
export const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The id git gives these bytes as a blob, to tell a file the PR left alone from one it changed without reading the base's copy. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * A repository path as a tree may hold it, or undefined for one that could climb out of the
 * folder it is written into (`..`, absolute, empty segments, NUL): git refuses such trees, but
 * the answer of an API is not to be trusted that far.
 */
export function safeTreePath(path: string): string | undefined {
  if (path === '' || path.includes('\0') || path.includes('\\') || posix.isAbsolute(path)) return undefined;
  const segments = path.split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..') ? path : undefined;
}
