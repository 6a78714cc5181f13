import rule from '../../src/rules/waiver-invalid.js';
import { modelYaml, RISK, waiverYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const WAIVER = 'registry/waivers/exception.yaml';
const tier3 = { 'registry/models/claims-triage.yaml': modelYaml('claims-triage', { tier: 3, lifecycle: 'pilot' }) };
const waiver = (rule: string, approvedOn: string, expires: string, target = 'claims-triage') => ({ [WAIVER]: waiverYaml('exception', rule, target, approvedOn, expires) });

testRule(rule, {
  valid: [
    { name: 'tier 3: exactly 90 days', files: { ...tier3, ...waiver('approval-missing', '2026-11-01', '2027-01-30') } },
    { name: 'a one-day waiver (approvedOn = expires)', files: { ...tier3, ...waiver('review-overdue', '2026-11-24', '2026-11-24') } },
    {
      name: 'tier 1: up to 365 days',
      files: { 'registry/models/helper.yaml': modelYaml('helper', { tier: 1 }), ...waiver('stale-experiment', '2026-01-01', '2027-01-01', 'helper') },
    },
    { name: 'an unknown target is unknown-reference, not waiver-invalid', files: waiver('review-overdue', '2026-11-01', '2027-06-01', 'no-such-model') },
  ],
  invalid: [
    {
      name: 'too long for tier 3 (91 days): at expires, with the latest allowed date',
      files: { ...tier3, ...waiver('approval-missing', '2026-11-01', '2027-01-31') },
      findings: [{ file: WAIVER, line: 11, column: 12, severity: 'error', message: ['waiver runs 91 days (2026-11-01 to 2027-01-31), longer than the 90 days tier 3 allows for claims-triage', 'set expires to 2027-01-30 at the latest'] }],
    },
    {
      name: 'the held tier counts: declared 2 but derived 3',
      files: {
        'registry/models/claims-triage.yaml': modelYaml('claims-triage', { tier: 2, risk: RISK.tier3, lifecycle: 'pilot' }),
        ...waiver('approval-missing', '2026-11-01', '2027-04-30'),
      },
      findings: [{ line: 11, column: 12, severity: 'error', message: 'longer than the 90 days tier 3 allows' }],
    },
    {
      name: 'the policy sets maxWaiverDays',
      files: {
        'registry/models/helper.yaml': modelYaml('helper', { tier: 1 }),
        ...waiver('stale-experiment', '2026-11-01', '2026-12-15', 'helper'),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  tiers:\n    tier1: { maxWaiverDays: 30 }\n',
      },
      findings: [{ file: WAIVER, line: 11, column: 12, severity: 'error', message: 'waiver runs 44 days (2026-11-01 to 2026-12-15), longer than the 30 days tier 1 allows' }],
    },
    {
      name: 'expires before approvedOn',
      files: { ...tier3, ...waiver('review-overdue', '2026-11-01', '2026-10-31') },
      findings: [{ line: 11, column: 12, severity: 'error', message: 'expires 2026-10-31 is before approvedOn 2026-11-01, so the waiver waives nothing' }],
    },
    {
      name: 'unknown rule, with the closest rule id suggested: at rule',
      files: { ...tier3, ...waiver('review-overdu', '2026-11-01', '2026-12-01') },
      findings: [{ line: 6, column: 9, severity: 'error', message: 'rule "review-overdu" does not exist (did you mean "review-overdue"?)' }],
    },
    {
      name: 'unknown rule with nothing close',
      files: { ...tier3, ...waiver('frobnicate', '2026-11-01', '2026-12-01') },
      findings: [{ line: 6, column: 9, severity: 'error', message: 'rule "frobnicate" does not exist, so the waiver waives nothing' }],
    },
    {
      name: 'an unwaivable rule',
      files: { ...tier3, ...waiver('schema', '2026-11-01', '2026-12-01') },
      findings: [{ line: 6, column: 9, severity: 'error', message: 'rule schema cannot be waived' }],
    },
    {
      name: 'several problems: each at its field',
      files: { ...tier3, ...waiver('waiver-expired', '2026-11-01', '2027-11-01') },
      findings: [
        { line: 6, column: 9, severity: 'error', message: 'rule waiver-expired cannot be waived' },
        { line: 11, column: 12, severity: 'error', message: 'waiver runs 365 days' },
      ],
    },
  ],
});
