import rule from '../../src/rules/yaml-syntax.js';
import { testRule } from '../helpers/rule-tester.js';

const team = 'apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: data-science\nspec:\n  businessUnit: Claims\n  contact: ds@example.com\n';
const file = 'registry/teams/data-science.yaml';

testRule(rule, {
  valid: [
    { name: 'a well-formed manifest', files: { [file]: team } },
    { name: 'a leading document marker and comments', files: { [file]: `# Claims data science\n---\n${team}` } },
    { name: 'CRLF line endings', files: { [file]: team.replace(/\n/g, '\r\n') } },
    { name: 'a UTF-8 byte-order mark', files: { [file]: `\ufeff${team}` } },
    { name: 'an anchor used a few times', files: { [file]: `${team}  roles: &r [ai-coe]\nmetadata2: *r\n`.replace('metadata2: *r\n', '') } },
  ],
  invalid: [
    {
      name: 'duplicate keys: each one reported',
      files: { [file]: `${team}  contact: other@example.com\n  businessUnit: Ops\n` },
      findings: [
        { line: 8, column: 3, severity: 'error', message: 'Map keys must be unique' },
        { line: 9, column: 3, severity: 'error', message: 'Map keys must be unique' },
      ],
    },
    {
      name: 'an unclosed flow sequence',
      files: { [file]: `${team}  members: [asmith, bjones\n  coe: false\n` },
      findings: [{ line: 9, column: 3, severity: 'error' }],
    },
    {
      name: 'a second document',
      files: { [file]: `${team}---\n${team}` },
      findings: [{ line: 8, column: 1, severity: 'error', message: 'more than one YAML document' }],
    },
    {
      name: 'tabs as indentation',
      files: { [file]: team.replace('  contact', '\tcontact') },
      findings: [{ line: 7, column: 1, severity: 'error', message: 'Tabs' }],
    },
    {
      name: 'a YAML tag that could execute code elsewhere',
      files: { [file]: team.replace('ds@example.com', '!!js/function "function () { return 1 }"') },
      findings: [{ line: 7, column: 12, severity: 'error', message: 'tags are not allowed' }],
    },
    {
      name: 'an alias bomb (billion laughs)',
      files: {
        [file]: `${team}  members: &a [x, x, x, x, x, x, x, x, x, x]\n  roles: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nextra: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nmore: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      },
      // At the first alias inside an anchored node, before anything is expanded.
      findings: [{ line: 9, column: 14, severity: 'error', message: ['*a inside the anchored node &b', 'alias bomb'] }],
    },
  ],
});
