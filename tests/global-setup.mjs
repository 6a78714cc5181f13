// Builds dist/ once before any test file runs: the process tests run the bundle, and parallel
// test files must never rebuild it under each other's feet.
import { execFileSync } from 'node:child_process';

export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
}
