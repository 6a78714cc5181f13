import { describeReasons } from '../policy/tier.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'tier-underdeclared',
    description: 'The declared `spec.tier` is below the tier derived from `spec.risk`.',
    fix: 'Raise `spec.tier` to the derived tier (the model then meets that tier\'s requirements), or, when the CoE has determined the model is not high-impact after all, record that decision as a Waiver of `tier-underdeclared`.',
    severity: 'error',
    waivable: true,
    references: RULE_CITATIONS['tier-underdeclared']!,
  },
  check(context) {
    for (const model of context.registry.valid('Model')) {
      const tier = context.registry.tierOf(model);
      if (tier.declared >= tier.derived) continue;
      context.report(
        model,
        ['spec', 'tier'],
        `tier ${tier.declared} declared, but this model is tier ${tier.derived}: ${describeReasons(tier)}; raise spec.tier to ${tier.derived}, or waive with a CoE decision`,
        { target: 'value' },
      );
    }
  },
});
