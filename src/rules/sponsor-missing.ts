import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'sponsor-missing',
    description: 'A project has no executive sponsor (`spec.sponsor`).',
    fix: 'Set `spec.sponsor` to the executive accountable for the project\'s business outcome and its AI risks.',
    severity: 'warning',
    // Waivable per SPEC §2, though waivers target models and this rule reports on projects.
    waivable: true,
    references: RULE_CITATIONS['sponsor-missing']!,
  },
  check(context) {
    for (const project of context.registry.valid('Project')) {
      if (project.spec.sponsor) continue;
      context.report(project, ['spec'], `project ${project.name} has no executive sponsor: set spec.sponsor to the executive accountable for its outcome`);
    }
  },
});
