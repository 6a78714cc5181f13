import rule from '../../src/rules/approval-missing.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/claims-triage.yaml';
const model = (options: Parameters<typeof modelYaml>[1]) => ({ [FILE]: modelYaml('claims-triage', options) });
const approvals = (...items: string[]) => `  approvals:\n${items.map((item) => `    - ${item}\n`).join('')}`;
const BOTH_TIER3 = approvals('{ role: ai-ethics-lead, approver: cethics, date: 2026-10-01 }', '{ role: risk-compliance, approver: drisk, date: 2026-11-24 }');

testRule(rule, {
  valid: [
    { name: 'tier 2 pilot approved by ai-coe from outside the owning team', files: model({ tier: 2, lifecycle: 'pilot', extra: approvals('{ role: ai-coe, approver: ecoe, date: 2026-09-01 }') }) },
    { name: 'tier 3 production with both roles, one dated on the as-of date', files: model({ tier: 3, lifecycle: 'production', extra: BOTH_TIER3 }) },
    { name: 'not yet due: a tier-3 experiment', files: model({ tier: 3, lifecycle: 'experiment' }) },
    { name: 'a retired model needs none', files: model({ tier: 3, lifecycle: 'retired' }) },
    { name: 'tier 1 needs no approval, even in production', files: model({ tier: 1, lifecycle: 'production' }) },
    {
      name: 'an invalid approval does not matter when another approval for the role counts',
      files: model({ tier: 2, lifecycle: 'pilot', extra: approvals('{ role: ai-coe, approver: asmith, date: 2026-09-01 }', '{ role: ai-coe, approver: ecoe, date: 2026-09-02 }') }),
    },
  ],
  invalid: [
    {
      name: 'role absent, no approvals at all: at spec:, tier 2 warns',
      files: model({ tier: 2, lifecycle: 'pilot' }),
      findings: [{ file: FILE, line: 5, column: 1, severity: 'warning', message: 'approval by role ai-coe required for tier 2 from pilot (4-eyes: not a member of ml-platform)' }],
    },
    {
      name: 'tier 3 with one role present: the other is missing, at approvals:, an error',
      files: model({ tier: 3, lifecycle: 'pilot', extra: approvals('{ role: risk-compliance, approver: drisk, date: 2026-10-01 }') }),
      findings: [{ line: 12, column: 3, severity: 'error', message: 'approval by role ai-ethics-lead required for tier 3 from pilot (4-eyes: not a member of ml-platform)' }],
    },
    {
      name: 'tier 3 with neither role: one finding per role',
      files: model({ tier: 3, lifecycle: 'production' }),
      findings: [
        { line: 5, column: 1, severity: 'error', message: 'approval by role ai-ethics-lead' },
        { line: 5, column: 1, severity: 'error', message: 'approval by role risk-compliance' },
      ],
    },
    {
      name: 'future-dated approval: at the approval item',
      files: model({ tier: 2, lifecycle: 'pilot', extra: approvals('{ role: ai-coe, approver: ecoe, date: 2026-11-25 }') }),
      findings: [{ line: 13, column: 7, severity: 'warning', message: ['approval by role ai-coe does not count: dated 2026-11-25, after the as-of date 2026-11-24', 'required for tier 2 from pilot'] }],
    },
    {
      name: 'approver in the owning team (four-eyes), whatever the case of the handle',
      files: model({
        tier: 3,
        lifecycle: 'pilot',
        extra: `  approvals:
    - role: risk-compliance
      approver: drisk
      date: 2026-10-01
    - role: ai-ethics-lead
      approver: ASmith
      date: 2026-10-01
`,
      }),
      findings: [{ line: 16, column: 7, severity: 'error', message: 'approver ASmith is a member of the owning team ml-platform (4-eyes)' }],
    },
    {
      name: 'both problems at once are both named',
      files: model({ tier: 2, lifecycle: 'production', extra: approvals('{ role: ai-coe, approver: bjones, date: 2027-01-01 }') }),
      findings: [{ line: 13, column: 7, severity: 'warning', message: ['dated 2027-01-01, after the as-of date 2026-11-24; approver bjones is a member'] }],
    },
    {
      name: 'the approval of another role does not count',
      files: model({ tier: 2, lifecycle: 'pilot', extra: approvals('{ role: risk-compliance, approver: drisk, date: 2026-10-01 }') }),
      findings: [{ line: 12, column: 3, severity: 'warning', message: 'approval by role ai-coe required' }],
    },
    {
      name: 'before the policy\'s effectiveFrom a tier-3 approval only warns, and says when it becomes an error',
      files: {
        ...model({ tier: 3, lifecycle: 'pilot', extra: approvals('{ role: risk-compliance, approver: drisk, date: 2026-10-01 }') }),
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
      findings: [{ file: FILE, line: 12, column: 3, severity: 'warning', message: 'required for tier 3 from pilot; an error from 2027-01-01' }],
    },
    {
      name: 'on the effectiveFrom date it is an error',
      asOf: '2027-01-01',
      files: {
        ...model({ tier: 3, lifecycle: 'pilot', extra: approvals('{ role: risk-compliance, approver: drisk, date: 2026-10-01 }') }),
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
      findings: [{ file: FILE, line: 12, column: 3, severity: 'error', message: 'approval by role ai-ethics-lead required for tier 3 from pilot (4-eyes' }],
    },
    {
      name: 'held to the derived tier: tier 1 declared but tier 3 by risk needs the tier-3 roles',
      files: model({ tier: 1, lifecycle: 'pilot', risk: '{ audience: internal, decisions: autonomous, personalData: none, regulatedDomain: none, significantImpact: false }' }),
      findings: [
        { line: 5, column: 1, severity: 'error', message: 'ai-ethics-lead required for tier 3' },
        { line: 5, column: 1, severity: 'error', message: 'risk-compliance required for tier 3' },
      ],
    },
  ],
});
