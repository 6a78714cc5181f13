import { dueOf, incidentContactStatus, requiredFor } from '../policy/compliance.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'incident-contact-missing',
    description: 'Incident response is required at the model\'s tier and stage but `spec.incidentContact` is absent.',
    fix: 'Set `spec.incidentContact` to the email address incidents with this model are reported to.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['incident-contact-missing']!,
  },
  check(context) {
    const { registry, asOf } = context;
    for (const model of registry.valid('Model')) {
      for (const due of dueOf(model, registry, asOf, 'incident-contact')) {
        if (incidentContactStatus(model).state === 'met') continue;
        context.report(model, ['spec'], `incident contact (with the incident response plan) ${requiredFor(due, registry, asOf)}: set spec.incidentContact to the email address incidents are reported to`, {
          severity: due.severity,
        });
      }
    }
  },
});
