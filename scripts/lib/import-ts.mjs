// Imports TypeScript sources from a build script: esbuild bundles an entry (ES module source,
// relative to the project root) into a temporary module, which is imported and then deleted.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Some dependencies still call require() for Node built-ins, even in an ES module bundle. */
export const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export async function importTs(entrySource) {
  const bundle = join(tmpdir(), `ai-registry-script-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: { contents: entrySource, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    banner: { js: REQUIRE_BANNER },
  });
  try {
    return await import(pathToFileURL(bundle).href);
  } finally {
    rmSync(bundle, { force: true });
  }
}
