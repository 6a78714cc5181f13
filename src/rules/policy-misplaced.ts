import { isPolicyFile } from '../policy/location.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'policy-misplaced',
    description: 'A Policy manifest lies somewhere other than `registry/policy.yaml`, the one place a policy takes effect (and the CoE owns): it is ignored.',
    fix: 'Move what it changes into `registry/policy.yaml` (a pull request the CoE reviews) and delete this file.',
    severity: 'error',
    waivable: false,
    references: RULE_CITATIONS['policy-misplaced'],
  },
  check(context) {
    const { registry } = context;
    for (const policy of registry.all('Policy')) {
      if (isPolicyFile(policy.file, registry.registryDir)) continue;
      context.report(
        policy,
        ['kind'],
        `a Policy manifest takes effect only at ${registry.registryDir === '.' ? '' : `${registry.registryDir}/`}policy.yaml, so this one is ignored: move what it changes there (the CoE reviews that file) and delete ${policy.file}`,
        { target: 'value' },
      );
    }
  },
});
