import rule from '../../src/rules/monitoring-missing.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/fraud-scoring.yaml';
const model = (options: Parameters<typeof modelYaml>[1]) => ({ [FILE]: modelYaml('fraud-scoring', options) });

testRule(rule, {
  valid: [
    { name: 'tier 3 production with metrics and an alert contact', files: model({ tier: 3, lifecycle: 'production', extra: '  monitoring: { metrics: [precision, drift], alertContact: ml-platform@example.com }\n' }) },
    { name: 'not yet due: tier 3 pilot', files: model({ tier: 3, lifecycle: 'pilot' }) },
    { name: 'tier 1 production needs no monitoring', files: model({ tier: 1, lifecycle: 'production' }) },
    { name: 'a retired model needs none', files: model({ tier: 2, lifecycle: 'retired' }) },
  ],
  invalid: [
    {
      name: 'no monitoring at all: at spec:, tier 3 errors',
      files: model({ tier: 3, lifecycle: 'production' }),
      findings: [{ file: FILE, line: 5, column: 1, severity: 'error', message: 'monitoring required for tier 3 from production: spec.monitoring is not declared (needs metrics and alertContact)' }],
    },
    {
      name: 'empty metrics: at monitoring:, tier 2 warns',
      files: model({ tier: 2, lifecycle: 'production', extra: '  monitoring:\n    metrics: []\n    alertContact: ml-platform@example.com\n' }),
      findings: [{ line: 12, column: 3, severity: 'warning', message: 'monitoring required for tier 2 from production: spec.monitoring has no metrics' }],
    },
    {
      name: 'no alert contact',
      files: model({ tier: 3, lifecycle: 'production', extra: '  monitoring: { metrics: [drift] }\n' }),
      findings: [{ line: 12, column: 3, severity: 'error', message: 'spec.monitoring has no alertContact' }],
    },
    {
      name: 'neither: both named',
      files: model({ tier: 3, lifecycle: 'production', extra: '  monitoring: { dashboard: "https://grafana.example.com/d/fraud" }\n' }),
      findings: [{ line: 12, column: 3, severity: 'error', message: 'spec.monitoring has no metrics and no alertContact' }],
    },
    {
      name: 'announced with effectiveFrom: a warning until then',
      files: {
        ...model({ tier: 3, lifecycle: 'production' }),
        'registry/policy.yaml': `apiVersion: ai-registry/v1
kind: Policy
metadata:
  name: policy
spec:
  tiers:
    tier3: { monitoring: { from: production, effectiveFrom: 2026-12-01 } }
`,
      },
      findings: [{ file: FILE, line: 5, column: 1, severity: 'warning', message: 'required for tier 3 from production; an error from 2026-12-01' }],
    },
  ],
});
