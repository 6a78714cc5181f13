import rule from '../../src/rules/incident-contact-missing.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/fraud-scoring.yaml';
const model = (options: Parameters<typeof modelYaml>[1]) => ({ [FILE]: modelYaml('fraud-scoring', options) });

testRule(rule, {
  valid: [
    { name: 'tier 3 pilot with an incident contact', files: model({ tier: 3, lifecycle: 'pilot', extra: '  incidentContact: fraud-oncall@example.com\n' }) },
    { name: 'not yet due: tier 3 experiment', files: model({ tier: 3, lifecycle: 'experiment' }) },
    { name: 'not yet due: tier 2 pilot (incident response from production)', files: model({ tier: 2, lifecycle: 'pilot' }) },
    { name: 'tier 1 never needs one', files: model({ tier: 1, lifecycle: 'production' }) },
    {
      name: 'not required when the policy turns incident response off',
      files: {
        ...model({ tier: 3, lifecycle: 'production' }),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  tiers:\n    tier3: { documents: { incidentResponse: off } }\n',
      },
    },
  ],
  invalid: [
    {
      name: 'tier 3 pilot without incidentContact: at spec:, an error',
      files: model({ tier: 3, lifecycle: 'pilot' }),
      findings: [{ file: FILE, line: 5, column: 1, severity: 'error', message: ['incident contact', 'required for tier 3 from pilot', 'set spec.incidentContact'] }],
    },
    {
      name: 'tier 2 production: a warning',
      files: model({ tier: 2, lifecycle: 'production' }),
      findings: [{ line: 5, column: 1, severity: 'warning', message: 'required for tier 2 from production' }],
    },
  ],
});
