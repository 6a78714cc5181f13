// Bundles the CLI and the Action into dist/: self-contained ESM that runs with no node_modules.
// The JSON Schemas are compiled here, once, into Ajv standalone code that replaces
// src/schema/validators.ts in the bundle, so a run starts without compiling a schema.
// CI rebuilds and fails when the committed bundle differs.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = { cli: 'src/bin.ts', index: 'src/index.ts' };
// Some dependencies still call require() for Node built-ins.
const requireBanner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** The validators of src/schema/compile.ts as standalone ES module source. */
async function standaloneValidators() {
  const bundle = join(tmpdir(), `ai-registry-validators-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: "export { createAjv, schemaId } from './src/schema/compile.ts'; export { KINDS } from './src/model/manifest.ts'; export { default as standaloneCode } from 'ajv/dist/standalone/index.js';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    banner: { js: requireBanner },
  });
  try {
    const { createAjv, schemaId, KINDS, standaloneCode } = await import(pathToFileURL(bundle).href);
    const ajv = createAjv({ source: true });
    const code = standaloneCode(ajv, Object.fromEntries(KINDS.map((kind) => [kind, schemaId(kind)])));
    return `${code}\nexport function loadValidators() { return { ${KINDS.join(', ')} }; }\n`;
  } finally {
    rmSync(bundle, { force: true });
  }
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
  banner: { js: requireBanner },
});
