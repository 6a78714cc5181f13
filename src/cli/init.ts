import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { scaffoldFiles, withDashboardSection, type ScaffoldFile } from '../init/scaffold.js';
import { writeFileAtomic } from '../util/write.js';
import { writeTargetProblem } from '../util/write-target.js';
import { pathExists, readEditableText } from './files.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { COMMON_HELP, commonValues, parseCommandArgs } from './options.js';

export const INIT_HELP = `Usage: ai-registry init [options] [DIR]

Scaffold a working registry in DIR (default: the current folder): the policy with its defaults
explained, a team, a project, a tier-2 model in pilot with its documents, the README's dashboard
markers, a GitHub workflow that runs the Action, and the JSON Schemas for your editor
(.ai-registry/schemas/, mapped in .vscode/settings.json).

Never overwrites a file: existing files are listed as skipped. To an existing README.md it only
appends the dashboard markers, when it has none.

Options:
${COMMON_HELP}

Then: ai-registry lint, and ai-registry render to fill in the dashboard.

Exit status: 0 done (whether or not anything was new), 2 usage error or a file cannot be written.
`;

type Outcome = 'created' | 'updated' | 'skipped';

export async function initCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', argv, {}, true);
  if (values.help) {
    io.stdout(INIT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  if (positionals.length === 1 && values.root !== undefined) throw new UsageError('give the folder either as DIR or as --root, not both');
  const common = commonValues(values, io);
  const root = resolve(io.cwd, positionals[0] ?? common.root);
  // Every file goes inside the folder being scaffolded.
  const registryDir = relative(root, resolve(root, common.registry));
  if (registryDir === '' || registryDir.startsWith('..') || isAbsolute(registryDir)) {
    throw new UsageError(`--registry "${common.registry}" must be a folder inside ${root}`);
  }
  const files = scaffoldFiles({ registryDir: registryDir.split(sep).join('/'), asOf: common.asOf, title: basename(root) || 'AI registry' });
  // Every file it would write is checked before any is: a refusal leaves the folder as it was.
  for (const file of files) {
    const unsafe = file.path === 'README.md' || !pathExists(join(root, file.path)) ? writeTargetProblem(join(root, file.path), root) : undefined;
    if (unsafe) throw new UsageError(`cannot write ${file.path}: it ${unsafe}`);
  }
  const outcomes = files.map((file) => ({ path: file.path, outcome: file.path === 'README.md' ? addReadmeSection(root, file) : createFile(root, file) }));
  const lines = (outcome: Outcome, note = '') => outcomes.filter((o) => o.outcome === outcome).map((o) => `  ${o.path}${note}\n`).join('');
  const created = lines('created') + lines('updated', ' (added the dashboard markers at the end)');
  io.stdout(created ? `Created in ${root}:\n${created}` : `Nothing to create in ${root}.\n`);
  const skipped = lines('skipped');
  if (skipped) io.stdout(`Skipped (already there, left unchanged):\n${skipped}`);
  io.stdout('Next: ai-registry lint, then ai-registry render to fill in the dashboard in README.md.\n');
  return EXIT.ok;
}

/** Creates a file that does not exist; an existing path (file, folder or link) is never touched. */
function createFile(root: string, file: ScaffoldFile): Outcome {
  const path = join(root, file.path);
  if (pathExists(path)) return 'skipped';
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UsageError(`cannot write ${file.path}: a file is in the way of its folder`);
    throw cannotWrite(file.path, error);
  }
  try {
    // 'wx' fails instead of overwriting, even if the file appeared since the check.
    writeFileSync(path, file.content, { flag: 'wx' });
    return 'created';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'skipped';
    throw cannotWrite(file.path, error);
  }
}

/** The README is the one file init may change: it appends the dashboard markers when it has none. */
function addReadmeSection(root: string, file: ScaffoldFile): Outcome {
  const path = join(root, file.path);
  if (!pathExists(path)) return createFile(root, file);
  const read = readEditableText(path);
  if (!read.ok) throw new UsageError(`cannot add the dashboard markers to ${file.path}: it ${read.reason}`);
  const next = withDashboardSection(read.text);
  if (next === undefined) return 'skipped';
  try {
    writeFileAtomic(path, read.bom + next);
  } catch (error) {
    throw cannotWrite(file.path, error);
  }
  return 'updated';
}

function cannotWrite(path: string, error: unknown): UsageError {
  return new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
