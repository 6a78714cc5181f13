/**
 * Fixtures for the documentation rules: a model manifest with a fixed layout, so that test
 * positions stay readable, and documents that hold every default heading.
 *
 *  5 spec:
 *  9   lifecycle: <lifecycle>
 * 10   tier: <tier>
 * 14     personalData: <personalData>
 * 17   documentation:            ← column 3
 * 18     modelCard: docs/card.md ← entries from line 18; a value's column is 7 + its key's
 *                                  length: 16 for modelCard and dataSheet, 21 for riskAssessment
 */
export interface DocModel {
  name?: string;
  tier?: 1 | 2 | 3;
  lifecycle?: 'idea' | 'experiment' | 'pilot' | 'production' | 'retired';
  personalData?: 'none' | 'pii' | 'sensitive';
  /** `spec.documentation` entries, in order; omitted or empty: no `documentation:` key. */
  documentation?: Record<string, string>;
}

export function docModel({ name = 'scorer', tier = 3, lifecycle = 'experiment', personalData = 'none', documentation = {} }: DocModel = {}): string {
  const entries = Object.entries(documentation);
  const docs = entries.length === 0 ? '' : `  documentation:\n${entries.map(([kind, path]) => `    ${kind}: ${path}\n`).join('')}`;
  return `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${name}
spec:
  project: ops-automation
  owner: ml-platform
  type: classical-ml
  lifecycle: ${lifecycle}
  tier: ${tier}
  risk:
    audience: internal
    decisions: non-critical
    personalData: ${personalData}
    regulatedDomain: none
    significantImpact: false
${docs}`;
}

/** A document of the given headings, each with a line of prose (MODEL_CARD: 21 lines). */
export function documentWith(title: string, headings: readonly string[]): string {
  return `# ${title}\n\n${headings.map((h) => `## ${h}\n\nWritten and reviewed.\n`).join('\n')}`;
}

export const MODEL_CARD = documentWith('Scorer model card', ['Intended Use', 'Training Data', 'Evaluation', 'Limitations', 'Ethical Considerations']);
export const RISK_ASSESSMENT = documentWith('Scorer risk assessment', ['Risks', 'Mitigations', 'Residual Risk']);
export const DATA_SHEET = documentWith('Scorer data sheet', ['Sources', 'Personal Data', 'Retention']);

/** A tier-3 experiment with both of its due documents present and complete. */
export const COMPLETE_TIER3: Record<string, string> = {
  'registry/models/scorer.yaml': docModel({ documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } }),
  'docs/card.md': MODEL_CARD,
  'docs/risk.md': RISK_ASSESSMENT,
};
