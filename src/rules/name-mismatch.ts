import { basename, extname } from 'node:path';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'name-mismatch',
    description: '`metadata.name` differs from the file name.',
    fix: 'Rename the file to `<metadata.name>.yaml`, or change `metadata.name` to match the file name.',
    severity: 'error',
    waivable: false,
    references: [],
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
