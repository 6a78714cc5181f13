import rule from '../../src/rules/policy-misplaced.js';
import { testRule } from '../helpers/rule-tester.js';

/** A Policy that would make tier 3 warnings only; `kind:` is on line 2, its value at column 7. */
const LOOSE_POLICY = `apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
spec:
  tiers:
    tier3: { enforcement: warning }
`;

testRule(rule, {
  valid: [
    { name: 'the policy at registry/policy.yaml', files: { 'registry/policy.yaml': LOOSE_POLICY } },
    { name: 'the policy at registry/policy.yml', files: { 'registry/policy.yml': LOOSE_POLICY } },
    { name: 'no policy at all (the defaults)', files: {} },
  ],
  invalid: [
    {
      name: 'a Policy manifest among the models',
      files: { 'registry/models/policy.yaml': LOOSE_POLICY },
      findings: [{ file: 'registry/models/policy.yaml', line: 2, column: 7, severity: 'error', message: ['takes effect only at registry/policy.yaml', 'ignored'] }],
    },
    {
      name: 'a second Policy beside the real one: the real one holds, the other is reported',
      files: { 'registry/policy.yaml': LOOSE_POLICY, 'registry/teams/policy.yaml': LOOSE_POLICY },
      findings: [{ file: 'registry/teams/policy.yaml', line: 2, column: 7, severity: 'error' }],
    },
    {
      name: 'a schema-invalid Policy elsewhere is reported too, and is no configuration error',
      files: { 'registry/waivers/policy.yaml': LOOSE_POLICY.replace('enforcement: warning', 'enforcement: lenient') },
      findings: [{ file: 'registry/waivers/policy.yaml', line: 2, column: 7, severity: 'error' }],
    },
  ],
});
