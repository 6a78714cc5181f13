import { spliceBetweenMarkers, type MarkerPair } from '../render/markers.js';
import { ruleTable } from './rule-table.js';

/** A README section generated from the code, between `<!-- ai-registry:<name>:start/end -->`. */
export interface GeneratedSection {
  name: string;
  render: () => string;
}

export function sectionMarkers(name: string): MarkerPair {
  return { start: `<!-- ai-registry:${name}:start -->`, end: `<!-- ai-registry:${name}:end -->`, label: `the ${name} table` };
}

/** Rewrites every generated section of the README; the rest stays byte for byte. */
export function updateReadme(readme: string, sections: readonly GeneratedSection[]): string {
  let text = readme;
  for (const section of sections) {
    const spliced = spliceBetweenMarkers(text, section.render(), sectionMarkers(section.name), 'README.md');
    if (!spliced.ok) throw new Error(spliced.problem);
    text = spliced.text;
  }
  return text;
}

export const RULES_SECTION: GeneratedSection = { name: 'rules', render: ruleTable };
