import { modelDocuments } from '../docs/duties.js';
import { requiredFor } from '../policy/compliance.js';
import type { DocumentStatus } from '../docs/store.js';
import type { DocKind } from '../model/manifest.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

type Missing = Extract<DocumentStatus, { state: 'missing' }>;

/** What to do about an unusable file; readTextFile's reasons often say it already (`…; save it as UTF-8`). */
function howToFix(kind: DocKind, { problem, reason }: Missing): string {
  switch (problem) {
    case 'not-found':
      return `; commit the document at that path or correct documentation.${kind}`;
    case 'directory':
      return `; point documentation.${kind} at the document file itself`;
    case 'empty':
      return '; write the document';
    case 'unreadable':
      return reason.includes(';') ? '' : `; documentation.${kind} must name a UTF-8 text file of at most 1 MiB`;
  }
}

export default defineRule({
  meta: {
    id: 'doc-missing',
    description:
      "A document the model's tier requires at its lifecycle stage is not declared in `spec.documentation`, or its file does not exist or cannot be read as UTF-8 text.",
    fix: 'Write the document (start from the template for its kind), commit it in the repository, and declare its path, relative to the repository root, under `spec.documentation.<kind>` — or correct the path if the file is elsewhere.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['doc-missing']!,
  },
  check(context) {
    for (const { model, kind, due, declared, status, severity } of modelDocuments(context.registry, context.asOf)) {
      if (!due) continue;
      const why = `${kind} ${requiredFor(due, context.registry, context.asOf)}`;
      if (declared === undefined) {
        context.report(model, ['spec', 'documentation'], `${why}: not declared in spec.documentation; add documentation.${kind} with the path of the document, relative to the repository root`, { severity });
      } else if (status?.state === 'missing') {
        context.report(model, ['spec', 'documentation', kind], `${why}: ${status.relative} ${status.reason}${howToFix(kind, status)}`, {
          severity,
          target: 'value',
          document: status.relative,
        });
      }
    }
  },
});
