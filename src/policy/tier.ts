import type { Risk, Tier } from '../model/manifest.js';

/** One reason a model reaches a tier, e.g. `decisions: autonomous` → tier 3. */
export interface TierReason {
  field: keyof Risk;
  value: string;
  tier: Tier;
}

export interface TierAssessment {
  derived: Tier;
  /** Every risk answer that raises the tier above 1, highest tier first. */
  reasons: TierReason[];
}

/**
 * SPEC §3: tier 3 for autonomous decisions, a regulated domain or a significant impact
 * (EU AI Act high-risk, OMB M-25-21 high-impact); tier 2 for anything beyond internal,
 * non-critical, non-personal use; else tier 1.
 */
export function deriveTier(risk: Risk): TierAssessment {
  const reasons: TierReason[] = [];
  if (risk.decisions === 'autonomous') reasons.push({ field: 'decisions', value: 'autonomous', tier: 3 });
  if (risk.regulatedDomain && risk.regulatedDomain !== 'none') reasons.push({ field: 'regulatedDomain', value: risk.regulatedDomain, tier: 3 });
  if (risk.significantImpact === true) reasons.push({ field: 'significantImpact', value: 'true', tier: 3 });
  if (risk.audience !== 'internal') reasons.push({ field: 'audience', value: risk.audience, tier: 2 });
  if (risk.decisions === 'influences') reasons.push({ field: 'decisions', value: 'influences', tier: 2 });
  if (risk.personalData !== 'none') reasons.push({ field: 'personalData', value: risk.personalData, tier: 2 });
  const derived = reasons.reduce<Tier>((max, r) => (r.tier > max ? r.tier : max), 1);
  return { derived, reasons };
}

/** `decisions: autonomous · regulatedDomain: insurance` — the reasons that set the derived tier. */
export function describeReasons(assessment: TierAssessment, onlyDeciding = true): string {
  const shown = onlyDeciding ? assessment.reasons.filter((r) => r.tier === assessment.derived) : assessment.reasons;
  return shown.map((r) => `${r.field}: ${r.value}`).join(' · ');
}

/** The tier a model is held to: the higher of the declared and derived tiers. */
export function heldTier(declared: Tier | undefined, assessment: TierAssessment): Tier {
  return declared && declared > assessment.derived ? declared : assessment.derived;
}
