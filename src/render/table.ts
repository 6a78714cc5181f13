import { markdownTable as gfmTable } from 'markdown-table';

/** How a column's cells line up; numbers read best right-aligned. */
export type Align = 'left' | 'right' | 'default';

const ALIGN: Record<Align, 'l' | 'r' | ''> = { left: 'l', right: 'r', default: '' };

/**
 * A GFM table (the `markdown-table` package) from cells that are already markdown: the caller
 * escapes manifest text, so no `|` or line break is left in a cell. Columns are not padded to a
 * common width: at thousands of rows that only costs bytes and time.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  return gfmTable([[...header], ...rows.map((row) => [...row])], {
    align: header.map((_, i) => ALIGN[align[i] ?? 'default']),
    alignDelimiters: false,
  });
}
