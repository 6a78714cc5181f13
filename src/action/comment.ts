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
 * pages) written by the token's own identity, updated in place, created only when there is
 * something to say. A PR that goes from findings to clean keeps its comment, updated to say so.
 * Anyone can type the marker, so a comment by someone else is never touched, whatever it holds.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  pr: PullRequestRef,
  report: string,
  options: { clean: boolean },
): Promise<CommentOutcome> {
  const body = `${COMMENT_MARKER}\n${report}`;
  const existing = await findStickyComment(octokit, pr, await tokenIdentity(octokit));
  if (existing !== undefined) {
    await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing, body });
    return { action: 'updated', id: existing };
  }
  if (options.clean) return { action: 'none' };
  const created = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
  return { action: 'created', id: created.data.id };
}

/**
 * The login the token comments as: `github-actions[bot]` for the workflow's GITHUB_TOKEN, the
 * App's `<slug>[bot]` for an App's token, the user for a personal token. GraphQL's `viewer`
 * answers for all three (REST `GET /user` refuses installation tokens).
 */
export async function tokenIdentity(octokit: Octokit): Promise<string> {
  const answer: unknown = await octokit.graphql('query { viewer { login } }');
  const login = (answer as { viewer?: { login?: unknown } } | null)?.viewer?.login;
  if (typeof login !== 'string' || login === '') throw new Error('GitHub did not say whom the token belongs to (GraphQL viewer)');
  return login;
}

/** The id of the oldest comment by `login` opening with the marker, so that duplicates never multiply. */
async function findStickyComment(octokit: Octokit, pr: PullRequestRef, login: string): Promise<number | undefined> {
  const comments: unknown = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  if (!Array.isArray(comments)) throw new Error('the list of comments came back in a shape that cannot be read');
  const own = (comment: { user?: { login?: string } | null; body?: string | null }) =>
    comment.user?.login?.toLowerCase() === login.toLowerCase() && (comment.body ?? '').trimStart().startsWith(COMMENT_MARKER);
  return (comments as { id: number; user?: { login?: string } | null; body?: string | null }[]).find(own)?.id;
}
