import { approvalStatus, dueOf, requiredFor } from '../policy/compliance.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'approval-missing',
    description: 'An approval the model\'s tier requires at its lifecycle stage is absent or does not count.',
    fix: 'Add `{ role, approver, date }` to `spec.approvals`, signed by a holder of the role who is not a member of the owning team (four-eyes), dated on or before today.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['approval-missing']!,
  },
  check(context) {
    const { registry, asOf } = context;
    for (const model of registry.valid('Model')) {
      for (const due of dueOf(model, registry, asOf, 'approval')) {
        const { role } = due.requirement;
        const status = approvalStatus(model, role, registry, asOf);
        const required = requiredFor(due, registry, asOf);
        if (status.state === 'missing') {
          context.report(model, ['spec', 'approvals'], `approval by role ${role} ${required} (4-eyes: not a member of ${model.spec.owner})`, {
            severity: due.severity,
          });
        } else if (status.state === 'invalid') {
          context.report(model, ['spec', 'approvals', status.index], `approval by role ${role} does not count: ${status.problems.join('; ')}; an approval by ${role} is ${required}`, {
            severity: due.severity,
          });
        }
      }
    }
  },
});
