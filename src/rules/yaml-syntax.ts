import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

/** Reported by the loader (src/load/parse.ts). */
export default defineRule({
  meta: {
    id: 'yaml-syntax',
    description: 'The file is not a single, well-formed YAML document.',
    fix: 'Fix the YAML at the position given: close brackets and quotes, indent with spaces, give each key once, keep one document per file, and use no tags or alias chains.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['yaml-syntax'],
  },
});
