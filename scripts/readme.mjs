// Regenerates the README's generated tables (rules, Action inputs/outputs) from the code;
// `--check` writes nothing and exits 1 when the README is stale (CI runs that).
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const check = process.argv.includes('--check');
const bundle = join(tmpdir(), `ai-registry-readme-${process.pid}.mjs`);
await build({
  stdin: {
    contents: "export { updateReadme, RULES_SECTION } from './src/readme/update.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { updateReadme, RULES_SECTION } = await import(pathToFileURL(bundle).href);
rmSync(bundle, { force: true });

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
