import type { Formatter } from './format.js';
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** One formatter per format: the compiler makes sure every format is wired. */
export const FORMATTERS: Record<Format, Formatter> = { stylish, json, sarif, github, markdown };

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}
