import rule from '../../src/rules/doc-section-missing.js';
import { COMPLETE_TIER3, docModel, documentWith, MODEL_CARD } from '../helpers/doc-fixtures.js';
import { testRule } from '../helpers/rule-tester.js';

const MODEL = 'registry/models/scorer.yaml';

/** Every model-card heading, written every way Markdown allows. */
const VARIANT_HEADINGS = `Scorer model card
=================

Intended use
------------

Training
   data:
---

### EVALUATION ###

   ###### limitations

# Ethical   Considerations #
`;

/** Evaluation and Limitations appear only inside fenced code blocks. */
const FENCED_HEADINGS = `# Scorer model card

## Intended Use
## Training Data
## Ethical Considerations

\`\`\`markdown
## Evaluation
\`\`\`

~~~~
## Limitations
\`\`\`
~~~
~~~~
`;

/** Lines that look like headings but are not. */
const NOT_HEADINGS = `# Scorer model card

## Intended Use
## Ethical Considerations

#Evaluation
    ## Limitations

Evaluation:
***
Training Data

---
`;

const withCard = (card: string, model = docModel({ documentation: { modelCard: 'docs/card.md', riskAssessment: 'docs/risk.md' } })) => ({
  ...COMPLETE_TIER3,
  [MODEL]: model,
  'docs/card.md': card,
});

const CARD_WITHOUT_LIMITATIONS = documentWith('Scorer model card', ['Intended Use', 'Training Data', 'Evaluation', 'Ethical Considerations']);

testRule(rule, {
  valid: [
    { name: 'every heading present', files: COMPLETE_TIER3 },
    { name: 'setext, closing #s, any level, case, whitespace and a trailing colon', files: withCard(VARIANT_HEADINGS) },
    { name: 'a document not yet due is not checked', files: withCard('# Nothing yet\n', docModel({ lifecycle: 'idea', documentation: { modelCard: 'docs/card.md' } })) },
    {
      name: 'headings required by the policy file',
      files: {
        ...withCard('# Card\n\n## Purpose\n'),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {headings: {modelCard: [Purpose]}}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'headings inside fenced code blocks do not count',
      files: withCard(FENCED_HEADINGS),
      findings: [{ line: 18, column: 16, severity: 'error', message: ['model card docs/card.md lacks headings: Evaluation, Limitations', 'required for tier 3 from experiment'] }],
    },
    {
      name: 'no space after #, indented code, thematic breaks',
      files: withCard(NOT_HEADINGS),
      findings: [{ line: 18, column: 16, severity: 'error', message: 'lacks headings: Training Data, Evaluation, Limitations' }],
    },
    {
      name: 'one heading missing, in the risk assessment',
      files: { ...COMPLETE_TIER3, 'docs/risk.md': '# Risks\n\n## Mitigations\n' },
      findings: [{ line: 19, column: 21, severity: 'error', message: 'risk assessment docs/risk.md lacks heading: Residual Risk' }],
    },
    {
      name: 'tier 2 at pilot: a warning',
      files: withCard(CARD_WITHOUT_LIMITATIONS, docModel({ tier: 2, lifecycle: 'pilot', documentation: { modelCard: 'docs/card.md' } })),
      findings: [{ line: 18, column: 16, severity: 'warning', message: ['lacks heading: Limitations', 'required for tier 2 from pilot'] }],
    },
    {
      name: 'tier 1 in production: a warning',
      files: withCard(CARD_WITHOUT_LIMITATIONS, docModel({ tier: 1, lifecycle: 'production', documentation: { modelCard: 'docs/card.md' } })),
      findings: [{ line: 18, column: 16, severity: 'warning', message: ['lacks heading: Limitations', 'required for tier 1 from production'] }],
    },
    {
      name: 'before the effectiveFrom of the policy: a warning',
      files: {
        ...withCard(CARD_WITHOUT_LIMITATIONS),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {tiers: {tier3: {documents: {modelCard: {from: experiment, effectiveFrom: 2027-01-01}}}}}\n',
      },
      findings: [{ line: 18, column: 16, severity: 'warning', message: 'an error from 2027-01-01' }],
    },
    {
      name: 'the policy replaces the default headings',
      files: {
        ...withCard(MODEL_CARD),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {headings: {modelCard: [Purpose, Intended Use]}}\n',
      },
      findings: [{ line: 18, column: 16, severity: 'error', message: 'lacks heading: Purpose' }],
    },
  ],
});
