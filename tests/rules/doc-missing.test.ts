import rule from '../../src/rules/doc-missing.js';
import { COMPLETE_TIER3, DATA_SHEET, docModel, MODEL_CARD, RISK_ASSESSMENT } from '../helpers/doc-fixtures.js';
import { lintFiles, testRule } from '../helpers/rule-tester.js';

const MODEL = 'registry/models/scorer.yaml';

/** Tier 3 requires the model card from experiment, but only as a warning until 2027-01-01. */
const ANNOUNCED_POLICY = `apiVersion: ai-registry/v1
kind: Policy
metadata: {name: policy}
spec: {tiers: {tier3: {documents: {modelCard: {from: experiment, effectiveFrom: 2027-01-01}}}}}
`;

testRule(rule, {
  valid: [
    { name: 'tier 3 experiment with its model card and risk assessment', files: COMPLETE_TIER3 },
    { name: 'nothing is due at idea', files: { [MODEL]: docModel({ lifecycle: 'idea' }) } },
    { name: 'tier 1 needs a model card only from production', files: { [MODEL]: docModel({ tier: 1, lifecycle: 'pilot' }) } },
    { name: 'a retired model needs no documents', files: { [MODEL]: docModel({ lifecycle: 'retired' }) } },
    {
      name: 'a data sheet is not required without personal data',
      files: { ...COMPLETE_TIER3, [MODEL]: docModel({ personalData: 'none', documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } }) },
    },
    {
      name: 'a path out of the repository is reported by doc-outside-repo, not here',
      files: { ...COMPLETE_TIER3, [MODEL]: docModel({ documentation: { modelCard: '../card.md', riskAssessment: 'docs/risk.md' } }) },
    },
    {
      name: 'a document not yet due may be absent even when declared',
      files: { [MODEL]: docModel({ lifecycle: 'idea', documentation: { modelCard: 'docs/not-yet.md' } }) },
    },
  ],
  invalid: [
    {
      name: 'tier 3 at experiment without documentation: at spec:',
      files: { [MODEL]: docModel() },
      findings: [
        { file: MODEL, line: 5, column: 1, severity: 'error', message: 'modelCard required for tier 3 from experiment: not declared in spec.documentation' },
        { line: 5, column: 1, severity: 'error', message: ['riskAssessment required for tier 3 from experiment: not declared in spec.documentation', 'add documentation.riskAssessment'] },
      ],
    },
    {
      name: 'one of two declared: at documentation:',
      files: { [MODEL]: docModel({ documentation: { modelCard: 'docs/card.md' } }), 'docs/card.md': MODEL_CARD },
      findings: [{ line: 17, column: 3, severity: 'error', message: 'riskAssessment required for tier 3 from experiment: not declared' }],
    },
    {
      name: 'tier 2 at pilot with personal data needs a model card and a data sheet, as warnings',
      files: { [MODEL]: docModel({ tier: 2, lifecycle: 'pilot', personalData: 'pii' }) },
      findings: [
        { line: 5, column: 1, severity: 'warning', message: 'dataSheet required for tier 2 from pilot: not declared' },
        { line: 5, column: 1, severity: 'warning', message: 'modelCard required for tier 2 from pilot: not declared' },
      ],
    },
    {
      name: 'tier 1 in production: a warning',
      files: { [MODEL]: docModel({ tier: 1, lifecycle: 'production' }) },
      findings: [{ line: 5, column: 1, severity: 'warning', message: 'modelCard required for tier 1 from production' }],
    },
    {
      name: 'tier 3 with personal data needs a data sheet from experiment',
      files: { ...COMPLETE_TIER3, [MODEL]: docModel({ personalData: 'sensitive', documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } }) },
      findings: [{ line: 17, column: 3, severity: 'error', message: 'dataSheet required for tier 3 from experiment: not declared' }],
    },
    {
      name: 'declared, but the file does not exist: at the path',
      files: { ...COMPLETE_TIER3, [MODEL]: docModel({ documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/nope.md' } }) },
      findings: [{ line: 19, column: 21, severity: 'error', message: ['riskAssessment required for tier 3 from experiment: docs/nope.md does not exist', 'correct documentation.riskAssessment'] }],
    },
    {
      name: 'the path names a folder',
      files: { ...COMPLETE_TIER3, [MODEL]: docModel({ documentation: { modelCard: 'docs', riskAssessment: 'docs/risk.md' } }) },
      findings: [{ line: 18, column: 16, severity: 'error', message: ['modelCard required for tier 3 from experiment: docs is a directory', 'point documentation.modelCard at the document file'] }],
    },
    {
      name: 'an empty document',
      files: { ...COMPLETE_TIER3, 'docs/card.md': ' \n\n' },
      findings: [{ line: 18, column: 16, severity: 'error', message: 'docs/card.md is empty; write the document' }],
    },
    {
      name: 'a binary document',
      files: { ...COMPLETE_TIER3, 'docs/risk.md': `${RISK_ASSESSMENT}\u0000` },
      findings: [{ line: 19, column: 21, severity: 'error', message: 'docs/risk.md contains a NUL byte' }],
    },
    {
      name: 'a data sheet declared but missing, tier 2 pilot: a warning',
      files: {
        [MODEL]: docModel({ tier: 2, lifecycle: 'pilot', personalData: 'pii', documentation: { modelCard: 'docs/card.md', dataSheet: 'docs/data.md' } }),
        'docs/card.md': MODEL_CARD,
      },
      findings: [{ line: 19, column: 16, severity: 'warning', message: 'dataSheet required for tier 2 from pilot: docs/data.md does not exist' }],
    },
    {
      name: 'a requirement announced for 2027 is a warning before then',
      files: { [MODEL]: docModel({ documentation: { riskAssessment: 'docs/risk.md' } }), 'docs/risk.md': RISK_ASSESSMENT, 'registry/policy.yaml': ANNOUNCED_POLICY },
      findings: [{ line: 17, column: 3, severity: 'warning', message: 'modelCard required for tier 3 from experiment; an error from 2027-01-01: not declared' }],
    },
    {
      name: '… and an error from its date on',
      asOf: '2027-01-01',
      files: { [MODEL]: docModel({ documentation: { riskAssessment: 'docs/risk.md' } }), 'docs/risk.md': RISK_ASSESSMENT, 'registry/policy.yaml': ANNOUNCED_POLICY },
      findings: [{ line: 17, column: 3, severity: 'error', message: 'modelCard required for tier 3 from experiment: not declared' }],
    },
  ],
});

describe('doc-missing on files the helper cannot write as text', () => {
  it('names the document, so that `lint --changed docs/…` reports it', async () => {
    const files = { ...COMPLETE_TIER3, 'docs/card.md': Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]) };
    const findings = (await lintFiles(files)).filter((f) => f.ruleId === 'doc-missing');
    expect(findings).toEqual([
      expect.objectContaining({ line: 18, column: 16, severity: 'error', document: 'docs/card.md', message: expect.stringContaining('docs/card.md is not valid UTF-8') }),
    ]);
  });

  it('refuses UTF-16', async () => {
    const files = { ...COMPLETE_TIER3, 'docs/risk.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RISK_ASSESSMENT, 'utf16le')]) };
    const findings = (await lintFiles(files)).filter((f) => f.ruleId === 'doc-missing');
    expect(findings.map((f) => [f.line, f.document, f.message.includes('UTF-16')])).toEqual([[19, 'docs/risk.md', true]]);
  });

  it('checks a document shared by two models for each of them', async () => {
    const files = {
      'registry/models/scorer.yaml': docModel({ documentation: { modelCard: 'docs/shared.md', riskAssessment: 'docs/risk.md' } }),
      'registry/models/ranker.yaml': docModel({ name: 'ranker', personalData: 'pii', documentation: { modelCard: 'docs/shared.md', riskAssessment: 'docs/risk.md', dataSheet: 'docs/shared.md' } }),
      'docs/risk.md': RISK_ASSESSMENT,
      'docs/data.md': DATA_SHEET,
    };
    const findings = (await lintFiles(files)).filter((f) => f.ruleId === 'doc-missing');
    expect(findings.map((f) => `${f.file}:${f.line} ${f.document}`)).toEqual([
      'registry/models/ranker.yaml:18 docs/shared.md',
      'registry/models/ranker.yaml:20 docs/shared.md',
      'registry/models/scorer.yaml:18 docs/shared.md',
    ]);
  });
});
