import { basename, extname } from 'node:path';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'name-mismatch',
    description: '`metadata.name` differs from the file name.',
    fix: 'Rename the file to `<metadata.name>.yaml`, or change `metadata.name` to match the file name.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['name-mismatch'],
  },
  check(context) {
    for (const manifest of context.registry.manifests) {
      const stem = basename(manifest.file, extname(manifest.file));
      if (stem !== manifest.name) {
        context.report(manifest, ['metadata', 'name'], `metadata.name "${manifest.name}" differs from the file name "${stem}"; rename the file to ${manifest.name}${extname(manifest.file)} or the manifest to ${stem}`);
      }
    }
  },
});
