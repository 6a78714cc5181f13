import type { Octokit } from './github-api.js';
import type { PullRequestRef } from './pull-request.js';

/** The slugs of the teams whose review of the pull request is pending, lower-cased. */
export async function pendingTeamRequests(octokit: Octokit, pr: PullRequestRef): Promise<Set<string>> {
  const { data } = await octokit.rest.pulls.listRequestedReviewers({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  return new Set(data.teams.map((team) => team.slug.toLowerCase()));
}

/** Requests review of the pull request from teams of its organisation, by slug. */
export async function requestTeamReviews(octokit: Octokit, pr: PullRequestRef, slugs: readonly string[]): Promise<void> {
  await octokit.rest.pulls.requestReviewers({ owner: pr.owner, repo: pr.repo, pull_number: pr.number, team_reviewers: [...slugs] });
}
