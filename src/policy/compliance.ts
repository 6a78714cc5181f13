import type { Approval, Manifest, ModelDates, Stage, Tier, YamlPath } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { addDays, daysBetween } from '../util/dates.js';
import type { StageRequirement, TierPolicy } from './policy.js';
import { compareStages, dueRequirements, requirementSeverity, type Requirement } from './requirements.js';

/**
 * The state of each non-document requirement of a model, as pure functions. The governance
 * rules report from these and `explain` prints them, so the two can never disagree.
 */

type Model = Manifest<'Model'>;

/** A requirement due at the model's stage, with the tier it comes from and its severity today. */
export interface DueRequirement<T extends Requirement['type'] = Requirement['type']> {
  requirement: Extract<Requirement, { type: T }>;
  /** The tier the model is held to (the higher of declared and derived). */
  tier: Tier;
  severity: 'error' | 'warning';
}

/** The policy of the tier a model is held to. */
export function heldTierPolicy(model: Model, registry: Registry): { tier: Tier; policy: TierPolicy } {
  const tier = registry.tierOf(model).held;
  return { tier, policy: registry.policy.tiers[tier] };
}

/** The requirements of one type due now for the model's held tier and stage. */
export function dueOf<T extends Requirement['type']>(model: Model, registry: Registry, asOf: string, type: T): DueRequirement<T>[] {
  const { tier, policy } = heldTierPolicy(model, registry);
  return dueRequirements(model.spec, policy)
    .filter((r): r is Extract<Requirement, { type: T }> => r.type === type)
    .map((requirement) => ({ requirement, tier, severity: requirementSeverity(requirement, policy, asOf) }));
}

/** `; an error from 2027-03-01` while a requirement is announced but not yet enforced as an error, else ''. */
export function enforcementNote(due: { requirement: StageRequirement; tier: Tier }, registry: Registry, asOf: string): string {
  const { effectiveFrom } = due.requirement;
  const enforcement = registry.policy.tiers[due.tier].enforcement;
  return effectiveFrom && asOf < effectiveFrom && enforcement === 'error' ? `; an error from ${effectiveFrom}` : '';
}

/** Why something is needed, for messages: `required for tier 3 from pilot[; an error from …]`. */
export function requiredFor(due: { requirement: StageRequirement; tier: Tier }, registry: Registry, asOf: string): string {
  return `required for tier ${due.tier} from ${due.requirement.from}${enforcementNote(due, registry, asOf)}`;
}

// ───────────────────────────── approvals ─────────────────────────────

export type ApprovalStatus =
  /** A valid approval: the role matches, dated on or before as-of, approver outside the owning team. */
  | { state: 'met'; index: number; approval: Approval }
  /** No approval names the role. */
  | { state: 'missing' }
  /** Approvals name the role but none counts; the first of them, with why it does not count. */
  | { state: 'invalid'; index: number; approval: Approval; problems: string[] };

/** Whether the model holds a valid approval for `role` on `asOf` (SPEC §3, four-eyes). */
export function approvalStatus(model: Model, role: string, registry: Registry, asOf: string): ApprovalStatus {
  let firstInvalid: Extract<ApprovalStatus, { state: 'invalid' }> | undefined;
  for (const [index, approval] of (model.spec.approvals ?? []).entries()) {
    if (approval.role !== role) continue;
    const problems = approvalProblems(approval, model, registry, asOf);
    if (problems.length === 0) return { state: 'met', index, approval };
    firstInvalid ??= { state: 'invalid', index, approval, problems };
  }
  return firstInvalid ?? { state: 'missing' };
}

/** Why one approval of the model does not count (empty when it does): a future date, or four-eyes. */
export function approvalProblems(approval: Approval, model: Model, registry: Registry, asOf: string): string[] {
  const problems: string[] = [];
  if (approval.date > asOf) problems.push(`dated ${approval.date}, after the as-of date ${asOf}`);
  if (ownerMembers(model, registry).has(approval.approver.toLowerCase())) {
    problems.push(`approver ${approval.approver} is a member of the owning team ${model.spec.owner} (4-eyes)`);
  }
  return problems;
}

/**
 * The owning team's members, lower-cased (GitHub handles and emails are case-insensitive).
 * Read even from a schema-invalid team, so a typo elsewhere in it never lifts four-eyes.
 */
export function ownerMembers(model: Model, registry: Registry): Set<string> {
  const members: unknown = registry.get('Team', model.spec.owner)?.spec?.members;
  if (!Array.isArray(members)) return new Set();
  return new Set(members.filter((m): m is string => typeof m === 'string').map((m) => m.toLowerCase()));
}

// ───────────────────────────── review ─────────────────────────────

export type ReviewStatus =
  | { state: 'met'; lastReviewed: string; nextDue: string }
  | { state: 'missing' }
  /** `lastReviewed` lies after the as-of date: a review counts once it has happened. */
  | { state: 'future'; lastReviewed: string }
  | { state: 'overdue'; lastReviewed: string; nextDue: string; overdueDays: number };

/** The review state for an interval: due `intervalDays` after the last review, overdue the day after. */
export function reviewStatus(model: Model, intervalDays: number, asOf: string): ReviewStatus {
  const lastReviewed = model.spec.review?.lastReviewed;
  if (!lastReviewed) return { state: 'missing' };
  if (lastReviewed > asOf) return { state: 'future', lastReviewed };
  const nextDue = addDays(lastReviewed, intervalDays);
  if (asOf <= nextDue) return { state: 'met', lastReviewed, nextDue };
  return { state: 'overdue', lastReviewed, nextDue, overdueDays: daysBetween(nextDue, asOf) };
}

// ───────────────────────────── monitoring, incident contact ─────────────────────────────

export type MonitoringField = 'metrics' | 'alertContact';

export type MonitoringStatus =
  | { state: 'met'; metrics: string[]; alertContact: string }
  /** What is absent, in field order; `declared` is false when `spec.monitoring` itself is absent. */
  | { state: 'missing'; absent: MonitoringField[]; declared: boolean };

/** Monitoring is complete with at least one metric and an alert contact. */
export function monitoringStatus(model: Model): MonitoringStatus {
  const monitoring = model.spec.monitoring;
  const metrics = monitoring?.metrics ?? [];
  const alertContact = monitoring?.alertContact;
  if (metrics.length > 0 && alertContact) return { state: 'met', metrics, alertContact };
  const absent: MonitoringField[] = [];
  if (metrics.length === 0) absent.push('metrics');
  if (!alertContact) absent.push('alertContact');
  return { state: 'missing', absent, declared: monitoring !== undefined };
}

export type IncidentContactStatus = { state: 'met'; incidentContact: string } | { state: 'missing' };

export function incidentContactStatus(model: Model): IncidentContactStatus {
  const incidentContact = model.spec.incidentContact;
  return incidentContact ? { state: 'met', incidentContact } : { state: 'missing' };
}

// ───────────────────────────── lifecycle dates ─────────────────────────────

/** The `spec.dates` field recording when a model entered each stage, in lifecycle order. */
export const STAGE_DATE_FIELDS: Readonly<Record<Stage, keyof ModelDates>> = {
  idea: 'ideated',
  experiment: 'experimentStarted',
  pilot: 'pilotStarted',
  production: 'productionSince',
  retired: 'retiredOn',
};

/** A `lifecycle-dates` problem, at the date (or the `dates` mapping) at fault. */
export interface DateProblem {
  path: YamlPath;
  message: string;
}

const ORDER_HINT = 'stage dates follow the lifecycle (ideated ≤ experimentStarted ≤ pilotStarted ≤ productionSince ≤ retiredOn)';

/**
 * What is wrong with a model's stage dates: a date earlier than the stage date before it, a
 * date of a stage already reached that lies after the as-of date (the lifecycle claims what
 * has not happened yet), and `productionSince` / `retiredOn` missing at their stage. Dates of
 * stages not yet reached may lie in the future: they are plans.
 */
export function lifecycleDateProblems(model: Model, asOf: string): DateProblem[] {
  const dates = model.spec.dates ?? {};
  const { lifecycle } = model.spec;
  const problems: DateProblem[] = [];
  let previous: { field: keyof ModelDates; date: string } | undefined;
  for (const [stage, field] of Object.entries(STAGE_DATE_FIELDS) as [Stage, keyof ModelDates][]) {
    const date = dates[field];
    if (date === undefined) continue;
    const path = ['spec', 'dates', field];
    if (previous && date < previous.date) {
      problems.push({ path, message: `${field} ${date} is before ${previous.field} ${previous.date}: ${ORDER_HINT}` });
    } else if (date > asOf && compareStages(stage, lifecycle) <= 0) {
      problems.push({
        path,
        message: `${field} ${date} is after the as-of date ${asOf}, but lifecycle ${lifecycle} says the model has reached that stage: correct the date, or keep the lifecycle at the stage the model is in today`,
      });
    }
    previous = { field, date };
  }
  if (lifecycle === 'production' && !dates.productionSince) {
    problems.push({ path: ['spec', 'dates'], message: 'productionSince is required in production: set spec.dates.productionSince to the date the model went live' });
  }
  if (lifecycle === 'retired' && !dates.retiredOn) {
    problems.push({ path: ['spec', 'dates'], message: 'retiredOn is required once retired: set spec.dates.retiredOn to the date the model was retired' });
  }
  return problems;
}

// ───────────────────────────── stale experiments ─────────────────────────────

export interface StaleExperiment {
  /** The latest of `ideated` / `experimentStarted`: the last recorded progress. */
  field: 'ideated' | 'experimentStarted';
  date: string;
  ageDays: number;
}

/**
 * An idea or experiment whose last recorded progress is more than `staleDays` before as-of
 * (the "science project factory"); undefined when fresh, undated or past experiment.
 */
export function staleExperiment(model: Model, staleDays: number, asOf: string): StaleExperiment | undefined {
  if (model.spec.lifecycle !== 'idea' && model.spec.lifecycle !== 'experiment') return undefined;
  const { ideated, experimentStarted } = model.spec.dates ?? {};
  const latest =
    experimentStarted !== undefined && (ideated === undefined || experimentStarted >= ideated)
      ? { field: 'experimentStarted' as const, date: experimentStarted }
      : ideated !== undefined
        ? { field: 'ideated' as const, date: ideated }
        : undefined;
  if (!latest) return undefined;
  const ageDays = daysBetween(latest.date, asOf);
  return ageDays > staleDays ? { ...latest, ageDays } : undefined;
}
