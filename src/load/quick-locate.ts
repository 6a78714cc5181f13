import type { Position } from '../model/finding.js';
import type { LocateTarget, YamlPath } from '../model/manifest.js';
import { MAX_DEPTH } from './compose.js';

/**
 * Positions without `yaml`: a one-pass outline of the plain block YAML manifests are written in
 * (block mappings with plain keys, block sequences, plain, quoted and block scalars, one-line
 * flow collections, comments, a leading `---`), answering exactly what `createLocator`
 * (locate.ts) answers for the same text. Anything outside that subset (anchors, tags, quoted or
 * complex keys, tabs, CRs, multi-line quotes or flows, odd indentation) makes it decline, and so
 * does a path through a duplicated key; the caller then asks `yaml`. A differential test holds
 * the two to the same answers.
 */

/** Where a node starts: 1-based, columns in UTF-16 code units (string offsets), as `yaml` counts. */
interface Start {
  line: number;
  column: number;
}
type OutlineNode = MapNode | SeqNode | ScalarNode;
interface MapNode extends Start {
  kind: 'map';
  entries: Entry[];
}
interface SeqNode extends Start {
  kind: 'seq';
  items: OutlineNode[];
}
/** Any scalar, the empty (null) value included: `yaml` places that after the indicator's spaces. */
interface ScalarNode extends Start {
  kind: 'scalar';
}
/** A pair: its key's position, the key's text as offsets `from`-`to` in the source, its value. */
interface Entry extends Start {
  from: number;
  to: number;
  value: OutlineNode;
}

/** Positions of the nodes at YAML paths of one text, or undefined where only `yaml` can tell. */
export type QuickLocate = (path: YamlPath, target: LocateTarget) => Position | undefined;

/** The same answer as `createLocator(doc, lineCounter)(path, target)`, or undefined when not certain. */
export function quickLocate(text: string, path: YamlPath, target: LocateTarget): Position | undefined {
  return quickLocator(text)?.(path, target);
}

/** Outlines `text` once for many look-ups; undefined when the text is outside the subset. */
export function quickLocator(text: string): QuickLocate | undefined {
  const root = outline(text);
  return root && ((path, target) => locateIn(text, root, path, target));
}

/** `createLocator`'s walk, step for step, over the outline. */
function locateIn(text: string, root: OutlineNode, path: YamlPath, target: LocateTarget): Position | undefined {
  let node = root;
  let key: Start | undefined;
  for (const segment of path) {
    let next: OutlineNode | undefined;
    let nextKey: Start | undefined;
    if (node.kind === 'map') {
      const name = String(segment);
      for (const entry of node.entries) {
        if (entry.to - entry.from !== name.length || !text.startsWith(name, entry.from)) continue;
        // A duplicated key is an error to `yaml`: leave it to say which one it means.
        if (nextKey) return undefined;
        next = entry.value;
        nextKey = entry;
      }
    } else if (node.kind === 'seq' && /^\d+$/.test(String(segment)) && Number(segment) < node.items.length) {
      next = node.items[Number(segment)];
    }
    // Absent: the key of the deepest mapping that exists (or the collection itself).
    if (!next) return positionOf(key ?? node);
    node = next;
    key = nextKey;
  }
  if (target === 'value' || (target === 'node' && node.kind === 'scalar')) return positionOf(node);
  return positionOf(key ?? node);
}

function positionOf(start: Start): Position {
  return { line: start.line, column: start.column };
}

// ---------------------------------------------------------------------------------------------
// The outline: offsets index the whole text (no split lines, no key strings), for speed.

/** Thrown (and caught in `outline`) when the text leaves the subset. */
const DECLINE = Symbol('decline');

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Plain keys that `yaml`'s core schema reads as null or booleans (letter-led keys are never numbers). */
const NON_STRING_KEYS = ['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

function isNonStringKey(text: string, from: number, to: number): boolean {
  for (const word of NON_STRING_KEYS) if (word.length === to - from && text.startsWith(word, from)) return true;
  return false;
}

/** Characters that may not start a plain scalar here (or that make it something else). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of '?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

/** A block collection being filled, and the column (0-based) its entries start at. */
interface Frame {
  node: MapNode | SeqNode;
  indent: number;
}

/** A `key:` or `-` with nothing after it: null, unless a more-indented line holds its value. */
interface Pending {
  owner: Frame;
  assign: (node: OutlineNode) => void;
}

function outline(text: string): OutlineNode | undefined {
  // A CR or a tab changes how lines and indentation read, and `yaml` skips a byte-order mark. (Other
  // control characters, NEL, LS and PS are plain content to `yaml`, as they are here.)
  if (text.includes('\r') || text.includes('\t') || text.includes('\ufeff')) return undefined;
  try {
    return new Outliner(text).run();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

function decline(): never {
  throw DECLINE;
}

/**
 * Reads the text line by line, keeping a stack of the open block collections. Lines are numbered
 * from 0 here; `starts[k]` is line k's offset and `ends[k]` that of its line feed (or the text's end).
 */
class Outliner {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private root: MapNode | SeqNode | undefined;
  private readonly stack: Frame[] = [];
  private pending: Pending | undefined;

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      this.starts.push(start);
      this.ends.push(end < 0 ? text.length : end);
      if (end < 0) break;
      start = end + 1;
    }
  }

  run(): OutlineNode | undefined {
    const { text, starts, ends } = this;
    let startMarker = false;
    let line = 0;
    while (line < starts.length) {
      const start = starts[line]!;
      const end = ends[line]!;
      const at = skipSpaces(text, start, end);
      if (at === end || text.charCodeAt(at) === HASH) {
        line++;
        continue;
      }
      if (!this.root && !startMarker && at === start && text.startsWith('---', at) && isLineEnd(text, at + 3, end)) {
        startMarker = true;
        line++;
        continue;
      }
      line = this.contentLine(line, at);
    }
    return this.root;
  }

  /** Line `line` of block content, starting at offset `at`; returns the next line to read. */
  private contentLine(line: number, at: number): number {
    const { text } = this;
    const end = this.ends[line]!;
    const indent = at - this.starts[line]!;
    const entry = isSeqEntry(text, at, end);
    const pending = this.pending;
    this.pending = undefined;
    if (pending && (indent > pending.owner.indent || (entry && indent === pending.owner.indent && pending.owner.node.kind === 'map'))) {
      if (!entry && keyEnd(text, at, end) < 0) {
        // A scalar or flow collection on the line below its `key:` or `-`.
        const value = this.value(line, at, pending.owner.indent);
        pending.assign(value.node);
        return value.next;
      }
      // The lines below `key:` or `-` open a collection (a list may sit at its key's column).
      const frame = this.open(entry ? this.seqAt(line, at) : this.mapAt(line, at), indent);
      pending.assign(frame.node);
      return entry ? this.seqEntry(frame, line, at) : this.mapEntry(frame, line, at);
    }
    if (!this.root) {
      const frame = this.open(entry ? this.seqAt(line, at) : this.mapAt(line, at), indent);
      this.root = frame.node;
      return entry ? this.seqEntry(frame, line, at) : this.mapEntry(frame, line, at);
    }
    const { stack } = this;
    while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
    // A list at its key's column ends at the next key of that column.
    if (!entry && stack[stack.length - 1]?.node.kind === 'seq' && stack[stack.length - 1]!.indent === indent) stack.pop();
    const top = stack[stack.length - 1];
    if (!top || top.indent !== indent) return decline();
    if (top.node.kind === 'seq') return entry ? this.seqEntry(top, line, at) : decline();
    return entry ? decline() : this.mapEntry(top, line, at);
  }

  private open(node: MapNode | SeqNode, indent: number): Frame {
    if (this.stack.length >= MAX_DEPTH) decline();
    const frame = { node, indent };
    this.stack.push(frame);
    return frame;
  }

  /** `- …` with its dash at offset `dash`, in `frame`'s list. */
  private seqEntry(frame: Frame, line: number, dash: number): number {
    const { text } = this;
    const seq = frame.node as SeqNode;
    const end = this.ends[line]!;
    const at = skipSpaces(text, dash + 1, end);
    if (at === end || text.charCodeAt(at) === HASH) {
      const slot = seq.items.length;
      seq.items.push(this.scalarAt(line, at));
      this.pending = { owner: frame, assign: (node) => (seq.items[slot] = node) };
      return line + 1;
    }
    if (isSeqEntry(text, at, end)) {
      // `- - x`: a list in a list, its entries at the inner dash's column.
      const inner = this.open(this.seqAt(line, at), at - this.starts[line]!);
      seq.items.push(inner.node);
      return this.seqEntry(inner, line, at);
    }
    if (keyEnd(text, at, end) > 0) {
      // `- key: value`: a mapping in a list, its keys at this key's column.
      const inner = this.open(this.mapAt(line, at), at - this.starts[line]!);
      seq.items.push(inner.node);
      return this.mapEntry(inner, line, at);
    }
    const value = this.value(line, at, frame.indent);
    seq.items.push(value.node);
    return value.next;
  }

  /** `key: …` with its key at offset `from`, in `frame`'s mapping. */
  private mapEntry(frame: Frame, line: number, from: number): number {
    const { text } = this;
    const map = frame.node as MapNode;
    const end = this.ends[line]!;
    const to = keyEnd(text, from, end);
    if (to < 0) return decline();
    const at = skipSpaces(text, to + 1, end);
    const column = from - this.starts[line]! + 1;
    if (at === end || text.charCodeAt(at) === HASH) {
      const entry: Entry = { line: line + 1, column, from, to, value: this.scalarAt(line, at) };
      map.entries.push(entry);
      this.pending = { owner: frame, assign: (node) => (entry.value = node) };
      return line + 1;
    }
    if (isSeqEntry(text, at, end)) return decline();
    const value = this.value(line, at, frame.indent);
    map.entries.push({ line: line + 1, column, from, to, value: value.node });
    return value.next;
  }

  /** A value starting at offset `at`, in a collection whose entries are at column `parentIndent`. */
  private value(line: number, at: number, parentIndent: number): { node: OutlineNode; next: number } {
    const { text } = this;
    const end = this.ends[line]!;
    const c = text.charCodeAt(at);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      if (!isLineEnd(text, quotedEnd(text, at, end), end)) decline();
      return { node: this.scalarAt(line, at), next: line + 1 };
    }
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      const flow = new FlowReader(text, end, line + 1, this.starts[line]!);
      const node = flow.node(at, 0);
      if (!isLineEnd(text, flow.position, end)) decline();
      return { node, next: line + 1 };
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return { node: this.scalarAt(line, at), next: this.blockScalarEnd(line, at, parentIndent) };
    if (NOT_PLAIN_START[c] === 1) return decline();
    return { node: this.scalarAt(line, at), next: this.plainScalarEnd(line, at, parentIndent) };
  }

  /** The line after a block scalar (`|`, `>`): its content is every line indented more than its parent. */
  private blockScalarEnd(line: number, at: number, parentIndent: number): number {
    const { text, starts, ends } = this;
    let i = at + 1;
    const chomp = text.charCodeAt(i);
    if (chomp === DASH || chomp === 0x2b /* + */) i++;
    // An explicit indentation indicator (`|2`) is left to `yaml`.
    if (i < ends[line]! && text.charCodeAt(i) !== SPACE) return decline();
    if (!isLineEnd(text, i, ends[line]!)) return decline();
    let contentIndent = -1;
    let leadingBlank = 0;
    let last = line;
    for (let k = line + 1; k < starts.length; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      const indent = skipSpaces(text, start, end) - start;
      if (start + indent === end) {
        if (contentIndent < 0) leadingBlank = Math.max(leadingBlank, indent);
        continue;
      }
      if (contentIndent < 0) {
        if (indent <= parentIndent) break;
        // A leading blank line longer than the first content line is an error to `yaml`.
        if (leadingBlank > indent) return decline();
        contentIndent = indent;
      } else if (indent < contentIndent) {
        if (indent > parentIndent) return decline();
        break;
      }
      last = k;
    }
    if (contentIndent < 0 && leadingBlank > parentIndent) return decline();
    return last + 1;
  }

  /** The line after a plain scalar: it goes on over lines indented more than its parent. */
  private plainScalarEnd(line: number, at: number, parentIndent: number): number {
    const { text, starts, ends } = this;
    const commented = plainLineEnd(text, at, ends[line]!);
    let last = line;
    for (let k = line + 1; k < starts.length; k++) {
      const end = ends[k]!;
      const first = skipSpaces(text, starts[k]!, end);
      if (first === end) continue;
      // A comment ends the scalar; anything indented after it is for `contentLine` to refuse.
      if (first - starts[k]! <= parentIndent || text.charCodeAt(first) === HASH) break;
      if (commented || isSeqEntry(text, first, end) || NOT_PLAIN_START[text.charCodeAt(first)] === 1 || plainLineEnd(text, first, end)) return decline();
      last = k;
    }
    return last + 1;
  }

  private scalarAt(line: number, at: number): ScalarNode {
    return { kind: 'scalar', line: line + 1, column: at - this.starts[line]! + 1 };
  }

  private seqAt(line: number, at: number): SeqNode {
    return { kind: 'seq', line: line + 1, column: at - this.starts[line]! + 1, items: [] };
  }

  private mapAt(line: number, at: number): MapNode {
    return { kind: 'map', line: line + 1, column: at - this.starts[line]! + 1, entries: [] };
  }
}

/**
 * Reads one line of plain scalar from `at`: whether it ends in a comment. An implicit key in it
 * (`a: b: c`) is a `yaml` error, so it declines.
 */
function plainLineEnd(text: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) return decline();
    if (c === HASH && text.charCodeAt(i - 1) === SPACE) return true;
  }
  return false;
}

/** One-line flow collections (`[a, b]`, `{ role: x, date: y }`) of plain and quoted scalars. */
class FlowReader {
  /** The offset after the node last read. */
  position = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly line: number,
    private readonly lineStart: number,
  ) {}

  node(at: number, depth: number): OutlineNode {
    const c = this.text.charCodeAt(at);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (depth >= MAX_DEPTH) return decline();
      return c === 0x5b ? this.seq(at, depth + 1) : this.map(at, depth + 1);
    }
    this.position = c === 0x22 /* " */ || c === 0x27 /* ' */ ? quotedEnd(this.text, at, this.end) : this.plainEnd(at);
    return { kind: 'scalar', line: this.line, column: this.column(at) };
  }

  private seq(at: number, depth: number): SeqNode {
    const seq: SeqNode = { kind: 'seq', line: this.line, column: this.column(at), items: [] };
    this.items(at, 0x5d /* ] */, (i) => {
      seq.items.push(this.node(i, depth));
    });
    return seq;
  }

  private map(at: number, depth: number): MapNode {
    const { text, end } = this;
    const map: MapNode = { kind: 'map', line: this.line, column: this.column(at), entries: [] };
    this.items(at, 0x7d /* } */, (from) => {
      const to = keyEnd(text, from, end);
      // `{a: }` (an empty value) and `{a:b}` (a key "a:b") are left to `yaml`.
      if (to < 0 || to + 1 === end) return decline();
      const value = skipSpaces(text, to + 1, end);
      const c = text.charCodeAt(value);
      if (value === end || c === COMMA || c === 0x7d /* } */) return decline();
      map.entries.push({ line: this.line, column: this.column(from), from, to, value: this.node(value, depth) });
    });
    return map;
  }

  /** `open item, item close`, each item read by `read` (which leaves `position` after it); no trailing comma. */
  private items(open: number, close: number, read: (at: number) => void): void {
    const { text, end } = this;
    let i = skipSpaces(text, open + 1, end);
    if (text.charCodeAt(i) === close && i < end) {
      this.position = i + 1;
      return;
    }
    for (;;) {
      read(i);
      i = skipSpaces(text, this.position, end);
      if (i === end) return decline();
      if (text.charCodeAt(i) === close) {
        this.position = i + 1;
        return;
      }
      if (text.charCodeAt(i) !== COMMA) return decline();
      i = skipSpaces(text, i + 1, end);
      if (i === end || text.charCodeAt(i) === close) return decline();
    }
  }

  /** A plain scalar in a flow collection: up to `,` or a bracket, with none of `: # ' "` in it. */
  private plainEnd(at: number): number {
    const { text, end } = this;
    // `-` may lead a plain scalar only before a character that could continue one (`-1`, `-x`).
    if (NOT_PLAIN_START[text.charCodeAt(at)] === 1 || (text.charCodeAt(at) === DASH && !/^[\w.]/.test(text[at + 1] ?? ''))) return decline();
    let i = at;
    for (; i < end; i++) {
      const c = text[i]!;
      if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
      if (c === ':' || c === '#' || c === '"' || c === "'") return decline();
    }
    return i;
  }

  private column(at: number): number {
    return at - this.lineStart + 1;
  }
}

/** The offset after a one-line quoted scalar starting at `at` (`\` escapes in "…", `''` in '…'). */
function quotedEnd(text: string, at: number, end: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c /* \ */) i++;
    else if (c === quote) {
      if (quote === 0x27 && i + 1 < end && text.charCodeAt(i + 1) === 0x27) i++;
      else return i + 1;
    }
  }
  return decline();
}

/** Whether a value may end at `at`: nothing follows, or spaces and a comment. */
function isLineEnd(text: string, at: number, end: number): boolean {
  const i = skipSpaces(text, at, end);
  return i === end || (i > at && text.charCodeAt(i) === HASH);
}

/**
 * The offset of the `:` ending a plain key at `at` (a letter or `_`, then letters, digits and
 * `_-./`, then `:` and a space or the line's end); -1 when there is no such key. Keys the core
 * schema reads as something other than a string decline.
 */
function keyEnd(text: string, at: number, end: number): number {
  if (!isKeyStart(text.charCodeAt(at)) || at >= end) return -1;
  let i = at + 1;
  while (i < end && isKeyChar(text.charCodeAt(i))) i++;
  if (i === end || text.charCodeAt(i) !== COLON || (i + 1 < end && text.charCodeAt(i + 1) !== SPACE)) return -1;
  if (i - at <= 5 && isNonStringKey(text, at, i)) return decline();
  return i;
}

function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f; // a-z A-Z _
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === DASH || c === 0x2e || c === 0x2f; // 0-9 - . /
}

/** `-` followed by a space or the line's end. */
function isSeqEntry(text: string, at: number, end: number): boolean {
  return at < end && text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE);
}

function skipSpaces(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i;
}
