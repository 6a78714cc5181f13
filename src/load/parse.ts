import { LineCounter, isScalar, parseDocument, visit, type Document } from 'yaml';
import type { Position } from '../model/finding.js';
import type { Locate } from '../model/manifest.js';
import { aliasProblem, composeDocuments, withLineFeeds } from './compose.js';
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
export function parseManifest(source: string): ParseResult {
  const text = withLineFeeds(source);
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const composed = composeDocuments(text, lineCounter);
    if (!composed.ok) return { ok: false, problems: [{ ruleId: 'yaml-syntax', message: composed.message, ...positionOf(lineCounter, composed.offset) }] };
    docs = composed.docs;
  } catch (error) {
    return { ok: false, problems: [{ ruleId: 'yaml-syntax', message: `cannot be parsed: ${errorText(error)}`, line: 1, column: 1 }] };
  }
  const first = docs[0];
  if (!first || isEmpty(first)) {
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
  // The core schema is applied whatever the directive says: say so rather than read 1.1 as 1.2.
  if (first.directives.yaml.explicit && first.directives.yaml.version !== '1.2') {
    problems.push({
      ...positionOf(lineCounter, Math.max(0, text.search(/^%YAML/m))),
      ruleId: 'yaml-syntax',
      message: `declares YAML ${first.directives.yaml.version}; manifests are YAML 1.2: remove the %YAML line`,
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

  const aliases = aliasProblem(first);
  if (aliases) return { ok: false, problems: [{ ruleId: 'yaml-syntax', message: aliases.message, ...positionOf(lineCounter, aliases.offset) }] };
  let value: unknown;
  try {
    value = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, problems: [dataProblem(error, first, lineCounter)] };
  }
  return { ok: true, value, locate: createLocator(first, lineCounter) };
}

/** Why a parsed document could not become data: a stack overflow, an alias bomb or an alias to nothing. */
function dataProblem(error: unknown, doc: Document.Parsed, lineCounter: LineCounter): ParseProblem {
  const text = errorText(error);
  if (error instanceof RangeError) return { ruleId: 'yaml-syntax', message: 'is nested too deeply to be a manifest', line: 1, column: 1 };
  if (/^Excessive alias count/.test(text)) {
    return { ruleId: 'yaml-syntax', message: `expands aliases excessively (more than ${MAX_ALIAS_COUNT} alias expansions, an "alias bomb")`, line: 1, column: 1 };
  }
  const unresolved = /^Unresolved alias.*: (.*)$/.exec(text)?.[1];
  if (unresolved !== undefined) {
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        if (node.source !== unresolved || !node.range) return undefined;
        offset = node.range[0];
        return visit.BREAK;
      },
    });
    return { ruleId: 'yaml-syntax', message: `uses the alias *${unresolved}, but no anchor &${unresolved} comes before it`, ...positionOf(lineCounter, offset) };
  }
  return { ruleId: 'yaml-syntax', message: `cannot be read as data: ${text}`, line: 1, column: 1 };
}

/** No content at all: nothing, comments, or a bare `---` (a null written as `~` or `null` is content). */
function isEmpty(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return contents === null || (isScalar(contents) && contents.value === null && contents.range[0] === contents.range[1]);
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
  return createLocator(parseDocument(withLineFeeds(text), { lineCounter }), lineCounter);
}
