import { isIsoDate } from '../util/dates.js';

/** The pair of lines between which a generated block lives inside a file people also edit. */
export interface MarkerPair {
  start: string;
  end: string;
  /** What goes between them, for messages: "the dashboard". */
  label: string;
}

export const DASHBOARD_START = '<!-- ai-registry:dashboard:start -->';
export const DASHBOARD_END = '<!-- ai-registry:dashboard:end -->';
export const DASHBOARD_MARKERS: MarkerPair = { start: DASHBOARD_START, end: DASHBOARD_END, label: 'the dashboard' };

/** In CODEOWNERS the markers are comment lines, which GitHub ignores. */
export const CODEOWNERS_MARKERS: MarkerPair = { start: '# ai-registry:codeowners:start', end: '# ai-registry:codeowners:end', label: 'the code-owner block' };

export type SpliceResult = { ok: true; text: string } | { ok: false; problem: string };
export type BlockResult = { ok: true; block: string } | { ok: false; problem: string };

interface Line {
  /** The line without its line ending. */
  text: string;
  /** Offset of the line's first character in the document. */
  start: number;
  /** Offset just past its line ending (the next line's start). */
  next: number;
  eol: '' | '\n' | '\r\n';
}

interface Located {
  /** Offset just past the start marker's line ending. */
  innerStart: number;
  /** Offset of the end marker line's first character. */
  innerEnd: number;
  eol: '\n' | '\r\n';
}

/**
 * Replaces what lies between the marker lines with `content`, leaving every other byte of the
 * document as it was. The block is written with the start marker's line ending, so a CRLF README
 * stays CRLF. `file` names the document in problems ("README.md").
 */
export function spliceBetweenMarkers(document: string, content: string, markers: MarkerPair, file: string): SpliceResult {
  for (const marker of [markers.start, markers.end]) {
    // The renderer escapes manifest text; this is the last line of defence against a forged marker.
    if (content.includes(marker)) return { ok: false, problem: `refusing to write ${markers.label} into ${file}: the generated text contains the marker ${marker}` };
  }
  const located = locateMarkers(document, markers, file);
  if (!located.ok) return located;
  const { innerStart, innerEnd, eol } = located.at;
  const body = content.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  const block = body === '' ? '' : `${body.split('\n').join(eol)}${eol}`;
  return { ok: true, text: document.slice(0, innerStart) + block + document.slice(innerEnd) };
}

/** The text between the markers as it stands in the document (line endings as written). */
export function readBetweenMarkers(document: string, markers: MarkerPair, file: string): BlockResult {
  const located = locateMarkers(document, markers, file);
  if (!located.ok) return located;
  return { ok: true, block: document.slice(located.at.innerStart, located.at.innerEnd) };
}

const AS_OF_LINE = /^<!-- ai-registry:as-of (\d{4}-\d{2}-\d{2}) -->$/;

/** Puts the hidden as-of comment on the first line of a rendered block or file. */
export function stampAsOf(asOf: string, content: string): string {
  return `<!-- ai-registry:as-of ${asOf} -->\n${content}`;
}

/**
 * The as-of date the last render recorded on the first line of `text` (a marked block or a
 * generated file). Only the first line counts, so text further down can never forge it.
 */
export function recordedAsOf(text: string): string | undefined {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const match = AS_OF_LINE.exec(first.trimEnd());
  return match?.[1] !== undefined && isIsoDate(match[1]) ? match[1] : undefined;
}

/**
 * Finds exactly one start marker followed by exactly one end marker, each on its own line (up to
 * three spaces of indentation, as Markdown allows). Markers shown inside a fenced code block (a
 * README documenting them) are text, not markers; inside the generated block fences are not
 * tracked, so a damaged block can never hide its own end marker.
 */
function locateMarkers(document: string, markers: MarkerPair, file: string): { ok: true; at: Located } | { ok: false; problem: string } {
  const starts: Line[] = [];
  const ends: Line[] = [];
  let fence: { char: string; length: number } | undefined;
  let insideBlock = false;
  for (const line of splitLines(document)) {
    const text = line.start === 0 ? line.text.replace(/^\uFEFF/, '') : line.text;
    if (!insideBlock && fence) {
      if (closesFence(text, fence)) fence = undefined;
      continue;
    }
    if (isMarkerLine(text, markers.start)) {
      starts.push(line);
      insideBlock = true;
    } else if (isMarkerLine(text, markers.end)) {
      ends.push(line);
      insideBlock = false;
    } else if (!insideBlock) {
      fence = opensFence(text);
    }
  }
  const lineNumber = (line: Line) => lineNumberAt(document, line.start);
  const both = `${markers.start}\n  ${markers.end}`;
  if (starts.length === 0 && ends.length === 0) {
    return { ok: false, problem: `${file} has no markers for ${markers.label}; add these two lines to ${file} where ${markers.label} goes:\n  ${both}` };
  }
  if (starts.length > 1 || ends.length > 1) {
    const doubled = [
      starts.length > 1 ? `the start marker ${starts.length} times (lines ${starts.map(lineNumber).join(', ')})` : '',
      ends.length > 1 ? `the end marker ${ends.length} times (lines ${ends.map(lineNumber).join(', ')})` : '',
    ].filter(Boolean).join(' and ');
    return { ok: false, problem: `${file} has ${doubled}; keep exactly one pair, where ${markers.label} goes:\n  ${both}` };
  }
  const [start] = starts;
  const [end] = ends;
  if (!end) {
    return { ok: false, problem: `${file} has the start marker (line ${lineNumber(start!)}) but no end marker; add this line to ${file} where ${markers.label} ends:\n  ${markers.end}` };
  }
  if (!start) {
    return { ok: false, problem: `${file} has the end marker (line ${lineNumber(end)}) but no start marker; add this line to ${file} where ${markers.label} begins, before line ${lineNumber(end)}:\n  ${markers.start}` };
  }
  if (end.start < start.start) {
    return { ok: false, problem: `${file} has the end marker (line ${lineNumber(end)}) before the start marker (line ${lineNumber(start)}); swap them so they read, in this order:\n  ${both}` };
  }
  // The start marker precedes another line, so it has a line ending.
  return { ok: true, at: { innerStart: start.next, innerEnd: end.start, eol: start.eol === '\r\n' ? '\r\n' : '\n' } };
}

function isMarkerLine(text: string, marker: string): boolean {
  return text.trimEnd().replace(/^ {0,3}/, '') === marker;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function opensFence(text: string): { char: string; length: number } | undefined {
  const match = FENCE_OPEN.exec(text);
  if (!match) return undefined;
  const run = match[1]!;
  // A backtick fence's info string may not contain a backtick (that is inline code).
  if (run[0] === '`' && match[2]!.includes('`')) return undefined;
  return { char: run[0]!, length: run.length };
}

function closesFence(text: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
  return match !== null && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

function* splitLines(document: string): Generator<Line> {
  let start = 0;
  while (start < document.length) {
    const newline = document.indexOf('\n', start);
    if (newline === -1) {
      yield { text: document.slice(start), start, next: document.length, eol: '' };
      return;
    }
    const crlf = newline > start && document[newline - 1] === '\r';
    yield { text: document.slice(start, crlf ? newline - 1 : newline), start, next: newline + 1, eol: crlf ? '\r\n' : '\n' };
    start = newline + 1;
  }
}

function lineNumberAt(document: string, offset: number): number {
  let line = 1;
  for (let i = document.indexOf('\n'); i !== -1 && i < offset; i = document.indexOf('\n', i + 1)) line++;
  return line;
}
