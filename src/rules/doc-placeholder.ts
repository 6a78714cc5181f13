import { modelDocuments } from '../docs/duties.js';
import { requiredFor } from '../policy/compliance.js';
import { documentLabel } from '../policy/requirements.js';
import { quoteExcerpt, WITHHELD } from '../util/excerpt.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'doc-placeholder',
    description:
      "A required document still holds placeholder text (by default TODO, TBD, lorem ipsum or a `<fill in …>` prompt) outside code blocks and inline code.",
    fix: 'Replace the placeholder with the real content; to quote the word itself, put it in `inline code` or a code block. The patterns are set in `registry/policy.yaml` (`spec.placeholders`).',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['doc-placeholder']!,
  },
  check(context) {
    for (const { model, kind, due, status, severity } of modelDocuments(context.registry, context.asOf)) {
      if (!due || status?.state !== 'present') continue;
      for (const hit of status.placeholders) {
        // The match may be a whole line of the document, or hold a credential: quoted briefly, or not at all.
        const quote = quoteExcerpt(hit.text);
        context.report(
          model,
          ['spec', 'documentation', kind],
          `${status.relative}:${hit.line} still holds a placeholder${quote ? `: ${quote}` : `, ${WITHHELD}`} (${documentLabel(kind)}, ${requiredFor(due, context.registry, context.asOf)}); replace it with the real content`,
          { severity, target: 'value', document: status.relative },
        );
      }
    }
  },
});
