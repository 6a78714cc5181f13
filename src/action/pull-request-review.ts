import type { Registry } from '../model/registry.js';
import { newApprovals, type PullRequestReview } from '../review/approvals.js';
import { latestVerdicts, reviewersOf, type SubmittedReview } from '../review/reviews.js';
import { readBaseRegistry, type BaseSnapshot } from './base-registry.js';
import { apiBaseTreeReader } from './base-tree-api.js';
import { gitBaseTreeReader, type GitOptions } from './base-tree-git.js';
import { changedManifests, listPullRequestFiles, PR_FILES_LIMIT, type PullRequestFile } from './changed-files.js';
import { describeApiError, type Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';
import { listReviews } from './reviews.js';

/** What the Action learns about a pull request from GitHub before it lints. */
export interface PullRequestFacts {
  /** The PR's files; undefined when they could not all be listed (`filesUnknown` says why). */
  files?: PullRequestFile[];
  filesUnknown?: string;
  /** The registry at the base commit; undefined when it could not be read (a warning says why). */
  base?: BaseSnapshot;
  /**
   * The head's manifests the PR adds or changes, root-relative: from the base when it was read,
   * else from the PR's files; undefined when neither is known.
   */
  changed?: ReadonlySet<string>;
  /** What the rules about the PR's reviews need. */
  review: PullRequestReview;
  /** Everyone who reviewed at all, lower-cased. */
  reviewers: ReadonlySet<string>;
  /** Problems met on the way, for `core.warning`: none of them fails the step, each fails closed. */
  warnings: string[];
  /** What was read and how, for `core.info`. */
  notes: string[];
}

export interface GatherOptions {
  octokit: Octokit;
  pr: PullRequestRef;
  head: Registry;
  /** The linted root relative to the repository (the workspace), `.` when they are one. */
  rootFromRepo: string;
  /** Where the base registry is built for a moment (RUNNER_TEMP). */
  tempDir: string;
  git: GitOptions;
}

/**
 * Lists the PR's files and reviews and reads the registry at its base. Never throws: whatever
 * cannot be read fails closed (an approval that cannot be shown to be on the base branch, or
 * whose approver cannot be shown to hold the role there, is unverified) and is a warning.
 */
export async function gatherPullRequestFacts(options: GatherOptions): Promise<PullRequestFacts> {
  const { octokit, pr, head, rootFromRepo } = options;
  const warnings: string[] = [];
  const notes: string[] = [];

  let files: PullRequestFile[] | undefined;
  let filesUnknown: string | undefined;
  try {
    files = await listPullRequestFiles(octokit, pr);
    if (!files) filesUnknown = `the pull request changes more than ${PR_FILES_LIMIT} files`;
  } catch (error) {
    filesUnknown = `the pull request's files cannot be listed (${describeApiError(error)})`;
    warnings.push(`Cannot list the pull request's changed files (${describeApiError(error)}); reporting every finding.`);
  }

  let base: BaseSnapshot | undefined;
  try {
    base = await readBase(options, notes);
    notes.push(`Read the registry at the base commit ${pr.baseSha!.slice(0, 12)} through ${base.via}: ${base.registry.manifests.length} manifests; this pull request adds or changes ${base.changed.length}.`);
  } catch (error) {
    warnings.push(
      `Cannot read the registry at the base commit (${describeApiError(error)}); no approval this pull request adds or changes can be verified, since only the base branch says who holds a role, and there is no governance delta.`,
    );
  }
  const changed = base ? new Set(base.changed) : files ? new Set(changedManifests(files, rootFromRepo, head.registryDir).flatMap((c) => (c.head === undefined ? [] : [c.head]))) : undefined;

  let reviews: SubmittedReview[] = [];
  try {
    reviews = await listReviews(octokit, pr);
  } catch (error) {
    warnings.push(`Cannot list the pull request's reviews (${describeApiError(error)}); no approval it adds can be verified.`);
  }

  return {
    ...(files ? { files } : {}),
    ...(filesUnknown ? { filesUnknown } : {}),
    ...(base ? { base } : {}),
    ...(changed ? { changed } : {}),
    review: {
      author: pr.author ?? '',
      verdicts: latestVerdicts(reviews),
      newApprovals: newApprovals(head, base?.registry, changed),
      roles: base?.registry,
    },
    reviewers: reviewersOf(reviews),
    warnings,
    notes,
  };
}

/**
 * The base registry from the workspace's git clone when it is one (any size, no API calls per
 * file), else through the API's trees and blobs. Throws, with what each way met, when neither can.
 */
async function readBase(options: GatherOptions, notes: string[]): Promise<BaseSnapshot> {
  const { octokit, pr, head, rootFromRepo, tempDir } = options;
  if (!pr.baseSha) throw new Error('the event does not name the base commit');
  let viaGit: string | undefined;
  try {
    const reader = await gitBaseTreeReader(head.root, pr.baseSha, options.git);
    if (reader) return await readBaseRegistry(reader, head, tempDir);
  } catch (error) {
    viaGit = error instanceof Error ? error.message : String(error);
    notes.push(`Cannot read the base commit with git (${viaGit}); reading it through the GitHub API.`);
  }
  try {
    return await readBaseRegistry(apiBaseTreeReader(octokit, pr, pr.baseSha, rootFromRepo), head, tempDir);
  } catch (error) {
    throw new Error(viaGit ? `${viaGit}; through the API: ${describeApiError(error)}` : describeApiError(error));
  }
}
