import rule from '../../src/rules/unknown-reference.js';
import { testRule } from '../helpers/rule-tester.js';

const model = (spec: string) => `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: ticket-router
spec:
${spec}  type: classical-ml
  lifecycle: idea
  tier: 1
  risk:
    audience: internal
    decisions: non-critical
    personalData: none
    regulatedDomain: none
    significantImpact: false
`;

testRule(rule, {
  valid: [
    { name: 'model → project and team', files: { 'registry/models/ticket-router.yaml': model('  project: ops-automation\n  owner: ml-platform\n') } },
    {
      name: 'reuses a component',
      files: {
        'registry/components/feature-store.yaml': 'apiVersion: ai-registry/v1\nkind: Component\nmetadata:\n  name: feature-store\nspec:\n  owner: ml-platform\n  type: feature-store\n',
        'registry/models/ticket-router.yaml': model('  project: ops-automation\n  owner: ml-platform\n  reuses: [feature-store]\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'unknown project and owner, with a suggestion',
      files: { 'registry/models/ticket-router.yaml': model('  project: ops-automaton\n  owner: nobody\n') },
      findings: [
        { line: 6, column: 12, severity: 'error', message: ['project "ops-automaton" is not a Project', 'did you mean "ops-automation"'] },
        { line: 7, column: 10, severity: 'error', message: 'owner "nobody" is not a Team' },
      ],
    },
    {
      name: 'unknown component in reuses, at the list item',
      files: { 'registry/models/ticket-router.yaml': model('  project: ops-automation\n  owner: ml-platform\n  reuses:\n    - feature-store\n') },
      findings: [{ line: 9, column: 7, severity: 'error', message: 'reuses "feature-store" is not a Component' }],
    },
    {
      name: 'project owner names no team',
      files: { 'registry/projects/ops-automation.yaml': 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: ops-automation\nspec:\n  owner: ml-platfrom\n  sponsor: Jane Doe\n' },
      findings: [{ file: 'registry/projects/ops-automation.yaml', line: 6, column: 10, severity: 'error', message: 'did you mean "ml-platform"' }],
    },
    {
      name: 'waiver target names no model',
      files: {
        'registry/waivers/ghost-waiver.yaml': 'apiVersion: ai-registry/v1\nkind: Waiver\nmetadata:\n  name: ghost-waiver\nspec:\n  rule: review-overdue\n  target: ghost-model\n  justification: Reviewed by the CoE board in October.\n  approvedBy: ecoe\n  approvedOn: 2026-11-01\n  expires: 2026-12-01\n',
      },
      findings: [{ file: 'registry/waivers/ghost-waiver.yaml', line: 7, column: 11, severity: 'error', message: 'target "ghost-model" is not a Model' }],
    },
  ],
});
