// Bundles the CLI and the Action into dist/: self-contained ESM that runs with no node_modules.
// The JSON Schemas are compiled here, once, into Ajv standalone code that replaces
// src/schema/validators.ts in the bundle, so a run starts without compiling a schema.
// CI rebuilds and fails when the committed bundle differs.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importTs, REQUIRE_BANNER, ROOT as root } from './lib/import-ts.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = { cli: 'src/bin.ts', index: 'src/index.ts' };

/** The validators of src/schema/compile.ts as standalone ES module source. */
async function standaloneValidators() {
  const { createAjv, schemaId, KINDS, standaloneCode } = await importTs(
    "export { createAjv, schemaId } from './src/schema/compile.ts'; export { KINDS } from './src/model/manifest.ts'; export { default as standaloneCode } from 'ajv/dist/standalone/index.js';",
  );
  const ajv = createAjv({ source: true });
  const code = standaloneCode(ajv, Object.fromEntries(KINDS.map((kind) => [kind, schemaId(kind)])));
  return `${code}\nexport function loadValidators() { return { ${KINDS.join(', ')} }; }\n`;
}

const validatorsModule = resolve(root, 'src/schema/validators.ts');
const source = await standaloneValidators();
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(context) {
    context.onLoad({ filter: /[\\/]src[\\/]schema[\\/]validators\.ts$/ }, (args) =>
      resolve(args.path) === validatorsModule ? { contents: source, loader: 'js', resolveDir: join(root, 'src/schema') } : undefined,
    );
  },
};

await build({
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(join(root, file))).map(([name, file]) => [name, join(root, file)])),
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version), __BUNDLED__: 'true' },
  plugins: [precompiledValidators],
  banner: { js: REQUIRE_BANNER },
});
