import type { SubmittedReview } from '../review/reviews.js';
import type { Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/** Every review of the pull request, through every page, in the order GitHub lists them (oldest first). */
export async function listReviews(octokit: Octokit, pr: PullRequestRef): Promise<SubmittedReview[]> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  // A review by a deleted account has no user: it cannot back an approval.
  return reviews.flatMap((review) =>
    review.user?.login ? [{ login: review.user.login, state: review.state, ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}) }] : [],
  );
}
