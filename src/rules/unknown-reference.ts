import type { Kind, Manifest, YamlPath } from '../model/manifest.js';
import { isPolicyFile } from '../policy/location.js';
import type { PolicySpec } from '../policy/policy.js';
import { heldRoles, rolesDeclared } from '../policy/roles.js';
import { closest } from '../util/suggest.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule, type RuleContext } from './rule.js';

export default defineRule({
  meta: {
    id: 'unknown-reference',
    description: 'An owner, project, reused component, waiver target or approval role names nothing in the registry.',
    fix: 'Correct the name, or add the missing manifest (a Team, Project, Component or Model) in the same pull request; an approval role must be in some Team\'s spec.roles.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['unknown-reference'],
  },
  check(context) {
    const { registry } = context;
    for (const model of registry.valid('Model')) {
      expect(context, model, ['spec', 'project'], 'Project', model.spec.project);
      expect(context, model, ['spec', 'owner'], 'Team', model.spec.owner);
      model.spec.reuses?.forEach((component, i) => expect(context, model, ['spec', 'reuses', i], 'Component', component));
    }
    for (const project of registry.valid('Project')) expect(context, project, ['spec', 'owner'], 'Team', project.spec.owner);
    for (const component of registry.valid('Component')) expect(context, component, ['spec', 'owner'], 'Team', component.spec.owner);
    for (const waiver of registry.valid('Waiver')) expect(context, waiver, ['spec', 'target'], 'Model', waiver.spec.target);
    checkRoles(context);
  },
});

function expect(context: RuleContext, from: Manifest, path: YamlPath, kind: Kind, name: string): void {
  if (context.registry.has(kind, name)) return;
  const hint = closest(name, context.registry.names(kind));
  context.report(from, path, `${path[path.length - 1] === 'target' ? 'target' : String(path[1])} "${name}" is not a ${kind} in the registry${hint ? ` (did you mean "${hint}"?)` : ''}`, { target: 'value' });
}

/**
 * Once teams declare roles (SPEC §8), every approval's role and every approval role the policy
 * file requires must be held by some team. A role the built-in defaults require is not checked:
 * no line in the repository states it, so there is nowhere to point; `approval-missing` names it.
 */
function checkRoles(context: RuleContext): void {
  const { registry } = context;
  if (!rolesDeclared(registry)) return;
  const held = heldRoles(registry);
  const unheld = (role: string) => {
    const hint = closest(role, held);
    return `no Team holds it (roles held: ${held.join(', ')})${hint ? `; did you mean "${hint}"?` : ''}`;
  };
  for (const model of registry.valid('Model')) {
    model.spec.approvals?.forEach((approval, i) => {
      if (held.includes(approval.role)) return;
      context.report(model, ['spec', 'approvals', i, 'role'], `approval role "${approval.role}" is not a role in the registry: ${unheld(approval.role)}`, { target: 'value' });
    });
  }
  // Only the policy that takes effect: a misplaced one is `policy-misplaced`'s.
  for (const policy of registry.valid('Policy').filter((p) => isPolicyFile(p.file, registry.registryDir))) {
    for (const tier of [1, 2, 3] as const) {
      const key = `tier${tier}` as const;
      (policy.spec as PolicySpec).tiers?.[key]?.approvals?.roles.forEach((role, i) => {
        if (held.includes(role)) return;
        context.report(policy, ['spec', 'tiers', key, 'approvals', 'roles', i], `tier ${tier} requires approval role "${role}", but ${unheld(role)}`, { target: 'value' });
      });
    }
  }
}
