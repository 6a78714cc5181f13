import { stringify } from 'yaml';
import type { Finding } from '../../src/model/finding.js';
import type { RequirementStage, Tier } from '../../src/model/manifest.js';
import { resolvePolicy } from '../../src/policy/policy.js';
import { isDue, requirementsFor, type Requirement } from '../../src/policy/requirements.js';
import { lintFiles } from '../helpers/rule-tester.js';
import { BASE_FILES } from '../helpers/repo.js';

/**
 * SPEC §3's table, cell by cell: for each tier and stage, a model meeting every requirement has
 * no finding, and removing any one requirement yields exactly that requirement's finding, at
 * the tier's severity (tier 3 blocks, tiers 1 and 2 warn).
 */

const STAGES: RequirementStage[] = ['idea', 'experiment', 'pilot', 'production'];
const RISK: Record<Tier, object> = {
  1: { audience: 'internal', decisions: 'non-critical', personalData: 'none', regulatedDomain: 'none', significantImpact: false },
  2: { audience: 'customer-facing', decisions: 'influences', personalData: 'pii', regulatedDomain: 'none', significantImpact: false },
  3: { audience: 'customer-facing', decisions: 'influences', personalData: 'pii', regulatedDomain: 'credit', significantImpact: true },
};
const DATES: Record<RequirementStage, object> = {
  idea: { ideated: '2026-10-01' },
  experiment: { ideated: '2026-06-01', experimentStarted: '2026-10-01' },
  pilot: { ideated: '2026-01-05', experimentStarted: '2026-03-01', pilotStarted: '2026-06-01' },
  production: { ideated: '2026-01-05', experimentStarted: '2026-03-01', pilotStarted: '2026-06-01', productionSince: '2026-09-01' },
};
const HEADINGS = resolvePolicy().headings;
const DOC_FILES = Object.fromEntries(
  Object.entries(HEADINGS).map(([kind, headings]) => [`docs/${kind}.md`, `# ${kind}\n\n${headings.map((h) => `## ${h}\n\nWritten and reviewed.\n`).join('\n')}`]),
);

function compliantModel(tier: Tier, stage: RequirementStage): Record<string, unknown> {
  return {
    apiVersion: 'ai-registry/v1',
    kind: 'Model',
    metadata: { name: 'credit-model' },
    spec: {
      project: 'ops-automation',
      owner: 'ml-platform',
      type: 'classical-ml',
      lifecycle: stage,
      tier,
      risk: RISK[tier],
      documentation: Object.fromEntries(Object.keys(HEADINGS).map((kind) => [kind, `docs/${kind}.md`])),
      approvals: ['ai-coe', 'ai-ethics-lead', 'risk-compliance'].map((role) => ({ role, approver: 'cethics', date: '2026-11-01' })),
      review: { lastReviewed: '2026-11-01' },
      monitoring: { metrics: ['auc'], alertContact: 'oncall@example.com' },
      incidentContact: 'oncall@example.com',
      dates: DATES[stage],
    },
  };
}

/** The model without one requirement, and the rule whose finding that must cause. */
function without(model: Record<string, unknown>, requirement: Requirement): { model: Record<string, unknown>; ruleId: string } {
  const copy = structuredClone(model) as { spec: Record<string, Record<string, unknown> | unknown[] | undefined> };
  const spec = copy.spec;
  switch (requirement.type) {
    case 'document':
      delete (spec.documentation as Record<string, unknown>)[requirement.doc];
      return { model: copy, ruleId: 'doc-missing' };
    case 'approval':
      spec.approvals = (spec.approvals as { role: string }[]).filter((a) => a.role !== requirement.role);
      return { model: copy, ruleId: 'approval-missing' };
    case 'monitoring':
      delete spec.monitoring;
      return { model: copy, ruleId: 'monitoring-missing' };
    case 'incident-contact':
      delete spec.incidentContact;
      return { model: copy, ruleId: 'incident-contact-missing' };
    case 'review':
      delete spec.review;
      return { model: copy, ruleId: 'review-overdue' };
  }
}

function label(requirement: Requirement): string {
  return requirement.type === 'document' ? requirement.doc : requirement.type === 'approval' ? `approval ${requirement.role}` : requirement.type;
}

async function modelFindings(model: Record<string, unknown>): Promise<Finding[]> {
  const findings = await lintFiles({ ...BASE_FILES, ...DOC_FILES, 'registry/models/credit-model.yaml': stringify(model) });
  return findings.filter((f) => f.file === 'registry/models/credit-model.yaml');
}

const policy = resolvePolicy();
const cells = ([1, 2, 3] as Tier[]).flatMap((tier) => STAGES.map((stage) => [tier, stage] as const));

describe.each(cells)('tier %i at %s', (tier, stage) => {
  const model = compliantModel(tier, stage);
  const due = requirementsFor(model.spec as never, policy.tiers[tier]).filter((r) => isDue(r, stage));

  it('a model meeting every requirement has no finding', async () => {
    expect(await modelFindings(model)).toEqual([]);
  });

  if (due.length === 0) return;
  it.each(due.map((r) => [label(r), r] as const))('without %s: exactly its finding, at the tier’s severity', async (_, requirement) => {
    const { model: lacking, ruleId } = without(model, requirement);
    const findings = await modelFindings(lacking);
    // The incident-response document also brings `incidentContact`: both are separate requirements.
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([[ruleId, tier === 3 ? 'error' : 'warning']]);
  });
});

it('the table has the cells SPEC §3 gives', () => {
  const dueAt = (tier: Tier, stage: RequirementStage) =>
    requirementsFor(compliantModel(tier, stage).spec as never, policy.tiers[tier]).filter((r) => isDue(r, stage)).map(label).sort();
  expect(dueAt(1, 'pilot')).toEqual([]);
  expect(dueAt(1, 'production')).toEqual(['modelCard']);
  expect(dueAt(2, 'pilot')).toEqual(['approval ai-coe', 'dataSheet', 'modelCard', 'review']);
  expect(dueAt(2, 'production')).toEqual(['approval ai-coe', 'dataSheet', 'incident-contact', 'incidentResponse', 'modelCard', 'monitoring', 'review']);
  expect(dueAt(3, 'experiment')).toEqual(['dataSheet', 'modelCard', 'riskAssessment']);
  expect(dueAt(3, 'pilot')).toEqual(['approval ai-ethics-lead', 'approval risk-compliance', 'dataSheet', 'humanOversight', 'impactAssessment', 'incident-contact', 'incidentResponse', 'modelCard', 'review', 'riskAssessment']);
});
