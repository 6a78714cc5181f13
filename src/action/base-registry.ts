import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { discoverManifestFiles } from '../load/discover.js';
import { loadRegistry } from '../load/registry.js';
import type { Registry } from '../model/registry.js';
import type { ChangedManifest } from '../review/approvals.js';
import { httpStatus, type Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/** A PR changing more manifests than this gets no base registry: one API call per file is enough. */
export const BASE_FILES_LIMIT = 200;

export interface BaseRegistryOptions {
  octokit: Octokit;
  pr: PullRequestRef;
  /** The head registry, loaded from the workspace. */
  head: Registry;
  /** The linted root relative to the repository, `.` when they are one. */
  rootFromRepo: string;
  /** The PR's changed manifests (`changedManifests`). */
  changes: readonly ChangedManifest[];
  /** Where to build the base registry for a moment (RUNNER_TEMP). */
  tempDir: string;
}

/**
 * The registry as it is at the PR's base commit, without checking the base out (the runner's
 * clone is shallow by default): the head's manifests, with each one the PR changes replaced by
 * its base version from the contents API, or left out when the PR adds it. It is written to a
 * temporary folder and loaded like any registry (manifests only: nothing is executed, no
 * document is read). Throws when a base version cannot be read.
 */
export async function loadBaseRegistry(options: BaseRegistryOptions): Promise<Registry> {
  const { octokit, pr, head, rootFromRepo, changes } = options;
  if (!pr.baseSha) throw new Error('the event does not name the base commit');
  const basePaths = changes.flatMap((change) => (change.base === undefined ? [] : [change.base]));
  if (basePaths.length > BASE_FILES_LIMIT) throw new Error(`the pull request changes more than ${BASE_FILES_LIMIT} manifests`);
  const baseVersions = new Map<string, Buffer | undefined>();
  for (const path of basePaths) {
    const repoPath = rootFromRepo === '.' ? path : posix.join(rootFromRepo, path);
    baseVersions.set(path, await readAtCommit(octokit, pr, repoPath, pr.baseSha));
  }

  const folder = mkdtempSync(join(options.tempDir, 'ai-registry-base-'));
  try {
    mkdirSync(join(folder, head.registryDir), { recursive: true });
    for (const file of await discoverManifestFiles(head.root, head.registryDir)) {
      // The loader refuses links anyway; copying one could lead anywhere.
      if (lstatSync(join(head.root, file)).isFile()) writeInto(folder, file, (target) => copyFileSync(join(head.root, file), target));
    }
    // Removals first: a file renamed away may be replaced by a new file of the old name.
    for (const change of changes) if (change.head !== undefined) rmSync(join(folder, change.head), { force: true });
    for (const [path, content] of baseVersions) if (content !== undefined) writeInto(folder, path, (target) => writeFileSync(target, content));
    return (await loadRegistry(folder, head.registryDir, { documents: false })).registry;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function writeInto(folder: string, file: string, write: (target: string) => void): void {
  const target = join(folder, file);
  mkdirSync(dirname(target), { recursive: true });
  write(target);
}

/** A file's bytes at a commit, through the contents API; undefined when there is no file at that path. */
async function readAtCommit(octokit: Octokit, pr: PullRequestRef, path: string, ref: string): Promise<Buffer | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner: pr.owner, repo: pr.repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file') return undefined;
    // Files over 1 MB come without content; the loader would refuse them anyway.
    if (!('content' in data) || data.encoding !== 'base64') throw new Error(`${path} is too large to read through the contents API`);
    return Buffer.from(data.content, 'base64');
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}
