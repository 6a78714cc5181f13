import rule from '../../src/rules/name-mismatch.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'name equals the file name', files: {} },
    {
      name: '.yml extension',
      files: { 'registry/components/feature-store.yml': 'apiVersion: ai-registry/v1\nkind: Component\nmetadata:\n  name: feature-store\nspec:\n  owner: ml-platform\n  type: feature-store\n' },
    },
  ],
  invalid: [
    {
      name: 'metadata.name differs from the file name',
      files: { 'registry/components/store.yaml': 'apiVersion: ai-registry/v1\nkind: Component\nmetadata:\n  name: feature-store\nspec:\n  owner: ml-platform\n  type: feature-store\n' },
      findings: [{ file: 'registry/components/store.yaml', line: 4, column: 9, severity: 'error', message: ['"feature-store"', '"store"', 'feature-store.yaml'] }],
    },
  ],
});
