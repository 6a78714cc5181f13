import type { DocKind, RequirementStage, Tier } from '../model/manifest.js';

/** A requirement that applies from a lifecycle stage on; before `effectiveFrom` it only warns. */
export interface StageRequirement {
  from: RequirementStage;
  effectiveFrom?: string;
}

export interface ApprovalRequirement extends StageRequirement {
  roles: string[];
}

export interface ReviewRequirement extends StageRequirement {
  intervalDays: number;
}

export interface TierPolicy {
  enforcement: 'error' | 'warning';
  maxWaiverDays: number;
  documents: Partial<Record<DocKind, StageRequirement>>;
  approvals?: ApprovalRequirement;
  monitoring?: StageRequirement;
  review?: ReviewRequirement;
}

/** The CoE's policy, resolved: the defaults with `registry/policy.yaml` merged in. */
export interface Policy {
  tiers: Record<Tier, TierPolicy>;
  headings: Record<DocKind, string[]>;
  /** Case-insensitive regular expressions, as written. */
  placeholders: string[];
  staleExperimentDays: number;
}

/** Reviews are due from pilot (SPEC §2); a policy changes the interval, not the stage. */
const REVIEW_FROM: RequirementStage = 'pilot';

/** The defaults of SPEC §3, written as a policy file would write them. */
export const DEFAULT_POLICY_SPEC = {
  tiers: {
    tier1: { enforcement: 'warning', maxWaiverDays: 365, documents: { modelCard: 'production' } },
    tier2: {
      enforcement: 'warning',
      maxWaiverDays: 180,
      reviewIntervalDays: 365,
      documents: { modelCard: 'pilot', dataSheet: 'pilot', incidentResponse: 'production' },
      approvals: { from: 'pilot', roles: ['ai-coe'] },
      monitoring: 'production',
    },
    tier3: {
      enforcement: 'error',
      maxWaiverDays: 90,
      reviewIntervalDays: 180,
      documents: {
        modelCard: 'experiment',
        dataSheet: 'experiment',
        riskAssessment: 'experiment',
        impactAssessment: 'pilot',
        humanOversight: 'pilot',
        incidentResponse: 'pilot',
      },
      approvals: { from: 'pilot', roles: ['ai-ethics-lead', 'risk-compliance'] },
      monitoring: 'production',
    },
  },
  headings: {
    modelCard: ['Intended Use', 'Training Data', 'Evaluation', 'Limitations', 'Ethical Considerations'],
    dataSheet: ['Sources', 'Personal Data', 'Retention'],
    riskAssessment: ['Risks', 'Mitigations', 'Residual Risk'],
    impactAssessment: ['Affected Groups', 'Impacts', 'Mitigations'],
    humanOversight: ['Oversight Process', 'Escalation'],
    incidentResponse: ['Contacts', 'Rollback'],
    monitoringPlan: ['Metrics', 'Alerts'],
  },
  // `<fill in …>` prompts, as SPEC §2 writes them: RE2 runs them in linear time (policy/placeholders.ts).
  placeholders: ['\\bTODO\\b', '\\bTBD\\b', 'lorem ipsum', '<[^>]*fill[^>]*>'],
  staleExperimentDays: 180,
} as const satisfies PolicySpec;

/** The shape of `spec` in a Policy manifest (every key optional). */
export interface PolicySpec {
  tiers?: Partial<Record<'tier1' | 'tier2' | 'tier3', TierPolicySpec>>;
  headings?: Partial<Record<DocKind, readonly string[]>>;
  placeholders?: readonly string[];
  staleExperimentDays?: number;
}

type StageSpec = RequirementStage | 'off' | { from: RequirementStage; effectiveFrom?: string };

export interface TierPolicySpec {
  enforcement?: 'error' | 'warning';
  maxWaiverDays?: number;
  reviewIntervalDays?: number | { days: number; effectiveFrom?: string };
  documents?: Partial<Record<DocKind, StageSpec>>;
  approvals?: { from: RequirementStage; roles: readonly string[]; effectiveFrom?: string };
  monitoring?: StageSpec;
}

/**
 * Merges a policy file into the defaults, map by map and key by key; a list given replaces
 * the default list. The file has already passed the policy schema.
 */
export function resolvePolicy(file?: PolicySpec): Policy {
  const tiers = {} as Record<Tier, TierPolicy>;
  for (const tier of [1, 2, 3] as const) {
    const key = `tier${tier}` as const;
    tiers[tier] = resolveTier(DEFAULT_POLICY_SPEC.tiers[key], file?.tiers?.[key]);
  }
  const headings = { ...DEFAULT_POLICY_SPEC.headings, ...file?.headings };
  return {
    tiers,
    headings: Object.fromEntries(Object.entries(headings).map(([k, v]) => [k, [...v]])) as Record<DocKind, string[]>,
    placeholders: [...(file?.placeholders ?? DEFAULT_POLICY_SPEC.placeholders)],
    staleExperimentDays: file?.staleExperimentDays ?? DEFAULT_POLICY_SPEC.staleExperimentDays,
  };
}

function resolveTier(base: TierPolicySpec, override: TierPolicySpec | undefined): TierPolicy {
  const spec: TierPolicySpec = {
    ...base,
    ...override,
    documents: { ...base.documents, ...override?.documents },
  };
  const documents: Partial<Record<DocKind, StageRequirement>> = {};
  for (const [kind, stage] of Object.entries(spec.documents ?? {}) as [DocKind, StageSpec][]) {
    const requirement = toRequirement(stage);
    if (requirement) documents[kind] = requirement;
  }
  const interval = spec.reviewIntervalDays;
  const resolved: TierPolicy = {
    enforcement: spec.enforcement ?? 'warning',
    maxWaiverDays: spec.maxWaiverDays ?? 365,
    documents,
  };
  if (spec.approvals && spec.approvals.roles.length > 0) {
    resolved.approvals = { ...spec.approvals, roles: [...spec.approvals.roles] };
  }
  const monitoring = spec.monitoring === undefined ? undefined : toRequirement(spec.monitoring);
  if (monitoring) resolved.monitoring = monitoring;
  if (typeof interval === 'number') resolved.review = { from: REVIEW_FROM, intervalDays: interval };
  else if (interval) resolved.review = { from: REVIEW_FROM, intervalDays: interval.days, ...pick(interval) };
  return resolved;
}

function toRequirement(stage: StageSpec): StageRequirement | undefined {
  if (stage === 'off') return undefined;
  if (typeof stage === 'string') return { from: stage };
  return { from: stage.from, ...pick(stage) };
}

function pick(value: { effectiveFrom?: string }): { effectiveFrom?: string } {
  return value.effectiveFrom ? { effectiveFrom: value.effectiveFrom } : {};
}
