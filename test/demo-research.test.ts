import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DataSource } from 'typeorm';
import {
  CloseResearchCallDocument, DeclineResearchInterestDocument, ResearchCallsDocument, ResearchDatabaseDocument, ResearchFundingOfYearDocument, ResearchProjectPageDocument,
  TransitionResearchProjectDocument,
} from '../operations/generated/graphql';
import { PedExSearchDocument } from '../operations/generated/pedex/graphql';
import { signToken } from '../src/auth/tokens';
import { toGlobalId } from '../src/common/global-id';
import { academicYearOf, englishDate } from '../src/common/academic-year';
import { ResearchInterestOutcome, ResearchMethodology, ResearchStatus } from '../src/modules/research/research-enums';
import { TEST_JWT_SECRET, TestUser } from './factories/users';
import { demoDatabases } from './helpers/demo';
import { startTestServer, TestServer } from './helpers/server';

/** ORCID's check digit, written here independently of the demo's: ISO 7064 MOD 11-2. */
function validOrcid(orcid: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(orcid)) return false;
  const digits = orcid.replace(/-/g, '');
  let total = 0;
  for (const d of digits.slice(0, 15)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? 'X' : String(check));
}

/** ISSN's check digit: weights 8..2, modulo 11. */
function validIssn(issn: string): boolean {
  if (!/^\d{4}-\d{3}[\dX]$/.test(issn)) return false;
  const digits = issn.replace('-', '');
  const sum = [...digits.slice(0, 7)].reduce((s, d, i) => s + Number(d) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return digits[7] === (check === 10 ? 'X' : String(check));
}

/** What would make the demo's research impossible for the API to have made, as readable lines: the list must be empty. */
async function inconsistencies(ds: DataSource, today: string): Promise<string[]> {
  const problems: string[] = [];
  const projects = await ds.query(
    `SELECT a.slug, p.*, p.starts_on::text AS starts, p.ends_on::text AS ends, p.published_on::text AS published,
            (SELECT json_agg(to_jsonb(x) ORDER BY x.position) FROM research_authors x WHERE x.project_id = p.id) AS authors,
            (SELECT json_agg(json_build_object('role', m.role, 'lp', EXISTS (SELECT 1 FROM designations d WHERE d.person_id = m.person_id AND d.type = 'LP' AND d.status = 'ACTIVE'))) FROM research_project_members m WHERE m.project_id = p.id) AS members,
            (SELECT count(*)::int FROM research_project_schools s JOIN alliance_school_memberships sm ON sm.school_id = s.school_id AND sm.alliance_id = p.alliance_id WHERE s.project_id = p.id) AS member_schools,
            (SELECT count(*)::int FROM research_project_schools s WHERE s.project_id = p.id) AS schools
       FROM research_projects p JOIN alliances a ON a.id = p.alliance_id ORDER BY a.slug, p.title`,
  );
  for (const p of projects) {
    const say = (what: string) => problems.push(`${p.slug} ${p.status} "${p.title}": ${what}`);
    const leads = (p.members ?? []).filter((m: { role: string }) => m.role === 'LEAD');
    if (leads.length !== 1 || !leads[0].lp) say('not led by one ACTIVE Lead Practitioner');
    if (p.schools === 0 || p.member_schools !== p.schools) say('schools not all members of the alliance');
    if (p.keywords.length === 0 || p.area_ids.length === 0 || p.key_stages.length === 0) say('no keywords, areas or key stages');
    const future = ['PROPOSED', 'APPROVED'].includes(p.status);
    if (future !== p.starts > today) say(`starts ${p.starts} (today ${today})`);
    if (['WRITING_UP', 'SUBMITTED', 'REVISIONS_REQUESTED', 'ACCEPTED', 'REJECTED', 'PUBLISHED'].includes(p.status) && !(p.ends && p.ends < today)) say(`ends ${p.ends}`);
    if (['SUBMITTED', 'REVISIONS_REQUESTED', 'ACCEPTED', 'REJECTED', 'PUBLISHED', 'WRITING_UP'].includes(p.status) && !p.abstract) say('no abstract to review');
    if (p.status === 'PUBLISHED') {
      if (p.visibility !== 'PUBLIC') say('published but not public');
      if (!(p.published > p.ends && p.published <= today)) say(`published on ${p.published}`);
      if (!validIssn(p.issn)) say(`ISSN ${p.issn}`);
      if (p.keywords.length < 3 || p.keywords.length > 6) say(`${p.keywords.length} keywords`);
      if (p.abstract.length < 400 || p.abstract.split(/\.\s/).length < 4) say('abstract too thin');
      if (!p.licence || !p.pdf_url || !p.slug || !(p.doi || p.url)) say('publication metadata missing');
      if (p.slug !== p.title.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')) say(`slug ${p.slug}`);
      const authors = p.authors ?? [];
      if (!authors.some((a: { consent_to_be_named: boolean }) => a.consent_to_be_named)) say('no consenting author');
      if (authors.some((a: { position: number }, i: number) => a.position !== i + 1)) say('authors out of order');
      for (const a of authors) if (a.orcid && !validOrcid(a.orcid)) say(`ORCID ${a.orcid}`);
    } else if (p.slug || p.published || p.visibility !== 'ALLIANCE') say('publication data before publication');
  }
  const overBudget = await ds.query(
    `SELECT a.slug, p.funding_academic_year AS year, sum(p.funding_pence)::int AS committed, b.budget_pence AS budget
       FROM research_projects p JOIN alliances a ON a.id = p.alliance_id
       LEFT JOIN research_budgets b ON b.alliance_id = p.alliance_id AND b.academic_year = p.funding_academic_year
      WHERE p.funding_pence IS NOT NULL GROUP BY a.slug, p.funding_academic_year, b.budget_pence HAVING b.budget_pence IS NULL OR sum(p.funding_pence) > b.budget_pence`,
  );
  for (const o of overBudget) problems.push(`${o.slug} ${o.year}: ${o.committed} committed against a budget of ${o.budget}`);
  // As the API makes them: interest by the closing date; a closed call has decided every interest; one project per call, with the call's funding, areas, key stages and school, led by the one chosen.
  const calls = await ds.query(
    `SELECT c.title, c.status, c.closes_on::text AS closes,
            (SELECT json_agg(json_build_object('outcome', i.outcome, 'submitted', i.submitted_on::text, 'project', i.project_id)) FROM research_interests i WHERE i.call_id = c.id) AS interests,
            (SELECT json_agg(json_build_object('call', p.call_id = c.id, 'same', p.funding_type = c.funding_type AND p.funding_pence = c.funding_pence AND p.funding_academic_year = c.academic_year
                AND p.area_ids = c.area_ids AND p.key_stages = c.key_stages AND p.commissioned_by_school_id IS NOT DISTINCT FROM c.commissioned_by_school_id AND p.status = ANY('{APPROVED,IN_PROGRESS}'),
                'led', EXISTS (SELECT 1 FROM research_project_members m WHERE m.project_id = p.id AND m.role = 'LEAD' AND m.person_id = i.person_id)))
               FROM research_interests i JOIN research_projects p ON p.id = i.project_id WHERE i.call_id = c.id) AS chosen,
            (SELECT count(*)::int FROM research_projects p WHERE p.call_id = c.id) AS projects
       FROM research_calls c`,
  );
  for (const c of calls) {
    const say = (what: string) => problems.push(`call "${c.title}": ${what}`);
    for (const i of c.interests ?? []) if (i.submitted > c.closes || i.submitted > today) say(`interest of ${i.submitted}`);
    if (c.status === 'CLOSED' && (c.interests ?? []).some((i: { outcome: string | null }) => !i.outcome)) say('closed with interests undecided');
    if ((c.chosen ?? []).length !== c.projects || c.projects > 1) say(`${c.projects} projects, ${(c.chosen ?? []).length} chosen`);
    for (const x of c.chosen ?? []) if (!x.call || !x.same || !x.led) say('its project is not the one its choice would make');
  }
  const events = await ds.query(`SELECT e.held_on::text AS held, (SELECT count(*)::int FROM conference_sessions s WHERE s.event_id = e.id AND (s.starts_at AT TIME ZONE 'Europe/London')::date <> e.held_on) AS elsewhere FROM conference_events e`);
  for (const e of events) if (!(e.held < today) || e.held.slice(5, 7) !== '07' || e.elsewhere) problems.push(`conference on ${e.held} with ${e.elsewhere} sessions on other days`);
  const presenters = await ds.query(
    `SELECT cp.title FROM conference_presentations cp WHERE NOT cp.presenter_person_ids <@ ARRAY(SELECT m.person_id FROM research_project_members m WHERE m.project_id = cp.project_id) OR cardinality(cp.presenter_person_ids) = 0`,
  );
  for (const p of presenters) problems.push(`presentation "${p.title}" by people not on the project`);
  return problems;
}

describe('the demo data: research and PedEx (issue 11, item 8)', () => {
  let t: TestServer;
  const sql = (text: string, params: unknown[] = []) => t.db.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  it.each(['romero', 'london-south'])('gives %s an R&D database with a project in every status and of every methodology, led by its Lead Practitioners', async (slug) => {
    const rows: { status: string; methodology: string; leads: string[] }[] = await sql(
      `SELECT p.status::text, p.methodology::text, ARRAY(SELECT m.person_id::text FROM research_project_members m WHERE m.project_id = p.id AND m.role = 'LEAD') AS leads
         FROM research_projects p JOIN alliances a ON a.id = p.alliance_id WHERE a.slug = $1`, [slug],
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(Object.values(ResearchStatus)));
    expect(new Set(rows.map((r) => r.methodology))).toEqual(new Set(Object.values(ResearchMethodology)));
    expect(new Set(rows.flatMap((r) => r.leads)).size).toBeGreaterThanOrEqual(2);
    const [lp] = await sql(`SELECT m.person_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [`lp@${slug}.demo`]);
    expect(rows.filter((r) => r.leads.includes(lp.person_id)).length).toBeGreaterThanOrEqual(4);
    const funded: { type: string }[] = await sql(`SELECT DISTINCT p.funding_type::text AS type FROM research_projects p JOIN alliances a ON a.id = p.alliance_id WHERE a.slug = $1 AND p.funding_type IS NOT NULL`, [slug]);
    expect(funded.map((f) => f.type)).toEqual(expect.arrayContaining(['TLR3', 'BURSARY']));
  });

  it('has at least 12 published projects across the alliances, Romero most, with everything PedEx needs, and only rows the API could have made', async () => {
    const published: { slug: string; n: number }[] = await sql(
      `SELECT a.slug, count(*)::int AS n FROM research_projects p JOIN alliances a ON a.id = p.alliance_id WHERE p.status = 'PUBLISHED' GROUP BY a.slug ORDER BY n DESC`,
    );
    expect(published.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(12);
    expect(published[0].slug).toBe('romero');
    expect(published.find((r) => r.slug === 'london-south')!.n).toBeGreaterThanOrEqual(3);
    expect(published.length).toBeGreaterThanOrEqual(3);
    const years: { year: number }[] = await sql(`SELECT DISTINCT extract(year FROM published_on)::int AS year FROM research_projects WHERE status = 'PUBLISHED'`);
    expect(years.length).toBeGreaterThanOrEqual(4);
    const authors: { orcid: string | null; consent: boolean }[] = await sql(`SELECT orcid, consent_to_be_named AS consent FROM research_authors`);
    expect(authors.filter((a) => a.orcid).length).toBeGreaterThanOrEqual(12);
    expect(authors.filter((a) => a.orcid).every((a) => validOrcid(a.orcid!))).toBe(true);
    expect(authors.some((a) => !a.consent)).toBe(true);
    expect(validOrcid('0000-0002-1825-0097') && !validOrcid('0000-0002-1825-0098')).toBe(true);
    expect(validIssn('2049-3630') && !validIssn('2049-3631')).toBe(true);
    expect(await inconsistencies(t.db.dataSource, englishDate())).toEqual([]);
  });

  it('has Romero’s funded call for this year, open, with an interest chosen, one not chosen and one awaiting, under a budget; and a school’s closed call', async () => {
    const calls = await sql(`SELECT c.* FROM research_calls c JOIN alliances a ON a.id = c.alliance_id WHERE a.slug = 'romero' ORDER BY c.closes_on DESC`);
    expect(calls.map((c: { status: string; commissioned_by_school_id: string | null }) => [c.status, c.commissioned_by_school_id !== null])).toEqual([['OPEN', false], ['CLOSED', true]]);
    const [call] = calls;
    expect(call.title).toMatch(/^Funded projects proposed for \d{4}\/\d{2}$/);
    expect(call).toMatchObject({ funding_type: 'TLR3', funding_pence: 150000, academic_year: academicYearOf(englishDate()) });
    expect(call.area_ids.length).toBeGreaterThan(0);
    expect(call.closes_on.getTime()).toBeGreaterThan(Date.now());
    const outcomes: { outcome: string | null }[] = await sql(`SELECT outcome::text FROM research_interests WHERE call_id = $1`, [call.id]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual([ResearchInterestOutcome.CHOSEN, ResearchInterestOutcome.NOT_CHOSEN, null]);
    const [budget] = await sql(
      `SELECT b.budget_pence, (SELECT sum(p.funding_pence)::int FROM research_projects p WHERE p.alliance_id = b.alliance_id AND p.funding_academic_year = b.academic_year) AS committed
         FROM research_budgets b WHERE b.alliance_id = $1 AND b.academic_year = $2`, [call.alliance_id, call.academic_year],
    );
    expect(budget.committed).toBeGreaterThanOrEqual(150000);
    expect(budget.budget_pence).toBeGreaterThanOrEqual(budget.committed);
  });

  it('holds Romero’s Teacher Learning Conference last July, presenting published and unpublished projects', async () => {
    const rows: { name: string; status: string; presenters: number }[] = await sql(
      `SELECT e.name, p.status::text, cardinality(cp.presenter_person_ids) AS presenters FROM conference_events e JOIN conference_sessions s ON s.event_id = e.id
         JOIN conference_presentations cp ON cp.session_id = s.id JOIN research_projects p ON p.id = cp.project_id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows[0].name).toMatch(/^Romero Teacher Learning Conference \d{4}$/);
    expect(rows.some((r) => r.status === 'PUBLISHED') && rows.some((r) => r.status !== 'PUBLISHED')).toBe(true);
  });

  it('writes no audit rows', async () => {
    expect(await sql(`SELECT 1 FROM audit_events`)).toEqual([]);
  });

  // Item 8 with the public surface: what PedEx's readers find, with no token.
  it('lets anyone find the demo’s published research by a word of its abstracts, naming only the authors who consented', async () => {
    const result = await t.execute(PedExSearchDocument, { search: 'feedback', first: 50 }, { as: 'anonymous' });
    expect(result.errors).toBeUndefined();
    const found = result.data!.publishedResearch.edges.map((e) => e.node);
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(new Set(found.map((f) => f.alliance.slug))).toEqual(new Set(['romero', 'london-south']));
    const authors: { slug: string; names: string[] }[] = await sql(
      `SELECT p.slug, ARRAY(SELECT x.display_name FROM research_authors x WHERE x.project_id = p.id AND x.consent_to_be_named ORDER BY x.position) AS names FROM research_projects p WHERE p.slug = ANY($1)`,
      [found.map((f) => f.slug)],
    );
    for (const f of found) expect(f.authors.map((a) => a.displayName)).toEqual(authors.find((a) => a.slug === f.slug)!.names);
    // Names that appear only unconsented are nowhere in what the public reads.
    const hidden: { name: string }[] = await sql(
      `SELECT DISTINCT display_name AS name FROM research_authors x WHERE NOT consent_to_be_named AND NOT EXISTS (SELECT 1 FROM research_authors y WHERE y.display_name = x.display_name AND y.consent_to_be_named)`,
    );
    expect(hidden.length).toBeGreaterThan(0);
    const everything = JSON.stringify((await t.execute(PedExSearchDocument, { search: 'pupils', first: 100 }, { as: 'anonymous' })).data) + JSON.stringify(result.data);
    for (const { name } of hidden) expect(everything).not.toContain(name);
  });

  describe('the alliance front end’s research documents, run as each role', () => {
    const as = async (email: string): Promise<TestUser> => {
      const [row] = await sql('SELECT id, display_name AS "displayName" FROM users WHERE email = $1', [email]);
      return { user: row, token: await signToken(TEST_JWT_SECRET, row.id) } as TestUser;
    };
    async function ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, who: string): Promise<T> {
      const result = await t.execute(document, variables, { as: await as(who) });
      expect(result.errors).toBeUndefined();
      return result.data!;
    }
    const personOf = async (email: string) => toGlobalId('Person', (await sql(`SELECT m.person_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [email]))[0].person_id);
    const projectOf = async (slug: string, status: string, leadEmail: string) => {
      const [row] = await sql(
        `SELECT p.id FROM research_projects p JOIN alliances a ON a.id = p.alliance_id AND a.slug = $1 JOIN research_project_members m ON m.project_id = p.id AND m.role = 'LEAD'
           JOIN memberships ms ON ms.person_id = m.person_id JOIN users u ON u.id = ms.user_id AND u.email = $3 WHERE p.status = $2 ORDER BY p.title LIMIT 1`,
        [slug, status, leadEmail],
      );
      return toGlobalId('ResearchProject', row.id);
    };

    it.each(['romero', 'london-south'])('runs the R&D database page for coordinator@ and lp@%s.demo', async (slug) => {
      const all = await ok(ResearchDatabaseDocument, { first: 100 }, `coordinator@${slug}.demo`);
      expect(new Set(all.researchProjects.edges.map((e) => e.node.status))).toEqual(new Set(Object.values(ResearchStatus)));
      expect(all.researchProjects.totalCount).toBe(all.researchProjects.edges.length);
      const lp = await personOf(`lp@${slug}.demo`);
      const mine = await ok(ResearchDatabaseDocument, { first: 100, filter: { leadPersonId: lp } }, `lp@${slug}.demo`);
      expect(mine.researchProjects.totalCount).toBeGreaterThanOrEqual(4);
      expect(mine.researchProjects.edges.every((e) => e.node.leads.some((l) => l.person?.id === lp))).toBe(true);
      const published = await ok(ResearchDatabaseDocument, { first: 100, filter: { statuses: ['PUBLISHED'] } }, `lp@${slug}.demo`);
      expect(published.researchProjects.totalCount).toBeGreaterThanOrEqual(3);
    });

    it('runs a project’s page: the lead and the coordinator see its people, schools and the moves each may make', async () => {
      const id = await projectOf('romero', 'WRITING_UP', 'lp@romero.demo');
      const asLead = await ok(ResearchProjectPageDocument, { id }, 'lp@romero.demo');
      if (!asLead.node || !('members' in asLead.node)) throw new Error('no project');
      expect(asLead.node.members.length).toBeGreaterThanOrEqual(2);
      expect(asLead.node.schools.length).toBeGreaterThanOrEqual(1);
      expect(asLead.node).toMatchObject({ status: 'WRITING_UP', fundingType: 'TLR3', fundingPence: 100000 });
      expect(asLead.node.nextMoves.map((m) => m.to)).toEqual(expect.arrayContaining(['SUBMITTED', 'WITHDRAWN']));
      const published = await projectOf('romero', 'PUBLISHED', 'lp@romero.demo');
      const page = await ok(ResearchProjectPageDocument, { id: published }, 'coordinator@romero.demo');
      expect(page.node).toMatchObject({ status: 'PUBLISHED', visibility: 'PUBLIC', issn: '2049-3630', licence: expect.any(String), slug: expect.any(String) });
    });

    it('runs the calls page: the coordinator sees every interest and the budget, a Lead Practitioner only their own interests', async () => {
      const calls = await ok(ResearchCallsDocument, { first: 10 }, 'coordinator@romero.demo');
      const [open, closed] = calls.researchCalls.edges.map((e) => e.node);
      expect(open).toMatchObject({ status: 'OPEN', fundingType: 'TLR3', fundingPence: 150000 });
      expect(open.interests.map((i) => i.outcome).sort()).toEqual(['CHOSEN', 'NOT_CHOSEN', null].sort());
      expect(open.interests.find((i) => i.outcome === 'CHOSEN')!.project).toMatchObject({ status: 'APPROVED' });
      expect(closed).toMatchObject({ status: 'CLOSED', commissionedBySchool: { urn: '990010' } });
      const { researchFunding } = await ok(ResearchFundingOfYearDocument, { academicYear: open.academicYear }, 'coordinator@romero.demo');
      expect(researchFunding).toMatchObject({ budgetSet: true, budgetPence: 600000 });
      expect(researchFunding.committedPence).toBeGreaterThanOrEqual(150000);
      expect(researchFunding.remainingPence).toBe(researchFunding.budgetPence - researchFunding.committedPence);
      const lp = await personOf('lp@romero.demo');
      const own = await ok(ResearchCallsDocument, { first: 10 }, 'lp@romero.demo');
      const interests = own.researchCalls.edges.flatMap((e) => e.node.interests);
      expect(interests.length).toBe(2);
      expect(interests.every((i) => i.person?.id === lp)).toBe(true);
      const refused = await t.execute(ResearchFundingOfYearDocument, { academicYear: open.academicYear }, { as: await as('lp@romero.demo') });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    // Last: these change the demo rows the tests above read.
    it('runs the pages’ moves: the lead submits their write-up, the coordinator declines the awaiting interest and closes the call', async () => {
      const id = await projectOf('romero', 'WRITING_UP', 'lp@romero.demo');
      const page = await ok(ResearchProjectPageDocument, { id }, 'lp@romero.demo');
      if (!page.node || !('version' in page.node)) throw new Error('no project');
      const moved = await ok(TransitionResearchProjectDocument, { input: { projectId: id, to: 'SUBMITTED', expectedVersion: page.node.version } }, 'lp@romero.demo');
      expect(moved.transitionResearchProject.researchProject).toMatchObject({ status: 'SUBMITTED' });
      const calls = await ok(ResearchCallsDocument, { first: 10 }, 'coordinator@romero.demo');
      const open = calls.researchCalls.edges.map((e) => e.node).find((c) => c.status === 'OPEN')!;
      const awaiting = open.interests.find((i) => i.outcome === null)!;
      const declined = await ok(DeclineResearchInterestDocument, { input: { interestId: awaiting.id } }, 'coordinator@romero.demo');
      expect(declined.declineResearchInterest.researchInterest).toMatchObject({ outcome: 'NOT_CHOSEN' });
      const closed = await ok(CloseResearchCallDocument, { input: { callId: open.id, expectedVersion: open.version } }, 'coordinator@romero.demo');
      expect(closed.closeResearchCall.researchCall).toMatchObject({ status: 'CLOSED' });
    });
  });
});

describe('the research demo, loaded twice and on other days', () => {
  const loaded = demoDatabases();
  /** Every research row, ids replaced by what they point at. */
  const snapshot = async (ds: DataSource) => ({
    projects: await ds.query(
      `SELECT a.slug, to_jsonb(p) - 'id' - 'alliance_id' - 'commissioned_by_school_id' - 'call_id' - 'area_ids' - 'created_at' - 'updated_at' AS row,
              (SELECT array_agg(x.code ORDER BY x.code) FROM areas_of_expertise x WHERE x.id = ANY(p.area_ids)) AS areas,
              (SELECT s.urn FROM schools s WHERE s.id = p.commissioned_by_school_id) AS commissioned_by, (SELECT c.title FROM research_calls c WHERE c.id = p.call_id) AS call,
              (SELECT json_agg(json_build_object('who', x.email, 'role', m.role) ORDER BY x.email) FROM research_project_members m JOIN people x ON x.id = m.person_id WHERE m.project_id = p.id) AS members,
              (SELECT json_agg(s.urn || ':' || r.position ORDER BY r.position) FROM research_project_schools r JOIN schools s ON s.id = r.school_id WHERE r.project_id = p.id) AS schools,
              (SELECT json_agg(to_jsonb(x) - 'id' - 'alliance_id' - 'project_id' - 'person_id' ORDER BY x.position) FROM research_authors x WHERE x.project_id = p.id) AS authors
         FROM research_projects p JOIN alliances a ON a.id = p.alliance_id ORDER BY a.slug, p.title`,
    ),
    calls: await ds.query(
      `SELECT to_jsonb(c) - 'id' - 'alliance_id' - 'area_ids' - 'commissioned_by_school_id' - 'created_at' - 'updated_at' AS row, (SELECT s.urn FROM schools s WHERE s.id = c.commissioned_by_school_id) AS commissioned_by,
              (SELECT json_agg(json_build_object('who', x.email, 'row', to_jsonb(i) - 'id' - 'alliance_id' - 'call_id' - 'person_id' - 'project_id' - 'created_at',
                                                 'project', (SELECT p.title FROM research_projects p WHERE p.id = i.project_id)) ORDER BY x.email)
                 FROM research_interests i JOIN people x ON x.id = i.person_id WHERE i.call_id = c.id) AS interests
         FROM research_calls c ORDER BY c.title`,
    ),
    budgets: await ds.query(`SELECT a.slug, b.academic_year, b.budget_pence FROM research_budgets b JOIN alliances a ON a.id = b.alliance_id ORDER BY 1, 2`),
    conference: await ds.query(
      `SELECT e.name, e.held_on, e.venue, s.title AS session, s.starts_at, s.ends_at, s.room, cp.title, cp.position, p.title AS project,
              ARRAY(SELECT x.email FROM people x WHERE x.id = ANY(cp.presenter_person_ids) ORDER BY x.email) AS presenters
         FROM conference_events e JOIN conference_sessions s ON s.event_id = e.id LEFT JOIN conference_presentations cp ON cp.session_id = s.id
         LEFT JOIN research_projects p ON p.id = cp.project_id ORDER BY e.held_on, s.starts_at, cp.position`,
    ),
  });

  it('gives the same rows (ids aside) for the same day', async () => {
    const [one, two] = [await loaded('2027-03-10'), await loaded('2027-03-10')];
    const rows = await snapshot(one);
    expect(rows.projects.length).toBeGreaterThan(25);
    expect(await snapshot(two)).toEqual(rows);
  });

  it('checks what it claims: a wrong ORCID check digit, funding over the budget and a lead who is not an LP are reported', async () => {
    const ds = await loaded('2027-03-10');
    await ds.query(`UPDATE research_authors SET orcid = overlay(orcid placing (CASE WHEN right(orcid, 1) = '1' THEN '2' ELSE '1' END) from 19) WHERE id = (SELECT id FROM research_authors WHERE orcid IS NOT NULL ORDER BY display_name, position LIMIT 1)`);
    await ds.query(`UPDATE research_budgets SET budget_pence = 1 WHERE id = (SELECT b.id FROM research_budgets b JOIN research_projects p ON p.alliance_id = b.alliance_id AND p.funding_academic_year = b.academic_year ORDER BY b.academic_year LIMIT 1)`);
    await ds.query(`UPDATE research_project_members SET role = 'CONTRIBUTOR' WHERE id = (SELECT m.id FROM research_project_members m JOIN research_projects p ON p.id = m.project_id WHERE m.role = 'LEAD' ORDER BY p.title LIMIT 1)`);
    const problems = await inconsistencies(ds, '2027-03-10');
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/ORCID/), expect.stringMatching(/budget of 1$/), expect.stringMatching(/Lead Practitioner/)]));
  });

  it.each(['2026-09-02', '2029-08-31', '2040-01-01'])('loads on %s with every status and only rows the API could have made', async (today) => {
    const ds = await loaded(today);
    const statuses: { status: string }[] = await ds.query(`SELECT DISTINCT p.status::text FROM research_projects p JOIN alliances a ON a.id = p.alliance_id WHERE a.slug = 'romero'`);
    expect(statuses.map((s) => s.status).sort()).toEqual(Object.values(ResearchStatus).sort());
    expect(await inconsistencies(ds, today)).toEqual([]);
  });
});
