import { staleExperiment } from '../policy/compliance.js';
import { nextStage } from '../policy/requirements.js';
import { plural } from '../report/format.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'stale-experiment',
    description: 'An idea or experiment has shown no progress for longer than the policy\'s `staleExperimentDays` (default 180).',
    fix: 'Promote the model to the next stage (with its date in `spec.dates`), retire it, or record the progress made; a portfolio of experiments that never ship is a "science project factory".',
    severity: 'warning',
    waivable: true,
    references: RULE_CITATIONS['stale-experiment']!,
  },
  check(context) {
    const { registry, asOf } = context;
    const staleDays = registry.policy.staleExperimentDays;
    for (const model of registry.valid('Model')) {
      const stale = staleExperiment(model, staleDays, asOf);
      if (!stale) continue;
      context.report(
        model,
        ['spec', 'dates', stale.field],
        `${model.spec.lifecycle} with no progress for ${plural(stale.ageDays, 'day')} (${stale.field} ${stale.date}; stale after ${staleDays}): promote it to ${nextStage(model.spec.lifecycle)}, retire it, or record progress — avoid a "science project factory"`,
        { target: 'value' },
      );
    }
  },
});
