import { resolve } from 'node:path';
import { lint } from '../engine.js';
import { modelChecklist, otherFindings, type ChecklistItem } from '../explain/checklist.js';
import { citationText } from '../model/citation.js';
import type { Manifest } from '../model/manifest.js';
import { describeReasons } from '../policy/tier.js';
import { closestN } from '../util/suggest.js';
import { terminalText } from '../util/visible.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { COMMON_HELP, commonValues, parseCommandArgs } from './options.js';

export const EXPLAIN_HELP = `Usage: ai-registry explain <model> [options]

Print a model's derived tier with its reasons, and the checklist of its tier's requirements at
its lifecycle stage and the next, each met (✔), missing (✘) or waived (~).

Options:
${COMMON_HELP}

Exit status: 0 whatever the model's compliance, 2 for an unknown model or a usage error.
`;

export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', argv, {}, true);
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT.ok;
  }
  const [name, ...extra] = positionals;
  if (!name) throw new UsageError('name the model to explain: ai-registry explain <model>');
  if (extra.length > 0) throw new UsageError(`explain takes one model, not also "${extra[0]}"`);
  const common = commonValues(values, io);
  const result = await lint({ root: resolve(io.cwd, common.root), registryDir: common.registry, asOf: common.asOf });
  const { registry } = result;
  const model = registry.get('Model', name);
  if (!model) {
    const near = closestN(name, registry.names('Model'), 3);
    throw new UsageError(`no model "${name}" in ${registry.registryDir}${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}`);
  }
  const color = io.isTTY && !('NO_COLOR' in io.env);
  io.stdout(explainText(model, result, color));
  return EXIT.ok;
}

const MARK = { met: '✔', missing: '✘', waived: '~' } as const;

/** The text of `explain`, as a product team reads it (UX.md §2). */
export function explainText(model: Manifest<'Model'>, result: Awaited<ReturnType<typeof lint>>, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const { registry, asOf } = result;
  const title = model.metadata.title ? ` — ${terminalText(model.metadata.title)}` : '';
  const lines = [terminalText(`${model.name}${title} (owner: ${model.spec.owner}, project: ${model.spec.project})`)];
  if (!model.valid) {
    lines.push('The manifest does not match its schema, so its tier and checklist cannot be derived:');
    for (const f of result.findings.filter((f) => f.file === model.file)) lines.push(`  ${f.line}:${f.column}  ${terminalText(f.message)}  ${f.ruleId}`);
    return `${lines.join('\n')}\n`;
  }
  const tier = registry.tierOf(model);
  const declared = tier.declared !== tier.held ? ` (declared ${tier.declared})` : tier.derived < tier.held ? ` (derived ${tier.derived})` : '';
  const reasons = tier.reasons.length > 0 ? `  ← ${describeReasons(tier)}` : '  ← internal, non-critical, no personal data';
  lines.push(`Tier ${tier.held}${declared}${reasons}`);
  const policy = registry.policy.tiers[tier.held];
  lines.push(`Enforcement: ${policy.enforcement === 'error' ? 'errors block CI' : 'warnings only'}`);
  const checklist = modelChecklist(model, registry, asOf);
  lines.push(`Lifecycle: ${checklist.stage}${checklist.next ? ` → next: ${checklist.next.stage}` : ''}`, '');

  const rows = (items: ChecklistItem[], due: boolean) => {
    const width = Math.max(0, ...items.map((i) => i.label.length));
    const detailWidth = Math.min(48, Math.max(0, ...items.map((i) => i.detail.length)));
    return items.map((item) => {
      const mark = due ? MARK[item.state] : item.state === 'met' ? MARK.met : '·';
      const colored = item.state === 'met' ? paint(32, mark) : due && item.state === 'missing' ? paint(item.severity === 'error' ? 31 : 33, mark) : paint(36, mark);
      const tail = item.state === 'waived'
        ? `waived by ${terminalText(item.waiver!)}`
        : item.state === 'missing' && due
          ? [item.fix, item.citations.map((c) => citationText(c)).join(' · ')].filter(Boolean).join('  ·  ')
          : '';
      return `  ${colored} ${item.label.padEnd(width)}  ${truncate(terminalText(item.detail), detailWidth).padEnd(detailWidth)}  ${tail}`.trimEnd();
    });
  };
  if (checklist.stage === 'retired') {
    lines.push('Retired: no requirement applies but spec.dates.retiredOn.');
  } else if (checklist.now.length > 0) {
    lines.push(`Required now (${checklist.stage})`, ...rows(checklist.now, true));
  } else {
    lines.push(`Nothing is required of tier ${tier.held} at ${checklist.stage}.`);
  }
  if (checklist.next && checklist.next.items.length > 0) {
    lines.push('', `Due at ${checklist.next.stage}`, ...rows(checklist.next.items, false));
  }
  const others = otherFindings(result.findings, model, checklist);
  if (others.length > 0) {
    lines.push('', 'Other findings');
    for (const f of others) lines.push(`  ${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${terminalText(f.message)}  ${f.ruleId}`);
  }
  const missing = checklist.now.filter((i) => i.state === 'missing').length + others.filter((f) => f.severity !== 'notice').length;
  lines.push('', missing > 0 ? `Fix the ✘ lines${others.length > 0 ? ' and the findings above' : ''}, then: ai-registry lint` : 'All requirements of the current stage are met.');
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
