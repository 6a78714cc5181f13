import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { lint, type LintResult } from '../engine.js';
import { CODEOWNERS_HEADER, GITHUB_CODEOWNERS_PATHS, renderCodeowners, type CodeownersOptions } from '../render/codeowners.js';
import { renderDashboard } from '../render/dashboard.js';
import { renderInventory } from '../render/inventory.js';
import { CODEOWNERS_MARKERS, DASHBOARD_MARKERS, readBetweenMarkers, recordedAsOf, spliceBetweenMarkers, stampAsOf, type MarkerPair } from '../render/markers.js';
import { writeTargetProblem } from '../util/write-target.js';
import { MAX_EDITABLE_BYTES, MAX_GENERATED_BYTES, pathExists, readEditableText } from './files.js';
import { EXIT, type CliIo } from './io.js';
import { COMMON_HELP, commonValues, parseCommandArgs } from './options.js';
import { repositoryOf } from './repository.js';
import { writeOutput } from './output.js';

export const RENDER_HELP = `Usage: ai-registry render [options]

Write the dashboard into the README between its markers, and the inventory into its own file;
with --codeowners, also the code-owner block of a CODEOWNERS file. Only the text between the
markers changes; a file is written only when its content changed.

Options:
  --readme FILE       the README holding the dashboard markers, relative to the root (default: README.md)
  --inventory FILE    the generated inventory, relative to the root (default: INVENTORY.md)
  --codeowners FILE   also write the code owners of the registry's files between
                      \`# ai-registry:codeowners:start\` and \`# ai-registry:codeowners:end\` in this
                      CODEOWNERS file, relative to the repository root (GitHub reads
                      .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS there); created with the
                      markers when it does not exist (default: none)
  --repo-root DIR     the git repository's root, which CODEOWNERS paths are relative to (default:
                      the nearest folder at or above the root holding .git, else the root)
  --check             write nothing; exit 1 when a file differs from a fresh render (rendered as of
                      the date recorded in the README, so a new day alone never makes it stale)
${COMMON_HELP}

Exit status: 0 written or up to date (whatever the lint result: the dashboard shows it),
1 stale (--check), 2 a file cannot be read or written, or the markers are missing or doubled.
`;

/** A file on disk, how messages name it, and the folder it must be written in. */
interface TargetFile {
  absolute: string;
  display: string;
  /** Writes (and reads) stay inside this folder, symlinks resolved: the root, for CODEOWNERS the repository's. */
  within: string;
}

/**
 * One generated file, or one generated block inside a file people also edit. Another generated
 * file (CODEOWNERS) is one more entry in the list `renderTargets` returns.
 */
export interface RenderTarget {
  file: TargetFile;
  /** What it holds, for messages: "the inventory". */
  label: string;
  /** The generated text, from the lint result (rendered as of `result.asOf`). */
  render: (result: LintResult) => string;
  /** Markers the text goes between; without them the whole file is generated. */
  splice?: MarkerPair;
  /** For a spliced target: the file `render` creates when there is none (holding the markers); without it a missing file is a problem. */
  initial?: string;
}

/** A target's file as it stands, before rendering. */
interface Current {
  /** The file's text (without a byte order mark), undefined when a generated file does not exist yet. */
  text: string | undefined;
  /** A byte order mark the file starts with, written back unchanged. */
  bom: string;
  /** The generated part as it stands: the marked block, or the whole file. */
  generated: string | undefined;
}

/** Why the command stopped: exit 2 with this one message. */
class RenderProblem extends Error {}

export async function renderCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('render', argv, {
    readme: { type: 'string' },
    inventory: { type: 'string' },
    codeowners: { type: 'string' },
    'repo-root': { type: 'string' },
    check: { type: 'boolean' },
  }, false);
  if (values.help) {
    io.stdout(RENDER_HELP);
    return EXIT.ok;
  }
  const common = commonValues(values, io);
  const root = resolve(io.cwd, common.root);
  const codeowners = values.codeowners === undefined ? undefined : codeownersTarget(root, values.codeowners, values['repo-root'], io.cwd);
  const targets = renderTargets(root, {
    readme: targetFile(root, values.readme ?? 'README.md'),
    inventory: targetFile(root, values.inventory ?? 'INVENTORY.md'),
    ...(codeowners ? { codeowners } : {}),
  });
  try {
    // Every target is checked before any is read or written: a refusal leaves every file as it was.
    for (const { file } of targets) {
      const unsafe = writeTargetProblem(file.absolute, file.within);
      if (unsafe) throw new RenderProblem(`cannot write ${file.display}: it ${unsafe}`);
    }
    const { display } = codeowners?.file ?? {};
    if (display !== undefined && !GITHUB_CODEOWNERS_PATHS.includes(display)) {
      io.stdout(`warning: GitHub reads CODEOWNERS only from ${GITHUB_CODEOWNERS_PATHS.slice(0, -1).join(', ')} or ${GITHUB_CODEOWNERS_PATHS.at(-1)} at the repository root, not from ${display}\n`);
    }
    const current = targets.map(readCurrent);
    // --check renders as of the recorded date, so a README does not go stale because the calendar moved.
    const recorded = values.check ? current.map((c) => c.generated && recordedAsOf(c.generated)).find(Boolean) : undefined;
    const asOf = values['as-of'] ?? recorded ?? common.asOf;
    const result = await lint({ root, registryDir: common.registry, asOf });
    const outcomes = targets.map((target, i) => {
      const text = renderInto(target, current[i]!, result);
      return { target, text, existed: current[i]!.text !== undefined, changed: text !== withBom(current[i]!) };
    });
    if (values.check) return reportCheck(io, outcomes, asOf, argv);
    for (const { target, text, changed } of outcomes) {
      if (changed) writeOutput(target.file.absolute, text);
      io.stdout(changed ? `wrote ${target.label} to ${target.file.display} (as of ${asOf})\n` : `${target.file.display} is up to date\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RenderProblem)) throw error;
    io.stderr(`ai-registry render: ${error.message}\n`);
    return EXIT.usage;
  }
}

/** The CODEOWNERS file and where it sits: its path and every pattern in it are the git repository's, which may hold the root in a sub-folder. */
interface CodeownersTarget {
  file: TargetFile;
  options: CodeownersOptions;
}

function codeownersTarget(root: string, given: string, repoRoot: string | undefined, cwd: string): CodeownersTarget {
  const repository = repositoryOf(root, repoRoot, cwd);
  const file = targetFile(repository.root, given);
  return { file, options: { rootFromRepo: repository.rootFromRepo, file: file.display, action: repository.runsOwnAction } };
}

/** The files `render` writes: the README's dashboard block and the inventory, each linking to the other; the CODEOWNERS block when asked for. */
function renderTargets(root: string, files: { readme: TargetFile; inventory: TargetFile; codeowners?: CodeownersTarget }): RenderTarget[] {
  const { readme, inventory, codeowners } = files;
  const inventoryToRoot = relativeLink(dirname(inventory.absolute), root);
  return [
    {
      file: readme,
      label: DASHBOARD_MARKERS.label,
      splice: DASHBOARD_MARKERS,
      render: (result) => stampAsOf(result.asOf, renderDashboard(result, { inventoryLink: relativeLink(dirname(readme.absolute), inventory.absolute) })),
    },
    {
      file: inventory,
      label: 'the inventory',
      render: (result) => stampAsOf(result.asOf, renderInventory(result, {
        readmeLink: relativeLink(dirname(inventory.absolute), readme.absolute),
        // Manifest links are repo-relative: prefix them with the way from the inventory to the root.
        rootLink: inventoryToRoot === '' ? '' : `${inventoryToRoot}/`,
      })),
    },
    ...(codeowners
      ? [{
          file: codeowners.file,
          label: CODEOWNERS_MARKERS.label,
          splice: CODEOWNERS_MARKERS,
          initial: `${CODEOWNERS_HEADER}\n${CODEOWNERS_MARKERS.start}\n${CODEOWNERS_MARKERS.end}\n`,
          render: (result: LintResult) => renderCodeowners(result, codeowners.options),
        }]
      : []),
  ];
}

function readCurrent(target: RenderTarget): Current {
  const { file, splice } = target;
  const exists = pathExists(file.absolute);
  if (!exists) {
    if (splice && target.initial === undefined) {
      throw new RenderProblem(`${file.display} does not exist; create it with these two lines where ${splice.label} goes:\n  ${splice.start}\n  ${splice.end}`);
    }
    return { text: undefined, bom: '', generated: undefined };
  }
  const read = readEditableText(file.absolute, splice ? MAX_EDITABLE_BYTES : MAX_GENERATED_BYTES);
  if (!read.ok) throw new RenderProblem(`cannot read ${file.display}: it ${read.reason}`);
  const { bom } = read;
  if (!splice) return { text: read.text, bom, generated: read.text };
  const block = readBetweenMarkers(read.text, splice, file.display);
  if (!block.ok) throw new RenderProblem(block.problem);
  return { text: read.text, bom, generated: block.block };
}

/** The target's new file content, byte-identical outside the generated part. */
function renderInto(target: RenderTarget, current: Current, result: LintResult): string {
  const generated = target.render(result);
  if (!target.splice) return matchLineEndings(`${generated.replace(/\n+$/, '')}\n`, current.text);
  const spliced = spliceBetweenMarkers(current.text ?? target.initial ?? '', generated, target.splice, target.file.display);
  if (!spliced.ok) throw new RenderProblem(spliced.problem);
  return current.bom + spliced.text;
}

interface Outcome {
  target: RenderTarget;
  /** The file's content after rendering. */
  text: string;
  existed: boolean;
  changed: boolean;
}

function reportCheck(io: CliIo, outcomes: Outcome[], asOf: string, argv: string[]): number {
  const stale = outcomes.filter((o) => o.changed);
  if (stale.length === 0) {
    const files = outcomes.map((o) => o.target.file.display);
    const listed = files.length > 2 ? `${files.slice(0, -1).join(', ')} and ${files.at(-1)}` : files.join(' and ');
    io.stdout(`${listed} ${files.length === 1 ? 'is' : 'are'} up to date (as of ${asOf})\n`);
    return EXIT.ok;
  }
  for (const { target, existed } of stale) {
    io.stderr(`${target.file.display} is stale: ${existed ? `${target.label} differs from a fresh render as of ${asOf}` : 'it does not exist yet'}\n`);
  }
  io.stderr(`Run \`${fixCommand(argv)}\` and commit the result.\n`);
  return EXIT.findings;
}

/** The same command without --check: what brings the files up to date. */
function fixCommand(argv: string[]): string {
  const args = argv.filter((arg) => arg !== '--check').map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  return ['ai-registry render', ...args].join(' ');
}

function targetFile(root: string, given: string): TargetFile {
  const absolute = resolve(root, given);
  const inside = relative(root, absolute);
  const display = inside === '' || inside.startsWith('..') || isAbsolute(inside) ? absolute : inside.split(sep).join('/');
  return { absolute, display, within: root };
}

/** A markdown link target from a generated file's folder to another path, URL-encoded. */
function relativeLink(fromFolder: string, to: string): string {
  return relative(fromFolder, to).split(sep).map(encodeURIComponent).join('/');
}

/** A generated file keeps CRLF line endings when it has them (git's autocrlf on Windows). */
function matchLineEndings(generated: string, existing: string | undefined): string {
  const lf = generated.replace(/\r\n/g, '\n');
  return existing?.includes('\r\n') ? lf.replace(/\n/g, '\r\n') : lf;
}

function withBom(current: Current): string | undefined {
  return current.text === undefined ? undefined : current.bom + current.text;
}
