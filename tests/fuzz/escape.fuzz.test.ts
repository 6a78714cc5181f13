import fc from 'fast-check';
import { marked, type Tokens } from 'marked';
import { code, escapeInline, escapeTableCell } from '../../src/render/escape.js';
import { encodePath } from '../../src/render/inventory.js';
import { markdownTable } from '../../src/render/table.js';
import { allTokens, cellCountsOf, tablesOf } from '../render/fixtures.js';

/**
 * Random text through the markdown escaper, into a one-row table built as the inventory and
 * the report build theirs: the table always parses as one row with the header's cell count,
 * with no HTML, no link but the row's own, and the text on one line. `FUZZ_RUNS=N` runs each
 * property N times.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** What breaks markdown tables and injects: pipes, line breaks, HTML, code fences, links, mentions, markers. */
const NASTY = ['|', '\\|', '\\', '\n', '\r', '\r\n', '\u2028', '<', '>', '`', '``', '```', '[', ']', '(', ')', '![', '](', '@', '@everyone', ':', '://', 'javascript:', 'https://x.example', 'www.', '-->', '<!--', '<!-- ai-registry:dashboard:end -->', '<script>', '&', '&amp;', '&#124;', '*', '_', '~', '$', '#', '#1', '!', '-', '+', '=', '1.', ' ', '\t', '\u200b', '\u202e', '\u2066', '\ufeff', '\u{e0041}', '\u0000', 'a', 'é'];
const nasty = fc.array(fc.constantFrom(...NASTY), { maxLength: 30 }).map((parts) => parts.join(''));
const text = fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }));

const HEADER = ['Model', 'Title', 'Rule', 'Where'];

/** A row the way the inventory and the report write theirs: a linked name, text, code, more text. */
function row(name: string, title: string, rule: string, where: string): string[] {
  return [`[${escapeInline(name)}](${encodePath(`registry/models/${name}.yaml`)})`, escapeTableCell(title), code(rule, { table: true }), escapeTableCell(where)];
}

describe('the markdown escaper on random text', () => {
  it('keeps a table row one row, with the header\'s cell count, no link but its own and no HTML', () => {
    fc.assert(
      fc.property(text, text, text, text, (name, title, rule, where) => {
        const markdown = `${markdownTable(HEADER, [row(name, title, rule, where)])}\n`;
        const tables = tablesOf(markdown);
        expect(tables).toHaveLength(1);
        const [table] = tables as [Tokens.Table];
        expect(cellCountsOf(table)).toEqual([HEADER.length, HEADER.length, HEADER.length]);
        expect(table.rows).toHaveLength(1);
        expect(table.rows[0]).toHaveLength(HEADER.length);
        const tokens = allTokens(markdown);
        expect(tokens.filter((t) => t.type === 'html')).toEqual([]);
        // The row's own link, to its manifest, and nothing else. (marked, unlike GitHub's cmark,
        // reads `[\[\]()](…)` as no link at all: a missing link is a display quirk, not an injection.)
        const hrefs = tokens.filter((t) => t.type === 'link').map((t) => (t as Tokens.Link).href);
        expect(hrefs.length).toBeLessThanOrEqual(1);
        for (const href of hrefs) expect(href).toBe(encodePath(`registry/models/${name}.yaml`));
        expect(markdown.split('\n')).toHaveLength(4);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps inline text on one line, where it cannot start a block, forge a marker or ping anyone', () => {
    fc.assert(
      fc.property(text, (value) => {
        const inline = escapeInline(value);
        expect(inline).not.toMatch(/[\r\n\u2028\u2029]/);
        expect(inline).not.toContain('<!--');
        expect(inline).not.toMatch(/@everyone/);
        // No bidirectional or invisible character raw (ours are entities outside code).
        expect(inline).not.toMatch(/[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u);
        const tokens = marked.lexer(`Owner: ${inline}\n`, { gfm: true });
        expect(tokens.map((t) => t.type).filter((type) => type !== 'space')).toEqual(['paragraph']);
        expect(allTokens(`Owner: ${inline}\n`).filter((t) => t.type === 'html' || t.type === 'link' || t.type === 'image')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
