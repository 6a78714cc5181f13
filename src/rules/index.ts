import duplicateName from './duplicate-name.js';
import fileInvalid from './file-invalid.js';
import nameMismatch from './name-mismatch.js';
import type { Rule } from './rule.js';
import schema from './schema.js';
import unknownReference from './unknown-reference.js';
import yamlSyntax from './yaml-syntax.js';

/** Every rule, sorted by id. A test checks the order, the docs and a test file per rule. */
export const RULES: readonly Rule[] = [
  duplicateName,
  fileInvalid,
  nameMismatch,
  schema,
  unknownReference,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
