import { citationText } from '../model/citation.js';
import { escapeTableCell } from '../render/escape.js';
import { markdownTable } from '../render/table.js';
import { RULES } from '../rules/index.js';
import type { RuleSeverity } from '../rules/rule.js';

const SEVERITY_TEXT: Record<RuleSeverity, string> = {
  error: 'error',
  warning: 'warning',
  tier: "the tier's enforcement",
};

/** The README's rule table, from each rule's own metadata. */
export function ruleTable(): string {
  const rows = RULES.map(({ meta }) => [
    `\`${meta.id}\``,
    escapeTableCell(meta.description),
    SEVERITY_TEXT[meta.severity],
    meta.waivable ? 'yes' : 'no',
    meta.references.map((c) => citationText(c, true)).join(' · ') || '—',
  ]);
  return markdownTable(['rule', 'what it checks', 'severity', 'waivable', 'implements'], rows);
}
