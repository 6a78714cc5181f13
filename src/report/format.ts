import type { LintResult } from '../engine.js';

export interface FormatOptions {
  /** ANSI colour: only on a TTY, never with NO_COLOR. */
  color: boolean;
}

/** Every formatter has this signature: a lint result in, the whole report out. */
export type Formatter = (result: LintResult, options: FormatOptions) => string;

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
