import { Citable } from './citations';
import { spdxLicence } from './identifiers';

/** What JSON-LD needs beyond a citation: the licence, the PDF, the alliance that published and the authors' ORCID iDs. */
export interface Describable extends Citable {
  licence: string;
  pdfUrl: string | null;
  publisherName: string;
  authors: { displayName: string; affiliation: string | null; orcid: string | null }[];
}

const LICENCE_URL = (spdx: string) => `https://spdx.org/licenses/${spdx}.html`;

/** The schema.org ScholarlyArticle of a published project, for the article page's <script type="application/ld+json">. */
export function jsonLdOf(p: Describable, pageUrl?: string): Record<string, unknown> {
  const spdx = spdxLicence(p.licence);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: p.title,
    name: p.title,
    ...(p.abstract && { abstract: p.abstract }),
    keywords: p.keywords,
    datePublished: p.publishedOn,
    author: p.authors.map((a) => ({
      '@type': 'Person',
      name: a.displayName,
      ...(a.orcid && { sameAs: `https://orcid.org/${a.orcid}` }),
      ...(a.affiliation && { affiliation: { '@type': 'Organization', name: a.affiliation } }),
    })),
    ...(p.doi && { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: p.doi }, sameAs: `https://doi.org/${p.doi}` }),
    ...((p.url ?? pageUrl) && { url: p.url ?? pageUrl }),
    ...(p.pdfUrl && { encoding: { '@type': 'MediaObject', contentUrl: p.pdfUrl, encodingFormat: 'application/pdf' } }),
    ...(spdx && { license: LICENCE_URL(spdx) }),
    publisher: { '@type': 'Organization', name: p.publisherName },
    isPartOf: {
      '@type': 'PublicationIssue',
      issueNumber: p.issue,
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: p.volume,
        isPartOf: { '@type': 'Periodical', name: p.journalTitle, ...(p.issn && { issn: p.issn }) },
      },
    },
  };
}
