import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseName } from '@citation-js/name';
import { registerEnumType } from 'type-graphql';

export enum CitationStyle {
  APA = 'APA',
  BIBTEX = 'BIBTEX',
  RIS = 'RIS',
}
registerEnumType(CitationStyle, {
  name: 'CitationStyle',
  description: 'APA: a reference in APA style, as text. BIBTEX: a BibTeX entry. RIS: a RIS record.',
  valuesConfig: {
    APA: { description: 'A reference in APA style, as text.' },
    BIBTEX: { description: 'A BibTeX entry.' },
    RIS: { description: 'A RIS record.' },
  },
});

/** What a citation needs of a published project: its metadata and its named authors, in order. */
export interface Citable {
  slug: string;
  title: string;
  abstract: string | null;
  keywords: string[];
  publishedOn: string;
  journalTitle: string;
  issn: string | null;
  volume: string;
  issue: string;
  doi: string | null;
  url: string | null;
  authors: { displayName: string }[];
}

/** An author's display name as CSL wants it: family and given where citation-js can tell them apart, else the name as written. */
function cslName(displayName: string): Record<string, string> {
  const parsed = parseName(displayName);
  return parsed.family && parsed.given ? (parsed as Record<string, string>) : { literal: displayName };
}

/** CSL-JSON, the form citation-js formats from (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export function cslOf(p: Citable): Record<string, unknown> {
  const [year, month, day] = p.publishedOn.split('-').map(Number);
  return {
    id: p.slug,
    type: 'article-journal',
    title: p.title,
    author: p.authors.map((a) => cslName(a.displayName)),
    issued: { 'date-parts': [[year, month, day]] },
    'container-title': p.journalTitle,
    ...(p.issn && { ISSN: p.issn }),
    volume: p.volume,
    issue: p.issue,
    ...(p.doi && { DOI: p.doi }),
    ...(p.url && { URL: p.url }),
    ...(p.keywords.length && { keyword: p.keywords.join(', ') }),
  };
}

/** A citation in the style asked for, by citation-js (the APA template is its CSL default style). */
export function citationOf(p: Citable, style: CitationStyle): string {
  const cite = new Cite(cslOf(p));
  switch (style) {
    case CitationStyle.APA:
      return cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-GB' }).trim();
    case CitationStyle.BIBTEX:
      return cite.format('bibtex').trim();
    case CitationStyle.RIS:
      return cite.format('ris').trim();
  }
}
