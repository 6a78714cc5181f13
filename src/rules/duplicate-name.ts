import type { Manifest } from '../model/manifest.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'duplicate-name',
    description: 'Two manifests of one kind share a name.',
    fix: 'Give each manifest of a kind its own name (and file name), or delete the copy.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['duplicate-name'],
  },
  check(context) {
    const groups = new Map<string, Manifest[]>();
    for (const manifest of context.registry.manifests) {
      const key = `${manifest.kind}\u0000${manifest.name}`;
      const group = groups.get(key);
      if (group) group.push(manifest);
      else groups.set(key, [manifest]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const manifest of group) {
        const others = group.filter((m) => m !== manifest).map((m) => m.file);
        context.report(manifest, ['metadata', 'name'], `${manifest.kind} "${manifest.name}" is also defined in ${others.join(', ')}; names are unique per kind`);
      }
    }
  },
});
