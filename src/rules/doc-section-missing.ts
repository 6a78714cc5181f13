import { modelDocuments } from '../docs/duties.js';
import { requiredFor } from '../policy/compliance.js';
import { documentLabel } from '../policy/requirements.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'doc-section-missing',
    description:
      "A required document lacks one of the headings the policy requires for its kind (any level, case-insensitive; headings inside code blocks do not count).",
    fix: 'Add a section under each missing heading (e.g. `## Limitations`) and fill it in; the required headings per document kind are listed by `ai-registry explain <model>` and can be changed in `registry/policy.yaml` (`spec.headings`).',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['doc-section-missing']!,
  },
  check(context) {
    for (const { model, kind, due, status, severity } of modelDocuments(context.registry, context.asOf)) {
      if (!due || status?.state !== 'present' || status.missingHeadings.length === 0) continue;
      const missing = status.missingHeadings;
      context.report(
        model,
        ['spec', 'documentation', kind],
        `${documentLabel(kind)} ${status.relative} lacks ${missing.length === 1 ? 'heading' : 'headings'}: ${missing.join(', ')} (${requiredFor(due, context.registry, context.asOf)}); add ${missing.length === 1 ? 'that section' : 'those sections'}`,
        { severity, target: 'value', document: status.relative },
      );
    }
  },
});
