import { RE2JS, RE2JSSyntaxException } from 're2js';
import { shorten } from '../util/text.js';
import type { PolicySpec } from './policy.js';

/**
 * The policy's placeholder patterns (`spec.placeholders`, defaults included): RE2 syntax, run by
 * re2js, which matches in time linear in the text. They come from a file a pull request can
 * change and run over every prose line of every required document, so a backtracking engine
 * (V8's) would let one pattern such as `(a|a)*b` stall lint for hours on a 49-character line.
 */

/** What RE2 does not have, said in every refusal: the constructs people reach for from JavaScript. */
const RE2_SYNTAX = 'placeholder patterns use RE2 syntax: no lookahead or lookbehind, no backreferences';

/**
 * The size of all the patterns together, in RE2 instructions: matching costs about the text's
 * length times this at worst. The defaults take 40; `x{0,1000}` alone takes 2,002.
 */
export const MAX_PLACEHOLDER_PROGRAM = 10_000;

export interface PlaceholderProblem {
  /** The pattern's index in the list. */
  index: number;
  problem: string;
}

/**
 * The policy's patterns RE2 refuses, with why. A pattern that compiles runs in linear time; past the size
 * budget the rest are not compiled (a 1 MiB pattern takes seconds to), since the policy is refused anyway.
 */
export function placeholderProblems({ placeholders = [] }: Pick<PolicySpec, 'placeholders'>): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  let size = 0;
  for (const [index, pattern] of placeholders.entries()) {
    let compiled: RE2JS;
    try {
      compiled = compilePlaceholder(pattern);
    } catch (error) {
      problems.push({ index, problem: `RE2 cannot compile "${shorten(pattern)}": ${refusal(error, pattern)}; ${RE2_SYNTAX}` });
      continue;
    }
    size += compiled.programSize();
    if (size > MAX_PLACEHOLDER_PROGRAM) {
      const problem = `"${shorten(pattern)}" takes the placeholder patterns past ${MAX_PLACEHOLDER_PROGRAM.toLocaleString('en-US')} RE2 instructions (it alone takes ${compiled.programSize().toLocaleString('en-US')}); they run on every line of every required document: keep them short`;
      problems.push({ index, problem });
      break;
    }
  }
  return problems;
}

/** What RE2 said of `pattern`, without its "error parsing regexp" preamble, the quoted part cut short. */
function refusal(error: unknown, pattern: string): string {
  if (error instanceof RE2JSSyntaxException) {
    // re2js writes the case-insensitive flag as a `(?i)` before the pattern, and may quote it all.
    const where = error.getPattern() === `(?i)${pattern}` ? pattern : error.getPattern();
    return where ? `${error.getDescription()}: \`${shorten(where)}\`` : error.getDescription();
  }
  return shorten(error instanceof Error ? error.message : String(error));
}

/** One pattern, to match within one line (checked by placeholderProblems when the policy loaded). */
export function compilePlaceholder(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** The first match of `pattern` in `line`, or undefined. */
export function firstMatch(pattern: RE2JS, line: string): string | undefined {
  // test() runs on RE2's DFA, several times faster than the matcher that finds the match's bounds.
  if (!pattern.test(line)) return undefined;
  const matcher = pattern.matcher(line);
  return matcher.find() ? (matcher.group() ?? undefined) : undefined;
}

/**
 * Constructs a pattern can hold that make it mean something else inside a multi-line text:
 * `\A` and `\z` (the text's ends, not a line's), `(?-m)` (so `^` and `$` are the text's ends
 * again) and `\Q` (quotes to the end of the pattern, past the alternation's `)`). Written
 * loosely: a false alarm only costs a document the line-by-line scan.
 */
const TEXT_BOUND = /\\[AzQ]|\(\?[imsU]*-[imsU]*m/;

/**
 * All the patterns as one alternation that matches in a text of lines joined by `\n` wherever
 * one of them matches within a line (`^` and `$` at each line's ends), so that one DFA pass
 * rules out a document that holds none. A match across lines is possible (`[^>]*` takes `\n`):
 * it costs a line-by-line scan, never a placeholder. Null when no such alternation can be made.
 */
export function combinePlaceholders(patterns: readonly string[]): RE2JS | null {
  if (patterns.length === 0 || patterns.some((p) => TEXT_BOUND.test(p))) return null;
  try {
    return RE2JS.compile(patterns.map((p) => `(?:${p})`).join('|'), RE2JS.CASE_INSENSITIVE | RE2JS.MULTILINE);
  } catch {
    // Two patterns that name a group alike, say: each still compiles on its own.
    return null;
  }
}
