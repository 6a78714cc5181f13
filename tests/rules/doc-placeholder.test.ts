import rule from '../../src/rules/doc-placeholder.js';
import { COMPLETE_TIER3, docModel, MODEL_CARD } from '../helpers/doc-fixtures.js';
import { testRule } from '../helpers/rule-tester.js';

const MODEL = 'registry/models/scorer.yaml';

/** Placeholders at lines 5, 9, 13 and 14. */
const CARD_WITH_PLACEHOLDERS = `# Scorer model card

## Intended Use

Routes tickets. Owner: <fill in the owner>

## Training Data

TBD

## Evaluation

Lorem ipsum dolor sit amet.
todo: add the AUC
## Limitations
## Ethical Considerations
`;

/** Placeholders only where a reader sees code, and words that merely contain one. */
const CARD_QUOTING_PLACEHOLDERS = `# Scorer model card
## Intended Use
Mark unfinished work with \`TODO\` or \`\`a \`TBD\` b\`\`, never \`<fill in>\`.
## Training Data
\`\`\`text
TODO: fill in
<fill in the sources>
\`\`\`
## Evaluation
~~~
TBD
~~~
## Limitations
Todolists and TBDs are words, not placeholders.
## Ethical Considerations
Reviewed.
`;

const withCard = (card: string, model = docModel({ documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } })) => ({
  ...COMPLETE_TIER3,
  [MODEL]: model,
  'docs/card.md': card,
});

testRule(rule, {
  valid: [
    { name: 'complete documents', files: COMPLETE_TIER3 },
    { name: 'placeholders in code blocks and inline code are ignored', files: withCard(CARD_QUOTING_PLACEHOLDERS) },
    { name: 'a document not yet due is not checked', files: withCard(CARD_WITH_PLACEHOLDERS, docModel({ tier: 2, lifecycle: 'experiment', documentation: { modelCard: 'docs/card.md' } })) },
  ],
  invalid: [
    {
      // Findings at one position are ordered by message: docs/card.md:13 sorts before docs/card.md:5.
      name: 'one finding per placeholder, with its own line in the document',
      files: withCard(CARD_WITH_PLACEHOLDERS),
      findings: [
        { line: 18, column: 16, severity: 'error', message: ['docs/card.md:13 still holds a placeholder: "Lorem ipsum"', 'model card, required for tier 3 from experiment', 'replace it'] },
        { line: 18, column: 16, severity: 'error', message: 'docs/card.md:14 still holds a placeholder: "todo"' },
        { line: 18, column: 16, severity: 'error', message: 'docs/card.md:5 still holds a placeholder: "<fill in the owner>"' },
        { line: 18, column: 16, severity: 'error', message: 'docs/card.md:9 still holds a placeholder: "TBD"' },
      ],
    },
    {
      name: 'in the risk assessment, at its entry',
      files: { ...COMPLETE_TIER3, 'docs/risk.md': '# Risks\n## Mitigations\nTBD\n## Residual Risk\n' },
      findings: [{ line: 19, column: 21, severity: 'error', message: ['docs/risk.md:3 still holds a placeholder: "TBD"', 'risk assessment'] }],
    },
    {
      name: 'tier 2 at pilot: a warning',
      files: withCard(`${MODEL_CARD}\nTODO\n`, docModel({ tier: 2, lifecycle: 'pilot', documentation: { modelCard: 'docs/card.md' } })),
      findings: [{ line: 18, column: 16, severity: 'warning', message: ['docs/card.md:23 still holds a placeholder: "TODO"', 'required for tier 2 from pilot'] }],
    },
    {
      name: 'tier 1 in production: a warning',
      files: withCard(`${MODEL_CARD}\nTODO\n`, docModel({ tier: 1, lifecycle: 'production', documentation: { modelCard: 'docs/card.md' } })),
      findings: [{ line: 18, column: 16, severity: 'warning', message: 'required for tier 1 from production' }],
    },
    {
      name: 'before the effectiveFrom of the policy: a warning',
      files: {
        ...withCard(`${MODEL_CARD}\nTBD\n`),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {tiers: {tier3: {documents: {modelCard: {from: experiment, effectiveFrom: 2027-01-01}}}}}\n',
      },
      findings: [{ line: 18, column: 16, severity: 'warning', message: 'an error from 2027-01-01' }],
    },
    {
      name: 'the policy replaces the default patterns',
      files: {
        ...withCard(`${MODEL_CARD}\nTODO\nOwner: XXX\n`),
        'registry/policy.yaml': "apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {placeholders: ['\\bxxx\\b']}\n",
      },
      findings: [{ line: 18, column: 16, severity: 'error', message: 'docs/card.md:24 still holds a placeholder: "XXX"' }],
    },
  ],
});
