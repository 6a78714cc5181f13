import rule from '../../src/rules/sponsor-missing.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/projects/claims-automation.yaml';

testRule(rule, {
  valid: [
    { name: 'the base project has a sponsor', files: {} },
    { name: 'a project with a sponsor', files: { [FILE]: 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: claims-automation\nspec:\n  owner: ml-platform\n  sponsor: Chief Claims Officer\n' } },
  ],
  invalid: [
    {
      name: 'a project without a sponsor: at spec:, a warning',
      files: { [FILE]: 'apiVersion: ai-registry/v1\nkind: Project\nmetadata:\n  name: claims-automation\nspec:\n  owner: ml-platform\n' },
      findings: [{ file: FILE, line: 5, column: 1, severity: 'warning', message: ['project claims-automation has no executive sponsor', 'set spec.sponsor'] }],
    },
  ],
});
