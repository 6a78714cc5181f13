/**
 * Markdown escaping of manifest text, checked by rendering with a GFM parser (marked): the text
 * reads the same, stays in its line and its table cell, and injects no HTML, link or mention.
 */
import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { code, escapeInline, escapeTableCell, escapeWithCode } from '../../src/render/escape.js';

/** Every token of a markdown document, depth first. */
function tokens(markdown: string): Token[] {
  const all: Token[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    all.push(token);
  });
  return all;
}

/** The HTML of one line of inline markdown. */
function inlineHtml(markdown: string): string {
  return marked.parseInline(markdown) as string;
}

/** What a reader sees: the HTML without tags, entities decoded, zero-width spaces dropped. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
}

/** A two-column table whose first body cell is `cell`. */
function tableWith(cell: string): Tokens.Table {
  const table = marked.lexer(`| a | b |\n|---|---|\n| ${cell} | end |\n`).find((t) => t.type === 'table') as Tokens.Table | undefined;
  if (!table) throw new Error('no table');
  return table;
}

const SAFE_TYPES = new Set(['paragraph', 'text', 'escape', 'space']);

describe('escapeInline', () => {
  function expectPlainParagraph(input: string, shown = input): void {
    const markdown = escapeInline(input);
    const types = tokens(markdown).map((t) => t.type);
    expect(types.filter((type) => !SAFE_TYPES.has(type))).toEqual([]);
    expect(types.filter((type) => type === 'paragraph')).toHaveLength(1);
    expect(visible(inlineHtml(markdown))).toBe(shown);
  }

  it('leaves ordinary text alone', () => {
    expect(escapeInline('tier 2 declared, but this model is tier 3')).toBe('tier 2 declared, but this model is tier 3');
  });

  it('a pipe stays in its table cell', () => {
    const table = tableWith(escapeTableCell('owner "a | b" || c'));
    expect(table.header).toHaveLength(2);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.map((cell) => cell.text)).toHaveLength(2);
    expect(visible(inlineHtml(table.rows[0]![0]!.text))).toBe('owner "a | b" || c');
    expect(table.rows[0]![1]!.text).toBe('end');
  });

  it('a backslash before a pipe stays in its table cell', () => {
    const table = tableWith(escapeTableCell('a\\|b\\\\|c'));
    expect(visible(inlineHtml(table.rows[0]![0]!.text))).toBe('a\\|b\\\\|c');
    expect(table.rows[0]![1]!.text).toBe('end');
  });

  it('a newline cannot start a row, a heading, a list or a block', () => {
    const input = 'first\n| x | y |\n# heading\n- item\n> quote\n```\ncode';
    const table = tableWith(escapeTableCell(input));
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]![1]!.text).toBe('end');
    expectPlainParagraph(input, 'first | x | y | # heading - item > quote ``` code');
    expect(escapeInline('a\r\nb\rc\u2028d')).toBe('a b c d');
  });

  it('<script> is shown, not interpreted', () => {
    const markdown = escapeInline('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(tokens(markdown).some((t) => t.type === 'html')).toBe(false);
    expect(inlineHtml(markdown)).not.toMatch(/<script|<img/);
    expectPlainParagraph('<script>alert(1)</script>');
  });

  it('a hidden marker cannot be forged', () => {
    const marker = '<!-- ai-registry:dashboard:end -->';
    const markdown = escapeInline(marker);
    expect(markdown).not.toContain('<!--');
    expect(tokens(`before\n\n${markdown}\n\nafter`).some((t) => t.type === 'html')).toBe(false);
    expectPlainParagraph(marker);
    // On a line of its own, after a line break it was given.
    expect(escapeInline(`x\n${marker}`)).not.toContain('<!--');
  });

  it.each([
    ['[x](javascript:alert(1))'],
    ['![pixel](https://evil.example/p.png)'],
    ['[ref]\n\n[ref]: https://evil.example'],
    ['<https://evil.example>'],
    ['https://evil.example/path'],
    ['www.evil.example'],
    ['WWW.evil.example'],
    ['mail me: someone@evil.example'],
    ['mailto:someone@evil.example'],
  ])('no link from %j', (input) => {
    const markdown = escapeInline(input);
    expect(tokens(markdown).filter((t) => t.type === 'link' || t.type === 'image')).toEqual([]);
    expect(inlineHtml(markdown)).not.toMatch(/<a |<img /);
    expect(visible(inlineHtml(markdown))).toBe(input.replace(/\n+/g, ' '));
  });

  it.each([['@everyone'], ['ask @acme/ai-ethics now'], ['cc:@octocat']])('no mention from %j', (input) => {
    const shown = inlineHtml(escapeInline(input));
    expect(shown).not.toMatch(/@[A-Za-z]/);
    expect(visible(shown)).toBe(input);
  });

  it('no issue reference from #123 or owner/repo#1', () => {
    const shown = inlineHtml(escapeInline('fixes #123 and acme/repo#1'));
    expect(shown).not.toMatch(/#\d/);
    expect(visible(shown)).toBe('fixes #123 and acme/repo#1');
  });

  it('backticks are shown, not turned into code', () => {
    const input = 'use `rm -rf` or ``double``';
    expect(tokens(escapeInline(input)).some((t) => t.type === 'codespan')).toBe(false);
    expectPlainParagraph(input);
  });

  it.each([['*bold*'], ['__strong__'], ['_em_'], ['~~gone~~'], ['$x^2$'], ['snake_case_name']])('%j is shown as written', (input) => {
    expectPlainParagraph(input);
  });

  it.each([['# heading'], ['- item'], ['+ item'], ['* item'], ['1. item'], ['1) item'], ['> quote'], ['==='], ['---'], ['    indented']])(
    'at the start of a line, %j stays a paragraph',
    (input) => {
      expectPlainParagraph(input, input.trim());
    },
  );

  it('entities are shown as written, not decoded', () => {
    expectPlainParagraph('&lt;b&gt; &amp; &#64;everyone');
  });

  it('bidirectional controls and invisible characters are shown as <U+XXXX>, as in every output; control characters become spaces', () => {
    expect(escapeInline('abc\u202edcba')).toBe('abc&lt;U+202E&gt;dcba');
    expect(escapeInline('a\u200bb\u{e0041}')).toBe('a&lt;U+200B&gt;b&lt;U+E0041&gt;');
    expect(code('a\u2066b')).toBe('`a<U+2066>b`');
    // Our own zero-width space, which keeps a marker shown as code from being the marker, stays.
    expect(code('<!-- ai-registry:x -->\u200b')).toBe('`<\u200b!-- ai-registry:x --><U+200B>`');
    expect(escapeInline('a\u0000b\u0007c\u001bd')).toBe('a b c d');
  });

  it('any text reads the same and injects nothing (property)', () => {
    const pieces = fc.constantFrom('<', '>', '&', '|', '`', '*', '_', '[', ']', '(', ')', '!', '#', '@', ':', '/', '\\', '~', '$', '-', '=', '.', '1', 'www', 'http', ' ', '\n', 'a', 'é', '<!--', '-->', '&amp;');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const input = parts.join('');
        const markdown = escapeInline(input);
        const html = inlineHtml(markdown);
        expect(html).not.toMatch(/<(?!\/?(?:p)>)/);
        expect(visible(html)).toBe(input.replace(/\s+/g, ' ').trim());
        const table = tableWith(escapeTableCell(input));
        expect(table.rows).toHaveLength(1);
        expect(table.rows[0]![1]!.text).toBe('end');
      }),
      { numRuns: 500 },
    );
  });
});

describe('code', () => {
  function codespan(markdown: string): string {
    const spans = tokens(markdown).filter((t): t is Tokens.Codespan => t.type === 'codespan');
    expect(spans).toHaveLength(1);
    return visible(inlineHtml(markdown));
  }

  it.each([['claims-triage'], ['a`b'], ['`starts'], ['ends`'], ['a``b```c'], ['` both `'], [' spaced '], ['<!-- x -->'], ['@everyone'], ['[x](javascript:alert(1))'], ['a | b']])(
    'shows %j verbatim',
    (input) => {
      expect(codespan(code(input))).toBe(input);
    },
  );

  it('an empty text is an empty-looking span, not broken markdown', () => {
    expect(code('')).toBe('` `');
  });

  it('a newline becomes a space', () => {
    expect(codespan(code('a\n<!-- x -->'))).toBe('a <!-- x -->');
  });

  it.each([['a|b'], ['a\\|b'], ['|'], ['`|`']])('in a table, %j stays in its cell', (input) => {
    const table = tableWith(code(input, { table: true }));
    expect(table.rows[0]![1]!.text).toBe('end');
    expect(visible(inlineHtml(table.rows[0]![0]!.text))).toBe(input);
  });
});

describe('escapeWithCode', () => {
  it('keeps backticked spans as code and escapes the rest', () => {
    const markdown = escapeWithCode('Set `spec.tier` to <3> | more, see `a|b`', { table: true });
    const table = tableWith(markdown);
    expect(table.rows[0]![1]!.text).toBe('end');
    const cell = table.rows[0]![0]!.text;
    expect(tokens(cell).filter((t) => t.type === 'codespan')).toHaveLength(2);
    expect(visible(inlineHtml(cell))).toBe('Set spec.tier to <3> | more, see a|b');
  });
});
