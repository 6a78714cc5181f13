import { basename, resolve } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Locate, Manifest, Metadata } from '../model/manifest.js';
import { validateManifest } from '../schema/validate.js';
import { detachStrings } from './detach.js';
import { fastParse } from './fast-parse.js';
import { parseManifest, positionsOf } from './parse.js';
import { quickLocator, type QuickLocate } from './quick-locate.js';
import { readTextFile } from './read.js';
import type { CheckedDocument } from '../docs/store.js';

export interface LoadOptions {
  /** Parse with the value-only fast path where it is safe (default); `yaml` stays the authority. */
  fastParse?: boolean;
  /** Position findings of fast-parsed files without `yaml` where the text allows (default); `yaml` answers the rest. */
  quickLocate?: boolean;
}

/** A manifest without its locator: plain data, so a worker thread can send it back. */
export type ManifestData = Omit<Manifest, 'locate'>;

/** What loading one file gives: plain data, the text left behind (see withLocator). */
export interface LoadedFile {
  findings: Finding[];
  manifest?: ManifestData;
  /** Parsed on the fast path (js-yaml), rather than by `yaml`. */
  fast?: boolean;
  /** The documents the manifest declares, checked while loading (see checkDeclaredDocuments). */
  documents?: CheckedDocument[];
}

/**
 * Reads, parses and validates one file, never throwing: findings for whatever is wrong.
 * `detach` copies the value's strings off the text (see detachStrings); a worker thread, whose
 * results are copied anyway when they are sent, skips it.
 */
export function loadFile(root: string, file: string, options: LoadOptions = {}, detach = true): LoadedFile {
  const read = readTextFile(resolve(root, file));
  if (!read.ok) return { findings: [{ ruleId: 'file-invalid', severity: 'error', message: `${basename(file)} ${read.reason}`, file, line: 1, column: 1 }] };
  const fast = options.fastParse === false ? undefined : fastParse(read.text);
  if (fast) {
    if (detach) detachStrings(fast);
    return { ...fromValue(file, fast, lazyLocator(read.text, options.quickLocate !== false)), fast: true };
  }
  const parsed = parseManifest(read.text);
  if (!parsed.ok) return { findings: parsed.problems.map((p) => ({ ruleId: p.ruleId, severity: 'error', message: p.message, file, line: p.line, column: p.column })) };
  if (detach) detachStrings(parsed.value);
  return { ...fromValue(file, parsed.value, parsed.locate), fast: false };
}

/**
 * The manifest with its locator. The text is not kept: at 100,000 manifests it would be the
 * largest thing in memory, and only the files with a finding ever need it. The locator reads
 * the file again when asked (when it cannot, every position is 1:1, the file's start).
 */
export function withLocator(root: string, loaded: LoadedFile, options: LoadOptions = {}): Manifest {
  const manifest = loaded.manifest!;
  const build = (): Locate => {
    const read = readTextFile(resolve(root, manifest.file));
    if (!read.ok) return () => ({ line: 1, column: 1 });
    return loaded.fast ? lazyLocator(read.text, options.quickLocate !== false) : positionsOfManifest(read.text);
  };
  const located: Locate = (path, target) => recentLocator(located, build)(path, target);
  return { ...manifest, locate: located };
}

/**
 * The built locators of the files asked about last. A locator holds its file's text and outline
 * (or `yaml`'s whole tree): kept for every file with a finding, they were 110 MB at 100,000
 * models. A file asked about again after being dropped is read and outlined again.
 */
const recentLocators = new Map<Locate, Locate>();
const RECENT_LOCATORS = 64;

function recentLocator(key: Locate, build: () => Locate): Locate {
  let locate = recentLocators.get(key);
  if (locate) recentLocators.delete(key); // re-inserted below as the most recent
  else locate = build();
  recentLocators.set(key, locate);
  if (recentLocators.size > RECENT_LOCATORS) recentLocators.delete(recentLocators.keys().next().value!);
  return locate;
}

/** Positions from the full parse, for a text the fast path declined (it parsed, so `ok`). */
function positionsOfManifest(text: string): Locate {
  const parsed = parseManifest(text);
  return parsed.ok ? parsed.locate : () => ({ line: 1, column: 1 });
}

/** Validates a parsed value and makes it manifest data; schema findings are positioned through `locate`. */
function fromValue(file: string, value: unknown, locate: Locate): { manifest?: ManifestData; findings: Finding[] } {
  const { kind, problems } = validateManifest(value);
  const data = value as { metadata?: Partial<Metadata>; spec?: unknown };
  const name = typeof data?.metadata?.name === 'string' ? data.metadata.name : undefined;
  const findings: Finding[] = problems.map((p) => ({
    ruleId: 'schema',
    severity: 'error',
    message: p.message,
    file,
    ...p.path.length === 0 && p.target === 'value' ? { line: 1, column: 1 } : toPosition(locate(p.path, p.target)),
    ...(kind ? { kind } : {}),
    ...(name ? { name } : {}),
  }));
  // A manifest with a name and a known kind still resolves references, even when invalid.
  if (!kind || name === undefined) return { findings };
  const manifest = {
    file,
    kind,
    name,
    metadata: data.metadata as Metadata,
    spec: (data.spec ?? {}) as never,
    valid: problems.length === 0,
  } as ManifestData;
  return { manifest, findings };
}

/**
 * Positions for a file the fast path parsed: `yaml` parses it only when a finding first needs a
 * position the quick locator cannot give, so clean files never pay for (or keep in memory) a
 * positional parse, and most files with findings do not either.
 */
function lazyLocator(text: string, quick: boolean): Locate {
  // undefined: not outlined yet; null: off, or the text is outside what the quick locator reads.
  let quickLocate: QuickLocate | null | undefined = quick ? undefined : null;
  let locate: Locate | undefined;
  return (path, target) => {
    if (quickLocate === undefined) quickLocate = quickLocator(text) ?? null;
    return quickLocate?.(path, target ?? 'node') ?? (locate ??= positionsOf(text))(path, target);
  };
}

function toPosition(p: { line: number; column: number }): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

