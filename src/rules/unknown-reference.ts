import type { Kind, Manifest, YamlPath } from '../model/manifest.js';
import { closest } from '../util/suggest.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule, type RuleContext } from './rule.js';

export default defineRule({
  meta: {
    id: 'unknown-reference',
    description: 'An owner, project, reused component or waiver target names nothing in the registry.',
    fix: 'Correct the name, or add the missing manifest (a Team, Project, Component or Model) in the same pull request.',
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
  },
});

function expect(context: RuleContext, from: Manifest, path: YamlPath, kind: Kind, name: string): void {
  if (context.registry.has(kind, name)) return;
  const hint = closest(name, context.registry.names(kind));
  context.report(from, path, `${path[path.length - 1] === 'target' ? 'target' : String(path[1])} "${name}" is not a ${kind} in the registry${hint ? ` (did you mean "${hint}"?)` : ''}`, { target: 'value' });
}
