import type { RE2JS } from 're2js';
import { combinePlaceholders, compilePlaceholder, firstMatch } from '../policy/placeholders.js';

/**
 * Just enough Markdown (CommonMark) to check a governance document: its headings, and the
 * lines a reader sees as prose, where a placeholder counts. Code is where people quote
 * templates and examples, so fenced blocks and inline code spans are left out of both.
 */

export interface MarkdownHeading {
  /** The heading's text as written, closing `#`s removed. */
  text: string;
  level: number;
  /** 1-based line of the heading (of its first line, for a setext heading). */
  line: number;
}

export interface ProseLine {
  line: number;
  /** The line with inline code spans blanked out. */
  text: string;
}

export interface MarkdownOutline {
  headings: MarkdownHeading[];
  /** Every line outside fenced code blocks. */
  prose: ProseLine[];
}

export interface PlaceholderPattern {
  /** The pattern as the policy writes it. */
  source: string;
  /** Matched against one prose line, in linear time (see policy/placeholders.ts). */
  regex: RE2JS;
}

export interface PlaceholderHit {
  /** 1-based line in the document. */
  line: number;
  /** The text the pattern matched. */
  text: string;
  /** The policy pattern that matched. */
  pattern: string;
}

// Every pattern here runs in time linear in the line: a document may be a 1 MiB line, and a
// lazy `(.*?)` before `[ \t]*$` would backtrack through every space of it.
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+([\s\S]*))?$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// Fences are accepted at any indentation: inside list items they are indented by the item's
// width, and telling list content from indented code would need a full list parser.
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLOCK_QUOTE = /^ {0,3}>/;
const INDENTED = /^(?: {4}|\t)/;

/** Splits a document into its headings and its prose lines. */
export function scanMarkdown(text: string): MarkdownOutline {
  const headings: MarkdownHeading[] = [];
  const prose: ProseLine[] = [];
  let fence: { char: string; length: number } | undefined;
  // The open paragraph, which a setext underline turns into a heading.
  let paragraph: { line: number; lines: string[] } | undefined;

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (fence) {
      if (closesFence(raw, fence)) fence = undefined;
      return;
    }
    const open = FENCE_OPEN.exec(raw);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      paragraph = undefined;
      return;
    }
    prose.push({ line, text: withoutCodeSpans(raw) });

    if (raw.trim() === '') {
      paragraph = undefined;
      return;
    }
    const underline = SETEXT_UNDERLINE.exec(raw);
    if (underline && paragraph) {
      const text = paragraph.lines.join(' ');
      headings.push({ text, level: underline[1]![0] === '=' ? 1 : 2, line: paragraph.line });
      paragraph = undefined;
      return;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      headings.push({ text: withoutClosingSequence(atx[2] ?? '').trim(), level: atx[1]!.length, line });
      paragraph = undefined;
      return;
    }
    if (THEMATIC_BREAK.test(raw) || LIST_ITEM.test(raw) || BLOCK_QUOTE.test(raw)) {
      paragraph = undefined;
      return;
    }
    if (paragraph) paragraph.lines.push(raw.trim());
    else if (!INDENTED.test(raw)) paragraph = { line, lines: [raw.trim()] };
  });
  return { headings, prose };
}

/** An ATX heading's text without trailing spaces and tabs and the closing `#`s before them (`## Risks ##`). */
function withoutClosingSequence(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  // A closing sequence is all the text, or follows a space or tab; `C#` keeps its `#`.
  if (hashes < end && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) end = hashes;
  return text.slice(0, end);
}

function closesFence(raw: string, fence: { char: string; length: number }): boolean {
  const trimmed = raw.trim();
  if (trimmed.length < fence.length) return false;
  for (const c of trimmed) if (c !== fence.char) return false;
  return true;
}

/** Blanks out inline code spans: a run of N backticks up to the next run of exactly N. */
export function withoutCodeSpans(line: string): string {
  // Most lines hold no backtick: every line of every document comes through here.
  if (!line.includes('`')) return line;
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ start: m.index, length: m[0].length }));
  // Each run's next run of the same length, in one pass from the end: a line of a million
  // backtick runs must not be searched once per run.
  const nextOfLength: number[] = new Array<number>(runs.length);
  const lastSeen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    nextOfLength[i] = lastSeen.get(runs[i]!.length) ?? -1;
    lastSeen.set(runs[i]!.length, i);
  }
  let result = '';
  let copied = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const closeIndex = nextOfLength[i]!;
    if (closeIndex === -1) continue;
    const close = runs[closeIndex]!;
    const end = close.start + close.length;
    result += line.slice(copied, open.start) + ' '.repeat(end - open.start);
    copied = end;
    i = closeIndex;
  }
  return result + line.slice(copied);
}

/** How headings are compared: case-insensitive, whitespace collapsed, a trailing `:` ignored. */
export function normalizeHeading(text: string): string {
  // Whitespace collapsed first: `\s*:$` alone would backtrack through every space of a long heading.
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/ ?:$/, '').toLowerCase();
}

/**
 * The outline's headings, normalised for comparison (see normalizeHeading), as one string:
 * each heading between newlines. A store keeps one per document, and a string is a tenth of
 * the memory of a Set of strings.
 */
export type HeadingList = string & { readonly headingList: unique symbol };

export function headingList(outline: MarkdownOutline): HeadingList {
  return `\n${outline.headings.map((h) => normalizeHeading(h.text)).join('\n')}\n` as HeadingList;
}

/** The required headings not in `present`, in the order they are required. */
export function missingHeadings(present: HeadingList, required: readonly string[]): string[] {
  // A normalised heading never holds a newline (whitespace is collapsed to spaces).
  return required.filter((heading) => !present.includes(`\n${normalizeHeading(heading)}\n`));
}

/** Compiles the policy's placeholders (already checked to compile when the policy loaded). */
export function compilePlaceholders(patterns: readonly string[]): PlaceholderPattern[] {
  return patterns.map((source) => ({ source, regex: compilePlaceholder(source) }));
}

/**
 * Every placeholder in the prose, line by line: the first match of each pattern on a line,
 * once per matched text (two patterns matching the same `TODO` are one hit).
 */
export function findPlaceholders(outline: MarkdownOutline, patterns: readonly PlaceholderPattern[]): PlaceholderHit[] {
  // Most documents hold no placeholder: one search of the whole prose for any pattern
  // (multiline, so ^ and $ still mean a line's ends) rules them all out at once.
  const anyPattern = combinedPattern(patterns);
  if (anyPattern && !anyPattern.test(outline.prose.map((p) => p.text).join('\n'))) return [];
  const hits: PlaceholderHit[] = [];
  for (const { line, text } of outline.prose) {
    const seen = new Set<string>();
    for (const { source, regex } of patterns) {
      const matched = firstMatch(regex, text)?.trim();
      // An empty match (a pattern like `x*`) is no placeholder.
      if (!matched || seen.has(matched)) continue;
      seen.add(matched);
      hits.push({ line, text: matched, pattern: source });
    }
  }
  return hits;
}

const combined = new WeakMap<readonly PlaceholderPattern[], RE2JS | null>();

/** All patterns as one alternation over the joined prose, or null when they cannot be joined. */
function combinedPattern(patterns: readonly PlaceholderPattern[]): RE2JS | null {
  let regex = combined.get(patterns);
  if (regex === undefined) combined.set(patterns, (regex = combinePlaceholders(patterns.map((p) => p.source))));
  return regex;
}
