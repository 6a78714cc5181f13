import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

/** Reported by the loader, from src/schema/validate.ts. */
export default defineRule({
  meta: {
    id: 'schema',
    description: "The manifest does not match its kind's JSON Schema (unknown apiVersion or kind included).",
    fix: 'Change the field at the position given as the message says; the schemas in `schemas/` describe every field, and editors with the YAML language server show them on hover.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['schema'],
  },
});
