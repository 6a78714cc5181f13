import type { Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/** Identifies the one comment this Action owns on a pull request; it opens the comment's body. */
export const COMMENT_MARKER = '<!-- ai-registry:pr-comment -->';

export type CommentOutcome =
  | { action: 'created'; id: number }
  | { action: 'updated'; id: number }
  /** A clean PR that never had a comment gets none. */
  | { action: 'none' };

/**
 * Keeps one sticky comment per pull request: found by its marker among every comment (all
 * pages), updated in place, created only when there is something to say. A PR that goes from
 * findings to clean keeps its comment, updated to say so.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  pr: PullRequestRef,
  report: string,
  options: { clean: boolean },
): Promise<CommentOutcome> {
  const body = `${COMMENT_MARKER}\n${report}`;
  const existing = await findStickyComment(octokit, pr);
  if (existing !== undefined) {
    await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing, body });
    return { action: 'updated', id: existing };
  }
  if (options.clean) return { action: 'none' };
  const created = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
  return { action: 'created', id: created.data.id };
}

/** The id of the oldest comment opening with the marker, so that duplicates never multiply. */
async function findStickyComment(octokit: Octokit, pr: PullRequestRef): Promise<number | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  return comments.find((comment) => comment.body?.trimStart().startsWith(COMMENT_MARKER))?.id;
}
