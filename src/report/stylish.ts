import type { Finding } from '../model/finding.js';
import { terminalText } from '../util/visible.js';
import { plural, type Formatter } from './format.js';

const ANSI = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, underline: 4, bold: 1 } as const;

/** ESLint's stylish: grouped by file, `line:col  severity  message  ruleId`, then a summary. */
export const stylish: Formatter = (result, { color }) => {
  const paint = (code: keyof typeof ANSI, text: string) => (color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text);
  const severityColor = { error: 'red', warning: 'yellow', notice: 'cyan' } as const;
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    const rows = findings.map((f) => [`${f.line}:${f.column}`, f.severity, terminalText(f.message), f.ruleId] as const);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    lines.push(paint('underline', terminalText(file)));
    for (const [position, severity, message, ruleId] of rows) {
      lines.push(
        `  ${position.padStart(widths[0]!)}  ${paint(severityColor[severity as Finding['severity']], severity.padEnd(widths[1]!))}  ${message.padEnd(widths[2]!)}  ${paint('dim', ruleId)}`,
      );
    }
    lines.push('');
  }
  const { errors, warnings, notices, manifests } = result.summary;
  const problems = errors + warnings;
  const files = new Set(result.findings.filter((f) => f.severity !== 'notice').map((f) => f.file)).size;
  const waived = notices > 0 ? `, ${plural(notices, 'waived finding')}` : '';
  if (problems === 0) {
    lines.push(paint('green', `✔ ${plural(manifests, 'manifest')} checked, no problems${waived}`));
  } else {
    const mark = errors > 0 ? paint('red', '✖') : paint('yellow', '⚠');
    lines.push(`${mark} ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${waived}) in ${files} of ${plural(manifests, 'manifest')}`);
    // The checklist helps with requirement findings; a schema error is fixed where it points.
    const modelFindings = result.findings.filter((f) => f.severity !== 'notice' && f.kind === 'Model' && f.name);
    const model = (modelFindings.find((f) => f.ruleId !== 'schema') ?? modelFindings[0])?.name;
    if (model) lines.push(`  Run \`ai-registry explain ${terminalText(model)}\` for the full checklist.`);
  }
  return `${lines.join('\n')}\n`;
};
