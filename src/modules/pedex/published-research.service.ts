import { createHash } from 'node:crypto';
import { checkFirst, Connection, cursorTag, decodeCursor, encodeCursor, PageArgs } from '../../common/connection';
import { BadUserInput } from '../../common/errors';
import { RequestContext } from '../../context/context';
import { PublishedResearchFilter, PublishedResearchOrder, PublishedResearchProject } from './published.types';

/**
 * PedEx's reads: published, public projects of every alliance, for anyone. The first wall is the
 * condition every statement here carries (PUBLISHED and PUBLIC, written as the partial indexes'
 * predicate so that they are used); the second is the `public_read` policies, which give anonymous
 * callers these rows and nothing else.
 */

/** The longest search honoured: longer text is cut here (at a space where there is one), never refused. */
export const MAX_SEARCH_LENGTH = 200;

const PUBLISHED = `p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC'`;
const QUERY = (n: number) => `websearch_to_tsquery('english', $${n})`;

/** The columns of a PublishedResearchProject, with its alliance and the names of its areas, from one row. */
const COLUMNS = `p.id, p.slug, p.title, p.abstract, p.methodology::text AS methodology, p.key_stages::text[] AS "keyStages", p.keywords,
  ARRAY(SELECT a.name FROM areas_of_expertise a WHERE a.id = ANY(p.area_ids) ORDER BY a.position) AS "areasOfExpertise",
  p.published_on::text AS "publishedOn", p.journal_title AS "journalTitle", p.issn, p.volume, p.issue, p.doi, p.url, p.pdf_url AS "pdfUrl", p.licence,
  al.name AS "allianceName", al.slug AS "allianceSlug", al.kind::text AS "allianceKind"`;

/** The text searched for, or null for no search (absent, empty or whitespace); cut to MAX_SEARCH_LENGTH. */
export function searchText(search: string | null | undefined): string | null {
  const text = search?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (text.length <= MAX_SEARCH_LENGTH) return text;
  const cut = text.slice(0, MAX_SEARCH_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > MAX_SEARCH_LENGTH / 2 ? cut.slice(0, space) : cut;
}

const toProject = ({ rank_text: _cursorRank, ...row }: Record<string, unknown>): PublishedResearchProject =>
  Object.assign(new PublishedResearchProject(), { snippet: null, ...row, rank: row.rank === undefined || row.rank === null ? null : Number(row.rank) });

/** One published project by its slug; null for an unknown slug (or one not published). */
export async function publishedProjectBySlug(ctx: RequestContext, slug: string): Promise<PublishedResearchProject | null> {
  if (slug.length > 200) return null;
  const rows = await ctx.em.query(`SELECT ${COLUMNS} FROM research_projects p JOIN alliances al ON al.id = p.alliance_id WHERE ${PUBLISHED} AND p.slug = $1`, [slug]);
  return rows.length ? toProject(rows[0]) : null;
}

/** The filter's conditions on alias `p`, with their parameters numbered from `next`. */
function filterConditions(filter: PublishedResearchFilter | null | undefined, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  if (!filter) return where;
  if (filter.areaOfExpertise != null) {
    const area = add(filter.areaOfExpertise.trim().toLowerCase());
    where.push(`p.area_ids && ARRAY(SELECT a.id FROM areas_of_expertise a WHERE lower(a.name) = ${area} OR lower(a.code) = ${area} OR ${area} = ANY(SELECT lower(x) FROM unnest(a.aliases) x))`);
  }
  if (filter.alliance != null) where.push(`p.alliance_id IN (SELECT x.id FROM alliances x WHERE x.slug = ${add(filter.alliance.trim().toLowerCase())})`);
  if (filter.year != null) {
    if (!Number.isInteger(filter.year) || filter.year < 1900 || filter.year > 2200) throw new BadUserInput('filter.year must be a year from 1900 to 2200', 'filter.year');
    where.push(`p.published_on >= make_date(${add(filter.year)}::int, 1, 1) AND p.published_on < make_date(${add(filter.year + 1)}::int, 1, 1)`);
  }
  if (filter.keyStage != null) where.push(`${add(filter.keyStage)}::key_stage = ANY(p.key_stages)`);
  if (filter.methodology != null) where.push(`p.methodology = ${add(filter.methodology)}::research_methodology`);
  return where;
}

const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/**
 * A page of published projects, across every alliance: NEWEST (publication date, then id, both
 * descending, on the research_projects_published index) or RELEVANCE (ts_rank_cd descending, then
 * id), keyset-paged. With a search, `websearch_to_tsquery` reads any text as a query (quotes for
 * phrases, `or`, `-` for not; anything else is words), so no user text can make the statement fail;
 * the search uses the weighted `search` column's partial GIN index, and the page's snippets are made
 * with ts_headline for its rows only. One statement; the count runs only when asked for.
 */
export async function listPublishedResearch(
  ctx: RequestContext,
  args: { search?: string | null; filter?: PublishedResearchFilter | null; orderBy?: PublishedResearchOrder | null } & PageArgs,
): Promise<Connection<PublishedResearchProject>> {
  const first = checkFirst(args.first);
  const search = searchText(args.search);
  const relevance = !!search && (args.orderBy ?? PublishedResearchOrder.RELEVANCE) === PublishedResearchOrder.RELEVANCE;
  const params: unknown[] = [];
  const where = [PUBLISHED];
  const q = search ? QUERY(params.push(search)) : null;
  if (q) where.push(`p.search @@ ${q}`);
  where.push(...filterConditions(args.filter, params));
  const base = [...where];
  const countParams = [...params];

  // A relevance cursor belongs to its search: the search's hash is part of it.
  const searchHash = search ? createHash('sha256').update(search).digest('base64url').slice(0, 12) : '';
  const tag = cursorTag(relevance ? 'published_research|RELEVANCE' : 'published_research|NEWEST');
  // A title match ranks above any match elsewhere, however often the abstract repeats the words: 1
  // for a match in the title (weight A alone), plus the usual rank scaled into [0, 1) (normalisation 32).
  const rank = q ? `((CASE WHEN ts_rank_cd('{0, 0, 0, 1}', p.search, ${q}) > 0 THEN 1 ELSE 0 END)::real + ts_rank_cd(p.search, ${q}, 32))` : 'NULL::real';
  if (relevance) {
    const after = decodeCursor(args.after, tag, ['string', 'string', 'uuid']);
    if (after) {
      const cursorRank = Number(after[1]);
      // A rank is a real in [0, 2): anything else was not made here, and PostgreSQL would refuse it as a real.
      if (after[0] !== searchHash || !NUMBER.test(String(after[1])) || !(cursorRank >= 0 && cursorRank < 2)) {
        throw new BadUserInput('after is not a cursor from this list and order', 'after');
      }
      // As a number again: 1e-999 is 0 to JavaScript but out of a real's range to PostgreSQL; no rank made here is that small.
      const r = `$${params.push(String(cursorRank < 1e-30 ? 0 : cursorRank))}::real`;
      const id = `$${params.push(after[2])}::uuid`;
      where.push(`(${rank} < ${r} OR (${rank} = ${r} AND p.id > ${id}))`);
    }
  } else {
    const after = decodeCursor(args.after, tag, ['date', 'uuid']);
    if (after) {
      where.push(`(p.published_on, p.id) < ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
    }
  }
  const order = relevance ? 'page.rank::real DESC, page.id ASC' : 'page."publishedOn" DESC, page.id DESC';
  const snippet = q
    ? `ts_headline('english', replace(replace(replace(coalesce(page.abstract, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), ${q},
        'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`
    : 'NULL';
  const sql = `
    SELECT page.*, page.rank::text AS rank_text, ${snippet} AS snippet FROM (
      SELECT ${COLUMNS}, ${rank} AS rank
      FROM research_projects p JOIN alliances al ON al.id = p.alliance_id
      WHERE ${where.join(' AND ')}
      -- The output column by name: the rank is computed once a match, not again for the order.
      ORDER BY ${relevance ? 'rank DESC, p.id ASC' : 'p.published_on DESC, p.id DESC'}
      LIMIT $${params.push(first + 1)}
    ) page ORDER BY ${order}`;
  const rows: Record<string, unknown>[] = await ctx.em.query(sql, params);
  const page = rows.slice(0, first).map(toProject);
  const edges = page.map((node, i) => ({
    node,
    cursor: encodeCursor(tag, relevance ? [searchHash, String(rows[i].rank_text), node.id] : [node.publishedOn, node.id]),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => Number((await ctx.em.query(`SELECT count(*) AS n FROM research_projects p WHERE ${base.join(' AND ')}`, countParams))[0].n),
  };
}
