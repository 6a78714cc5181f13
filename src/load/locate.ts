import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type ParsedNode } from 'yaml';
import type { Position } from '../model/finding.js';
import type { Locate, LocateTarget, YamlPath } from '../model/manifest.js';

const START: Position = { line: 1, column: 1 };

/**
 * Turns paths into 1-based positions on a parsed document. This is the one place where
 * positions are computed; rules and the schema mapper only ever name paths.
 */
export function createLocator(doc: Document.Parsed, lineCounter: LineCounter): Locate {
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return START;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const startOf = (node: Node | null | undefined): number | undefined =>
    (node as ParsedNode | null | undefined)?.range?.[0];

  return (path: YamlPath, target: LocateTarget = 'node'): Position => {
    let node: Node | null | undefined = doc.contents;
    let key: Node | null = null;
    for (const segment of path) {
      const current: Node | null | undefined = isAlias(node) ? node.resolve(doc) : node;
      let next: Node | null | undefined;
      let nextKey: Node | null = null;
      let found = false;
      if (isMap(current)) {
        for (const pair of current.items) {
          if (isScalar(pair.key) && String(pair.key.value) === String(segment)) {
            next = pair.value as Node | null;
            nextKey = pair.key;
            found = true;
            break;
          }
        }
      } else if (isSeq(current) && /^\d+$/.test(String(segment)) && Number(segment) < current.items.length) {
        next = current.items[Number(segment)] as Node | null;
        found = true;
      }
      if (!found) {
        // Absent: the key of the deepest mapping that exists (or the collection itself).
        return at(startOf(key) ?? startOf(node) ?? 0);
      }
      node = next;
      key = nextKey;
    }
    if (target === 'key') return at(startOf(key) ?? startOf(node) ?? 0);
    if (target === 'value') return at(startOf(node) ?? startOf(key) ?? 0);
    if (node === null || node === undefined || isCollection(node)) return at(startOf(key) ?? startOf(node) ?? 0);
    return at(startOf(node) ?? startOf(key) ?? 0);
  };
}

/** Position of a byte offset, for findings that are not about a node (syntax errors). */
export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
