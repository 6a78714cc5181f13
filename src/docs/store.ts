import { readTextFile, type ReadFailure } from '../load/read.js';
import type { DocKind, Manifest, ModelSpec } from '../model/manifest.js';
import type { Registry } from '../model/registry.js';
import type { Policy } from '../policy/policy.js';
import {
  compilePlaceholders,
  findPlaceholders,
  headingList,
  missingHeadings,
  type HeadingList,
  scanMarkdown,
  type PlaceholderHit,
  type PlaceholderPattern,
} from './markdown.js';
import { resolveDocFolder, resolveDocPath, type DocPath } from './path.js';

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

/** A document's status under a policy, worked out where the manifest was loaded (maybe another thread). */
export interface CheckedDocument {
  declared: string;
  kind: DocKind;
  status: DocumentStatus;
}

/**
 * What a read leaves behind: the headings present and the placeholders found under one set of
 * patterns, never the text. 227,000 documents at 100,000 models would otherwise keep every
 * prose line alive; a second set of patterns (a second policy in one process) re-reads the file.
 */
type LoadedDocument =
  | { ok: false; problem: MissingProblem; reason: string; cause: ReadFailure | 'empty' }
  | { ok: true; headings: HeadingList; patterns: readonly PlaceholderPattern[]; hits: readonly PlaceholderHit[] };

/**
 * The documents of one run. Each path is resolved once and each file (by real path) read and
 * parsed once, however many models and rules ask about it.
 */
export class DocumentStore {
  private readonly paths = new Map<string, DocPath>();
  /** Real paths of the folders documents sit in, for resolveDocPath. */
  private readonly folders = new Map<string, string>();
  private readonly documents = new Map<string, LoadedDocument>();
  private readonly patterns = new WeakMap<Policy, PlaceholderPattern[]>();
  /** Every rule asks about the same documents: each (policy, kind, path) is answered once. */
  private readonly statuses = new WeakMap<Policy, Answers>();
  /** Containment learnt from the statuses: the refusal, or null for a path inside. */
  private readonly containment = new Map<string, OutsideStatus | null>();
  private fileReads = 0;

  /**
   * `root`: the absolute, symlink-resolved repository root. `remember`: how many files' headings
   * and placeholders to keep for a path asked about again (a bound on memory, not on answers).
   */
  constructor(
    readonly root: string,
    private readonly remember = REMEMBERED_DOCUMENTS,
  ) {}

  /** How many files this store has read: at most one per distinct document. */
  get reads(): number {
    return this.fileReads;
  }

  /** The declared path resolved against the root (see `resolveDocPath`), cached. */
  resolve(declared: string): DocPath {
    let path = this.paths.get(declared);
    if (!path) this.paths.set(declared, (path = resolveDocPath(this.root, declared, this.folders)));
    return path;
  }

  /** The `outside` status when the declared path is refused, without reading anything. */
  outside(declared: string): OutsideStatus | undefined {
    const known = this.containment.get(declared);
    if (known !== undefined) return known ?? undefined;
    const path = this.resolve(declared);
    if (path.ok) return undefined;
    return { state: 'outside', declared, reason: path.reason, ...(path.relative ? { relative: path.relative } : {}) };
  }

  /** The status of the document declared at `declared`, checked as a `kind` under `policy`. */
  check(declared: string, kind: DocKind, policy: Policy): DocumentStatus {
    const answers = this.answersFor(policy, kind);
    let status = answers.get(declared);
    if (!status) {
      answers.set(declared, (status = this.evaluate(declared, kind, policy)));
      this.containment.set(declared, status.state === 'outside' ? status : null);
    }
    return status;
  }

  /** Takes answers worked out by another store under an equal policy (a loader thread's). */
  prime(policy: Policy, checked: Iterable<CheckedDocument>): void {
    for (const { declared, kind, status } of checked) {
      this.answersFor(policy, kind).set(declared, status);
      this.containment.set(declared, status.state === 'outside' ? status : null);
    }
  }

  private answersFor(policy: Policy, kind: DocKind): Map<string, DocumentStatus> {
    let answers = this.statuses.get(policy);
    if (!answers) this.statuses.set(policy, (answers = new Map()));
    let ofKind = answers.get(kind);
    if (!ofKind) answers.set(kind, (ofKind = new Map()));
    return ofKind;
  }

  private evaluate(declared: string, kind: DocKind, policy: Policy): DocumentStatus {
    // Not cached: `check` asks once per (kind, path), and 227,000 paths are memory.
    if (this.folders.size >= this.remember) this.folders.clear();
    const candidate = resolveDocFolder(this.root, declared, this.folders);
    if (!candidate.ok) return this.outside(declared)!;
    const patterns = this.patternsOf(policy);
    let document = this.load(candidate.absolute, patterns);
    if (!document.ok && document.cause === 'link') {
      // The name is a symbolic link (the read refused to follow it): resolve it in full.
      const path = this.resolve(declared);
      if (!path.ok) return this.outside(declared)!;
      document = this.load(path.absolute, patterns);
    }
    if (!document.ok) return { state: 'missing', relative: candidate.relative, problem: document.problem, reason: document.reason };
    return {
      state: 'present',
      relative: candidate.relative,
      missingHeadings: orNone(missingHeadings(document.headings, policy.headings[kind] ?? [])),
      placeholders: document.hits as PlaceholderHit[],
    };
  }

  private load(absolute: string, patterns: readonly PlaceholderPattern[]): LoadedDocument {
    let document = this.documents.get(absolute);
    if (!document || (document.ok && document.patterns !== patterns)) {
      // Forgetting is safe (a document asked about again is read again): it bounds the memory.
      if (this.documents.size >= this.remember) this.documents.clear();
      this.documents.set(absolute, (document = this.read(absolute, patterns)));
    }
    return document;
  }

  private read(absolute: string, patterns: readonly PlaceholderPattern[]): LoadedDocument {
    const read = readTextFile(absolute);
    if (read.ok || read.cause === 'unreadable') this.fileReads++;
    if (!read.ok) return { ok: false, cause: read.cause, ...unusable(read.cause, read.reason) };
    if (read.text.trim() === '') return { ok: false, cause: 'empty', problem: 'empty', reason: 'is empty' };
    const outline = scanMarkdown(read.text);
    const hits = findPlaceholders(outline, patterns);
    return { ok: true, headings: headingList(outline), patterns, hits: hits.length === 0 ? NONE : hits };
  }

  private patternsOf(policy: Policy): PlaceholderPattern[] {
    let patterns = this.patterns.get(policy);
    if (!patterns) this.patterns.set(policy, (patterns = compilePlaceholders(policy.placeholders)));
    return patterns;
  }
}

/**
 * Checks every document a schema-valid model declares, due or not (which needs the whole
 * registry to know), so that the rules find the answers ready: the loader does this on the
 * thread that loaded the model. A document read here and found not due is never reported.
 */
export function checkDeclaredDocuments(store: DocumentStore, manifest: Pick<Manifest, 'kind' | 'valid' | 'spec'>, policy: Policy): CheckedDocument[] {
  if (manifest.kind !== 'Model' || !manifest.valid) return [];
  const declared = (manifest.spec as ModelSpec).documentation ?? {};
  return (Object.entries(declared) as [DocKind, string][]).map(([kind, path]) => ({ declared: path, kind, status: store.check(path, kind, policy) }));
}

/** One frozen empty list for the many documents with nothing missing and no placeholder. */
const NONE: never[] = Object.freeze([]) as never[];

function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list;
}

/** Statuses by kind, then by the path as declared. */
type Answers = Map<DocKind, Map<string, DocumentStatus>>;

/**
 * Files remembered for a path declared again (by another model, or written another way): enough
 * for any real registry's shared documents, and a bound on memory for 227,000 documents.
 */
const REMEMBERED_DOCUMENTS = 10_000;

function unusable(cause: ReadFailure, reason: string): { problem: MissingProblem; reason: string } {
  switch (cause) {
    case 'missing':
      return { problem: 'not-found', reason: 'does not exist' };
    case 'directory':
      return { problem: 'directory', reason };
    case 'link':
      // Still a link once followed in full: a loop (or a link made since).
      return { problem: 'unreadable', reason: 'is a loop of symbolic links' };
    default:
      return { problem: 'unreadable', reason };
  }
}

const stores = new WeakMap<Registry, DocumentStore>();

/** Makes `store` the registry's (the loader's, already holding the documents it checked). */
export function adoptDocuments(registry: Registry, store: DocumentStore): void {
  if (store.root !== registry.root) throw new Error('a document store serves one repository root');
  stores.set(registry, store);
}

/** The one document store of a run: every rule and `explain` share it. */
export function documentsOf(registry: Registry): DocumentStore {
  let store = stores.get(registry);
  if (!store) stores.set(registry, (store = new DocumentStore(registry.root)));
  return store;
}
