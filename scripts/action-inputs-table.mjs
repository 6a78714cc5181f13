// Generates the README's table of the Action's inputs and outputs from action.yml, so the two never
// disagree. `node scripts/action-inputs-table.mjs [action.yml]` prints the block that belongs
// between ACTION_INPUTS_MARKERS in README.md; a CI check compares it with the README.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownTable } from 'markdown-table';
import { parse } from 'yaml';

export const ACTION_INPUTS_MARKERS = {
  start: '<!-- ai-registry:action-inputs:start -->',
  end: '<!-- ai-registry:action-inputs:end -->',
};

/** One table cell: a single line, with pipes escaped so the table holds. */
function cell(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** Inline code that survives backticks inside the value. */
function code(text) {
  const value = String(text);
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.includes('`') ? ` ${value} ` : value}${fence}`;
}

/**
 * The markdown for the README (without the markers): an inputs table (name, default, description)
 * and an outputs table, in action.yml's order. `actionYml` is the text of action.yml.
 */
export function actionInputsTable(actionYml) {
  const action = parse(actionYml);
  const inputs = Object.entries(action?.inputs ?? {});
  const outputs = Object.entries(action?.outputs ?? {});
  const options = { alignDelimiters: false };
  const inputRows = inputs.map(([name, input]) => {
    const fallback = input?.default === undefined || input.default === '' ? '' : code(cell(input.default));
    return [code(name), fallback, cell(input?.description)];
  });
  const outputRows = outputs.map(([name, output]) => [code(name), cell(output?.description)]);
  return [
    '#### Inputs',
    '',
    markdownTable([['Input', 'Default', 'Description'], ...inputRows], options),
    '',
    '#### Outputs',
    '',
    markdownTable([['Output', 'Description'], ...outputRows], options),
    '',
  ].join('\n');
}

/**
 * The README section for scripts/readme.mjs (`updateReadme`): its name gives the markers
 * `<!-- ai-registry:action-inputs:start/end -->`; it renders from action.yml beside scripts/.
 */
export function actionInputsSection(actionYmlPath) {
  const file = actionYmlPath ?? new URL('../action.yml', import.meta.url);
  return { name: 'action-inputs', render: () => actionInputsTable(readFileSync(file, 'utf8')) };
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  process.stdout.write(actionInputsSection(process.argv[2]).render());
}
