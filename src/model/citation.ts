/** A reference to a clause of a governance framework that a rule implements. */
export interface Citation {
  framework: 'EU AI Act' | 'NIST AI RMF' | 'ISO/IEC 42001' | 'OMB M-25-21';
  /** The clause as practitioners write it: `Art. 9`, `MAP 5.1`, `A.5.2`, `§4(b)(i)`. */
  ref: string;
  /** The clause's own title, short. */
  title: string;
  url?: string;
}

/** `EU AI Act Art. 9`; in markdown, linked to the clause's source where it has one. */
export function citationText(citation: Citation, markdown = false): string {
  const text = `${citation.framework} ${citation.ref}`;
  return markdown && citation.url ? `[${text}](${citation.url} "${citation.title.replace(/"/g, "'")}")` : text;
}
