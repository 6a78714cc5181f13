import { escapeInvisibleInJson } from '../util/visible.js';
import type { Formatter } from './format.js';

/**
 * SPEC §5: a stable shape; findings carry exactly these keys, in this order. Values are exact;
 * bidirectional and invisible characters are written as `\u` escapes, never raw in a terminal.
 */
export const json: Formatter = (result) =>
  `${escapeInvisibleInJson(JSON.stringify(
    {
      version: 1,
      asOf: result.asOf,
      summary: result.summary,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: f.file,
        line: f.line,
        column: f.column,
        ...(f.kind ? { kind: f.kind } : {}),
        ...(f.name ? { name: f.name } : {}),
      })),
      manifests: result.manifests,
    },
    null,
    2,
  ))}\n`;
