/**
 * Characters that change how text reads without being seen. Bidirectional controls reorder the
 * text around them, so a line shows something other than what it holds (Trojan Source,
 * CVE-2021-42574); invisible format characters make two different names look the same. Manifest
 * and document text reaches terminals, annotations and PR comments, so every human-facing output
 * shows each of them as `<U+202E>`, and JSON writes them as `\u202e` escapes.
 *
 * The set: the bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069
 * isolates, U+200E/200F and U+061C marks), and the invisible U+200B ZERO WIDTH SPACE,
 * U+2060–2064 (word joiner, invisible operators), U+FEFF (a byte-order mark inside text),
 * U+180E MONGOLIAN VOWEL SEPARATOR and the Tags block U+E0000–E007F (invisible ASCII). Not the
 * zero-width joiner and non-joiner (U+200D, U+200C): emoji sequences and the spelling of
 * Persian, Hindi and other scripts need them.
 */
const SET = '\\u061c\\u180e\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\u{e0000}-\\u{e007f}';
const ANY = new RegExp(`[${SET}]`, 'u');
const EVERY = new RegExp(`[${SET}]`, 'gu');
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Whether `text` holds a character of the set: one regular-expression test. */
export function hasInvisible(text: string): boolean {
  return ANY.test(text);
}

/** The code points of the set in `text`, in order. */
export function invisibleCodePoints(text: string): number[] {
  return Array.from(text.matchAll(EVERY), ([c]) => c.codePointAt(0)!);
}

/** Whether a code point of the set is a bidirectional control (the others are merely invisible). */
export function isBidiControl(codePoint: number): boolean {
  return BIDI.test(String.fromCodePoint(codePoint));
}

/** `U+202E`. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text with every character of the set shown as `<U+202E>`: for every output a person reads. */
export function visibleText(text: string): string {
  return text.replace(EVERY, (c) => `<${codePointLabel(c.codePointAt(0)!)}>`);
}

/**
 * Serialised JSON with every character of the set written as a `\uXXXX` escape (two for one
 * outside the BMP): the same JSON value, never invisible in a terminal. Such characters only
 * ever stand inside JSON strings, where an escape means the character itself.
 */
export function escapeInvisibleInJson(json: string): string {
  return json.replace(EVERY, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}

/**
 * Manifest text for a terminal or a GitHub Actions log: control characters become spaces, so it
 * stays on its line (no cursor movement, no line break starting a workflow command such as
 * `::error::…`), and the characters of the set are shown.
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return visibleText(text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' '));
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: a code point of the set with its Unicode name. */
export function describeCodePoint(codePoint: number): string {
  return `${codePointLabel(codePoint)} ${NAMES.get(codePoint) ?? tagName(codePoint)}`;
}

const NAMES = new Map<number, string>([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xe0001, 'LANGUAGE TAG'],
  [0xe0020, 'TAG SPACE'],
  [0xe007f, 'CANCEL TAG'],
]);

const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** The Tags block mirrors ASCII: U+E0041 is TAG LATIN CAPITAL LETTER A. Named for letters and digits. */
function tagName(codePoint: number): string {
  const ascii = String.fromCharCode(codePoint - 0xe0000);
  if (/[A-Z]/.test(ascii)) return `TAG LATIN CAPITAL LETTER ${ascii}`;
  if (/[a-z]/.test(ascii)) return `TAG LATIN SMALL LETTER ${ascii.toUpperCase()}`;
  if (/[0-9]/.test(ascii)) return `TAG DIGIT ${DIGITS[Number(ascii)]!}`;
  if (codePoint > 0xe0020 && codePoint < 0xe007f) return `TAG (the invisible copy of "${ascii}")`;
  return '(an unassigned character of the Tags block)';
}
