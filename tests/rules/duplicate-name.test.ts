import rule from '../../src/rules/duplicate-name.js';
import { testRule } from '../helpers/rule-tester.js';

const component = (name: string) =>
  `apiVersion: ai-registry/v1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  owner: ml-platform\n  type: dataset\n`;

testRule(rule, {
  valid: [
    { name: 'unique names', files: { 'registry/components/a-set.yaml': component('a-set'), 'registry/components/b-set.yaml': component('b-set') } },
    {
      name: 'the same name in two kinds is fine',
      files: {
        'registry/components/ml-platform.yaml': component('ml-platform'),
      },
    },
  ],
  invalid: [
    {
      name: 'two components share a name: both files are named',
      files: { 'registry/components/a-set.yaml': component('a-set'), 'registry/other/a-set.yaml': component('a-set') },
      findings: [
        { file: 'registry/components/a-set.yaml', line: 4, column: 9, severity: 'error', message: 'registry/other/a-set.yaml' },
        { file: 'registry/other/a-set.yaml', line: 4, column: 9, severity: 'error', message: 'registry/components/a-set.yaml' },
      ],
    },
  ],
});
