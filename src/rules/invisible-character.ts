import type { Manifest, YamlPath } from '../model/manifest.js';
import { displayPath } from '../schema/validate.js';
import { plural } from '../report/format.js';
import { describeCodePoint, hasInvisible, invisibleCodePoints, isBidiControl, visibleText } from '../util/visible.js';
import { RULE_CITATIONS } from './citations.js';
import { defineRule, type RuleContext } from './rule.js';

export default defineRule({
  meta: {
    id: 'invisible-character',
    description:
      'A manifest value holds a bidirectional control (such as U+202E RIGHT-TO-LEFT OVERRIDE) or an invisible format character (such as U+200B ZERO WIDTH SPACE), which makes a name, title or owner read differently from what it is (Trojan Source).',
    fix: 'Delete the character: reports show it as `<U+202E>`. Right-to-left text reads correctly without controls; the zero-width joiner and non-joiner of emoji and of many scripts are allowed.',
    severity: 'error',
    // An organisation writing right-to-left titles may need a mark: the CoE can waive it per model.
    waivable: true,
    references: RULE_CITATIONS['invisible-character'],
  },
  check(context) {
    // Every manifest, schema-valid or not: the text reaches reports either way.
    for (const manifest of context.registry.manifests) {
      visit(context, manifest, manifest.metadata, ['metadata']);
      visit(context, manifest, manifest.spec, ['spec']);
    }
  },
});

/**
 * Each string below `value`, whatever its shape: one regular-expression test per string. `path`
 * is one array, pushed and popped on the way (copied only for a finding): no allocation per value.
 */
function visit(context: RuleContext, manifest: Manifest, value: unknown, path: (string | number)[]): void {
  if (typeof value === 'string') {
    if (hasInvisible(value)) report(context, manifest, [...path], displayPath(path), value, 'value');
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      visit(context, manifest, value[i], path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    // Labels take any key, and their keys are shown: check them too. Elsewhere a key is a schema field.
    const labels = path.length === 2 && path[0] === 'metadata' && path[1] === 'labels';
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      path.push(key);
      if (labels && hasInvisible(key)) report(context, manifest, [...path], `${displayPath(path.slice(0, -1))} key ${JSON.stringify(key)}`, key, 'key');
      visit(context, manifest, record[key], path);
      path.pop();
    }
  }
}

function report(context: RuleContext, manifest: Manifest, path: YamlPath, field: string, text: string, target: 'value' | 'key'): void {
  const [first, ...others] = invisibleCodePoints(text);
  const more = others.length > 0 ? ` and ${plural(others.length, 'more invisible character', 'more invisible characters')}` : '';
  const what = isBidiControl(first!)
    ? 'a bidirectional control that can make text read differently from what it is (Trojan Source)'
    : 'an invisible character that makes different text look the same';
  context.report(
    manifest,
    path,
    `${field} holds ${describeCodePoint(first!)}${more}, ${what}; delete it (reports show it as ${visibleText(String.fromCodePoint(first!))})`,
    { target },
  );
}
