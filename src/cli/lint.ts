import { resolve } from 'node:path';
import { lint, onlyChanged } from '../engine.js';
import { FORMATS, FORMATTERS, isFormat } from '../report/index.js';
import { writeTargetProblem } from '../util/write-target.js';
import { changedPaths, unmatchedNote } from './changed.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { COMMON_HELP, commonValues, parseCommandArgs } from './options.js';
import { writeOutput } from './output.js';

export const LINT_HELP = `Usage: ai-registry lint [options] [--changed FILE...]

Validate every manifest, derive each model's risk tier and check its requirements.

Options:
  --format NAME       ${FORMATS.join(' | ')} (default: stylish)
  --output FILE       write the report to FILE instead of standard output
  --max-warnings N    exit 1 when there are more than N warnings
  --changed FILE...   report only findings in these files, or about a document among them
${COMMON_HELP}

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors, 2 usage or policy error.
`;

export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', argv, {
    format: { type: 'string' },
    output: { type: 'string' },
    'max-warnings': { type: 'string' },
    changed: { type: 'string', multiple: true },
  }, true);
  if (values.help) {
    io.stdout(LINT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0 && !values.changed) {
    throw new UsageError(`unexpected argument "${positionals[0]}" (files to report go after --changed)`);
  }
  const format = values.format ?? 'stylish';
  if (!isFormat(format)) throw new UsageError(`unknown --format "${format}"; use one of ${FORMATS.join(', ')}`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const common = commonValues(values, io);
  const root = resolve(io.cwd, common.root);
  const output = values.output === undefined ? undefined : resolve(io.cwd, values.output);
  const unsafe = output && writeTargetProblem(output, root, { outsideAllowed: true });
  if (unsafe) throw new UsageError(`cannot write ${values.output}: it ${unsafe}`);
  let result = await lint({ root, registryDir: common.registry, asOf: common.asOf });
  if (values.changed) {
    const given = [...values.changed, ...positionals];
    const files = changedPaths(given, { given: root, real: result.registry.root });
    const note = unmatchedNote(result, files, given);
    if (note) io.stderr(`ai-registry lint: ${note}\n`);
    result = onlyChanged(result, files);
  }
  const report = FORMATTERS[format](result, { color: !values.output && io.isTTY && !('NO_COLOR' in io.env) });
  if (output) writeOutput(output, report);
  else io.stdout(report);
  if (result.summary.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    io.stderr(`ai-registry: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings "${value}" is not a whole number`);
  return Number(value);
}
