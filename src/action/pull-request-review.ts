import type { Registry } from '../model/registry.js';
import { newApprovals, type ChangedManifest, type PullRequestReview } from '../review/approvals.js';
import { latestVerdicts, reviewersOf, type SubmittedReview } from '../review/reviews.js';
import { loadBaseRegistry } from './base-registry.js';
import { changedManifests, listPullRequestFiles, PR_FILES_LIMIT, type PullRequestFile } from './changed-files.js';
import { describeApiError, type Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';
import { listReviews } from './reviews.js';

/** What the Action learns about a pull request from the API before it lints. */
export interface PullRequestFacts {
  /** The PR's files; undefined when they could not all be listed (`filesUnknown` says why). */
  files?: PullRequestFile[];
  filesUnknown?: string;
  /** The manifests among them, root-relative. */
  changes?: ChangedManifest[];
  /** The registry at the base commit; undefined when it could not be read (a warning says why). */
  base?: Registry;
  /** What the rules about the PR's reviews need. */
  review: PullRequestReview;
  /** Everyone who reviewed at all, lower-cased. */
  reviewers: ReadonlySet<string>;
  /** Problems met on the way, for `core.warning`: none of them fails the step. */
  warnings: string[];
}

/**
 * Lists the PR's files and reviews and reads the registry at its base. Never throws for an API
 * failure: what cannot be read fails closed (an approval that cannot be shown to be on the base
 * branch must be verified) and is reported as a warning.
 */
export async function gatherPullRequestFacts(options: {
  octokit: Octokit;
  pr: PullRequestRef;
  head: Registry;
  rootFromRepo: string;
  tempDir: string;
}): Promise<PullRequestFacts> {
  const { octokit, pr, head, rootFromRepo } = options;
  const warnings: string[] = [];
  const facts: Omit<PullRequestFacts, 'review' | 'reviewers'> = { warnings };

  try {
    const files = await listPullRequestFiles(octokit, pr);
    if (files) facts.files = files;
    else facts.filesUnknown = `the pull request changes more than ${PR_FILES_LIMIT} files`;
  } catch (error) {
    facts.filesUnknown = `the pull request's files cannot be listed (${describeApiError(error)})`;
    warnings.push(`Cannot list the pull request's changed files (${describeApiError(error)}); reporting every finding, and every approval in the registry must be verified.`);
  }

  if (facts.files) {
    facts.changes = changedManifests(facts.files, rootFromRepo, head.registryDir);
    try {
      // No manifest changed: the base registry is the head's.
      facts.base = facts.changes.length === 0 ? head : await loadBaseRegistry({ octokit, pr, head, rootFromRepo, changes: facts.changes, tempDir: options.tempDir });
    } catch (error) {
      warnings.push(`Cannot read the registry at the base commit (${describeApiError(error)}); every approval in a changed manifest must be verified, and there is no governance delta.`);
    }
  }

  let reviews: SubmittedReview[] = [];
  try {
    reviews = await listReviews(octokit, pr);
  } catch (error) {
    warnings.push(`Cannot list the pull request's reviews (${describeApiError(error)}); no approval it adds can be verified.`);
  }

  return {
    ...facts,
    review: {
      author: pr.author ?? '',
      verdicts: latestVerdicts(reviews),
      newApprovals: newApprovals(head, facts.changes, facts.base),
      // The base decides who holds a role, so that a PR cannot make its own approvers.
      roles: facts.base ?? head,
    },
    reviewers: reviewersOf(reviews),
  };
}
