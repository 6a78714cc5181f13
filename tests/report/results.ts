import { lint, summarize, type LintResult, type ManifestSummary } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import { Registry } from '../../src/model/registry.js';
import { resolvePolicy } from '../../src/policy/policy.js';
import { modelYaml, RISK, waiverYaml } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

export const AS_OF = '2026-11-24';

/**
 * A LintResult built by hand: exact findings and manifests, independent of the rules' wording.
 * `manifestCount` defaults to the number of manifests given.
 */
export function resultOf(findings: Finding[], manifests: ManifestSummary[] = [], manifestCount = manifests.length): LintResult {
  return {
    asOf: AS_OF,
    summary: summarize(findings, manifestCount),
    findings,
    manifests,
    registry: new Registry('/nonexistent', 'registry', [], resolvePolicy()),
  };
}

/** A finding with defaults, for the fields a test does not care about. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'message'>): Finding {
  return { ruleId: 'schema', severity: 'error', file: 'registry/models/m.yaml', line: 1, column: 1, ...overrides };
}

/**
 * A small repository with a bit of everything a report shows: errors of several rules, a file
 * that does not parse, a file name with a space, a warning, and a waived finding.
 */
export const MIXED_REPO: Record<string, string> = {
  ...BASE_FILES,
  'registry/models/claims-triage.yaml': modelYaml('claims-triage', { tier: 2, lifecycle: 'pilot', risk: RISK.tier3 }),
  'registry/models/doc-summarizer.yaml': modelYaml('doc-summarizer', { tier: 2, risk: RISK.tier3 }),
  'registry/waivers/doc-summarizer-tier.yaml': waiverYaml('doc-summarizer-tier', 'tier-underdeclared', 'doc-summarizer', '2026-11-01', '2027-01-29'),
  'registry/models/broken.yaml': 'apiVersion: [ai-registry/v1\nkind: Model\n',
  'registry/models/wrong name.yaml': modelYaml('right-name'),
  'registry/projects/no-sponsor.yaml': `apiVersion: ai-registry/v1
kind: Project
metadata:
  name: no-sponsor
spec:
  owner: ml-platform
`,
};

/** Lints a throw-away repository made of `files`. */
export async function lintRepo(files: Record<string, string>): Promise<LintResult> {
  const { root, cleanup } = makeRepo(files);
  try {
    return await lint({ root, registryDir: 'registry', asOf: AS_OF });
  } finally {
    cleanup();
  }
}
