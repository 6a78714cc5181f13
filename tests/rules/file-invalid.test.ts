import rule from '../../src/rules/file-invalid.js';
import { testRule } from '../helpers/rule-tester.js';

const file = 'registry/teams/data-science.yaml';
const team = 'apiVersion: ai-registry/v1\nkind: Team\nmetadata:\n  name: data-science\nspec:\n  businessUnit: Claims\n  contact: ds@example.com\n';

testRule(rule, {
  valid: [
    { name: 'a UTF-8 manifest', files: { [file]: team } },
    { name: 'non-ASCII text', files: { [file]: team.replace('Claims', 'Schäden – Zürich') } },
  ],
  invalid: [
    { name: 'an empty file', files: { [file]: Buffer.alloc(0) }, findings: [{ line: 1, column: 1, severity: 'error', message: 'empty' }] },
    { name: 'only comments', files: { [file]: '# to do\n# later\n' }, findings: [{ line: 1, column: 1, severity: 'error', message: 'only comments' }] },
    { name: 'a NUL byte', files: { [file]: Buffer.from(`${team}\u0000`) }, findings: [{ line: 1, column: 1, severity: 'error', message: 'NUL byte' }] },
    { name: 'invalid UTF-8', files: { [file]: Buffer.concat([Buffer.from(team), Buffer.from([0xc3, 0x28])]) }, findings: [{ line: 1, column: 1, severity: 'error', message: 'not valid UTF-8' }] },
    { name: 'UTF-16 with a BOM', files: { [file]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(team, 'utf16le')]) }, findings: [{ line: 1, column: 1, severity: 'error', message: 'UTF-16' }] },
    {
      name: 'larger than 1 MiB',
      files: { [file]: `${team}  members:\n${'    - someone\n'.repeat(80_000)}` },
      findings: [{ line: 1, column: 1, severity: 'error', message: 'larger than the 1 MiB limit' }],
    },
  ],
});
