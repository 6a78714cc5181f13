import type { Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { approvalProblems, dueOf } from '../policy/compliance.js';
import { teamsHolding } from '../policy/roles.js';
import { liveWaiverFor } from '../policy/waivers.js';
import { githubTeam, membersOf, unverifiedApprovals, type PullRequestReview } from './approvals.js';

/**
 * Whom a pull request should ask for review (SPEC §8, input `request-reviews`): the GitHub teams
 * holding the roles its changed models still need. Pure; src/action/review-requests.ts calls the API.
 */

type Model = Manifest<'Model'>;
type Team = Manifest<'Team'>;

/**
 * The roles a model's tier needs now that no approval on the PR satisfies: none counts, or the
 * ones that count are new and unverified. A live waiver of the finding it would be
 * (`approval-missing` or `approval-unverified`) takes the role off the list.
 */
export function rolesAwaitingApproval(model: Model, registry: Registry, asOf: string, pr: PullRequestReview): string[] {
  const unverified = new Set(unverifiedApprovals(model, registry, asOf, pr).map((u) => u.index));
  const approvals = model.spec.approvals ?? [];
  return dueOf(model, registry, asOf, 'approval').flatMap(({ requirement: { role } }) => {
    const counting = approvals.flatMap((approval, index) => (approval.role === role && approvalProblems(approval, model, registry, asOf).length === 0 ? [index] : []));
    if (counting.some((index) => !unverified.has(index))) return [];
    const ruleId = counting.length > 0 ? 'approval-unverified' : 'approval-missing';
    return liveWaiverFor(registry, model.name, ruleId, asOf) ? [] : [role];
  });
}

/**
 * The GitHub teams to ask for the changed models' missing roles: teams of the repository's
 * organisation (`org/slug`; no other team can be requested) holding a role a model waits for,
 * other than that model's owner team, whose members cannot give the approval (four-eyes).
 * Sorted by slug.
 */
export function teamsToAsk(models: readonly Model[], registry: Registry, asOf: string, pr: PullRequestReview, organisation: string): Team[] {
  const teams = new Map<string, Team>();
  // Who holds a role is the base's to say: without it, nobody the PR names is asked.
  if (!pr.roles) return [];
  for (const model of models) {
    for (const role of rolesAwaitingApproval(model, registry, asOf, pr)) {
      for (const team of teamsHolding(pr.roles, role)) {
        const github = githubTeam(team);
        if (team.name === model.spec.owner || !github || github.org.toLowerCase() !== organisation.toLowerCase()) continue;
        teams.set(github.slug, team);
      }
    }
  }
  return [...teams.keys()].sort().map((slug) => teams.get(slug)!);
}

/**
 * Asks each team once: not a team whose request is pending, nor one a member of which has
 * reviewed already (GitHub drops a team's pending request once a member reviews, so the pending
 * list alone would ask it again on every push).
 */
export function teamsNotYetAsked(teams: readonly Team[], pendingSlugs: ReadonlySet<string>, reviewers: ReadonlySet<string>): { ask: Team[]; asked: Team[] } {
  const ask: Team[] = [];
  const asked: Team[] = [];
  for (const team of teams) {
    const slug = githubTeam(team)!.slug.toLowerCase();
    const engaged = pendingSlugs.has(slug) || membersOf(team).some((member) => reviewers.has(member));
    (engaged ? asked : ask).push(team);
  }
  return { ask, asked };
}
