import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate, todayUtc } from '../util/dates.js';
import { UsageError, type CliIo } from './io.js';

/** Options every command takes (SPEC §5). */
export const COMMON_OPTIONS = {
  root: { type: 'string' },
  registry: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_HELP = `  --root DIR          repository root (default: the current folder)
  --registry DIR      registry folder, relative to the root (default: registry)
  --as-of YYYY-MM-DD  the date every date-dependent rule and figure uses (default: today, UTC)
  -h, --help          show this help`;

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)} (see \`ai-registry ${command} --help\`)`);
  }
}

export interface CommonValues {
  root: string;
  registry: string;
  asOf: string;
}

export function commonValues(values: { root?: string; registry?: string; 'as-of'?: string }, io: CliIo): CommonValues {
  const asOf = values['as-of'] ?? todayUtc(io.now());
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date; write it YYYY-MM-DD`);
  return { root: values.root ?? io.cwd, registry: values.registry ?? 'registry', asOf };
}
