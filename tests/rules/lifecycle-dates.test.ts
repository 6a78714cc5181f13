import rule from '../../src/rules/lifecycle-dates.js';
import { modelYaml, RISK } from '../helpers/model-yaml.js';
import { testRule } from '../helpers/rule-tester.js';

const FILE = 'registry/models/churn-model.yaml';
const model = (options: Parameters<typeof modelYaml>[1]) => ({ [FILE]: modelYaml('churn-model', options) });
/** `dates:` on line 12, then one field a line from line 13 (values at column 4 + key length + 3). */
const dates = (fields: Record<string, string>) => `  dates:\n${Object.entries(fields).map(([k, v]) => `    ${k}: ${v}\n`).join('')}`;

testRule(rule, {
  valid: [
    {
      name: 'production with every date in order',
      files: model({ lifecycle: 'production', extra: dates({ ideated: '2025-01-10', experimentStarted: '2025-02-01', pilotStarted: '2025-06-01', productionSince: '2025-09-01' }) }),
    },
    { name: 'equal dates are in order', files: model({ lifecycle: 'production', extra: dates({ pilotStarted: '2025-06-01', productionSince: '2025-06-01' }) }) },
    { name: 'an idea with no dates', files: model({ lifecycle: 'idea' }) },
    { name: 'a planned date of a stage not yet reached may lie ahead', files: model({ lifecycle: 'pilot', extra: dates({ pilotStarted: '2026-10-01', productionSince: '2027-02-01' }) }) },
    { name: 'a stage reached on the as-of date', files: model({ lifecycle: 'production', extra: dates({ productionSince: '2026-11-24' }) }) },
    { name: 'retired with retiredOn', files: model({ lifecycle: 'retired', extra: dates({ experimentStarted: '2025-01-01', retiredOn: '2025-08-01' }) }) },
  ],
  invalid: [
    {
      name: 'pilotStarted before experimentStarted: at the later-stage date, tier 1 warns',
      files: model({ tier: 1, lifecycle: 'pilot', extra: dates({ ideated: '2026-01-01', experimentStarted: '2026-03-01', pilotStarted: '2026-02-01' }) }),
      findings: [{ file: FILE, line: 15, column: 19, severity: 'warning', message: 'pilotStarted 2026-02-01 is before experimentStarted 2026-03-01' }],
    },
    {
      name: 'compared with the previous date given, skipping absent ones; tier 3 errors',
      files: model({ tier: 3, lifecycle: 'retired', extra: dates({ ideated: '2026-01-01', productionSince: '2025-12-31', retiredOn: '2026-03-01' }) }),
      findings: [{ line: 14, column: 22, severity: 'error', message: 'productionSince 2025-12-31 is before ideated 2026-01-01' }],
    },
    {
      name: 'productionSince missing in production, no dates at all: at spec:',
      files: model({ tier: 2, lifecycle: 'production' }),
      findings: [{ line: 5, column: 1, severity: 'warning', message: 'productionSince is required in production' }],
    },
    {
      name: 'productionSince missing in production: at dates:',
      files: model({ tier: 3, lifecycle: 'production', extra: dates({ pilotStarted: '2026-01-01' }) }),
      findings: [{ line: 12, column: 3, severity: 'error', message: 'productionSince is required in production' }],
    },
    {
      name: 'retiredOn missing when retired',
      files: model({ tier: 2, lifecycle: 'retired', extra: dates({ productionSince: '2024-01-01' }) }),
      findings: [{ line: 12, column: 3, severity: 'warning', message: 'retiredOn is required once retired' }],
    },
    {
      name: 'a stage already reached cannot start after the as-of date',
      files: model({ tier: 1, lifecycle: 'pilot', extra: dates({ experimentStarted: '2026-06-01', pilotStarted: '2026-11-25' }) }),
      findings: [{ line: 14, column: 19, severity: 'warning', message: ['pilotStarted 2026-11-25 is after the as-of date 2026-11-24', 'lifecycle pilot'] }],
    },
    {
      name: 'severity of the held tier: tier 1 declared, tier 3 derived',
      files: model({ tier: 1, risk: RISK.tier3, lifecycle: 'production', extra: dates({ pilotStarted: '2026-01-01' }) }),
      findings: [{ line: 12, column: 3, severity: 'error', message: 'productionSince is required' }],
    },
  ],
});
