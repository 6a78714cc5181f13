import { runCliProcess } from '../helpers/cli.js';
import { COMPLETE_TIER3 } from '../helpers/doc-fixtures.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';

/**
 * Issue 11.2: a Policy manifest takes effect only at `registry/policy.yaml` (SPEC §9). One
 * committed beside a team's own models, where the CoE does not own the path, must not turn a
 * tier-3 model's errors into warnings: it is itself an error, and ignored.
 */

const LOOSE_POLICY = `apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
spec:
  tiers:
    tier3: { enforcement: warning }
`;

/** A tier-3 experiment whose risk assessment is missing: an error under the default policy. */
const BROKEN_TIER3 = { ...COMPLETE_TIER3, 'docs/risk.md': '' };

function lintJson(files: Record<string, string>): { status: number | null; findings: { ruleId: string; severity: string; file: string; line: number; column: number }[] } {
  const { root, cleanup } = makeRepo({ ...BASE_FILES, ...Object.fromEntries(Object.entries(files).filter(([, text]) => text !== '')) });
  try {
    const run = runCliProcess(['lint', '--format', 'json', '--as-of', '2026-11-24'], { cwd: root });
    return { status: run.status, findings: JSON.parse(run.stdout).findings };
  } finally {
    cleanup();
  }
}

it('a Policy among the models is an error and is ignored: the broken tier-3 model still blocks', () => {
  const result = lintJson({ ...BROKEN_TIER3, 'registry/models/policy.yaml': LOOSE_POLICY });
  expect(result.status).toBe(1);
  expect(result.findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column])).toEqual([
    ['policy-misplaced', 'error', 'registry/models/policy.yaml', 2, 7],
    ['doc-missing', 'error', 'registry/models/scorer.yaml', 19, 21],
  ]);
});

it('the same policy at registry/policy.yaml takes effect (the CoE reviews that file)', () => {
  const result = lintJson({ ...BROKEN_TIER3, 'registry/policy.yaml': LOOSE_POLICY });
  expect(result.status).toBe(0);
  expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['doc-missing', 'warning']]);
});
