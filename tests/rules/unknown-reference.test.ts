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

/** The CoE team of BASE_FILES, holding `roles` (none: the line is left out). */
const governanceTeam = (roles?: string) => `apiVersion: ai-registry/v1
kind: Team
metadata:
  name: ai-governance
spec:
  businessUnit: Risk
  contact: ai-governance@example.com
  members: [cethics, drisk, ecoe]
  coe: true
${roles ? `  roles: ${roles}\n` : ''}`;

/** The model with two approvals; the second one's role value is on line 10, column 13. */
const approved = (second: string) =>
  model(`  project: ops-automation
  owner: ml-platform
  approvals:
    - { role: ai-coe, approver: ecoe, date: 2026-10-01 }
    - role: ${second}
      approver: cethics
      date: 2026-10-02
`);

/** A policy file whose tier-3 roles are on line 10, the second one at column 33. */
const policy = (roles: string) => `apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
spec:
  tiers:
    tier3:
      approvals:
        from: pilot
        roles: [${roles}]
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
    {
      name: 'no team declares roles: approval roles are not checked (as before roles existed)',
      files: { 'registry/models/ticket-router.yaml': approved('anything-goes'), 'registry/policy.yaml': policy('ai-ethics-lead, nobody-holds-this') },
    },
    {
      name: 'every approval role and every role the policy file requires is held by a team',
      files: {
        'registry/teams/ai-governance.yaml': governanceTeam('[ai-coe, ai-ethics-lead, risk-compliance]'),
        'registry/models/ticket-router.yaml': approved('ai-ethics-lead'),
        'registry/policy.yaml': policy('ai-ethics-lead, risk-compliance'),
      },
    },
    {
      name: 'a role held by a team with a schema error still counts (the team has its own finding)',
      files: {
        'registry/teams/ai-governance.yaml': governanceTeam('[ai-coe]'),
        'registry/teams/ethics.yaml': 'apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: ethics\nspec:\n  businessUnit: Risk\n  contact: not-an-email\n  roles: [ai-ethics-lead]\n',
        'registry/models/ticket-router.yaml': approved('ai-ethics-lead'),
      },
    },
    {
      name: 'roles declared only by a schema-invalid team do not turn role checks on',
      files: {
        'registry/teams/ethics.yaml': 'apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: ethics\nspec:\n  businessUnit: Risk\n  contact: not-an-email\n  roles: [ai-ethics-lead]\n',
        'registry/models/ticket-router.yaml': approved('anything-goes'),
      },
    },
    {
      name: 'a role only the built-in defaults require is not checked: there is no line to point at',
      files: { 'registry/teams/ai-governance.yaml': governanceTeam('[ai-coe]'), 'registry/models/ticket-router.yaml': approved('ai-coe') },
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
    {
      name: 'once teams declare roles, an approval role no team holds, at its value, with the roles held and a suggestion',
      files: {
        'registry/teams/ai-governance.yaml': governanceTeam('[ai-coe, ai-ethics-lead]'),
        'registry/models/ticket-router.yaml': approved('ai-etics-lead'),
      },
      findings: [
        {
          file: 'registry/models/ticket-router.yaml',
          line: 10,
          column: 13,
          severity: 'error',
          message: ['approval role "ai-etics-lead" is not a role in the registry', 'roles held: ai-coe, ai-ethics-lead', 'did you mean "ai-ethics-lead"?'],
        },
      ],
    },
    {
      name: 'a role in a flow-style approval, at its value',
      files: {
        'registry/teams/ai-governance.yaml': governanceTeam('[ai-ethics-lead]'),
        'registry/models/ticket-router.yaml': approved('ai-ethics-lead'),
      },
      findings: [{ file: 'registry/models/ticket-router.yaml', line: 9, column: 15, severity: 'error', message: 'approval role "ai-coe" is not a role in the registry: no Team holds it (roles held: ai-ethics-lead)' }],
    },
    {
      name: 'a role the policy file requires that no team holds, at the policy\'s list entry',
      files: {
        'registry/teams/ai-governance.yaml': governanceTeam('[ai-coe, ai-ethics-lead]'),
        'registry/policy.yaml': policy('ai-ethics-lead, risk-compliance'),
      },
      findings: [
        {
          file: 'registry/policy.yaml',
          line: 10,
          column: 33,
          severity: 'error',
          message: 'tier 3 requires approval role "risk-compliance", but no Team holds it (roles held: ai-coe, ai-ethics-lead)',
        },
      ],
    },
  ],
});
