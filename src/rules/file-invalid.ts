import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

/** Reported by the loader (src/load/read.ts). */
export default defineRule({
  meta: {
    id: 'file-invalid',
    description: 'The file is empty, only comments, binary, not UTF-8, not a regular file, or larger than 1 MiB.',
    fix: 'Save the manifest as a regular UTF-8 text file under 1 MiB holding one manifest (apiVersion, kind, metadata, spec).',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['file-invalid'],
  },
});
