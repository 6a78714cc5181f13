import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'prohibited-practice',
    description: 'The model declares a practice prohibited by the EU AI Act (Art. 5).',
    fix: 'Stop the use case, or redesign it so that it no longer performs the practice and set `spec.risk.prohibitedPractice: none`. No tier and no waiver makes a prohibited practice acceptable.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['prohibited-practice']!,
  },
  check(context) {
    for (const model of context.registry.valid('Model')) {
      const practice = model.spec.risk.prohibitedPractice;
      if (practice === undefined || practice === 'none') continue;
      context.report(
        model,
        ['spec', 'risk', 'prohibitedPractice'],
        `prohibited practice ${practice}: banned by EU AI Act Art. 5, and no tier or waiver makes it acceptable; stop the use case or redesign it so that it no longer performs this practice`,
        { target: 'value' },
      );
    }
  },
});
