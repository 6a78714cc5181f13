import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import { mayExceedLimits } from './compose.js';

/**
 * The fast path: a value-only parse with js-yaml, about ten times cheaper than `yaml`'s
 * positional parse. `yaml` stays the authority: the fast path takes only plain block/flow
 * mappings of strings, numbers, booleans and nulls, and anything it is unsure of (anchors,
 * aliases, tags, directives, explicit keys, several documents, duplicate keys, syntax errors)
 * falls back to `yaml`, which also gives every finding its position. A differential test
 * proves both paths yield the same values.
 */

// YAML 1.2 core scalars exactly as the `yaml` package resolves them (its schema/core), so that
// both parsers agree on every plain scalar.
const coreNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string) => /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
});
const coreBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});
const coreInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(data),
  construct: (data: string) =>
    data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : parseInt(data, 10),
});
const coreFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) =>
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(data) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(data) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(data),
  construct: (data: string) =>
    data.slice(-3).toLowerCase() === 'nan' ? NaN : data.slice(-3).toLowerCase() === 'inf' ? (data[0] === '-' ? -Infinity : Infinity) : parseFloat(data),
});

const YAML_1_2_CORE = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });

/**
 * Syntax the fast path leaves to `yaml`: an anchor, alias or tag (`&a`, `*a`, `!t` right after
 * a separator), a directive at a line start, an explicit key (`? ` anywhere a key may start,
 * `- ? {…}` included), a document marker after the
 * first line, or a comment glued to a closing quote or bracket (an error to `yaml`). Conservative: prose such as ` *bold*` also falls back, which costs only time.
 */
const NEEDS_FULL_PARSE = /(?:^|[\s[\]{},])[&*!][^\s,[\]{}]|^%|(?:^|[\s[{,])\?(?:[ \t]|$)|\n(?:---|\.\.\.)(?:[ \t]|$)|["'\]}]#/m;

/**
 * A key that is not a string (`~`, `null`, empty, a flow collection): the two parsers turn it into
 * different property names, so `yaml` decides (it is a schema finding in any case).
 */
const NON_STRING_KEY = /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)(?:~|null|Null|NULL|\[[^\n]*\]|\{[^\n]*\}|)[ \t]*:(?:[ \t]|$)/m;

/**
 * A quoted scalar still open at its line's end: `yaml` refuses a multi-line implicit key where
 * js-yaml reads on, so a quote that spans lines goes to `yaml`.
 */
const UNCLOSED_QUOTE = /(?:^[ \t]*|[:,[{-][ \t]+|[[{])(["'])(?:(?!\1)[^\n])*$/m;

/**
 * A flow collection (`[…]`, `{…}`) left open at a line's end: `yaml` holds continuation lines to
 * indentation rules that js-yaml does not, so a multi-line flow collection goes to `yaml`.
 */
function hasMultilineFlow(text: string): boolean {
  if (!/[[{]/.test(text)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      if (depth > 0) return true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) depth++;
    else if ((c === 93 /* ] */ || c === 125 /* } */) && depth > 0) depth--;
  }
  return depth > 0;
}

/** The manifest's value, or undefined when `yaml` must parse it (fallback, never an error). */
export function fastParse(text: string): Record<string, unknown> | undefined {
  // js-yaml recurses per level: a text that might nest too deeply (or hold too many keys) goes to yaml's guarded parse.
  if (mayExceedLimits(text)) return undefined;
  if (NEEDS_FULL_PARSE.test(text) || NON_STRING_KEY.test(text) || UNCLOSED_QUOTE.test(text) || hasMultilineFlow(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: YAML_1_2_CORE, json: false });
  } catch {
    return undefined;
  }
  // Only a mapping is a manifest; anything else gets `yaml`'s findings with positions.
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
