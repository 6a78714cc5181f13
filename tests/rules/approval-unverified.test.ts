import { checkRegistry } from '../../src/engine.js';
import { loadRegistry } from '../../src/load/registry.js';
import type { Finding } from '../../src/model/finding.js';
import rule from '../../src/rules/approval-unverified.js';
import { RULES } from '../../src/rules/index.js';
import { latestVerdicts } from '../../src/review/reviews.js';
import { modelYaml, waiverYaml } from '../helpers/model-yaml.js';
import { BASE_FILES, makeRepo } from '../helpers/repo.js';
import { lintFiles } from '../helpers/rule-tester.js';

/**
 * The rule needs a pull request (its author, reviews and the approvals it adds), which only the
 * Action has: these cases lint with a PR context; tests/action/review.test.ts runs the Action.
 */

const FILE = 'registry/models/claims-triage.yaml';
const AS_OF = '2026-11-24';
const approvals = (...items: string[]) => `  approvals:\n${items.map((item) => `    - ${item}\n`).join('')}`;
const ETHICS = '{ role: ai-ethics-lead, approver: cethics, date: 2026-10-01 }';
const RISK = '{ role: risk-compliance, approver: drisk, date: 2026-10-01 }';

interface PullRequestCase {
  files: Record<string, string>;
  /** Logins with an APPROVED review. */
  approvedBy?: string[];
  /** Indexes of the model's approvals the PR adds; all of them by default. */
  added?: number[];
}

async function lintPullRequest(c: PullRequestCase): Promise<Finding[]> {
  const { root, cleanup } = makeRepo({ ...BASE_FILES, ...c.files });
  try {
    const loaded = await loadRegistry(root, 'registry');
    const pullRequest = {
      author: 'asmith',
      verdicts: latestVerdicts((c.approvedBy ?? []).map((login) => ({ login, state: 'APPROVED' }))),
      newApprovals: new Map([[FILE, c.added ?? [0, 1, 2]]]),
      roles: loaded.registry,
    };
    return checkRegistry(loaded, AS_OF, RULES, { pullRequest }).findings.filter((f) => f.ruleId === rule.meta.id);
  } finally {
    cleanup();
  }
}

const at = (findings: Finding[]) => findings.map((f) => ({ line: f.line, column: f.column, severity: f.severity }));

describe('approval-unverified', () => {
  it('has metadata: tier severity, waivable, framework references', () => {
    expect(rule.meta).toMatchObject({ id: 'approval-unverified', severity: 'tier', waivable: true });
    expect(rule.meta.references.length).toBeGreaterThan(0);
  });

  it('reports nothing without a pull request (a CLI run)', async () => {
    const findings = await lintFiles({ ...BASE_FILES, [FILE]: modelYaml('claims-triage', { tier: 3, lifecycle: 'pilot', extra: approvals(ETHICS, RISK) }) });
    expect(findings.filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
  });

  it('reports each new approval without an APPROVED review at the approval item, an error at tier 3', async () => {
    const findings = await lintPullRequest({ files: { [FILE]: modelYaml('claims-triage', { tier: 3, lifecycle: 'pilot', extra: approvals(ETHICS, RISK) }) }, approvedBy: ['cethics'] });
    expect(at(findings)).toEqual([{ line: 14, column: 7, severity: 'error' }]);
    expect(findings[0]!.message).toBe(
      'approval risk-compliance by drisk is not verified: no APPROVED review from drisk on this pull request; drisk approves this pull request on GitHub (Review changes → Approve)',
    );
  });

  it('passes approvals with an APPROVED review, and approvals the PR does not add', async () => {
    const files = { [FILE]: modelYaml('claims-triage', { tier: 3, lifecycle: 'pilot', extra: approvals(ETHICS, RISK) }) };
    expect(await lintPullRequest({ files, approvedBy: ['cethics', 'drisk'] })).toEqual([]);
    expect(await lintPullRequest({ files, approvedBy: ['cethics'], added: [0] })).toEqual([]);
  });

  it('takes the tier\'s enforcement: a warning at tier 2, and for a role the tier does not require at tier 1', async () => {
    const tier2 = await lintPullRequest({ files: { [FILE]: modelYaml('claims-triage', { tier: 2, lifecycle: 'pilot', extra: approvals('{ role: ai-coe, approver: ecoe, date: 2026-10-01 }') }) } });
    expect(at(tier2)).toEqual([{ line: 13, column: 7, severity: 'warning' }]);
    const tier1 = await lintPullRequest({ files: { [FILE]: modelYaml('claims-triage', { tier: 1, lifecycle: 'production', extra: approvals('{ role: ai-coe, approver: ecoe, date: 2026-10-01 }') }) } });
    expect(at(tier1)).toEqual([{ line: 13, column: 7, severity: 'warning' }]);
  });

  it('warns at tier 3 before the approval requirement\'s effectiveFrom', async () => {
    const findings = await lintPullRequest({
      files: {
        [FILE]: modelYaml('claims-triage', { tier: 3, lifecycle: 'pilot', extra: approvals(ETHICS) }),
        'registry/policy.yaml': `apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
spec:
  tiers:
    tier3:
      approvals: { from: pilot, roles: [ai-ethics-lead, risk-compliance], effectiveFrom: 2027-01-01 }
`,
      },
    });
    expect(at(findings)).toEqual([{ line: 13, column: 7, severity: 'warning' }]);
  });

  it('is waivable: a live waiver turns the finding into a notice', async () => {
    const findings = await lintPullRequest({
      files: {
        [FILE]: modelYaml('claims-triage', { tier: 3, lifecycle: 'pilot', extra: approvals(ETHICS) }),
        'registry/waivers/w1.yaml': waiverYaml('w1', 'approval-unverified', 'claims-triage', '2026-11-01', '2026-12-31'),
      },
    });
    expect(findings.map((f) => [f.severity, f.waivedBy])).toEqual([['notice', 'w1']]);
  });
});
