import rule from '../../src/rules/invisible-character.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const TEAM = 'registry/teams/data-science.yaml';
const PROJECT = 'registry/projects/claims-ai.yaml';
const MODEL = 'registry/models/scorer.yaml';

/**
 * A Team at fixed lines: `name:` 4, `title:` 5 (value column 10), `businessUnit:` 7 (value
 * column 17), `contact:` 8, `members:` 9 (items from column 13), then `extra`.
 */
const team = ({ title = 'Claims data science', businessUnit = 'Claims', members = '[asmith, bjones]', extra = '' } = {}) =>
  `apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: data-science\n  title: ${JSON.stringify(title)}\nspec:\n  businessUnit: ${JSON.stringify(businessUnit)}\n  contact: ds@example.com\n  members: ${members}\n${extra}`;

/** A Project at fixed lines: `sponsor:` 7 (value column 12), `labels` on line 5 (flow mapping from column 11). */
const project = ({ sponsor = 'Jane Doe (COO)', labels = '{ area: claims }' } = {}) =>
  `apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: claims-ai\n  labels: ${labels}\nspec:\n  sponsor: ${JSON.stringify(sponsor)}\n  owner: ml-platform\n`;

const at = (file: string, line: number, column: number, message: string | string[]) => ({ file, line, column, severity: 'error' as const, message });

testRule(rule, {
  valid: [
    { name: 'plain text', files: { [TEAM]: team(), [PROJECT]: project() } },
    { name: 'letters of any script, accents and emoji', files: { [TEAM]: team({ title: 'Équipe données — データ — فريق البيانات 📊' }) } },
    // ZWJ and ZWNJ are part of emoji sequences and of the spelling of Persian, Hindi and other scripts.
    { name: 'a zero-width joiner (emoji) and non-joiner (Persian)', files: { [TEAM]: team({ title: 'Data 👩\u200d💻 — می\u200cخواهم' }) } },
    { name: 'an escaped control written as text', files: { [TEAM]: team({ title: 'uses \\u202e in its regex tests' }) } },
  ],
  invalid: [
    {
      name: 'a right-to-left override in a title',
      files: { [TEAM]: team({ title: 'Claims \u202eIA smialC' }) },
      findings: [at(TEAM, 5, 10, ['metadata.title holds U+202E RIGHT-TO-LEFT OVERRIDE', 'Trojan Source', 'delete it', 'show it as <U+202E>'])],
    },
    {
      name: 'a bidirectional isolate in a member, at the item',
      files: { [TEAM]: team({ members: '[asmith, "bj\u2066ones"]' }) },
      findings: [at(TEAM, 9, 21, 'spec.members[1] holds U+2066 LEFT-TO-RIGHT ISOLATE')],
    },
    {
      name: 'several in one value: one finding, naming the first and counting the others',
      files: { [TEAM]: team({ businessUnit: 'Cla\u200bims\u200b \u202d' }) },
      findings: [at(TEAM, 7, 17, 'spec.businessUnit holds U+200B ZERO WIDTH SPACE and 2 more invisible characters')],
    },
    {
      name: 'every field, each at its value',
      files: { [TEAM]: team({ title: 'a\u061cb', businessUnit: 'x\ufeffy' }), [PROJECT]: project({ sponsor: 'Jane\u2060Doe' }) },
      findings: [
        at(PROJECT, 7, 12, 'spec.sponsor holds U+2060 WORD JOINER'),
        at(TEAM, 5, 10, 'metadata.title holds U+061C ARABIC LETTER MARK'),
        at(TEAM, 7, 17, 'spec.businessUnit holds U+FEFF ZERO WIDTH NO-BREAK SPACE'),
      ],
    },
    {
      name: 'a label: its value, and its key (labels take any key)',
      files: { [PROJECT]: project({ labels: '{ area: "clai\u200fms", "ow\u200ener": x }' }) },
      findings: [at(PROJECT, 5, 19, 'metadata.labels.area holds U+200F RIGHT-TO-LEFT MARK'), at(PROJECT, 5, 30, 'metadata.labels key "ow\u200ener" holds U+200E LEFT-TO-RIGHT MARK')],
    },
    {
      name: 'tag characters (invisible ASCII) in a model approver, deep in the spec',
      files: {
        [MODEL]: modelYaml('scorer', { extra: '  approvals:\n    - role: ai-coe\n      approver: "ecoe\u{e0041}\u{e007f}"\n      date: 2026-10-01\n' }),
      },
      findings: [at(MODEL, 14, 17, 'spec.approvals[0].approver holds U+E0041 TAG LATIN CAPITAL LETTER A and 1 more invisible character')],
    },
    {
      name: 'a schema-invalid manifest is still checked, whatever its shape',
      files: { [TEAM]: team({ members: '"asmith\u2067"', extra: '  bogus: { deep: ["\u180e"] }\n' }) },
      findings: [at(TEAM, 9, 12, 'spec.members holds U+2067 RIGHT-TO-LEFT ISOLATE'), at(TEAM, 10, 19, 'spec.bogus.deep[0] holds U+180E MONGOLIAN VOWEL SEPARATOR')],
    },
    {
      name: 'a spec that is a string',
      files: { [TEAM]: 'apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: data-science\nspec: "\u2064"\n' },
      findings: [at(TEAM, 5, 7, 'spec holds U+2064 INVISIBLE PLUS')],
    },
  ],
});
