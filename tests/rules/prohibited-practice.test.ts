import rule from '../../src/rules/prohibited-practice.js';
import { modelYaml, waiverYaml } from '../helpers/model-yaml.js';
import { lintFiles, testRule } from '../helpers/rule-tester.js';
import { BASE_FILES } from '../helpers/repo.js';

const FILE = 'registry/models/staff-mood.yaml';
const RISK_BLOCK = (practice: string) => `{ audience: internal, decisions: influences, personalData: sensitive, regulatedDomain: employment, significantImpact: true,
    prohibitedPractice: ${practice} }`;

testRule(rule, {
  valid: [
    { name: 'prohibitedPractice absent', files: { [FILE]: modelYaml('staff-mood', { tier: 1 }) } },
    { name: 'prohibitedPractice: none', files: { [FILE]: modelYaml('staff-mood', { tier: 3, risk: RISK_BLOCK('none') }) } },
  ],
  invalid: [
    {
      name: 'a prohibited practice, at its value (line 12 of a two-line flow mapping)',
      files: { [FILE]: modelYaml('staff-mood', { tier: 3, risk: RISK_BLOCK('emotion-recognition-workplace') }) },
      findings: [{ file: FILE, line: 12, column: 25, severity: 'error', message: ['prohibited practice emotion-recognition-workplace', 'EU AI Act Art. 5', 'no tier or waiver makes it acceptable'] }],
    },
    {
      name: 'at any tier and stage: a tier-1 idea',
      files: {
        [FILE]: `apiVersion: ai-registry/v1
kind: Model
metadata:
  name: staff-mood
spec:
  project: ops-automation
  owner: ml-platform
  type: llm
  lifecycle: idea
  tier: 1
  risk:
    audience: internal
    decisions: non-critical
    personalData: none
    regulatedDomain: none
    significantImpact: false
    prohibitedPractice: social-scoring
`,
      },
      findings: [{ line: 17, column: 25, severity: 'error', message: 'prohibited practice social-scoring' }],
    },
  ],
});

describe('prohibited-practice and waivers', () => {
  it('is not waivable: a waiver of it is waiver-invalid and the finding stays an error', async () => {
    const findings = await lintFiles({
      ...BASE_FILES,
      [FILE]: modelYaml('staff-mood', { tier: 3, risk: RISK_BLOCK('manipulation') }),
      'registry/waivers/staff-mood-ok.yaml': waiverYaml('staff-mood-ok', 'prohibited-practice', 'staff-mood', '2026-11-01', '2026-12-01'),
    });
    expect(rule.meta.waivable).toBe(false);
    expect(findings.filter((f) => f.ruleId === 'prohibited-practice').map((f) => f.severity)).toEqual(['error']);
    expect(findings.filter((f) => f.ruleId === 'waiver-invalid').map((f) => [f.line, f.column])).toEqual([[6, 9]]);
  });
});
