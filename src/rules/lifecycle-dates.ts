import { heldTierPolicy, lifecycleDateProblems } from '../policy/compliance.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'lifecycle-dates',
    description: 'The stage dates in `spec.dates` are out of order, lie in the future for a stage already reached, or are missing for the stage (`productionSince` in production, `retiredOn` when retired).',
    fix: 'Record the date each stage started in `spec.dates`, in lifecycle order, and keep `spec.lifecycle` at the stage the model is in today.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['lifecycle-dates']!,
  },
  check(context) {
    for (const model of context.registry.valid('Model')) {
      const problems = lifecycleDateProblems(model, context.asOf);
      if (problems.length === 0) continue;
      const { policy } = heldTierPolicy(model, context.registry);
      for (const problem of problems) context.report(model, problem.path, problem.message, { severity: policy.enforcement });
    }
  },
});
