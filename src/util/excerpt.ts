/**
 * Document text quoted in a finding, `explain` or a PR comment. A document is any file a
 * manifest names, so it may hold what must never be shown (a pasted `.git/config` with the
 * checkout token, an API key in a runbook), and a policy pattern may match a whole line of it:
 * a quote is short, and withheld when it looks like a credential.
 */

/**
 * How many characters of a match are quoted. Enough to recognise any default placeholder
 * (`TODO`, `lorem ipsum`, most `<fill in …>` prompts) and to find it on the line the message
 * names; short enough that a line of prose matched by a broad pattern is not reprinted whole.
 */
export const EXCERPT_LENGTH = 40;

/** Said instead of the quote of text that looks like a credential. */
export const WITHHELD = 'not shown because it looks like a credential';

// Each pattern runs in time linear in the text: a match may be a whole 1 MiB line.
const CREDENTIAL = new RegExp(
  [
    // An HTTP header, as actions/checkout stores the token: `extraheader = AUTHORIZATION: basic …`.
    String.raw`\bauthorization\s*:`,
    // GitHub tokens: personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_), fine-grained.
    String.raw`\bgh[pousr]_[A-Za-z0-9]{16,}`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{16,}`,
    // AWS access key ids: long-lived (AKIA) and temporary (ASIA).
    String.raw`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`,
    String.raw`-----BEGIN[A-Z0-9 ]*PRIVATE KEY`,
    // `password=…`, `client_secret: …`, `GITHUB_TOKEN="…"`, `api-key = '…'`; not `password: <fill in>`.
    String.raw`(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)["']?\s*[:=]\s*["']?[^\s"'<]`,
  ].join('|'),
  'i',
);

/** `basic` or `bearer` and what follows: a token when it holds a digit or a base64 symbol. */
const AUTH_SCHEME = /\b(?:basic|bearer)\s+([A-Za-z0-9+/=._~-]{8,})/gi;

/** Long runs of base64 or hex: a key when they mix digits and letters. */
const LONG_RUN = /[A-Za-z0-9+/_-]{32,}/g;

/** Whether `text` holds something shaped like a credential (false positives only hide a quote). */
export function looksLikeCredential(text: string): boolean {
  if (CREDENTIAL.test(text)) return true;
  for (const [, token] of text.matchAll(AUTH_SCHEME)) if (/[0-9+/=]/.test(token!)) return true;
  for (const [run] of text.matchAll(LONG_RUN)) if (/[0-9]/.test(run) && /[a-z]/i.test(run)) return true;
  return false;
}

/**
 * Document text as a message quotes it: JSON-quoted, cut to EXCERPT_LENGTH characters (never
 * half a surrogate pair) with an ellipsis; undefined when it looks like a credential anywhere.
 */
export function quoteExcerpt(text: string): string | undefined {
  if (looksLikeCredential(text)) return undefined;
  return JSON.stringify(cut(text, EXCERPT_LENGTH));
}

function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = length;
  // Never half a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
