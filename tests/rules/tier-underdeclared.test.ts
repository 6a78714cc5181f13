import rule from '../../src/rules/tier-underdeclared.js';
import { modelYaml, RISK, waiverYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/claims-triage.yaml';
const AUTONOMOUS_INSURANCE = '{ audience: internal, decisions: autonomous, personalData: none, regulatedDomain: insurance, significantImpact: false }';

testRule(rule, {
  valid: [
    { name: 'declared equals derived', files: { [FILE]: modelYaml('claims-triage', { tier: 3 }) } },
    { name: 'declaring higher than derived is allowed', files: { [FILE]: modelYaml('claims-triage', { tier: 3, risk: RISK.tier1 }) } },
    { name: 'tier 1 internal, non-critical, no personal data', files: { [FILE]: modelYaml('claims-triage', { tier: 1 }) } },
  ],
  invalid: [
    {
      name: 'tier 2 declared for an autonomous insurance model: at the value of spec.tier, every deciding reason',
      files: { [FILE]: modelYaml('claims-triage', { tier: 2, lifecycle: 'production', risk: AUTONOMOUS_INSURANCE }) },
      findings: [
        {
          file: FILE,
          line: 10,
          column: 9,
          severity: 'error',
          message: ['tier 2 declared, but this model is tier 3: decisions: autonomous', 'regulatedDomain: insurance', 'raise spec.tier to 3', 'waive'],
        },
      ],
    },
    {
      name: 'at any lifecycle: an idea declared tier 1 but customer-facing',
      files: { [FILE]: modelYaml('claims-triage', { tier: 1, risk: RISK.tier2 }) },
      findings: [{ line: 10, column: 9, severity: 'error', message: 'tier 1 declared, but this model is tier 2: audience: customer-facing' }],
    },
    {
      name: 'a retired model too',
      files: { [FILE]: modelYaml('claims-triage', { tier: 2, lifecycle: 'retired', risk: RISK.tier3, extra: '  dates: { retiredOn: 2026-01-01 }\n' }) },
      findings: [{ line: 10, column: 9, severity: 'error', message: 'tier 2 declared, but this model is tier 3: decisions: autonomous' }],
    },
    {
      name: 'only the reasons that set the derived tier are named',
      files: { [FILE]: modelYaml('claims-triage', { tier: 1, risk: '{ audience: public, decisions: influences, personalData: pii, regulatedDomain: none, significantImpact: true }' }) },
      findings: [{ line: 10, column: 9, severity: 'error', message: 'tier 1 declared, but this model is tier 3: significantImpact: true; raise' }],
    },
    {
      name: 'a live waiver records the CoE decision "presumed high-impact, determined not": a notice',
      files: {
        [FILE]: modelYaml('claims-triage', { tier: 2, risk: RISK.tier3 }),
        'registry/waivers/claims-triage-tier.yaml': waiverYaml('claims-triage-tier', 'tier-underdeclared', 'claims-triage', '2026-11-01', '2027-01-29'),
      },
      findings: [{ file: FILE, line: 10, column: 9, severity: 'notice', message: '(waived by claims-triage-tier until 2027-01-29)' }],
    },
  ],
});
