import { Alliance } from '../src/modules/alliances/alliance.entity';
import { MAX_SEARCH_LENGTH } from '../src/modules/pedex/published-research.service';
import { ResearchAuthor } from '../src/modules/research/research-author.entity';
import { KeyStage, ResearchMethodology, ResearchStatus } from '../src/modules/research/research-enums';
import { ResearchProject } from '../src/modules/research/research-project.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { createAlliance, createSchool } from './factories';
import { createResearchProject, PUBLICATION } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { Data, startTestServer, TestServer } from './helpers/server';

/** Issue 11, PedEx's public surface: list, search, article, citations and JSON-LD, for anyone. */

const LIST = `query($search: String, $filter: PublishedResearchFilter, $orderBy: PublishedResearchOrder, $first: Int, $after: String) {
  publishedResearch(search: $search, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { slug title snippet rank publishedOn alliance { slug name } authors { displayName orcid } schools { urn name } } } } }`;
const ARTICLE = `query($slug: String!) { publishedResearchProject(slug: $slug) {
  slug title abstract keywords doi licence journal { title issn volume issue } authors { displayName affiliation orcid } schools { urn name }
  jsonLd apa: citation(style: APA) bibtex: citation(style: BIBTEX) ris: citation(style: RIS) } }`;

describe('the PedEx public surface', () => {
  let t: TestServer;
  let romero: Alliance;
  let fusion: Alliance;
  let school: School;
  let outsider: TestUser;
  const em = () => t.db.dataSource.manager;
  const as = async (who: TestUser | 'anonymous', source: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    const result = await t.execute<Data, Record<string, unknown>>(source, variables, { as: who });
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const slugs = (data: Data) => data.publishedResearch.edges.map((e: Data) => e.node.slug);

  async function published(alliance: Alliance, slug: string, overrides: Partial<ResearchProject> = {}, authors: Partial<ResearchAuthor>[] = []) {
    const p = await createResearchProject(em(), alliance, { ...PUBLICATION(slug), title: `About ${slug}`, abstract: 'Some work in schools.', ...overrides });
    await em().getRepository(ResearchAuthor).insert(
      (authors.length ? authors : [{ displayName: 'Ada Lovelace', affiliation: 'A school', orcid: '0000-0002-1825-0097', consentToBeNamed: true }]).map((a, i) => ({
        allianceId: alliance.id, projectId: p.id, position: i + 1, displayName: 'Author', consentToBeNamed: true, ...a,
      })),
    );
    await em().query(`INSERT INTO research_project_schools (alliance_id, project_id, school_id, position) VALUES ($1, $2, $3, 1)`, [alliance.id, p.id, school.id]);
    return p;
  }

  beforeAll(async () => {
    t = await startTestServer();
    romero = await createAlliance(em(), { slug: 'px-romero', name: 'PX Romero' });
    fusion = await createAlliance(em(), { slug: 'px-fusion', name: 'PX Fusion' });
    school = await createSchool(em(), { name: 'St Oscar Romero Primary' });
    outsider = await createUser(em(), { memberships: [{ alliance: fusion, role: MembershipRole.PRACTITIONER, person: await createPerson(em(), fusion) }] });
    await published(romero, 'title-match', { title: 'Teachers and retrieval practice', abstract: 'A study of homework.', keywords: ['homework'], publishedOn: '2024-03-01', keyStages: [KeyStage.KS3], methodology: ResearchMethodology.RCT });
    await published(romero, 'abstract-match', { title: 'Homework in Year 6', abstract: 'How teachers set retrieval tasks.', keywords: ['homework'], publishedOn: '2025-01-15' });
    await published(fusion, 'consent', { title: 'Oracy in EYFS', publishedOn: '2025-05-01', keyStages: [KeyStage.EYFS] }, [
      { displayName: 'Grace Hopper', orcid: '0000-0001-5109-3700', consentToBeNamed: true },
      { displayName: 'SECRET_UNNAMED_AUTHOR', affiliation: 'SECRET_AFFILIATION', consentToBeNamed: false },
      { displayName: 'Katherine Johnson', consentToBeNamed: true },
    ]);
    // Not public: not published, or published only to the alliance is impossible (a CHECK); an accepted one with a slug-to-be.
    await createResearchProject(em(), romero, { title: 'SECRET_ACCEPTED teachers retrieval', abstract: 'SECRET', keywords: ['SECRET'], status: ResearchStatus.ACCEPTED });
  });
  afterAll(() => t.close());

  it('lists published projects of every alliance, newest first, for anonymous callers and any signed-in user alike', async () => {
    const anonymous = await as('anonymous', LIST);
    expect(slugs(anonymous)).toEqual(['consent', 'abstract-match', 'title-match']);
    expect(anonymous.publishedResearch.totalCount).toBe(3);
    expect(await as(outsider, LIST)).toEqual(anonymous);
    expect(await as(t.reader, LIST)).toEqual(anonymous);
    expect(JSON.stringify(anonymous)).not.toMatch(/SECRET/);
  });

  it('pages with keyset cursors, in both orders', async () => {
    const first = await as('anonymous', LIST, { first: 2 });
    expect(first.publishedResearch.pageInfo.hasNextPage).toBe(true);
    const next = await as('anonymous', LIST, { first: 2, after: first.publishedResearch.pageInfo.endCursor });
    expect(slugs(next)).toEqual(['title-match']);
    const r1 = await as('anonymous', LIST, { search: 'teachers', first: 1 });
    const r2 = await as('anonymous', LIST, { search: 'teachers', first: 1, after: r1.publishedResearch.pageInfo.endCursor });
    expect([...slugs(r1), ...slugs(r2)]).toEqual(['title-match', 'abstract-match']);
    const wrong = await t.execute(LIST, { search: 'homework', first: 1, after: r1.publishedResearch.pageInfo.endCursor }, { as: 'anonymous' });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters by area, alliance, year, key stage and methodology', async () => {
    expect(slugs(await as('anonymous', LIST, { filter: { alliance: 'px-fusion' } }))).toEqual(['consent']);
    expect(slugs(await as('anonymous', LIST, { filter: { year: 2025 } }))).toEqual(['consent', 'abstract-match']);
    expect(slugs(await as('anonymous', LIST, { filter: { keyStage: 'KS3' } }))).toEqual(['title-match']);
    expect(slugs(await as('anonymous', LIST, { filter: { methodology: 'RCT' } }))).toEqual(['title-match']);
    expect(slugs(await as('anonymous', LIST, { filter: { areaOfExpertise: 'Maths' } }))).toEqual([]);
    const maths = (await em().query(`SELECT id FROM areas_of_expertise WHERE code = 'MATHS'`))[0].id;
    await em().query(`UPDATE research_projects SET area_ids = ARRAY[$1]::uuid[] WHERE slug = 'consent'`, [maths]);
    expect(slugs(await as('anonymous', LIST, { filter: { areaOfExpertise: 'maths' } }))).toEqual(['consent']);
    const bad = await t.execute(LIST, { filter: { year: 99999 } }, { as: 'anonymous' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.year' });
  });

  it('searches by stem, ranks a title match above an abstract match, and highlights', async () => {
    const data = await as('anonymous', LIST, { search: 'teacher retrieving' });
    expect(slugs(data)).toEqual(['title-match', 'abstract-match']);
    const [title, abstract] = data.publishedResearch.edges.map((e: Data) => e.node);
    expect(title.rank).toBeGreaterThan(abstract.rank);
    expect(abstract.snippet).toMatch(/<mark>teachers<\/mark>/);
    expect(slugs(await as('anonymous', LIST, { search: 'teacher', orderBy: 'NEWEST' }))).toEqual(['abstract-match', 'title-match']);
    expect(slugs(await as('anonymous', LIST, { search: '"retrieval practice"' }))).toEqual(['title-match']);
    expect(slugs(await as('anonymous', LIST, { search: 'homework -teachers' }))).toEqual([]);
  });

  it('treats an empty or blank search as none', async () => {
    for (const search of ['', '   ', '\n\t']) {
      const data = await as('anonymous', LIST, { search });
      expect(slugs(data)).toEqual(['consent', 'abstract-match', 'title-match']);
      expect(data.publishedResearch.edges[0].node.snippet).toBeNull();
    }
  });

  it('survives any text: quotes, operators, parentheses and 10,000 characters', async () => {
    const hostile = ['"', '"unbalanced', "'; DROP TABLE research_projects; --", '((teachers', 'teachers & | ! <-> :*', '-', 'or or or', '\\', '$1', '%_%', 'the',
      `${'teachers '.repeat(1200)}`.slice(0, 10_000), 'x'.repeat(10_000), '😀 教師 teachers'];
    for (const search of hostile) {
      const result = await t.execute<Data, Record<string, unknown>>(LIST, { search }, { as: 'anonymous' });
      expect(`${search.slice(0, 30)}: ${JSON.stringify(result.errors ?? null)}`).toBe(`${search.slice(0, 30)}: null`);
    }
    expect(MAX_SEARCH_LENGTH).toBeLessThan(10_000);
  });

  it('shows only consenting authors, in order, at both walls', async () => {
    const article = (await as('anonymous', ARTICLE, { slug: 'consent' })).publishedResearchProject;
    expect(article.authors.map((a: Data) => a.displayName)).toEqual(['Grace Hopper', 'Katherine Johnson']);
    expect(JSON.stringify(article)).not.toMatch(/SECRET/);
    // The second wall: the anonymous runtime role reads the table itself.
    const rows = await t.db.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT set_config('role', 'alliance_graph_public', true), set_config('app.role', 'ANONYMOUS', true), set_config('app.alliance_id', '', true)`);
      return tx.query(`SELECT display_name, affiliation FROM research_authors`);
    });
    expect(rows.map((r: Data) => r.display_name).sort()).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Grace Hopper', 'Katherine Johnson']);
    expect(JSON.stringify(rows)).not.toMatch(/SECRET/);
  });

  it('gives null for an unknown slug', async () => {
    expect((await as('anonymous', ARTICLE, { slug: 'no-such-article' })).publishedResearchProject).toBeNull();
    expect((await as('anonymous', ARTICLE, { slug: 'x'.repeat(5000) })).publishedResearchProject).toBeNull();
  });

  it('gives citations by citation-js and schema.org JSON-LD', async () => {
    const article = (await as('anonymous', ARTICLE, { slug: 'consent' })).publishedResearchProject;
    expect(article.apa).toContain('Hopper, G., & Johnson, K. (2025). Oracy in EYFS. PedEx, 4(2). https://doi.org/10.5555/pedex.consent');
    expect(article.bibtex).toMatch(/^@article\{/);
    expect(article.bibtex).toContain('title = {Oracy in {EYFS}}');
    expect(article.bibtex).toContain('author = {Hopper, Grace and Johnson, Katherine}');
    expect(article.bibtex).toContain('year = {2025}');
    expect(article.bibtex).toContain('doi = {10.5555/pedex.consent}');
    expect(article.ris).toMatch(/^TY {2}- JOUR/);
    for (const line of ['TI  - Oracy in EYFS', 'AU  - Hopper, Grace', 'AU  - Johnson, Katherine', 'PY  - 2025', 'DO  - 10.5555/pedex.consent']) expect(article.ris).toContain(line);
    expect(article.jsonLd).toMatchObject({
      '@context': 'https://schema.org', '@type': 'ScholarlyArticle', headline: 'Oracy in EYFS', datePublished: '2025-06-30'.replace('06-30', '05-01'),
      author: [{ '@type': 'Person', name: 'Grace Hopper', sameAs: 'https://orcid.org/0000-0001-5109-3700' }, { '@type': 'Person', name: 'Katherine Johnson' }],
      license: 'https://spdx.org/licenses/CC-BY-4.0.html',
    });
    expect(JSON.stringify(article)).not.toMatch(/SECRET/);
  });

  it('reads a page of 20 with authors and schools in at most 3 statements', async () => {
    for (let i = 0; i < 20; i++) await published(i % 2 ? romero : fusion, `page-${i}`, { publishedOn: '2026-01-01' }, [{ displayName: `A${i}` }, { displayName: `B${i}` }]);
    const query = `{ publishedResearch(first: 20) { edges { node { slug alliance { name } journal { title } authors { displayName } schools { name } } } } }`;
    t.db.counter.reset();
    const data = await as('anonymous', query);
    expect(data.publishedResearch.edges).toHaveLength(20);
    expect(data.publishedResearch.edges.every((e: Data) => e.node.authors.length === 2 && e.node.schools.length === 1)).toBe(true);
    expect(t.db.counter.selects.filter((sql) => !/set_config/.test(sql)).length).toBeLessThanOrEqual(3);
  });

  it('uses the partial GIN index for a search', async () => {
    // At size (3,000 published rows, rolled back after), a selective search reads the search index.
    const runner = t.db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`INSERT INTO research_projects (alliance_id, title, abstract, methodology, status, visibility, keywords, slug, journal_title, volume, issue, published_on, doi, licence)
        SELECT $1, 'Filler study ' || n, 'Nothing to find here.', 'OTHER', 'PUBLISHED', 'PUBLIC', ARRAY['filler'], 'filler-' || n, 'PedEx', '1', '1', date '2020-01-01' + n % 1000, '10.5555/f.' || n, 'CC-BY-4.0'
        FROM generate_series(1, 3000) n`, [romero.id]);
      await runner.query('ANALYZE research_projects');
      const plan = await runner.query(`EXPLAIN SELECT id FROM research_projects p WHERE p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC' AND p.search @@ websearch_to_tsquery('english', $1)`, ['oracy']);
      expect(plan.map((r: Data) => r['QUERY PLAN']).join('\n')).toContain('research_projects_search');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
