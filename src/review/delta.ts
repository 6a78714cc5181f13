import { DOC_KINDS, type Manifest, type Stage, type Tier } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { compareStages, isDue } from '../policy/requirements.js';
import type { Policy, StageRequirement, TierPolicy } from '../policy/policy.js';
import { describeReasons, type TierReason } from '../policy/tier.js';
import { modelChecklist } from '../explain/checklist.js';
import { daysBetween } from '../util/dates.js';
import { unverifiedApprovals, type PullRequestReview } from './approvals.js';

/**
 * The governance delta of a pull request (SPEC §8): what it changes in governance terms, found by
 * comparing the registry at the PR's base with its head. Pure data; ./delta-markdown.ts renders it.
 */

type Model = Manifest<'Model'>;

export interface ModelAdded {
  name: string;
  /** Undefined when the manifest does not pass its schema: no tier can be derived. */
  tier?: Tier;
  /** The risk answers that set the derived tier, `regulatedDomain: insurance`; '' for none. */
  reasons: string;
  stage?: Stage;
  /** What its tier needs now that is not there: checklist labels (`riskAssessment`, `approval ai-ethics-lead`). */
  missing: string[];
}

export interface TierChange {
  name: string;
  from: Tier;
  to: Tier;
  /** Why: the reasons that raise it, or those that no longer hold. */
  why: string;
  /** Raised: what the new tier needs now that is not there. */
  missing: string[];
}

export interface StageChange {
  name: string;
  from: Stage;
  to: Stage;
  /** The requirements that the new stage makes due, each met or not (none when retired or moved back). */
  due: { label: string; met: boolean }[];
}

export interface WaiverChange {
  name: string;
  rule: string;
  target: string;
  expires: string;
  /** Its term in days, approvedOn to expires. */
  days: number;
  /** For an extended waiver: the expiry at the base. */
  previousExpires?: string;
}

export interface PolicyChanges {
  stricter: string[];
  looser: string[];
}

export interface GovernanceDelta {
  added: ModelAdded[];
  removed: string[];
  tiers: TierChange[];
  stages: StageChange[];
  waivers: WaiverChange[];
  policy: PolicyChanges;
}

/**
 * Compares the base registry with the head. Models are matched by name; a model's checklist is
 * the head's, with the PR's unverified approvals counted as missing when `pr` is given.
 */
export function governanceDelta(base: Registry, head: Registry, asOf: string, pr?: PullRequestReview): GovernanceDelta {
  const delta: GovernanceDelta = { added: [], removed: [], tiers: [], stages: [], waivers: [], policy: comparePolicies(base.policy, head.policy) };
  for (const model of sortByName(head.all('Model'))) {
    if (head.get('Model', model.name) !== model) continue; // a duplicate name: `duplicate-name` reports it
    const before = base.get('Model', model.name);
    if (!before) {
      delta.added.push(addedModel(model, head, asOf, pr));
      continue;
    }
    if (!model.valid || !before.valid) continue;
    const tierChange = compareTiers(before, base, model, head, asOf, pr);
    if (tierChange) delta.tiers.push(tierChange);
    if (before.spec.lifecycle !== model.spec.lifecycle) delta.stages.push(stageChange(before.spec.lifecycle, model, head, asOf));
  }
  delta.removed = base.names('Model').filter((name) => !head.has('Model', name)).sort(compareText);
  delta.waivers = compareWaivers(base, head);
  return delta;
}

export function isEmptyDelta(delta: GovernanceDelta): boolean {
  const { added, removed, tiers, stages, waivers, policy } = delta;
  return [added, removed, tiers, stages, waivers, policy.stricter, policy.looser].every((list) => list.length === 0);
}

function addedModel(model: Model, registry: Registry, asOf: string, pr: PullRequestReview | undefined): ModelAdded {
  if (!model.valid) return { name: model.name, reasons: '', missing: [] };
  const tier = registry.tierOf(model);
  return { name: model.name, tier: tier.held, reasons: describeReasons(tier), stage: model.spec.lifecycle, missing: missingNow(model, registry, asOf, pr) };
}

/** The checklist items due now that are not met, then the roles whose new approval is unverified. */
function missingNow(model: Model, registry: Registry, asOf: string, pr: PullRequestReview | undefined): string[] {
  const missing = modelChecklist(model, registry, asOf).now.filter((item) => item.state === 'missing').map((item) => item.label);
  for (const { approval } of pr ? unverifiedApprovals(model, registry, asOf, pr) : []) {
    const label = `approval ${approval.role} (unverified)`;
    if (!missing.includes(label) && !missing.includes(`approval ${approval.role}`)) missing.push(label);
  }
  return missing;
}

function compareTiers(before: Model, base: Registry, after: Model, head: Registry, asOf: string, pr: PullRequestReview | undefined): TierChange | undefined {
  const from = base.tierOf(before);
  const to = head.tierOf(after);
  if (from.held === to.held) return undefined;
  const name = after.name;
  if (to.held > from.held) {
    const raising = to.reasons.filter((r) => r.tier > from.held);
    const why = raising.length > 0 ? describeReasonList(raising) : `declared tier ${to.declared}`;
    return { name, from: from.held, to: to.held, why, missing: missingNow(after, head, asOf, pr) };
  }
  const gone = from.reasons.filter((r) => r.tier > to.held && !to.reasons.some((t) => t.field === r.field && t.value === r.value));
  const why = gone.length > 0 ? `no longer ${describeReasonList(gone)}` : `declared tier ${from.declared} → ${to.declared}`;
  return { name, from: from.held, to: to.held, why, missing: [] };
}

function describeReasonList(reasons: readonly TierReason[]): string {
  return describeReasons({ derived: 1, reasons: [...reasons] }, false);
}

/** A move between stages; a promotion lists what the new stage makes due, met or not, from the head's checklist. */
function stageChange(from: Stage, model: Model, registry: Registry, asOf: string): StageChange {
  const to = model.spec.lifecycle;
  const change = { name: model.name, from, to, due: [] as StageChange['due'] };
  if (to === 'retired' || compareStages(to, from) < 0) return change;
  change.due = modelChecklist(model, registry, asOf)
    .now.filter((item) => !isDue(item.requirement, from))
    .map((item) => ({ label: item.label, met: item.state !== 'missing' }));
  return change;
}

/** Waivers the PR adds (or re-points at another rule or model) and waivers it extends. */
function compareWaivers(base: Registry, head: Registry): WaiverChange[] {
  const changes: WaiverChange[] = [];
  for (const waiver of sortByName(head.valid('Waiver'))) {
    const { rule, target, approvedOn, expires } = waiver.spec;
    const change: WaiverChange = { name: waiver.name, rule, target, expires, days: daysBetween(approvedOn, expires) };
    const before = base.get('Waiver', waiver.name);
    const same = before?.valid && before.spec.rule === rule && before.spec.target === target;
    if (!same) changes.push(change);
    else if (expires > before.spec.expires) changes.push({ ...change, previousExpires: before.spec.expires });
  }
  return changes;
}

// ───────────────────────────── policy ─────────────────────────────

/** What a policy change makes stricter and looser, one short phrase each, in a fixed order. */
export function comparePolicies(base: Policy, head: Policy): PolicyChanges {
  const changes: PolicyChanges = { stricter: [], looser: [] };
  const add = (stricter: boolean, text: string) => (stricter ? changes.stricter : changes.looser).push(text);
  for (const tier of [1, 2, 3] as const) compareTierPolicies(`tier ${tier}`, base.tiers[tier], head.tiers[tier], add);
  for (const doc of DOC_KINDS) {
    const before = new Set(base.headings[doc]?.map((h) => h.toLowerCase()) ?? []);
    const after = new Set(head.headings[doc]?.map((h) => h.toLowerCase()) ?? []);
    for (const heading of head.headings[doc] ?? []) if (!before.has(heading.toLowerCase())) add(true, `${doc} needs the heading "${heading}"`);
    for (const heading of base.headings[doc] ?? []) if (!after.has(heading.toLowerCase())) add(false, `${doc} no longer needs the heading "${heading}"`);
  }
  for (const pattern of head.placeholders) if (!base.placeholders.includes(pattern)) add(true, `new placeholder pattern "${pattern}"`);
  for (const pattern of base.placeholders) if (!head.placeholders.includes(pattern)) add(false, `placeholder pattern "${pattern}" dropped`);
  if (base.staleExperimentDays !== head.staleExperimentDays) {
    add(head.staleExperimentDays < base.staleExperimentDays, `experiments stale after ${base.staleExperimentDays} → ${head.staleExperimentDays} days`);
  }
  return changes;
}

type AddChange = (stricter: boolean, text: string) => void;

function compareTierPolicies(tier: string, base: TierPolicy, head: TierPolicy, add: AddChange): void {
  if (base.enforcement !== head.enforcement) add(head.enforcement === 'error', `${tier} enforcement ${base.enforcement} → ${head.enforcement}`);
  if (base.maxWaiverDays !== head.maxWaiverDays) add(head.maxWaiverDays < base.maxWaiverDays, `${tier} waivers at most ${base.maxWaiverDays} → ${head.maxWaiverDays} days`);
  for (const doc of DOC_KINDS) compareStageRequirements(`${tier} ${doc}`, base.documents[doc], head.documents[doc], add);
  const baseRoles = base.approvals?.roles ?? [];
  const headRoles = head.approvals?.roles ?? [];
  for (const role of headRoles) if (!baseRoles.includes(role)) add(true, `${tier} needs approval ${role} from ${head.approvals!.from}`);
  for (const role of baseRoles) if (!headRoles.includes(role)) add(false, `${tier} no longer needs approval ${role}`);
  if (base.approvals && head.approvals) compareStageRequirements(`${tier} approvals`, base.approvals, head.approvals, add);
  compareStageRequirements(`${tier} monitoring`, base.monitoring, head.monitoring, add);
  compareStageRequirements(`${tier} review`, base.review, head.review, add);
  if (base.review && head.review && base.review.intervalDays !== head.review.intervalDays) {
    add(head.review.intervalDays < base.review.intervalDays, `${tier} review every ${base.review.intervalDays} → ${head.review.intervalDays} days`);
  }
}

/** A requirement added or dropped, due from an earlier or later stage, enforced from an earlier or later date. */
function compareStageRequirements(label: string, base: StageRequirement | undefined, head: StageRequirement | undefined, add: AddChange): void {
  if (!base && !head) return;
  if (!base) return add(true, `${label} required from ${head!.from}${head!.effectiveFrom ? ` (an error from ${head!.effectiveFrom})` : ''}`);
  if (!head) return add(false, `${label} no longer required`);
  if (base.from !== head.from) add(compareStages(head.from, base.from) < 0, `${label} from ${base.from} → ${head.from}`);
  // No effectiveFrom: enforced at once, the earliest possible date.
  const before = base.effectiveFrom ?? '';
  const after = head.effectiveFrom ?? '';
  if (before !== after) add(after < before, `${label} enforced ${before ? `from ${before}` : 'at once'} → ${after ? `from ${after}` : 'at once'}`);
}

function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareText(a.name, b.name));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
