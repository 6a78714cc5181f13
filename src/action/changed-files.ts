import { posix } from 'node:path';
import type { Registry } from '../model/registry.js';
import { isPolicyFile } from '../policy/location.js';
import type { Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/** GitHub lists at most 3,000 files of a pull request; beyond that the list is incomplete. */
export const PR_FILES_LIMIT = 3000;

/** A manifest file the PR touches, root-relative: where it is at the head (none when removed) and at the base (none when added). */
export interface ChangedManifest {
  head?: string;
  base?: string;
}

/** What a pull request run reports: every finding, or those of the changed files. */
export type ChangedScope = { all: true; reason: string } | { all: false; files: string[] };

/** One file of the PR, repo-relative, as GitHub lists it. */
export interface PullRequestFile {
  filename: string;
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`. */
  status: string;
  /** Where a renamed file was at the base. */
  previousFilename?: string;
}

/**
 * The PR's changed files through every page of the API; undefined when GitHub cannot list them
 * all (more than 3,000), so that nothing is hidden by a cut list.
 */
export async function listPullRequestFiles(octokit: Octokit, pr: PullRequestRef): Promise<PullRequestFile[] | undefined> {
  if (pr.changedFiles !== undefined && pr.changedFiles > PR_FILES_LIMIT) return undefined;
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  if (files.length >= PR_FILES_LIMIT) return undefined;
  return files.map((file) => ({
    filename: file.filename,
    status: file.status,
    ...(file.previous_filename ? { previousFilename: file.previous_filename } : {}),
  }));
}

/** A repo-relative path relative to the linted root, or undefined when it lies outside the root. */
export function rootRelative(repoFile: string, rootFromRepo: string): string | undefined {
  const root = posix.normalize(rootFromRepo.replace(/\\/g, '/')).replace(/\/$/, '');
  const file = posix.normalize(repoFile.replace(/\\/g, '/'));
  const relative = root === '.' ? file : posix.relative(root, file);
  if (relative === '' || relative === '.' || relative === '..' || relative.startsWith('../') || posix.isAbsolute(relative)) return undefined;
  return relative;
}

/**
 * The manifests among the PR's files, root-relative, with where each was at the base: a file
 * the PR adds (or copies) has no base, one it removes no head, a renamed one its previous name.
 * A manifest is what the loader reads: a `.yaml` / `.yml` below the registry folder, no dot
 * folder or dot file on the way.
 */
export function changedManifests(files: readonly PullRequestFile[], rootFromRepo: string, registryDir: string): ChangedManifest[] {
  const manifest = (repoFile: string | undefined) => {
    const file = repoFile === undefined ? undefined : rootRelative(repoFile, rootFromRepo);
    return file !== undefined && isManifestPath(file, registryDir) ? file : undefined;
  };
  const changes: ChangedManifest[] = [];
  for (const { filename, status, previousFilename } of files) {
    if (status === 'unchanged') continue;
    const head = status === 'removed' ? undefined : manifest(filename);
    const base = status === 'added' || status === 'copied' ? undefined : manifest(status === 'renamed' ? previousFilename : filename);
    if (head !== undefined || base !== undefined) changes.push({ ...(head !== undefined ? { head } : {}), ...(base !== undefined ? { base } : {}) });
  }
  return changes;
}

/** What the loader reads as a manifest (root-relative): a `.yaml` / `.yml` below the registry folder, no dot folder or dot file on the way. */
export function isManifestPath(file: string, registryDir: string): boolean {
  const below = registryDir === '.' ? file : file.startsWith(`${registryDir}/`) ? file.slice(registryDir.length + 1) : undefined;
  return below !== undefined && /\.ya?ml$/.test(below) && !below.split('/').some((segment) => segment.startsWith('.'));
}

/**
 * Turns the PR's repo-relative files into the scope to report, relative to the linted root
 * (`rootFromRepo`, `.` when the root is the repository). A changed policy changes what every
 * manifest needs, so it reports everything.
 */
export function changedScope(repoFiles: readonly string[] | undefined, rootFromRepo: string, registry: Registry): ChangedScope {
  if (repoFiles === undefined) return { all: true, reason: `the pull request changes more than ${PR_FILES_LIMIT} files` };
  const files = repoFiles
    .map((file) => rootRelative(file, rootFromRepo))
    .filter((file): file is string => file !== undefined)
    .sort();
  const policy = files.find((file) => isPolicyFile(file, registry.registryDir));
  if (policy) return { all: true, reason: `the pull request changes the policy (${policy})` };
  return { all: false, files };
}
