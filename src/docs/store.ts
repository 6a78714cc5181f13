import { statSync } from 'node:fs';
import { readTextFile } from '../load/read.js';
import type { DocKind } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import type { Policy } from '../policy/policy.js';
import {
  compilePlaceholders,
  findPlaceholders,
  missingHeadings,
  scanMarkdown,
  type MarkdownOutline,
  type PlaceholderHit,
  type PlaceholderPattern,
} from './markdown.js';
import { resolveDocPath, type DocPath } from './path.js';

/** What a declared document path amounts to, as the documentation rules and `explain` see it. */
export type DocumentStatus =
  | OutsideStatus
  /** No usable file, and why: `reason` says it in words (`does not exist`, `is a directory`, …). */
  | { state: 'missing'; relative: string; problem: MissingProblem; reason: string }
  /** Read and parsed: the required headings it lacks and the placeholders left in it. */
  | { state: 'present'; relative: string; missingHeadings: string[]; placeholders: PlaceholderHit[] };

/** What keeps a declared file from being a document; `unreadable` covers not UTF-8, binary, too large, no permission. */
export type MissingProblem = 'not-found' | 'directory' | 'empty' | 'unreadable';

/** The path is refused and the file never opened; `relative` when the path itself is in the repository (a symlink out). */
export interface OutsideStatus {
  state: 'outside';
  declared: string;
  reason: string;
  relative?: string;
}

type LoadedDocument =
  | { ok: false; problem: MissingProblem; reason: string }
  | { ok: true; outline: MarkdownOutline; hits: WeakMap<readonly PlaceholderPattern[], PlaceholderHit[]> };

/**
 * The documents of one run. Each path is resolved once and each file (by real path) read and
 * parsed once, however many models and rules ask about it.
 */
export class DocumentStore {
  private readonly paths = new Map<string, DocPath>();
  private readonly documents = new Map<string, LoadedDocument>();
  private readonly patterns = new WeakMap<Policy, PlaceholderPattern[]>();
  /** Every rule asks about the same documents: each (policy, kind, path) is answered once. */
  private readonly statuses = new WeakMap<Policy, Map<string, DocumentStatus>>();
  private fileReads = 0;

  /** `root`: the absolute, symlink-resolved repository root. */
  constructor(readonly root: string) {}

  /** How many files this store has read: at most one per distinct document. */
  get reads(): number {
    return this.fileReads;
  }

  /** The declared path resolved against the root (see `resolveDocPath`), cached. */
  resolve(declared: string): DocPath {
    let path = this.paths.get(declared);
    if (!path) this.paths.set(declared, (path = resolveDocPath(this.root, declared)));
    return path;
  }

  /** The `outside` status when the declared path is refused, without reading anything. */
  outside(declared: string): OutsideStatus | undefined {
    const path = this.resolve(declared);
    if (path.ok) return undefined;
    return { state: 'outside', declared, reason: path.reason, ...(path.relative ? { relative: path.relative } : {}) };
  }

  /** The status of the document declared at `declared`, checked as a `kind` under `policy`. */
  check(declared: string, kind: DocKind, policy: Policy): DocumentStatus {
    let answers = this.statuses.get(policy);
    if (!answers) this.statuses.set(policy, (answers = new Map()));
    const key = `${kind}\u0000${declared}`;
    let status = answers.get(key);
    if (!status) answers.set(key, (status = this.evaluate(declared, kind, policy)));
    return status;
  }

  private evaluate(declared: string, kind: DocKind, policy: Policy): DocumentStatus {
    const path = this.resolve(declared);
    if (!path.ok) return this.outside(declared)!;
    const document = this.load(path.absolute);
    if (!document.ok) return { state: 'missing', relative: path.relative, problem: document.problem, reason: document.reason };
    return {
      state: 'present',
      relative: path.relative,
      missingHeadings: missingHeadings(document.outline, policy.headings[kind] ?? []),
      placeholders: this.placeholdersOf(document, policy),
    };
  }

  private load(absolute: string): LoadedDocument {
    let document = this.documents.get(absolute);
    if (!document) this.documents.set(absolute, (document = this.read(absolute)));
    return document;
  }

  private read(absolute: string): LoadedDocument {
    // `absolute` is a real path, so readTextFile's refusal of symlinks no longer gets in the way.
    const unusable = describeUnusable(absolute);
    if (unusable) return { ok: false, ...unusable };
    this.fileReads++;
    const read = readTextFile(absolute);
    if (!read.ok) return { ok: false, problem: 'unreadable', reason: read.reason };
    if (read.text.trim() === '') return { ok: false, problem: 'empty', reason: 'is empty' };
    return { ok: true, outline: scanMarkdown(read.text), hits: new WeakMap() };
  }

  private placeholdersOf(document: LoadedDocument & { ok: true }, policy: Policy): PlaceholderHit[] {
    let patterns = this.patterns.get(policy);
    if (!patterns) this.patterns.set(policy, (patterns = compilePlaceholders(policy.placeholders)));
    let hits = document.hits.get(patterns);
    if (!hits) document.hits.set(patterns, (hits = findPlaceholders(document.outline, patterns)));
    return hits;
  }
}

/** Why the path cannot be a document, found before it is opened (a FIFO must never be opened). */
function describeUnusable(absolute: string): { problem: MissingProblem; reason: string } | undefined {
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) return { problem: 'directory', reason: 'is a directory' };
    if (!stat.isFile()) return { problem: 'unreadable', reason: 'is not a regular file' };
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'not-found', reason: 'does not exist' };
    if (code === 'ELOOP') return { problem: 'unreadable', reason: 'is a loop of symbolic links' };
    return undefined; // readTextFile names the other problems
  }
}

const stores = new WeakMap<Registry, DocumentStore>();

/** The one document store of a run: every rule and `explain` share it. */
export function documentsOf(registry: Registry): DocumentStore {
  let store = stores.get(registry);
  if (!store) stores.set(registry, (store = new DocumentStore(registry.root)));
  return store;
}
