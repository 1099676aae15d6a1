/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PedExArticle($slug: String!) {\n  publishedResearchProject(slug: $slug) {\n    slug\n    title\n    abstract\n    methodology\n    keyStages\n    keywords\n    areasOfExpertise\n    publishedOn\n    journal {\n      title\n      issn\n      volume\n      issue\n    }\n    doi\n    url\n    pdfUrl\n    licence\n    alliance {\n      name\n      slug\n      kind\n    }\n    schools {\n      urn\n      name\n      town\n      localAuthority\n      phase\n    }\n    authors {\n      displayName\n      affiliation\n      orcid\n    }\n    jsonLd\n    apa: citation(style: APA)\n    bibtex: citation(style: BIBTEX)\n    ris: citation(style: RIS)\n  }\n}": typeof types.PedExArticleDocument,
    "query PedExList($first: Int = 20, $after: String, $filter: PublishedResearchFilter) {\n  publishedResearch(\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: NEWEST\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        abstract\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n        schools {\n          name\n          town\n        }\n      }\n    }\n  }\n}": typeof types.PedExListDocument,
    "query PedExSearch($search: String!, $first: Int = 20, $after: String, $filter: PublishedResearchFilter, $orderBy: PublishedResearchOrder) {\n  publishedResearch(\n    search: $search\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: $orderBy\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        snippet\n        rank\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n      }\n    }\n  }\n}": typeof types.PedExSearchDocument,
};
const documents: Documents = {
    "query PedExArticle($slug: String!) {\n  publishedResearchProject(slug: $slug) {\n    slug\n    title\n    abstract\n    methodology\n    keyStages\n    keywords\n    areasOfExpertise\n    publishedOn\n    journal {\n      title\n      issn\n      volume\n      issue\n    }\n    doi\n    url\n    pdfUrl\n    licence\n    alliance {\n      name\n      slug\n      kind\n    }\n    schools {\n      urn\n      name\n      town\n      localAuthority\n      phase\n    }\n    authors {\n      displayName\n      affiliation\n      orcid\n    }\n    jsonLd\n    apa: citation(style: APA)\n    bibtex: citation(style: BIBTEX)\n    ris: citation(style: RIS)\n  }\n}": types.PedExArticleDocument,
    "query PedExList($first: Int = 20, $after: String, $filter: PublishedResearchFilter) {\n  publishedResearch(\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: NEWEST\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        abstract\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n        schools {\n          name\n          town\n        }\n      }\n    }\n  }\n}": types.PedExListDocument,
    "query PedExSearch($search: String!, $first: Int = 20, $after: String, $filter: PublishedResearchFilter, $orderBy: PublishedResearchOrder) {\n  publishedResearch(\n    search: $search\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: $orderBy\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        snippet\n        rank\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n      }\n    }\n  }\n}": types.PedExSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PedExArticle($slug: String!) {\n  publishedResearchProject(slug: $slug) {\n    slug\n    title\n    abstract\n    methodology\n    keyStages\n    keywords\n    areasOfExpertise\n    publishedOn\n    journal {\n      title\n      issn\n      volume\n      issue\n    }\n    doi\n    url\n    pdfUrl\n    licence\n    alliance {\n      name\n      slug\n      kind\n    }\n    schools {\n      urn\n      name\n      town\n      localAuthority\n      phase\n    }\n    authors {\n      displayName\n      affiliation\n      orcid\n    }\n    jsonLd\n    apa: citation(style: APA)\n    bibtex: citation(style: BIBTEX)\n    ris: citation(style: RIS)\n  }\n}"): (typeof documents)["query PedExArticle($slug: String!) {\n  publishedResearchProject(slug: $slug) {\n    slug\n    title\n    abstract\n    methodology\n    keyStages\n    keywords\n    areasOfExpertise\n    publishedOn\n    journal {\n      title\n      issn\n      volume\n      issue\n    }\n    doi\n    url\n    pdfUrl\n    licence\n    alliance {\n      name\n      slug\n      kind\n    }\n    schools {\n      urn\n      name\n      town\n      localAuthority\n      phase\n    }\n    authors {\n      displayName\n      affiliation\n      orcid\n    }\n    jsonLd\n    apa: citation(style: APA)\n    bibtex: citation(style: BIBTEX)\n    ris: citation(style: RIS)\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PedExList($first: Int = 20, $after: String, $filter: PublishedResearchFilter) {\n  publishedResearch(\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: NEWEST\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        abstract\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n        schools {\n          name\n          town\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query PedExList($first: Int = 20, $after: String, $filter: PublishedResearchFilter) {\n  publishedResearch(\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: NEWEST\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        abstract\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n        schools {\n          name\n          town\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PedExSearch($search: String!, $first: Int = 20, $after: String, $filter: PublishedResearchFilter, $orderBy: PublishedResearchOrder) {\n  publishedResearch(\n    search: $search\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: $orderBy\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        snippet\n        rank\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query PedExSearch($search: String!, $first: Int = 20, $after: String, $filter: PublishedResearchFilter, $orderBy: PublishedResearchOrder) {\n  publishedResearch(\n    search: $search\n    first: $first\n    after: $after\n    filter: $filter\n    orderBy: $orderBy\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        slug\n        title\n        snippet\n        rank\n        publishedOn\n        methodology\n        keyStages\n        keywords\n        areasOfExpertise\n        journal {\n          title\n          volume\n          issue\n        }\n        alliance {\n          name\n          slug\n        }\n        authors {\n          displayName\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;