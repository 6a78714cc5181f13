import type { FakePullRequestFile } from '../helpers/fake-github.js';
import { BASE_FILES, readTree, ROLE_TEAMS } from '../helpers/repo.js';

/** The as-of date every Action test lints at, so dates in the fixtures never go stale. */
export const AS_OF = '2026-11-24';

/** A document with every heading `kind` needs under the default policy, and no placeholder. */
function doc(title: string, headings: string[]): string {
  return `# ${title}\n\n${headings.map((h) => `## ${h}\n\nWritten and reviewed by the owning team.\n`).join('\n')}`;
}

const DOCS = {
  modelCard: ['Intended Use', 'Training Data', 'Evaluation', 'Limitations', 'Ethical Considerations'],
  dataSheet: ['Sources', 'Personal Data', 'Retention'],
  riskAssessment: ['Risks', 'Mitigations', 'Residual Risk'],
  impactAssessment: ['Affected Groups', 'Impacts', 'Mitigations'],
  humanOversight: ['Oversight Process', 'Escalation'],
  incidentResponse: ['Contacts', 'Rollback'],
} as const;

type DocKind = keyof typeof DOCS;

export interface Tier3Options {
  /** Documents to leave out of `spec.documentation` (and of the repository). */
  withoutDocs?: DocKind[];
  /** Approvals as `role: approver`; the default has both roles approved by people outside ml-platform. */
  approvals?: Record<string, string>;
}

/**
 * A tier-3 pilot (regulated domain: insurance) owned by ml-platform, with its documents. By
 * default it is compliant under the default policy: every document with its headings, both tier-3
 * approvals from the governance team (outside the owning team), a recent review, an incident
 * contact.
 */
export function tier3Model(name: string, options: Tier3Options = {}): Record<string, string> {
  const without = new Set(options.withoutDocs ?? []);
  const kinds = (Object.keys(DOCS) as DocKind[]).filter((kind) => !without.has(kind));
  const approvals = options.approvals ?? { 'ai-ethics-lead': 'cethics', 'risk-compliance': 'drisk' };
  const files: Record<string, string> = {
    [`registry/models/${name}.yaml`]: `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${name}
  title: Claims triage assistant
spec:
  project: ops-automation
  owner: ml-platform
  type: classical-ml
  lifecycle: pilot
  tier: 3
  risk:
    audience: internal
    decisions: influences
    personalData: pii
    regulatedDomain: insurance
    significantImpact: false
  documentation:
${kinds.map((kind) => `    ${kind}: docs/${name}/${kind}.md`).join('\n')}
  approvals:
${Object.entries(approvals).map(([role, approver]) => `    - { role: ${role}, approver: ${approver}, date: 2026-10-01 }`).join('\n')}
  review:
    lastReviewed: 2026-10-05
  incidentContact: ml-platform-oncall@example.com
  dates:
    ideated: 2026-06-01
    experimentStarted: 2026-07-01
    pilotStarted: 2026-09-01
`,
  };
  for (const kind of kinds) files[`docs/${name}/${kind}.md`] = doc(`${kind} for ${name}`, [...DOCS[kind]]);
  return files;
}

/** A tier-1 idea that is compliant: nothing is due for it yet. */
export function tier1Idea(name: string): Record<string, string> {
  return {
    [`registry/models/${name}.yaml`]: `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ${name}
spec:
  project: ops-automation
  owner: ml-platform
  type: llm
  lifecycle: idea
  tier: 1
  risk:
    audience: internal
    decisions: non-critical
    personalData: none
    regulatedDomain: none
    significantImpact: false
  dates:
    ideated: 2026-11-01
`,
  };
}

/** A model whose `spec.owner` names no team: one `unknown-reference` error. */
export function brokenModel(name: string): Record<string, string> {
  const files = tier1Idea(name);
  const path = `registry/models/${name}.yaml`;
  return { [path]: files[path]!.replace('owner: ml-platform', 'owner: nobody-team') };
}

export { BASE_FILES, ROLE_TEAMS };

/**
 * The base commit of a pull request made from a workspace: its files but those the PR adds (or
 * renames to), with `base` giving files their content before the PR.
 */
export function baseTree(workspace: string, changed: readonly FakePullRequestFile[], base: Record<string, string> = {}): Record<string, string | Buffer> {
  const added = new Set(changed.filter((file) => file.status === 'added' || file.status === 'renamed').map((file) => file.filename));
  const files: Record<string, string | Buffer> = Object.fromEntries(Object.entries(readTree(workspace)).filter(([path]) => !added.has(path)));
  return { ...files, ...base };
}
