import { waiverProblems } from '../policy/waiver-validity.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'waiver-invalid',
    description: 'A waiver names an unknown or unwaivable rule, ends before it starts, or runs longer than its target\'s tier allows (`maxWaiverDays`).',
    fix: 'Name a waivable rule id, and set `expires` after `approvedOn` and no more than the tier\'s `maxWaiverDays` after it. An invalid waiver waives nothing.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['waiver-invalid']!,
  },
  check(context) {
    for (const waiver of context.registry.valid('Waiver')) {
      for (const problem of waiverProblems(waiver, context.registry, context.rules)) {
        context.report(waiver, problem.path, problem.message, { target: 'value' });
      }
    }
  },
});
