/** How a column's cells line up; numbers read best right-aligned. */
export type Align = 'left' | 'right' | 'default';

const DELIMITER: Record<Align, string> = { left: ':--', right: '--:', default: '---' };

/**
 * A GFM table from cells that are already markdown: the caller escapes manifest text (so no
 * `|` or line break is left in a cell). Compact, no padding: at thousands of rows padding
 * only costs bytes and time.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const delimiter = `|${header.map((_, i) => DELIMITER[align[i] ?? 'default']).join('|')}|`;
  return [line(header), delimiter, ...rows.map(line)].join('\n');
}
