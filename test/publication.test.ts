import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { formatOrcid, isValidDoi, isValidIssn, isValidOrcid, spdxLicence } from '../src/modules/pedex/identifiers';
import { firstFreeSlug, slugFromTitle } from '../src/modules/pedex/slug';
import { Person } from '../src/modules/people/person.entity';
import { ResearchStatus } from '../src/modules/research/research-enums';
import { MembershipRole } from '../src/modules/users/user-enums';
import { createAlliance } from './factories';
import { createResearchProject } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, startTestServer, TestServer } from './helpers/server';

/** Issue 11, publication: the gate, the identifiers, the authors and the slug, through the GraphQL API. */

const PUBLISH = `mutation($input: PublishResearchProjectInput!) { publishResearchProject(input: $input) {
  researchProject { id status visibility slug journalTitle issn volume issue publishedOn doi url pdfUrl licence version } } }`;
const ARTICLE = `query($slug: String!) { publishedResearchProject(slug: $slug) { slug title licence authors { displayName affiliation orcid } journal { title issn volume issue } } }`;

const AUTHORS = [
  { displayName: 'Josiah Carberry', affiliation: 'Romero Primary', orcid: '0000-0002-1825-0097', consentToBeNamed: true },
  { displayName: 'Unnamed Colleague', affiliation: 'Romero Primary', consentToBeNamed: false },
];
const META = { issn: '2049-3630', volume: '4', issue: '2', publishedOn: '2025-06-30', doi: '10.5555/pedex.2025.14', licence: 'CC BY 4.0', pdfUrl: 'https://pedex.example/14.pdf', authors: AUTHORS };

describe('identifiers', () => {
  it('checks ISSN check digits', () => {
    for (const good of ['0317-8471', '2049-3630', '0378-5955', '2434-561X', '2434-561x', '03178471']) expect(`${good} ${isValidIssn(good)}`).toBe(`${good} true`);
    for (const bad of ['0317-8472', '2049-3631', '1234-5678', '2049-363', 'abcd-efgh', '']) expect(`${bad} ${isValidIssn(bad)}`).toBe(`${bad} false`);
  });

  it('checks ORCID iDs with ISO 7064 MOD 11-2', () => {
    for (const good of ['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X', 'https://orcid.org/0000-0002-1825-0097', '0000000218250097']) {
      expect(`${good} ${isValidOrcid(good)}`).toBe(`${good} true`);
    }
    for (const bad of ['0000-0002-1825-0098', '0000-0002-1825-009', '0000-0002-1694-2330', 'X000-0002-1825-0097', '']) expect(`${bad} ${isValidOrcid(bad)}`).toBe(`${bad} false`);
    expect(formatOrcid('https://orcid.org/0000-0002-1694-233x')).toBe('0000-0002-1694-233X');
  });

  it('checks DOI syntax, case-insensitively and as a doi.org address', () => {
    for (const good of ['10.1000/182', '10.5555/PEDEX.2025.14', 'https://doi.org/10.1038/nphys1170', 'doi:10.1000/xyz']) expect(`${good} ${isValidDoi(good)}`).toBe(`${good} true`);
    for (const bad of ['10.12/abc', '11.1000/182', '10.1000/', '10.1000/a b', 'doi', '']) expect(`${bad} ${isValidDoi(bad)}`).toBe(`${bad} false`);
  });

  it('reads licences as SPDX identifiers', () => {
    expect(spdxLicence('CC-BY-4.0')).toBe('CC-BY-4.0');
    expect(spdxLicence('cc-by-nc-4.0')).toBe('CC-BY-NC-4.0');
    expect(spdxLicence('CC BY 4.0')).toBe('CC-BY-4.0');
    expect(spdxLicence('All rights reserved')).toBeNull();
  });

  it('makes slugs from titles', () => {
    expect(slugFromTitle('Étude: “Feedback” & maths — Year 5!')).toBe('etude-feedback-and-maths-year-5');
    expect(slugFromTitle('!!!')).toBe('article');
    expect(slugFromTitle('word '.repeat(50)).length).toBeLessThanOrEqual(80);
    expect(firstFreeSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('publishResearchProject', () => {
  let t: TestServer;
  let alliance: Alliance;
  let coordinator: TestUser;
  let lead: TestUser;
  let leadPerson: Person;
  let otherCoordinator: TestUser;
  const { run, ok, refused } = callsAs(() => t);
  const em = () => t.db.dataSource.manager;

  const accepted = async (overrides: Record<string, unknown> = {}) => {
    const p = await createResearchProject(em(), alliance, { title: 'Feedback in Year 5 maths', abstract: 'Teachers tried whole-class feedback.', keywords: ['feedback'], status: ResearchStatus.ACCEPTED, ...overrides }, leadPerson);
    return toGlobalId('ResearchProject', p.id);
  };

  beforeAll(async () => {
    t = await startTestServer();
    alliance = await createAlliance(em(), { slug: 'pub-romero', name: 'Pub Romero' });
    const other = await createAlliance(em(), { slug: 'pub-other', name: 'Pub Other' });
    coordinator = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    otherCoordinator = await createUser(em(), { memberships: [{ alliance: other, role: MembershipRole.ALLIANCE_ADMIN }] });
    leadPerson = await createPerson(em(), alliance);
    lead = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: leadPerson }] });
  });
  afterAll(() => t.close());

  it('publishes: metadata, PUBLIC, a slug from the title, the ordered authors, an audit row', async () => {
    const projectId = await accepted();
    const data = await ok(PUBLISH, { input: { projectId, ...META } }, coordinator);
    expect(data.publishResearchProject.researchProject).toMatchObject({
      status: 'PUBLISHED', visibility: 'PUBLIC', slug: 'feedback-in-year-5-maths', journalTitle: 'PedEx', issn: '2049-3630', volume: '4', issue: '2',
      publishedOn: '2025-06-30', doi: '10.5555/pedex.2025.14', licence: 'CC-BY-4.0', pdfUrl: 'https://pedex.example/14.pdf',
    });
    const article = await ok(ARTICLE, { slug: 'feedback-in-year-5-maths' }, t.reader);
    expect(article.publishedResearchProject.authors).toEqual([{ displayName: 'Josiah Carberry', affiliation: 'Romero Primary', orcid: '0000-0002-1825-0097' }]);
    const authors = await t.db.dataSource.query(`SELECT position, display_name, consent_to_be_named FROM research_authors a JOIN research_projects p ON p.id = a.project_id WHERE p.slug = $1 ORDER BY position`, ['feedback-in-year-5-maths']);
    expect(authors).toEqual([{ position: 1, display_name: 'Josiah Carberry', consent_to_be_named: true }, { position: 2, display_name: 'Unnamed Colleague', consent_to_be_named: false }]);
    // One row for the project, one for who is named and who consented.
    const audit = await t.db.dataSource.query(`SELECT changes FROM audit_events WHERE action = 'publishResearchProject' ORDER BY occurred_at, id`);
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit[1].changes)).toContain('2. Unnamed Colleague [not named in public]');
  });

  it('suffixes a slug that is taken, and keeps it when the title changes', async () => {
    const projectId = await accepted();
    const data = await ok(PUBLISH, { input: { projectId, ...META } }, coordinator);
    const slug = data.publishResearchProject.researchProject.slug;
    expect(slug).toBe('feedback-in-year-5-maths-2');
    // Another alliance's project of the same title gets the next one: slugs are unique across alliances.
    const other = await createAlliance(em(), { slug: 'pub-third' });
    const otherCoord = await createUser(em(), { memberships: [{ alliance: other, role: MembershipRole.ALLIANCE_ADMIN }] });
    const p = await createResearchProject(em(), other, { title: 'Feedback in Year 5 maths', abstract: 'x', keywords: ['k'], status: ResearchStatus.ACCEPTED });
    const third = await ok(PUBLISH, { input: { projectId: toGlobalId('ResearchProject', p.id), ...META } }, otherCoord);
    expect(third.publishResearchProject.researchProject.slug).toBe('feedback-in-year-5-maths-3');

    await em().query(`UPDATE research_projects SET title = 'A quite different title' WHERE slug = $1`, [slug]);
    const article = await ok(ARTICLE, { slug }, t.reader);
    expect(article.publishedResearchProject).toMatchObject({ slug, title: 'A quite different title' });
    expect((await ok(ARTICLE, { slug: 'a-quite-different-title' }, t.reader)).publishedResearchProject).toBeNull();
  });

  it('names every missing item of the publication gate, each one alone', async () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      ['abstract', { abstract: null }, {}, 'abstract'],
      ['keywords', { keywords: [] }, {}, 'keywords'],
      ['a consenting author', {}, { authors: [AUTHORS[1]] }, 'input.authors'],
      ['licence', {}, { licence: null }, 'input.licence'],
      ['volume', {}, { volume: null }, 'input.volume'],
      ['issue', {}, { issue: ' ' }, 'input.issue'],
      ['publication date', {}, { publishedOn: null }, 'input.publishedOn'],
      ['a DOI or URL', {}, { doi: null }, 'input.doi'],
    ];
    for (const [item, project, input, field] of cases) {
      const projectId = await accepted(project);
      const error = await refused(PUBLISH, { input: { projectId, ...META, ...input } }, coordinator);
      expect({ item, code: error.extensions.code, message: error.message, field: error.extensions.field, unmet: error.extensions.unmetRules }).toEqual({
        item, code: 'BAD_USER_INPUT', message: `cannot publish without ${item}`, field, unmet: [{ rule: item, field }],
      });
    }
    // A URL stands for a DOI; everything missing at once is listed at once.
    expect((await ok(PUBLISH, { input: { projectId: await accepted(), ...META, doi: null, url: 'https://pedex.example/a' } }, coordinator)).publishResearchProject.researchProject.url).toBe('https://pedex.example/a');
    const all = await refused(PUBLISH, { input: { projectId: await accepted({ abstract: '', keywords: [] }), authors: [] } }, coordinator);
    expect((all.extensions.unmetRules as { rule: string }[]).map((r) => r.rule)).toEqual(['abstract', 'a consenting author', 'keywords', 'licence', 'volume', 'issue', 'publication date', 'a DOI or URL']);
    const unchanged = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM research_projects WHERE alliance_id = $1 AND status = 'ACCEPTED' AND slug IS NULL`, [alliance.id]);
    expect(unchanged[0].n).toBe(cases.length + 1);
  });

  it('names a bad ISSN, DOI, ORCID, URL or licence by its field', async () => {
    const projectId = await accepted();
    const cases: [Record<string, unknown>, string][] = [
      [{ issn: '0317-8472' }, 'input.issn'],
      [{ doi: '10.12/not-a-doi' }, 'input.doi'],
      [{ url: 'javascript:alert(1)' }, 'input.url'],
      [{ pdfUrl: 'ftp://pedex.example/x.pdf' }, 'input.pdfUrl'],
      [{ licence: 'All rights reserved' }, 'input.licence'],
      [{ authors: [AUTHORS[0], { ...AUTHORS[0], orcid: '0000-0002-1825-0098' }] }, 'input.authors[1].orcid'],
      [{ authors: [{ ...AUTHORS[0], personId: toGlobalId('Person', '00000000-0000-4000-8000-000000000000') }] }, 'input.authors[0].personId'],
    ];
    for (const [input, field] of cases) {
      const error = await refused(PUBLISH, { input: { projectId, ...META, ...input } }, coordinator);
      expect(`${field}: ${error.extensions.code} ${error.extensions.field}`).toBe(`${field}: BAD_USER_INPUT ${field}`);
    }
    // The real ones pass: 0317-8471, 0000-0002-1825-0097; an author linked to a person of the alliance.
    const data = await ok(PUBLISH, { input: { projectId, ...META, issn: '0317-8471', authors: [{ ...AUTHORS[0], personId: toGlobalId('Person', leadPerson.id) }] } }, coordinator);
    expect(data.publishResearchProject.researchProject.issn).toBe('0317-8471');
  });

  it("is the coordinator's, from ACCEPTED only", async () => {
    const projectId = await accepted();
    expect((await refused(PUBLISH, { input: { projectId, ...META } }, lead)).extensions.code).toBe('FORBIDDEN');
    expect((await refused(PUBLISH, { input: { projectId, ...META } }, otherCoordinator)).extensions.code).toBe('NOT_FOUND');
    const inProgress = await accepted({ status: ResearchStatus.IN_PROGRESS });
    const conflict = await refused(PUBLISH, { input: { projectId: inProgress, ...META } }, coordinator);
    expect(conflict).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('IN_PROGRESS to PUBLISHED') });
    await ok(PUBLISH, { input: { projectId, ...META } }, coordinator);
    expect((await refused(PUBLISH, { input: { projectId, ...META } }, coordinator)).extensions.code).toBe('CONFLICT');
    expect((await run(PUBLISH, { input: { projectId, ...META } }, lead)).errors).toBeDefined();
  });
});
