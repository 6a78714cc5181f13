import rule from '../../src/rules/schema.js';
import { testRule } from '../helpers/rule-tester.js';

const file = 'registry/models/ticket-router.yaml';
const model = (spec = '', risk = '') => `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ticket-router
spec:
  project: ops-automation
  owner: ml-platform
  type: classical-ml
  lifecycle: idea
  tier: 1
${spec}  risk:
    audience: internal
    decisions: non-critical
    personalData: none
    regulatedDomain: none
    significantImpact: false
${risk}`;

testRule(rule, {
  valid: [
    { name: 'a complete model', files: { [file]: model() } },
    { name: 'labels accept any key', files: { [file]: model().replace('  name: ticket-router\n', '  name: ticket-router\n  labels:\n    cost-centre: 4711\n    gpu: true\n') } },
    { name: 'unquoted dates stay strings', files: { [file]: model('  dates:\n    ideated: 2026-10-01\n') } },
  ],
  invalid: [
    {
      name: 'an unknown key, at the key, with a suggestion',
      files: { [file]: model('  lifecylce: pilot\n') },
      findings: [{ line: 11, column: 3, severity: 'error', message: ['unknown field `lifecylce`', 'did you mean `lifecycle`'] }],
    },
    {
      name: 'a wrong enum value, at the value, listing the allowed ones',
      files: { [file]: model().replace('audience: internal', 'audience: everyone') },
      findings: [{ line: 12, column: 15, severity: 'error', message: ['"everyone"', 'internal, customer-facing, public'] }],
    },
    {
      name: 'a wrong type',
      files: { [file]: model().replace('tier: 1', 'tier: "one"') },
      findings: [{ line: 10, column: 9, severity: 'error', message: 'spec.tier' }],
    },
    {
      name: 'a missing required field, at the parent mapping',
      files: { [file]: model().replace('    significantImpact: false\n', '') },
      findings: [{ line: 11, column: 3, severity: 'error', message: 'missing required field `significantImpact`' }],
    },
    {
      name: 'a bad date',
      files: { [file]: model('  dates:\n    ideated: 2026-02-30\n') },
      findings: [{ line: 12, column: 14, severity: 'error', message: 'not a valid date' }],
    },
    {
      name: 'an unknown kind, with a suggestion',
      files: { [file]: model().replace('kind: Model', 'kind: Modle') },
      findings: [{ line: 2, column: 7, severity: 'error', message: ['unknown kind "Modle"', 'did you mean Model'] }],
    },
    {
      name: 'an unknown apiVersion',
      files: { [file]: model().replace('ai-registry/v1', 'ai-registry/v2') },
      findings: [{ line: 1, column: 13, severity: 'error', message: 'unknown apiVersion "ai-registry/v2"' }],
    },
    {
      name: 'a list instead of a mapping',
      files: { [file]: '- apiVersion: ai-registry/v1\n- kind: Model\n' },
      findings: [{ line: 1, column: 1, severity: 'error', message: 'must be a mapping' }],
    },
    {
      name: 'a short waiver justification',
      files: {
        'registry/waivers/short-one.yaml': 'apiVersion: ai-registry/v1\nkind: Waiver\nmetadata:\n  name: short-one\nspec:\n  rule: review-overdue\n  target: ticket-router\n  justification: because\n  approvedBy: ecoe\n  approvedOn: 2026-11-01\n  expires: 2026-12-01\n',
        [file]: model(),
      },
      findings: [{ file: 'registry/waivers/short-one.yaml', line: 8, column: 18, severity: 'error', message: 'at least 20 characters' }],
    },
    {
      name: 'a policy stage that is neither a stage name nor a mapping: one finding, not a cascade',
      files: { [file]: model('  approvals:\n    - role: ai-coe\n      approver: "@ecoe"\n      date: 2026-11-01\n') },
      findings: [{ line: 13, column: 17, severity: 'error', message: 'GitHub handle' }],
    },
  ],
});
