import type { Manifest } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import { heldTierPolicy } from '../policy/compliance.js';
import { requirementSeverity, requirementsFor } from '../policy/requirements.js';
import { unverifiedApprovals } from '../review/approvals.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'approval-unverified',
    description: 'On a pull request, an approval the PR adds or changes is not backed by an APPROVED review from the approver, a member of a team holding the role.',
    fix: 'Ask the approver named in `spec.approvals` to approve the pull request on GitHub (they must be a member of a team whose `spec.roles` holds the role, and not the PR\'s author), or name an approver who does.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['approval-unverified']!,
  },
  check(context) {
    const { registry, asOf, pullRequest } = context;
    // Only a pull request run knows the PR's reviews and which approvals it adds.
    if (!pullRequest) return;
    for (const model of registry.valid('Model')) {
      for (const unverified of unverifiedApprovals(model, registry, asOf, pullRequest)) {
        const { role, approver } = unverified.approval;
        context.report(
          model,
          ['spec', 'approvals', unverified.index],
          `approval ${role} by ${approver} is not verified: ${unverified.problems.join('; ')}; ${unverified.whoCanApprove}`,
          { severity: approvalSeverity(model, role, registry, asOf) },
        );
      }
    }
  },
});

/**
 * The tier's enforcement for an approval of `role`: the severity of the tier's approval
 * requirement (a warning before its `effectiveFrom`), or the plain enforcement for a role the
 * tier does not require.
 */
function approvalSeverity(model: Manifest<'Model'>, role: string, registry: Registry, asOf: string): 'error' | 'warning' {
  const { policy } = heldTierPolicy(model, registry);
  const requirement = requirementsFor(model.spec, policy).find((r) => r.type === 'approval' && r.role === role);
  return requirement ? requirementSeverity(requirement, policy, asOf) : policy.enforcement;
}
