import type { Approval, Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { approvalProblems, ownerMembers } from '../policy/compliance.js';
import { heldRoles, rolesDeclared, teamsHolding } from '../policy/roles.js';
import type { ReviewVerdict } from './reviews.js';

/**
 * Approvals tied to GitHub reviews (SPEC §8), as pure functions: which approvals a pull request
 * adds or changes, and whether the PR's reviews back each of them. The `approval-unverified`
 * rule reports from these and the Action requests reviews from them (./requests.ts), so the two
 * never disagree.
 */

type Model = Manifest<'Model'>;
type Team = Manifest<'Team'>;

/** What a pull request run knows about the PR; rules that need it do nothing without it (a CLI run). */
export interface PullRequestReview {
  /** The login of the PR's author. */
  author: string;
  /** Each reviewer's latest verdict, by lower-cased login (`latestVerdicts`). */
  verdicts: ReadonlyMap<string, ReviewVerdict>;
  /**
   * The approvals the PR adds or changes, as indexes into `spec.approvals`, by the model's
   * root-relative file. Approvals not listed are on the base branch: trusted, since they were
   * verified when they were merged.
   */
  newApprovals: ReadonlyMap<string, readonly number[]>;
  /**
   * The registry whose teams say who holds a role: the base branch's, so that a PR cannot grant
   * its own approvers a role. Undefined when the base could not be read: then no approval the
   * PR adds can be verified (fail closed), whatever its reviews say.
   */
  roles: Registry | undefined;
}

/** The indexes of the `head` approvals that `base` does not hold as they are (role, approver, date; handles compared case-insensitively). */
export function approvalsAddedOrChanged(head: readonly Approval[], base: readonly Approval[]): number[] {
  const key = (approval: Approval) => `${approval.role}\u0000${approval.approver.toLowerCase()}\u0000${approval.date}`;
  const trusted = new Set(base.map(key));
  return head.flatMap((approval, index) => (trusted.has(key(approval)) ? [] : [index]));
}

/**
 * The approvals each model's manifest adds or changes on this PR, by head file. With the base
 * registry, a model's approvals are compared with those of the base's model of that name (so a
 * renamed or moved file keeps its approvals, and a copied one gains none). Fails closed without
 * it: every approval of a file the PR changes (`changed`, head paths) is new, and every approval
 * of every model when not even the changed files are known.
 */
export function newApprovals(head: Registry, base: Registry | undefined, changed: ReadonlySet<string> | undefined): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const model of head.valid('Model')) {
    const approvals = model.spec.approvals ?? [];
    if (approvals.length === 0) continue;
    if (!base && changed !== undefined && !changed.has(model.file)) continue;
    const indexes = approvalsAddedOrChanged(approvals, base ? approvalsOf(base.get('Model', model.name)) : []);
    if (indexes.length > 0) result.set(model.file, indexes);
  }
  return result;
}

/** A base model's approvals, read defensively: the base version may not pass its schema. */
function approvalsOf(model: Model | undefined): Approval[] {
  const approvals: unknown = model?.spec?.approvals;
  if (!Array.isArray(approvals)) return [];
  return approvals.filter(
    (a): a is Approval => typeof a === 'object' && a !== null && typeof a.role === 'string' && typeof a.approver === 'string' && typeof a.date === 'string',
  );
}

/** An approval the PR adds that its reviews do not back, with why and who could. */
export interface UnverifiedApproval {
  index: number;
  approval: Approval;
  problems: string[];
  /** Who can approve instead, for the message. */
  whoCanApprove: string;
}

/**
 * The model's new approvals that no APPROVED review backs. An approval that does not count
 * anyway (future date, four-eyes) is `approval-missing`'s, and one whose role no team of the
 * head holds is `unknown-reference`'s, so neither is reported twice.
 */
export function unverifiedApprovals(model: Model, registry: Registry, asOf: string, pr: PullRequestReview): UnverifiedApproval[] {
  const approvals = model.spec.approvals ?? [];
  const unknownRole = (role: string) => rolesDeclared(registry) && !heldRoles(registry).includes(role);
  return (pr.newApprovals.get(model.file) ?? []).flatMap((index) => {
    const approval = approvals[index];
    if (!approval || approvalProblems(approval, model, registry, asOf).length > 0 || unknownRole(approval.role)) return [];
    const problems = verificationProblems(approval, pr);
    if (problems.length === 0) return [];
    return [{ index, approval, problems, whoCanApprove: whoCanApprove(approval, model, registry, pr) }];
  });
}

/**
 * Why the PR's reviews do not back an approval: once teams declare roles, the approver must be a
 * member of a team holding the role; before that, someone other than the PR's author. Either way,
 * the approver's latest verdict on the PR must be APPROVED.
 */
function verificationProblems(approval: Approval, pr: PullRequestReview): string[] {
  const { role, approver } = approval;
  const login = approver.toLowerCase();
  const problems: string[] = [];
  if (!pr.roles) {
    // The PR's own teams are no authority on who may approve it.
    problems.push(`the registry at the base commit could not be read, so whether ${approver} may approve as ${role} cannot be checked`);
  } else if (rolesDeclared(pr.roles)) {
    const teams = teamsHolding(pr.roles, role);
    // The head holds the role (else unknown-reference reports it): the PR itself grants it.
    if (teams.length === 0) problems.push(`no team on the base branch holds the role ${role}`);
    else if (!teams.some((team) => membersOf(team).includes(login))) problems.push(`${approver} is not a member of ${teams.map(teamLabel).join(' or ')}, the ${teams.length === 1 ? 'team' : 'teams'} holding ${role}`);
  } else if (login === pr.author.toLowerCase()) {
    problems.push(`${approver} opened this pull request, and an approval needs someone else's review`);
  }
  const verdict = pr.verdicts.get(login);
  if (verdict === 'CHANGES_REQUESTED') problems.push(`${approver}'s latest review on this pull request requests changes`);
  else if (verdict === 'DISMISSED') problems.push(`${approver}'s review on this pull request was dismissed`);
  else if (verdict !== 'APPROVED') problems.push(`no APPROVED review from ${approver} on this pull request`);
  return problems;
}

/** `members of @org/ai-ethics (amensah, gharlow) can approve`: the people whose review would count. */
function whoCanApprove(approval: Approval, model: Model, registry: Registry, pr: PullRequestReview): string {
  const { role, approver } = approval;
  if (!pr.roles) return 'run the job again once the base branch can be read (see the warning in the log)';
  if (!rolesDeclared(pr.roles)) {
    return approver.toLowerCase() === pr.author.toLowerCase()
      ? `name an approver other than ${pr.author}, who approves this pull request on GitHub`
      : `${approver} approves this pull request on GitHub (Review changes → Approve)`;
  }
  const teams = teamsHolding(pr.roles, role);
  if (teams.length === 0) return `merge the change that gives a team the role ${role} first (a pull request cannot grant its own approvers a role)`;
  // Four-eyes: the owning team's members and the author cannot give the approval.
  const excluded = new Set([...ownerMembers(model, registry), pr.author.toLowerCase()]);
  const groups = teams.map((team) => {
    const eligible = (team.spec.members ?? []).filter((member) => !excluded.has(member.toLowerCase()));
    return `${teamLabel(team)} (${eligible.length > 0 ? eligible.join(', ') : `no member outside ${model.spec.owner}`})`;
  });
  return `members of ${groups.join(' or ')} can approve`;
}

/** A team's `spec.github`, `org/slug`, split; undefined when it has none. */
export function githubTeam(team: Team): { org: string; slug: string } | undefined {
  const [org, slug] = (team.spec.github ?? '').split('/');
  return org && slug ? { org, slug } : undefined;
}

/** The team's members, lower-cased. */
export function membersOf(team: Team): string[] {
  return (team.spec.members ?? []).map((member) => member.toLowerCase());
}

function teamLabel(team: Team): string {
  return team.spec.github ? `@${team.spec.github}` : `team ${team.name}`;
}
