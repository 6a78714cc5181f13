import { CST, Composer, Parser, isAlias, isCollection as isNodeCollection, isPair, type Document, type LineCounter } from 'yaml';

/**
 * How deeply a manifest may nest lists and mappings. A manifest needs a handful of levels; the
 * parsers recurse once per level, and a stack overflow inside V8 can abort the whole process
 * (not throw) when the next regular expression is compiled, so no parser may get near it.
 */
export const MAX_DEPTH = 100;

/**
 * How many keys one mapping may hold. `yaml` compares each key with every other to find
 * duplicates, so a mapping of 100,000 keys costs minutes; a manifest's biggest has dozens.
 */
export const MAX_KEYS = 1000;

/** YAML's limit on an implicit key (`key: value` on one line): 1024 characters. */
const MAX_KEY_LENGTH = 1024;

/**
 * How many aliases (`*name`) a manifest may use. `yaml` resolves each alias by scanning the
 * anchors before it, so thousands of them cost minutes; a manifest needs a few.
 */
export const MAX_ALIASES = 100;

/**
 * YAML 1.2 core, whatever `%YAML` directive a file holds: dates stay strings, `yes` is text,
 * no merge keys, and no tag (`!!binary`, `!!set`, `!!timestamp`…) makes anything but plain
 * data. Warnings are findings, never printed to stderr.
 */
const YAML_OPTIONS = { uniqueKeys: true, schema: 'core', resolveKnownTags: false, logLevel: 'error' } as const;

/**
 * YAML 1.2 counts a lone CR as a line break (old Mac files, mixed endings); the `yaml` parser
 * does not, and would read several lines as one. Same length, so every offset stays valid.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Whether `text` might nest deeper than MAX_DEPTH or hold a mapping of more than MAX_KEYS
 * keys, from its characters alone, in one cheap pass: an upper bound, never an underestimate,
 * so that a parser without the exact check (the fast path) can decline the text before it
 * recurses or slows down. Every flow level needs a `[` or `{` (counted wherever it is, strings
 * included); every block level needs more indentation than its parent (a list may share its
 * key's: two levels per column) or an indicator (`-`, `?`, `:`) on the line that opens it.
 * Every key but a flow mapping's first needs a `:` or a `,`. An implicit key of more than
 * 1024 characters, which YAML forbids and js-yaml accepts, needs a line longer than that.
 */
export function mayExceedLimits(text: string): boolean {
  let separators = 0;
  let brackets = 0;
  let lineStart = 0;
  let longestLine = 0;
  let deepestLine = 0;
  let indent = 0;
  let indicators = 0;
  let atIndent = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      deepestLine = Math.max(deepestLine, 2 * (indent + 1) + indicators);
      longestLine = Math.max(longestLine, i - lineStart);
      lineStart = i + 1;
      indent = 0;
      indicators = 0;
      atIndent = true;
    } else if (atIndent && c === 32) {
      indent++;
    } else {
      atIndent = false;
      if (c === 91 || c === 123) brackets++; // [ {
      else if (c === 45 || c === 63) indicators++; // - ?
      else if (c === 58) { // :
        indicators++;
        separators++;
      } else if (c === 44) separators++; // ,
    }
  }
  return brackets + deepestLine > MAX_DEPTH || separators + 1 > MAX_KEYS || longestLine > MAX_KEY_LENGTH;
}

export type Composed =
  | { ok: true; docs: Document.Parsed[] }
  | { ok: false; offset: number; message: string };

/**
 * `parseAllDocuments`, in its three steps, with a check between parsing (which keeps its own
 * stack, however deep the text) and composing (which recurses): a text nested deeper than
 * MAX_DEPTH, with more than MAX_KEYS keys in a mapping, or with a list or mapping as a key, is
 * refused before it is composed. Errors and
 * warnings get their `linePos`, as `prettyErrors` gives them.
 */
export function composeDocuments(text: string, lineCounter: LineCounter): Composed {
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const problem = structureProblem(tokens);
  if (problem) return { ok: false, ...problem };
  const docs = Array.from(new Composer(YAML_OPTIONS).compose(tokens));
  for (const doc of docs) {
    for (const error of [...doc.errors, ...doc.warnings]) {
      error.linePos = [lineCounter.linePos(error.pos[0]), lineCounter.linePos(error.pos[1])];
    }
  }
  return { ok: true, docs };
}

const isCollection = CST.isCollection;

/** The first collection nested deeper than MAX_DEPTH, with too many keys, or used as a key, in document order. */
function structureProblem(tokens: readonly CST.Token[]): { offset: number; message: string } | undefined {
  // Depth-first with an explicit stack: the tree may be as deep as the text is long.
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0] as [CST.Token, number]).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (!isCollection(token)) continue;
    if (depth >= MAX_DEPTH) {
      return { offset: token.offset, message: `nests lists and mappings more than ${MAX_DEPTH} levels deep; a manifest needs only a few` };
    }
    if (token.items.length > MAX_KEYS && (token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{'))) {
      const offset = token.items[MAX_KEYS]!.key?.offset ?? token.offset;
      return { offset, message: `holds a mapping of ${token.items.length} keys, more than the ${MAX_KEYS} a manifest may have` };
    }
    const collectionKey = token.items.find(({ key }) => isCollection(key))?.key;
    if (collectionKey) return { offset: collectionKey.offset, message: 'uses a list or mapping as a key; a key must be plain text' };
    for (let i = token.items.length - 1; i >= 0; i--) {
      const { key, value } = token.items[i]!;
      if (value) stack.push([value, depth + 1]);
      if (key) stack.push([key, depth + 1]);
    }
  }
  return undefined;
}

/**
 * An alias a manifest must not use, checked before the document becomes data: more than
 * MAX_ALIASES of them, or one inside an anchored node. Aliases within anchors are what an
 * alias bomb (billion laughs) is built of, make a node contain itself, and cost `yaml` a scan of
 * the whole document each; a manifest only ever needs to repeat a plain node.
 */
export function aliasProblem(doc: Document.Parsed): { offset: number; message: string } | undefined {
  let aliases = 0;
  // Document order, with an explicit stack; `anchor` is the innermost anchor around the node.
  const stack: { node: unknown; anchor?: string }[] = [{ node: doc.contents }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, anchor } = next;
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      if (anchor !== undefined) {
        return { offset, message: `uses the alias *${node.source} inside the anchored node &${anchor}; aliases within anchors are how an "alias bomb" is built: repeat only nodes that hold no alias` };
      }
      if (++aliases > MAX_ALIASES) return { offset, message: `uses more than ${MAX_ALIASES} aliases (*name); write the values out` };
    } else if (isPair(node)) {
      stack.push({ node: node.value, anchor }, { node: node.key, anchor });
    } else if (isNodeCollection(node)) {
      const inside = anchor ?? (node.anchor || undefined);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], anchor: inside });
    }
  }
  return undefined;
}
