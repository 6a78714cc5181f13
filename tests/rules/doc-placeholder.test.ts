import rule from '../../src/rules/doc-placeholder.js';
import { COMPLETE_TIER3, docModel, MODEL_CARD } from '../helpers/doc-fixtures.js';
import { BASE_FILES } from '../helpers/repo.js';
import { lintFiles, testRule } from '../helpers/rule-tester.js';

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

/** A policy whose only placeholder pattern is `pattern` (a YAML single-quoted string). */
const policyWith = (pattern: string) => `apiVersion: ai-registry/v1\nkind: Policy\nmetadata: {name: policy}\nspec: {placeholders: ['${pattern}']}\n`;

/** The token actions/checkout writes into .git/config, base64 of `x-access-token:ghs_…`. */
const CHECKOUT_TOKEN = Buffer.from('x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a').toString('base64');

/** Lines that hold a credential (each after `leak:`, which the test pattern matches with the rest of the line). */
const CREDENTIAL_LINES: [string, string][] = [
  ['an Authorization header (as actions/checkout stores it)', `extraheader = AUTHORIZATION: basic ${CHECKOUT_TOKEN}`],
  ['a basic token without the header', `basic ${CHECKOUT_TOKEN}`],
  ['a bearer token', 'curl -H "Bearer eyJhbGciOiJIUzI1NiJ9.e30.Et9HFtf9R3GEMA0IICOfFMVXY7kkTX1wr4qCyhIf58U"'],
  ['a classic GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['a GitHub OAuth token', 'use gho_16C7e42F292c6912E7710c838347Ae178B4a here'],
  ['a GitHub user-to-server token', 'ghu_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['a GitHub installation token', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['a GitHub refresh token', 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498'],
  ['a fine-grained GitHub token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV'],
  ['an AWS access key id', 'aws AKIAIOSFODNN7EXAMPLE'],
  ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['a password assignment', 'db password=hunter2'],
  ['a secret in YAML', 'client_secret: s3cr3t-value'],
  ['a token assignment', 'GITHUB_TOKEN="abc123"'],
  ['an api key assignment', "api-key = 'k-42'"],
  ['a long base64 run', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['a long hex run', 'key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
];

/** Text that is not a credential, however close it comes. */
const HARMLESS_LINES = [
  'fill in the owner',
  'basic information about the users',
  'a bearer of responsibilities',
  'max tokens: 4096',
  'password: <fill in>',
  'ghp_ is the prefix of classic tokens',
  'see docs/models/scorer/model-card.md',
];

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
      name: 'a long placeholder: at most 40 characters of it are quoted',
      files: withCard(`${MODEL_CARD}\nUsers: <fill in the intended users, their roles, and the decisions they make with the scores>\n`),
      findings: [{ line: 18, column: 16, severity: 'error', message: 'docs/card.md:23 still holds a placeholder: "<fill in the intended users, their roles…" (model card' }],
    },
    {
      name: 'a placeholder that looks like a credential: not shown, its line still named',
      files: { ...withCard(`${MODEL_CARD}\n\textraheader = AUTHORIZATION: basic ${CHECKOUT_TOKEN}\n`), 'registry/policy.yaml': policyWith('extraheader.*') },
      findings: [{ line: 18, column: 16, severity: 'error', message: 'docs/card.md:23 still holds a placeholder, not shown because it looks like a credential (model card, required for tier 3 from experiment)' }],
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

describe('doc-placeholder never quotes a credential', () => {
  const lint = (line: string) =>
    lintFiles({ ...BASE_FILES, ...withCard(`${MODEL_CARD}\nleak: ${line}\n`), 'registry/policy.yaml': policyWith('leak:.*') }).then((findings) =>
      findings.filter((f) => f.ruleId === 'doc-placeholder'),
    );

  it.each(CREDENTIAL_LINES)('%s', async (_, line) => {
    const findings = await lint(line);
    expect(findings.map((f) => f.message)).toEqual([
      'docs/card.md:23 still holds a placeholder, not shown because it looks like a credential (model card, required for tier 3 from experiment); replace it with the real content',
    ]);
  });

  it.each(HARMLESS_LINES)('shows %j', async (line) => {
    const findings = await lint(line);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining(`docs/card.md:23 still holds a placeholder: "${`leak: ${line}`.slice(0, 40)}`)]);
  });
});
