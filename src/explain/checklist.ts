import type { Citation } from '../model/citation.js';
import type { Finding } from '../model/finding.js';
import type { DocKind, Manifest, RequirementStage, Stage } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { documentsOf } from '../docs/store.js';
import { approvalStatus, incidentContactStatus, monitoringStatus, reviewStatus } from '../policy/compliance.js';
import { isDue, nextStage, requirementSeverity, requirementsFor, type Requirement } from '../policy/requirements.js';
import { teamsHolding } from '../policy/roles.js';
import { liveWaiverFor } from '../policy/waivers.js';
import { DOC_CITATIONS, INCIDENT_CITATIONS, MONITORING_CITATIONS, REVIEW_CITATIONS, ROLE_CITATIONS } from '../rules/citations.js';
import { quoteExcerpt, WITHHELD } from '../util/excerpt.js';

type Model = Manifest<'Model'>;

/** `met`; `missing` (due and not met); `waived` (due, not met, a live waiver covers it). */
export type ItemState = 'met' | 'missing' | 'waived';

export interface ChecklistItem {
  /** `modelCard`, `approval ai-ethics-lead`, `review`… */
  label: string;
  state: ItemState;
  /** What is there, or what is wrong. */
  detail: string;
  /** How to fix it, for a missing item. */
  fix?: string;
  /** The rule whose finding the item produces when missing. */
  ruleId: string;
  severity: 'error' | 'warning';
  /** The waiver, for a waived item. */
  waiver?: string;
  citations: readonly Citation[];
  /** The policy requirement the item checks. */
  requirement: Requirement;
}

export interface Checklist {
  stage: Stage;
  /** Requirements due at the model's stage. */
  now: ChecklistItem[];
  /** The stage the model moves to next, and what becomes due there. */
  next?: { stage: RequirementStage; items: ChecklistItem[] };
}

/**
 * The tier's requirements for one model at its stage and the next, each met or not. Built from
 * the same status functions the rules report from, so `explain` and `lint` never disagree.
 */
export function modelChecklist(model: Model, registry: Registry, asOf: string): Checklist {
  const tier = registry.tierOf(model).held;
  const policy = registry.policy.tiers[tier];
  const all = requirementsFor(model.spec, policy);
  const stage = model.spec.lifecycle;
  const evaluate = (requirement: Requirement): ChecklistItem => {
    const item = { ...evaluateRequirement(requirement, model, registry, asOf), requirement };
    const severity = requirementSeverity(requirement, policy, asOf);
    if (item.state === 'met') return { ...item, severity };
    const waiver = liveWaiverFor(registry, model.name, item.ruleId, asOf);
    return waiver ? { ...item, severity, state: 'waived', waiver: waiver.name } : { ...item, severity };
  };
  const now = all.filter((r) => isDue(r, stage)).map(evaluate);
  const upcoming = nextStage(stage);
  if (!upcoming) return { stage, now };
  const items = all.filter((r) => !isDue(r, stage) && isDue(r, upcoming)).map(evaluate);
  return { stage, now, next: { stage: upcoming, items } };
}

type Evaluated = Omit<ChecklistItem, 'severity' | 'requirement'>;

function evaluateRequirement(requirement: Requirement, model: Model, registry: Registry, asOf: string): Evaluated {
  switch (requirement.type) {
    case 'document':
      return evaluateDocument(requirement.doc, model, registry);
    case 'approval': {
      const status = approvalStatus(model, requirement.role, registry, asOf);
      const base = { label: `approval ${requirement.role}`, ruleId: 'approval-missing', citations: ROLE_CITATIONS[requirement.role] ?? [] };
      if (status.state === 'met') return { ...base, state: 'met', detail: `${status.approval.approver} ${status.approval.date}` };
      const holders = roleHolders(registry, requirement.role);
      const ask = holders.length > 0 ? `ask: ${holders.join(', ')}` : `ask a holder of the ${requirement.role} role`;
      if (status.state === 'invalid') return { ...base, state: 'missing', detail: `${status.approval.approver}: ${status.problems.join('; ')}`, fix: ask };
      return { ...base, state: 'missing', detail: 'none', fix: `${ask} (not a member of ${model.spec.owner})` };
    }
    case 'review': {
      const status = reviewStatus(model, requirement.intervalDays, asOf);
      const base = { label: 'review', ruleId: 'review-overdue', citations: REVIEW_CITATIONS };
      switch (status.state) {
        case 'met':
          return { ...base, state: 'met', detail: `${status.lastReviewed} (due ${status.nextDue})` };
        case 'missing':
          return { ...base, state: 'missing', detail: 'never reviewed', fix: `record spec.review.lastReviewed (every ${requirement.intervalDays} days)` };
        case 'future':
          return { ...base, state: 'missing', detail: `lastReviewed ${status.lastReviewed} is after ${asOf}`, fix: 'record the date of the review that took place' };
        case 'overdue':
          return { ...base, state: 'missing', detail: `overdue by ${status.overdueDays} days (last ${status.lastReviewed}, every ${requirement.intervalDays} days)`, fix: 'hold the governance review and update spec.review.lastReviewed' };
      }
    }
    // falls through: every review state returns above
    case 'monitoring': {
      const status = monitoringStatus(model);
      const base = { label: 'monitoring', ruleId: 'monitoring-missing', citations: MONITORING_CITATIONS };
      if (status.state === 'met') return { ...base, state: 'met', detail: `${status.metrics.join(', ')} → ${status.alertContact}` };
      return { ...base, state: 'missing', detail: `no ${status.absent.join(' or ')}`, fix: `add spec.monitoring.${status.absent.join(' and spec.monitoring.')}` };
    }
    case 'incident-contact': {
      const status = incidentContactStatus(model);
      const base = { label: 'incidentContact', ruleId: 'incident-contact-missing', citations: INCIDENT_CITATIONS };
      if (status.state === 'met') return { ...base, state: 'met', detail: status.incidentContact };
      return { ...base, state: 'missing', detail: 'not set', fix: 'add spec.incidentContact (an email that is answered)' };
    }
  }
}

function evaluateDocument(doc: DocKind, model: Model, registry: Registry): Evaluated {
  const base = { label: doc, citations: DOC_CITATIONS[doc] };
  const declared = model.spec.documentation?.[doc];
  if (declared === undefined) {
    return { ...base, ruleId: 'doc-missing', state: 'missing', detail: 'not declared', fix: `write it and add spec.documentation.${doc}` };
  }
  const status = documentsOf(registry).check(declared, doc, registry.policy);
  switch (status.state) {
    case 'outside':
      return { ...base, ruleId: 'doc-outside-repo', state: 'missing', detail: `${declared}: ${status.reason}`, fix: 'keep documents inside the repository' };
    case 'missing':
      return { ...base, ruleId: 'doc-missing', state: 'missing', detail: `${status.relative}: ${status.reason}`, fix: 'add the file' };
    case 'present':
      if (status.missingHeadings.length > 0) {
        return { ...base, ruleId: 'doc-section-missing', state: 'missing', detail: `${status.relative} lacks ${status.missingHeadings.join(', ')}`, fix: `add the headings ${status.missingHeadings.join(', ')}` };
      }
      if (status.placeholders.length > 0) {
        const first = status.placeholders[0]!;
        const quote = quoteExcerpt(first.text) ?? `a placeholder ${WITHHELD}`;
        return { ...base, ruleId: 'doc-placeholder', state: 'missing', detail: `${status.relative}:${first.line} still holds ${quote}${status.placeholders.length > 1 ? ` (+${status.placeholders.length - 1} more)` : ''}`, fix: 'replace the placeholders with the real content' };
      }
      return { ...base, ruleId: 'doc-missing', state: 'met', detail: status.relative };
  }
}

/** Who can give an approval: the GitHub teams (or team names) holding the role. */
export function roleHolders(registry: Registry, role: string): string[] {
  return teamsHolding(registry, role)
    .map((team) => (team.spec.github ? `@${team.spec.github}` : team.name))
    .sort();
}

/** The model's findings that no ✘ line of the checklist already shows (tier, dates, references…). */
export function otherFindings(findings: readonly Finding[], model: Model, checklist: Checklist): Finding[] {
  const covered = new Set(checklist.now.filter((i) => i.state !== 'met').map((i) => i.ruleId));
  return findings.filter((f) => f.file === model.file && !covered.has(f.ruleId));
}
