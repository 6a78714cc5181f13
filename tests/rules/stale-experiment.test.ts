import rule from '../../src/rules/stale-experiment.js';
import { modelYaml } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/churn-model.yaml';
const model = (options: Parameters<typeof modelYaml>[1]) => ({ [FILE]: modelYaml('churn-model', options) });
/** `dates:` as a flow mapping on line 12. */
const dates = (flow: string) => `  dates: ${flow}\n`;

testRule(rule, {
  valid: [
    { name: 'an idea exactly 180 days old', files: model({ extra: dates('{ ideated: 2026-05-28 }') }) },
    { name: 'an old idea that became an experiment recently', files: model({ lifecycle: 'experiment', extra: dates('{ ideated: 2024-01-01, experimentStarted: 2026-10-01 }') }) },
    { name: 'an undated idea', files: model({}) },
    { name: 'a pilot is past the experiment stage', files: model({ lifecycle: 'pilot', extra: dates('{ experimentStarted: 2024-01-01, pilotStarted: 2024-06-01 }') }) },
    {
      name: 'a policy with a longer staleExperimentDays',
      files: {
        ...model({ lifecycle: 'experiment', extra: dates('{ experimentStarted: 2026-01-01 }') }),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  staleExperimentDays: 365\n',
      },
    },
  ],
  invalid: [
    {
      name: 'an idea 181 days old: at ideated, a warning',
      files: model({ tier: 3, extra: dates('{ ideated: 2026-05-27 }') }),
      findings: [{ file: FILE, line: 12, column: 21, severity: 'warning', message: ['idea with no progress for 181 days (ideated 2026-05-27; stale after 180)', 'promote it to experiment, retire it, or record progress', 'science project factory'] }],
    },
    {
      name: 'an experiment: the latest of its dates counts',
      files: model({ lifecycle: 'experiment', extra: dates('{ ideated: 2025-01-01, experimentStarted: 2025-10-08 }') }),
      findings: [{ line: 12, column: 52, severity: 'warning', message: 'experiment with no progress for 412 days (experimentStarted 2025-10-08' }],
    },
    {
      name: 'a policy with a shorter staleExperimentDays',
      files: {
        ...model({ lifecycle: 'experiment', extra: dates('{ experimentStarted: 2026-08-01 }') }),
        'registry/policy.yaml': 'apiVersion: ai-registry/v1\nkind: Policy\nmetadata:\n  name: policy\nspec:\n  staleExperimentDays: 90\n',
      },
      findings: [{ line: 12, column: 31, severity: 'warning', message: ['115 days', 'stale after 90', 'promote it to pilot'] }],
    },
  ],
});
