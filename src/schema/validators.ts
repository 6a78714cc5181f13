import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Kind } from '../model/manifest.js';
import { compileValidators } from './compile.js';

/**
 * The validators, compiled at run time. The build (scripts/build.mjs) replaces this module in
 * dist/ with the same validators as Ajv standalone code, so the CLI and the Action start
 * without compiling a schema.
 */
export function loadValidators(): Record<Kind, ValidateFunction> {
  return compileValidators();
}
