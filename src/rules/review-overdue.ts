import { dueOf, enforcementNote, requiredFor, reviewStatus } from '../policy/compliance.js';
import { plural } from '../report/format.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'review-overdue',
    description: 'The model\'s periodic governance review is missing or older than its tier\'s interval.',
    fix: 'Hold the governance review and record its date in `spec.review.lastReviewed`.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['review-overdue']!,
  },
  check(context) {
    const { registry, asOf } = context;
    for (const model of registry.valid('Model')) {
      for (const due of dueOf(model, registry, asOf, 'review')) {
        const { intervalDays } = due.requirement;
        const status = reviewStatus(model, intervalDays, asOf);
        const every = `tier ${due.tier}: every ${intervalDays} days${enforcementNote(due, registry, asOf)}`;
        const atValue = { severity: due.severity, target: 'value' as const };
        if (status.state === 'missing') {
          context.report(model, ['spec', 'review'], `review every ${intervalDays} days ${requiredFor(due, registry, asOf)}: spec.review.lastReviewed is not set; hold the review and record its date`, {
            severity: due.severity,
          });
        } else if (status.state === 'overdue') {
          context.report(model, ['spec', 'review', 'lastReviewed'], `review overdue by ${plural(status.overdueDays, 'day')} (${every}; last ${status.lastReviewed})`, atValue);
        } else if (status.state === 'future') {
          context.report(model, ['spec', 'review', 'lastReviewed'], `review dated ${status.lastReviewed} is after the as-of date ${asOf}: a review counts once it has been held (${every})`, atValue);
        }
      }
    }
  },
});
