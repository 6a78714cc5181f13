import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_INPUTS_MARKERS, actionInputsSection, actionInputsTable } from '../../scripts/action-inputs-table.mjs';

const ACTION_YML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');

describe('the README table of the Action\'s inputs and outputs', () => {
  const table = actionInputsTable(ACTION_YML);
  const action = parse(ACTION_YML) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };

  it('has one row per input, in action.yml\'s order, with its default', () => {
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const inputRows = rows.slice(0, Object.keys(action.inputs).length);
    expect(inputRows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1])).toEqual(Object.keys(action.inputs));
    expect(table).toContain('| `fail-on` | `error` |');
    expect(table).toContain('| `github-token` | `${{ github.token }}` |');
    expect(table).toContain('| `sarif` | | Path');
  });

  it('has one row per output', () => {
    for (const name of Object.keys(action.outputs)) expect(table).toMatch(new RegExp(`^\\| \`${name}\` \\| \\S`, 'm'));
  });

  it('keeps a table intact when a description holds a pipe or spans lines', () => {
    const text = actionInputsTable('inputs:\n  x:\n    description: "a | b\\nc"\n    default: "1"\noutputs: {}\n');
    expect(text).toContain('| `x` | `1` | a \\| b c |');
  });

  it('names the README markers, and the section scripts/readme.mjs splices between them renders action.yml', () => {
    expect(ACTION_INPUTS_MARKERS).toEqual({ start: '<!-- ai-registry:action-inputs:start -->', end: '<!-- ai-registry:action-inputs:end -->' });
    const section = actionInputsSection();
    expect(`<!-- ai-registry:${section.name}:start -->`).toBe(ACTION_INPUTS_MARKERS.start);
    expect(section.render()).toBe(table);
  });
});
