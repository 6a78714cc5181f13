import { visibleText } from '../util/visible.js';

/**
 * Escaping for text that comes from manifests and findings, on its way into GitHub-flavoured
 * markdown: PR comments, job summaries, the README dashboard and the inventory. Manifest text
 * is written by anyone who can open a pull request, so whatever it contains, the output must
 *
 * - stay on its line: no newline can start a heading, a list, a table row or an HTML block,
 *   and no `|` can split a table cell;
 * - show HTML, never interpret it: `<script>` and `<!-- ai-registry:dashboard:end -->` are
 *   displayed as text, so no tag is injected and no hidden marker can be forged;
 * - link nowhere: no `[x](javascript:…)`, `![img](…)`, `<https://…>` or bare-URL autolink;
 * - ping nobody: no `@user`, `@org/team` or `@everyone`, no `#123` cross-reference;
 * - look like what was written: emphasis, code and math characters are shown, not applied;
 *   bidirectional controls and invisible characters are shown as `<U+202E>` (Trojan Source).
 *
 * Every function returns markdown for one line, whatever line breaks the text holds. Backslash
 * escapes and HTML entities work outside code spans only; inside a code span, where neither
 * works, `code` relies on the length of its backtick fence instead.
 */

/** Breaks a mention, an autolink or an issue reference without changing what people read. */
const ZERO_WIDTH_SPACE = '&#8203;';

// Line breaks of every kind (a CommonMark line ends at \n or \r), other control characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * What escapeText changes: `#` before a digit (an issue reference); characters with an inline
 * meaning in GFM, backslash-escaped, or entities for `&`, `<`, `>`; `@` and the `:` of `://`;
 * the empty string between `www` and `.`.
 */
const SPECIAL = /(#)(?=\d)|[\\`*_[\]|~$#&<>@]|:(?=\/\/)|(?<=www)(?=\.)/gi;
const ENTITIES = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;']]);

/**
 * Plain text → markdown that reads the same, on one line, safe in a paragraph, list item,
 * heading or table cell. Line breaks and control characters become spaces and runs of spaces
 * collapse (rendered HTML shows them as one anyway).
 */
export function escapeInline(text: string): string {
  return escapeLineStart(escapeText(squeeze(text)));
}

/**
 * Our own prose (a rule's description or fix), where `backticked` spans are code: the code
 * spans stay code, everything else is escaped as by `escapeInline`.
 */
export function escapeWithCode(text: string, options: CodeOptions = {}): string {
  const parts = squeeze(text).split(/`([^`]+)`/);
  return escapeLineStart(parts.map((part, i) => (i % 2 === 1 ? code(part, options) : escapeText(part))).join(''));
}

/**
 * Plain text → the content of a GFM table cell. `escapeInline` already escapes every `|` and
 * every line break, which is all a cell needs; this name says so where a cell is built.
 */
export function escapeTableCell(text: string): string {
  return escapeInline(text);
}

export interface CodeOptions {
  /** The span goes in a table cell: its `|` must then be escaped, even inside the code. */
  table?: boolean;
}

/**
 * Plain text → an inline code span showing it verbatim, whatever backticks it contains: the
 * fence is one backtick longer than the longest run inside, and padded with a space where the
 * text starts or ends with a backtick. Nothing inside a code span is a link, a mention or HTML,
 * and no `<!--` appears in it.
 */
export function code(text: string, options: CodeOptions = {}): string {
  // A marker (`<!-- ai-registry:… -->`) shown as code is still its exact text, which a splicer
  // searching the output would find: an invisible space keeps it from being the marker.
  let content = oneLine(text).replace(/<!--/g, '<\u200b!--');
  if (options.table) {
    // A table splits cells before it reads code spans, so `|` needs its backslash here too;
    // a backslash of the text just before it would pair with that one (parsers disagree).
    content = content.replace(/\\(?=\|)/g, '\\\u200b').replace(/\|/g, '\\|');
  }
  if (content === '') return '` `';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each end when both are spaces: pad to keep them.
  const pad = /^`|`$/.test(content) || (/^ .* $/s.test(content) && content.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** One line, single spaces, no space at either end. */
function squeeze(text: string): string {
  return oneLine(text).replace(/ {2,}/g, ' ').trim();
}

/**
 * Escapes every character with a meaning, and breaks mentions (`@user`, `user@example.com`),
 * autolinks (`https://`, `www.`) and issue references (`#123`) with a zero-width space.
 */
function escapeText(flat: string): string {
  return flat.replace(SPECIAL, (match: string, issue: string | undefined) => {
    if (issue !== undefined) return `\\#${ZERO_WIDTH_SPACE}`;
    if (match === '') return ZERO_WIDTH_SPACE; // between `www` and `.`
    if (match === '@' || match === ':') return `${match}${ZERO_WIDTH_SPACE}`;
    return ENTITIES.get(match) ?? `\\${match}`;
  });
}

/**
 * Line breaks and control characters become spaces; bidirectional and invisible characters are
 * shown as `<U+202E>` (as every output shows them), before any escaping of ours, which adds
 * zero-width spaces of its own on purpose.
 */
function oneLine(text: string): string {
  return visibleText(text.replace(CONTROL, ' '));
}

/**
 * What only matters at the start of a line — a list bullet, a setext underline, an ordered
 * list's `1.` — escaped in case the caller puts the text there. `#`, `>` and `*` are always
 * escaped already.
 */
function escapeLineStart(markdown: string): string {
  if (/^[-+=]/.test(markdown)) return `\\${markdown}`;
  return markdown.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}
