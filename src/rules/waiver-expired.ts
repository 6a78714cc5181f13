import { waiverStateWith } from '../policy/waiver-validity.js';
import { plural } from '../report/format.js';
import { daysBetween } from '../util/dates.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'waiver-expired',
    description: 'A waiver\'s `spec.expires` date has passed: it waives nothing any more.',
    fix: 'Fix the findings the waiver covered and delete the waiver, or have the CoE approve a renewal (a new `approvedOn` and `expires`).',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['waiver-expired']!,
  },
  check(context) {
    const { registry, asOf } = context;
    for (const waiver of registry.valid('Waiver')) {
      if (waiverStateWith(waiver, registry, asOf, context.rules).state !== 'expired') continue;
      const { expires, rule, target } = waiver.spec;
      context.report(
        waiver,
        ['spec', 'expires'],
        `waiver expired on ${expires} (${plural(daysBetween(expires, asOf), 'day')} ago), so ${target}'s ${rule} findings count again; fix them and delete the waiver, or renew it with a new CoE approval`,
        { target: 'value' },
      );
    }
  },
});
