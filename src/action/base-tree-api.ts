import { posix } from 'node:path';
import { safeTreePath, type BaseFile, type BaseTreeReader } from './base-tree.js';
import { httpStatus, type Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/**
 * The base tree through GitHub's git database API, for a workspace that is no clone: one tree
 * call per folder on the way to the registry, one recursive call for the registry, and a blob
 * call only for each file the pull request changed (the others are read from the workspace).
 */

/** Blob requests in flight at once: fast on a large PR, well inside GitHub's concurrency limits. */
const PARALLEL_BLOBS = 8;

interface TreeItem {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
  size?: number;
}

export function apiBaseTreeReader(octokit: Octokit, pr: PullRequestRef, commit: string, rootFromRepo: string): BaseTreeReader {
  const repo = { owner: pr.owner, repo: pr.repo };
  const tree = async (sha: string, recursive: boolean) => {
    const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: sha, ...(recursive ? { recursive: 'true' } : {}) });
    if (!Array.isArray(data?.tree)) throw new Error(`the tree ${sha} came back without its entries`);
    // Cut at 100,000 entries or 7 MB: a partial listing could hide a file, so it is no listing.
    if (data.truncated) throw new Error(`GitHub cut the listing of the tree ${sha} (too many files)`);
    return data.tree as TreeItem[];
  };
  return {
    via: 'the GitHub API',
    async list(folder) {
      // Down to the folder one level at a time: a recursive listing of a large repository is cut.
      let sha = commit;
      for (const name of posix.join(rootFromRepo, folder).split('/').filter((s) => s !== '.')) {
        const entry = (await tree(sha, false)).find((item) => item.path === name && item.type === 'tree');
        if (!entry?.sha) return [];
        sha = entry.sha;
      }
      return (await tree(sha, true)).flatMap((item) => {
        const path = typeof item.path === 'string' ? safeTreePath(item.path) : undefined;
        const regular = item.type === 'blob' && (item.mode === '100644' || item.mode === '100755');
        return path && regular && typeof item.sha === 'string' ? [{ path: posix.join(folder, path), sha: item.sha, size: item.size ?? 0 }] : [];
      });
    },
    async read(shas) {
      const blobs = new Map<string, Buffer>();
      const queue = [...shas];
      const worker = async () => {
        for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) blobs.set(sha, await blob(octokit, repo, sha));
      };
      // The first failure rejects the whole read: a base missing one file is no base.
      await Promise.all(Array.from({ length: Math.min(PARALLEL_BLOBS, queue.length) }, worker));
      return blobs;
    },
  };
}

async function blob(octokit: Octokit, repo: { owner: string; repo: string }, sha: string): Promise<Buffer> {
  try {
    const { data } = await octokit.rest.git.getBlob({ ...repo, file_sha: sha });
    if (data?.encoding !== 'base64' || typeof data.content !== 'string') throw new Error(`the blob ${sha} came back without its content`);
    return Buffer.from(data.content, 'base64');
  } catch (error) {
    if (httpStatus(error) === 404) throw new Error(`the blob ${sha} of the base commit is not found`);
    throw error;
  }
}

export type { BaseFile };
