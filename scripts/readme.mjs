// Regenerates the README's generated tables (rules, Action inputs/outputs) from the code;
// `--check` writes nothing and exits 1 when the README is stale (CI runs that).
import { readFileSync, writeFileSync } from 'node:fs';
import { importTs } from './lib/import-ts.mjs';

const check = process.argv.includes('--check');
const { updateReadme, RULES_SECTION } = await importTs("export { updateReadme, RULES_SECTION } from './src/readme/update.ts';");

const sections = [RULES_SECTION];
try {
  const { actionInputsSection } = await import('./action-inputs-table.mjs');
  sections.push(actionInputsSection());
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}

const before = readFileSync('README.md', 'utf8');
const after = updateReadme(before, sections);
if (check) {
  if (after !== before) {
    console.error("README.md's generated tables are stale: run `npm run readme` and commit README.md");
    process.exit(1);
  }
  console.log("README.md's generated tables are fresh");
} else if (after !== before) {
  writeFileSync('README.md', after);
  console.log('README.md updated');
} else {
  console.log('README.md already up to date');
}
