import type { DocKind, ModelSpec, RequirementStage, Stage } from '../model/manifest.js';
import type { StageRequirement, TierPolicy } from './policy.js';

/** One thing a model's tier requires, from a lifecycle stage on. */
export type Requirement =
  | ({ type: 'document'; doc: DocKind } & StageRequirement)
  | ({ type: 'approval'; role: string } & StageRequirement)
  | ({ type: 'monitoring' } & StageRequirement)
  | ({ type: 'incident-contact' } & StageRequirement)
  | ({ type: 'review'; intervalDays: number } & StageRequirement);

const STAGE_ORDER: Record<Stage, number> = { idea: 0, experiment: 1, pilot: 2, production: 3, retired: 4 };

/** The stage after `stage` on the way to production, if any. */
export function nextStage(stage: Stage): RequirementStage | undefined {
  return ({ idea: 'experiment', experiment: 'pilot', pilot: 'production' } as const)[stage as 'idea'];
}

/**
 * Every requirement of the tier that applies to this model, due or not: `dataSheet` only with
 * personal data, `impactAssessment` only with personal data or a significant impact, and an
 * incident-response document brings the need for `spec.incidentContact` with it.
 */
export function requirementsFor(model: ModelSpec, tier: TierPolicy): Requirement[] {
  const requirements: Requirement[] = [];
  for (const [doc, stage] of Object.entries(tier.documents) as [DocKind, StageRequirement][]) {
    if (doc === 'dataSheet' && model.risk.personalData === 'none') continue;
    if (doc === 'impactAssessment' && model.risk.personalData === 'none' && model.risk.significantImpact !== true) continue;
    requirements.push({ type: 'document', doc, ...stage });
    if (doc === 'incidentResponse') requirements.push({ type: 'incident-contact', ...stage });
  }
  if (tier.approvals) {
    const { roles, ...stage } = tier.approvals;
    for (const role of roles) requirements.push({ type: 'approval', role, ...stage });
  }
  if (tier.monitoring) requirements.push({ type: 'monitoring', ...tier.monitoring });
  if (tier.review) requirements.push({ type: 'review', ...tier.review });
  return requirements;
}

/** Due at `stage`: from its `from` stage on; a retired model needs none of them. */
export function isDue(requirement: StageRequirement, stage: Stage): boolean {
  return stage !== 'retired' && STAGE_ORDER[stage] >= STAGE_ORDER[requirement.from];
}

/** The requirements due at the model's stage. */
export function dueRequirements(model: ModelSpec, tier: TierPolicy): Requirement[] {
  return requirementsFor(model, tier).filter((r) => isDue(r, model.lifecycle));
}

/**
 * The severity of a requirement's finding: the tier's enforcement, but only a warning before
 * the requirement's `effectiveFrom`, so the CoE can announce a rule without breaking open PRs.
 */
export function requirementSeverity(requirement: StageRequirement, tier: TierPolicy, asOf: string): 'error' | 'warning' {
  if (requirement.effectiveFrom && asOf < requirement.effectiveFrom) return 'warning';
  return tier.enforcement;
}

/** `modelCard` → `model card`, for messages. */
export function documentLabel(doc: DocKind): string {
  return doc.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

export function compareStages(a: Stage, b: Stage): number {
  return STAGE_ORDER[a] - STAGE_ORDER[b];
}
