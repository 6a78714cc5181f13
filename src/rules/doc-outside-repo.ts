import { modelDocuments } from '../docs/duties.js';
import { requiredFor } from '../policy/compliance.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'doc-outside-repo',
    description:
      "A path in `spec.documentation` leads outside the repository (an absolute or home path, a URL, a `..` escape, a symbolic link to a file elsewhere) or into git's own folder `.git/`, in any case or depth, which holds git's configuration and credentials. The file is never opened.",
    fix: 'Move the document into the repository (reviewers must see it change in pull requests), outside `.git/`, and declare its path relative to the repository root, e.g. `docs/models/<model>/model-card.md`; replace a symbolic link that points out of the repository or into `.git/` with the file itself.',
    severity: 'tier',
    waivable: true,
    references: RULE_CITATIONS['doc-outside-repo']!,
  },
  check(context) {
    // Every declared document, due or not: a path out of the repository is refused either way.
    for (const { model, kind, due, declared, status, severity } of modelDocuments(context.registry, context.asOf)) {
      if (status?.state !== 'outside') continue;
      const why = due ? ` (${requiredFor(due, context.registry, context.asOf)})` : '';
      context.report(
        model,
        ['spec', 'documentation', kind],
        `${kind} path ${JSON.stringify(declared)} ${status.reason}${why}; documents must be files inside the repository, declared relative to its root: move it into the repository and update documentation.${kind}`,
        { severity, target: 'value', ...(status.relative ? { document: status.relative } : {}) },
      );
    }
  },
});
