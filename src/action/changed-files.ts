import { posix } from 'node:path';
import type { Registry } from '../model/registry.js';
import type { Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/** GitHub lists at most 3,000 files of a pull request; beyond that the list is incomplete. */
export const PR_FILES_LIMIT = 3000;

/** What a pull request run reports: every finding, or those of the changed files. */
export type ChangedScope = { all: true; reason: string } | { all: false; files: string[] };

/**
 * The PR's changed files, repo-relative, through every page of the API; undefined when GitHub
 * cannot list them all (more than 3,000), so that nothing is hidden by a cut list.
 */
export async function listPullRequestFiles(octokit: Octokit, pr: PullRequestRef): Promise<string[] | undefined> {
  if (pr.changedFiles !== undefined && pr.changedFiles > PR_FILES_LIMIT) return undefined;
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  if (files.length >= PR_FILES_LIMIT) return undefined;
  return files.map((file) => file.filename);
}

/**
 * Turns the PR's repo-relative files into the scope to report, relative to the linted root
 * (`rootFromRepo`, `.` when the root is the repository). A changed policy changes what every
 * manifest needs, so it reports everything.
 */
export function changedScope(repoFiles: readonly string[] | undefined, rootFromRepo: string, registry: Registry): ChangedScope {
  if (repoFiles === undefined) return { all: true, reason: `the pull request changes more than ${PR_FILES_LIMIT} files` };
  const root = posix.normalize(rootFromRepo.replace(/\\/g, '/')).replace(/\/$/, '');
  const files = repoFiles
    .map((file) => (root === '.' ? file : posix.relative(root, file)))
    .filter((file) => file !== '' && !file.startsWith('../'))
    .sort();
  const policyFiles = new Set([
    ...['policy.yaml', 'policy.yml'].map((name) => posix.join(registry.registryDir, name)),
    ...registry.all('Policy').map((policy) => policy.file),
  ]);
  const policy = files.find((file) => policyFiles.has(file));
  if (policy) return { all: true, reason: `the pull request changes the policy (${policy})` };
  return { all: false, files };
}
