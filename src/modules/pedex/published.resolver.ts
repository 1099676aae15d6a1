import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { CitationStyle, citationOf } from './citations';
import { jsonLdOf } from './json-ld';
import { listPublishedResearch, MAX_SEARCH_LENGTH, publishedProjectBySlug } from './published-research.service';
import {
  PublicAlliance, PublicAuthor, PublicJournal, PublicSchool, PublishedResearchConnection, PublishedResearchFilter, PublishedResearchOrder, PublishedResearchProject,
} from './published.types';

/** PedEx: what anyone reads, with or without a token, of every alliance's published research. */
@Resolver(() => PublishedResearchProject)
export class PublishedResearchResolver {
  @Query(() => PublishedResearchConnection, {
    description: `Published research of every alliance; no token needed. With a search (full text, English stemming; "quotes" for a phrase, or, -word; at most ${MAX_SEARCH_LENGTH} characters are read), best match first by default.`,
  })
  publishedResearch(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('search', () => String, { nullable: true, description: 'Words to search titles, keywords and abstracts for.' }) search?: string | null,
    @Arg('filter', () => PublishedResearchFilter, { nullable: true, description: 'Which projects; all published unless asked.' }) filter?: PublishedResearchFilter | null,
    @Arg('orderBy', () => PublishedResearchOrder, { nullable: true, description: 'Default: RELEVANCE with a search, else NEWEST.' }) orderBy?: PublishedResearchOrder | null,
  ) {
    return listPublishedResearch(ctx, { ...page, search, filter, orderBy });
  }

  @Query(() => PublishedResearchProject, { nullable: true, description: 'One published project by its slug; null when there is none. No token needed.' })
  publishedResearchProject(@Ctx() ctx: RequestContext, @Arg('slug', { description: "The project's slug: its address in PedEx." }) slug: string) {
    return publishedProjectBySlug(ctx, slug);
  }

  @FieldResolver(() => PublicJournal, { description: 'Where it is published.' })
  journal(@Root() p: PublishedResearchProject): PublicJournal {
    return Object.assign(new PublicJournal(), { title: p.journalTitle, issn: p.issn, volume: p.volume, issue: p.issue });
  }

  @FieldResolver(() => PublicAlliance, { description: 'The alliance that published it.' })
  alliance(@Root() p: PublishedResearchProject): PublicAlliance {
    return Object.assign(new PublicAlliance(), { name: p.allianceName, slug: p.allianceSlug, kind: p.allianceKind });
  }

  @FieldResolver(() => [PublicAuthor], { description: 'The authors who consented to be named, in order.' })
  authors(@Root() p: PublishedResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.publicAuthorsByProject.load(p.id);
  }

  @FieldResolver(() => [PublicSchool], { description: 'The schools it was carried out in.' })
  schools(@Root() p: PublishedResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.publicSchoolsByProject.load(p.id);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'Its schema.org ScholarlyArticle, as JSON-LD.' })
  async jsonLd(@Root() p: PublishedResearchProject, @Ctx() ctx: RequestContext) {
    const authors = await ctx.loaders.publicAuthorsByProject.load(p.id);
    return jsonLdOf({ ...p, authors, publisherName: p.allianceName });
  }

  @FieldResolver(() => String, { description: 'A citation in APA, BibTeX or RIS, made by citation-js.' })
  async citation(@Root() p: PublishedResearchProject, @Ctx() ctx: RequestContext, @Arg('style', () => CitationStyle, { description: 'The citation style.' }) style: CitationStyle) {
    const authors = await ctx.loaders.publicAuthorsByProject.load(p.id);
    return citationOf({ ...p, authors }, style);
  }
}
