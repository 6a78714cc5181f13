import { LineCounter, parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { Position } from '../model/finding.js';
import type { Locate } from '../model/manifest.js';
import { createLocator, positionOf } from './locate.js';

export interface ParseProblem extends Position {
  ruleId: 'yaml-syntax' | 'file-invalid';
  message: string;
}

export type ParseResult =
  | { ok: true; value: unknown; locate: Locate }
  | { ok: false; problems: ParseProblem[] };

/** Anchors and aliases may expand to at most this many nodes: more is an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses one manifest, keeping positions. Never throws: a second document, duplicate keys,
 * tags, alias bombs and over-deep nesting are problems with a position.
 */
export function parseManifest(text: string): ParseResult {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    return { ok: false, problems: [{ ruleId: 'yaml-syntax', message: `cannot be parsed: ${errorText(error)}`, line: 1, column: 1 }] };
  }
  const first = docs[0];
  if (!first || first.contents === null) {
    const errors = first?.errors ?? [];
    if (errors.length > 0) return { ok: false, problems: errors.slice(0, 1).map(toProblem) };
    return { ok: false, problems: [{ ruleId: 'file-invalid', message: 'is empty or holds only comments; a manifest needs apiVersion, kind, metadata and spec', line: 1, column: 1 }] };
  }
  const problems: ParseProblem[] = [];
  // Duplicate keys are independent of each other: report each. Other syntax errors cascade: the first.
  const duplicates = first.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const others = first.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  problems.push(...others.slice(0, 1).map(toProblem), ...duplicates.map(toProblem));
  for (const warning of first.warnings) {
    problems.push({
      ...linePosOf(warning.linePos),
      ruleId: 'yaml-syntax',
      message: warning.code === 'TAG_RESOLVE_FAILED'
        ? `${firstLine(warning.message).replace(/ at line \d+, column \d+:?$/, '')}: YAML tags are not allowed in manifests`
        : firstLine(warning.message),
    });
  }
  const second = docs[1];
  if (second) {
    problems.push({
      ...positionOf(lineCounter, second.range[0]),
      ruleId: 'yaml-syntax',
      message: 'holds more than one YAML document (a second `---`); put each manifest in its own file',
    });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  let value: unknown;
  try {
    value = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof RangeError
      ? 'is nested too deeply to be a manifest'
      : /alias/i.test(errorText(error))
        ? `expands aliases excessively (more than ${MAX_ALIAS_COUNT} alias expansions, an "alias bomb")`
        : `cannot be read as data: ${errorText(error)}`;
    return { ok: false, problems: [{ ruleId: 'yaml-syntax', message, line: 1, column: 1 }] };
  }
  return { ok: true, value, locate: createLocator(first, lineCounter) };
}

function toProblem(error: { message: string; linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }] }): ParseProblem {
  return {
    ...linePosOf(error.linePos),
    ruleId: 'yaml-syntax',
    message: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ''),
  };
}

function linePosOf(linePos: readonly { line: number; col: number }[] | undefined): Position {
  const start = linePos?.[0];
  return start ? { line: start.line, column: start.col } : { line: 1, column: 1 };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sortProblems(problems: ParseProblem[]): ParseProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Positions only, for a text the fast path already found to be one well-formed mapping. */
export function positionsOf(text: string): Locate {
  const lineCounter = new LineCounter();
  return createLocator(parseDocument(text, { lineCounter }), lineCounter);
}
