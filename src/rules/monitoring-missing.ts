import { dueOf, monitoringStatus, requiredFor } from '../policy/compliance.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'monitoring-missing',
    description: 'Monitoring is required at the model\'s tier and stage but `spec.monitoring` lacks metrics or an alert contact.',
    fix: 'Declare `spec.monitoring` with at least one entry in `metrics` and an `alertContact` email that receives the alerts.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['monitoring-missing']!,
  },
  check(context) {
    const { registry, asOf } = context;
    for (const model of registry.valid('Model')) {
      for (const due of dueOf(model, registry, asOf, 'monitoring')) {
        const status = monitoringStatus(model);
        if (status.state === 'met') continue;
        const absent = status.declared
          ? `spec.monitoring has no ${status.absent.join(' and no ')}`
          : 'spec.monitoring is not declared (needs metrics and alertContact)';
        context.report(model, ['spec', 'monitoring'], `monitoring ${requiredFor(due, registry, asOf)}: ${absent}`, {
          severity: due.severity,
        });
      }
    }
  },
});
