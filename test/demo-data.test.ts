import { DataSource } from 'typeorm';
import { academicYearOf, englishDate } from '../src/common/academic-year';
import { addYears } from '../src/common/dates';
import { signToken } from '../src/auth/tokens';
import { DesignationStatus, DesignationType } from '../src/modules/designations/designation-enums';
import { reviewDates } from '../src/modules/designations/designations.service';
import { TEST_JWT_SECRET, TestUser } from './factories/users';
import { demoDatabases } from './helpers/demo';
import { startTestServer, TestServer } from './helpers/server';

const SLUGS = ['london-south', 'romero', 'fusion', 'pathway', 'forest'];
const ROMERO_AREAS = ['MATHS', 'ENGLISH', 'SCIENCE', 'RE', 'EARLY_YEARS', 'PHONICS', 'SEND', 'MOST_ABLE', 'CLOSING_THE_GAP', 'INITIAL_TEACHER_TRAINING'];

/** Every designation of the demo alliances with what the checks need, read with the owner's rights. */
async function demoDesignations(ds: DataSource) {
  return ds.query(
    `SELECT d.*, a.slug, a.review_period_years, a.appeal_period_days, a.min_release_days_per_year, p.leadership_level, p.in_leadership_since, p.given_name || ' ' || p.family_name AS who,
            (SELECT coalesce(json_agg(r ORDER BY r.opened_on), '[]') FROM designation_reviews r WHERE r.designation_id = d.id) AS reviews,
            (SELECT coalesce(json_agg(c), '[]') FROM release_commitments c WHERE c.designation_id = d.id) AS commitments,
            (SELECT coalesce(json_agg(f), '[]') FROM designation_references f WHERE f.designation_id = d.id) AS refs
       FROM designations d JOIN alliances a ON a.id = d.alliance_id JOIN people p ON p.id = d.person_id
      WHERE a.slug = ANY($1) ORDER BY a.slug, p.family_name, d.type`,
    [SLUGS],
  );
}

/** What would make a demo row impossible for the API to have produced, as readable lines: the list must be empty. */
async function inconsistencies(ds: DataSource, today: string): Promise<string[]> {
  const problems: string[] = [];
  const iso = (v: unknown) => (v ? String(v instanceof Date ? v.toISOString() : v).slice(0, 10) : null);
  for (const d of await demoDesignations(ds)) {
    const say = (what: string) => problems.push(`${d.slug} ${d.type} ${d.status} of ${d.who}: ${what}`);
    const [applied, shortlisted, assessed, approved, notified, designated] = [d.applied_on, d.shortlisted_on, d.assessed_on, d.approved_on, d.national_body_notified_on, d.designated_on].map(iso);
    const chain = [applied, shortlisted, assessed, approved, designated].filter(Boolean) as string[];
    if (chain.some((day, i) => i > 0 && day < chain[i - 1])) say(`stages out of order: ${chain.join(' ')}`);
    for (const day of [...chain, iso(d.rejected_on), iso(d.ended_on), notified, iso(d.appeal_lodged_on)]) if (day && day > today) say(`${day} is in the future`);
    if (notified && (notified < approved! || (designated && notified > designated))) say('national body notified outside approval..designation');
    const open = d.reviews.filter((r: { completed_on: string | null }) => !r.completed_on);
    if ((d.status === 'UNDER_REVIEW') !== (open.length === 1)) say(`${open.length} open reviews`);
    if (['ACTIVE', 'UNDER_REVIEW'].includes(d.status)) {
      const continued = d.reviews.filter((r: { outcome: string }) => r.outcome === 'CONTINUED').at(-1);
      const expected = reviewDates(d.type, iso(continued?.completed_on ?? d.designated_on)!, d.review_period_years);
      if (iso(d.review_due_on) !== expected.reviewDueOn || iso(d.accreditation_expires_on) !== expected.accreditationExpiresOn) say(`review due ${iso(d.review_due_on)}, expected ${expected.reviewDueOn}`);
    }
    if (['DEDESIGNATED', 'RESIGNED', 'WITHDRAWN', 'LAPSED'].includes(d.status) && (!d.ended_on || !d.end_reason)) say('ended without a date and reason');
    if (d.status === 'REJECTED' && (!d.rejected_on || !d.decision_reason)) say('rejected without a date and reason');
    if (d.appeal_lodged_on && (Date.parse(iso(d.appeal_lodged_on)!) - Date.parse(iso(d.rejected_on)!)) / 864e5 > d.appeal_period_days) say('appeal out of time');
    // Eligibility: who may hold each type (a promotion to headteacher is what put an SLE under review).
    const promoted = open.some((r: { trigger: string }) => r.trigger === 'BECAME_HEADTEACHER');
    if (d.type === 'SLE' && !promoted && (!['MIDDLE', 'SENIOR'].includes(d.leadership_level) || addYears(iso(d.in_leadership_since)!, 2) > applied!)) say('not eligible as SLE');
    if (d.type === 'LLE' && d.leadership_level !== 'HEADTEACHER') say('an LLE is a headteacher');
    if (d.type === 'NLE' && (!['HEADTEACHER', 'EXECUTIVE'].includes(d.leadership_level) || (designated && !d.national_reference))) say('NLE rules');
    if (d.type === 'LP' && designated && !d.accrediting_body) say('LP without an accrediting body');
    if (d.type === 'SLE' && approved && d.status !== 'WITHDRAWN') {
      if (!d.refs.some((r: { kind: string; supports: boolean }) => r.kind === 'HEADTEACHER' && r.supports)) say('approved without a head reference');
      const years = new Set(d.commitments.map((c: { academic_year: number }) => c.academic_year));
      const needed = [approved, designated, ...(['APPROVED', 'ACTIVE', 'UNDER_REVIEW'].includes(d.status) ? [today] : [])].filter(Boolean).map((day) => academicYearOf(day!));
      if (!needed.every((y) => years.has(y))) say(`release commitments for ${[...years]} not ${needed}`);
    }
    for (const c of d.commitments) if (Number(c.committed_days) < d.min_release_days_per_year && !c.below_minimum_reason) say('below the minimum without a reason');
  }
  return problems;
}

describe('the demo data: system leaders (issue 9, item 11)', () => {
  let t: TestServer;
  const as = async (email: string): Promise<TestUser> => {
    const [row] = await t.db.dataSource.query('SELECT id FROM users WHERE email = $1', [email]);
    return { user: row, token: await signToken(TEST_JWT_SECRET, row.id) } as TestUser;
  };
  const sql = (text: string, params: unknown[] = []) => t.db.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  it('has designations in every status of the lifecycle, and only ones the API could have made', async () => {
    const rows: { status: string }[] = await sql(`SELECT DISTINCT d.status::text AS status FROM designations d`);
    expect(rows.map((r) => r.status).sort()).toEqual(Object.values(DesignationStatus).sort());
    expect(await inconsistencies(t.db.dataSource, englishDate())).toEqual([]);
  });

  it('shows Romero’s first round part-way through: ten specialisms, 20 sought, some designated', async () => {
    const { data, errors } = await t.execute<any, Record<string, never>>(
      `{ recruitmentRounds { edges { node { name open progress { total { applied shortlisted approved designated } target areas { area { code } target designated } } } } } }`,
      {}, { as: await as('coordinator@romero.demo') },
    );
    expect(errors).toBeUndefined();
    const [round] = data.recruitmentRounds.edges.map((e: any) => e.node);
    expect(round.progress.target).toBe(20);
    expect(round.progress.areas.map((a: any) => a.area.code).sort()).toEqual([...ROMERO_AREAS].sort());
    expect(round.progress.areas.reduce((sum: number, a: any) => sum + a.target, 0)).toBe(20);
    const { applied, shortlisted, approved, designated } = round.progress.total;
    expect(applied > shortlisted && shortlisted > approved && approved > designated && designated > 0 && designated < 20).toBe(true);
    expect(round.open).toBe(false);
    const statuses: { status: string }[] = await sql(`SELECT DISTINCT status::text AS status FROM designations WHERE round_id IS NOT NULL`);
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['APPLIED', 'SHORTLISTED', 'ASSESSED', 'APPROVED', 'REJECTED', 'ACTIVE']));
    expect(await sql(`SELECT 1 FROM designations WHERE round_id IS NOT NULL AND status = 'REJECTED' AND appeal_lodged_on IS NOT NULL AND appeal_outcome IS NULL`)).toHaveLength(1);
    expect(await sql(`SELECT 1 FROM release_commitments c JOIN alliances a ON a.id = c.alliance_id WHERE a.slug = 'romero' AND c.committed_days < 6 AND c.below_minimum_reason IS NOT NULL`)).not.toHaveLength(0);
  });

  it.each(SLUGS)('gives sle@ and lp@%s.demo an ACTIVE SLE and LP, and head@ an application to act on', async (slug) => {
    const query = `{ designations(first: 50) { edges { node { type status } } } }`;
    for (const [local, type] of [['sle', 'SLE'], ['lp', 'LP']]) {
      const { data, errors } = await t.execute<any, Record<string, never>>(query, {}, { as: await as(`${local}@${slug}.demo`) });
      expect(errors).toBeUndefined();
      expect(data.designations.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({ type, status: 'ACTIVE' }));
    }
    // The head's to-do: an application of their own staff with no reference from them and no release commitment yet.
    const headsView = `{ designations(first: 50, filter: { statuses: [APPLIED], types: [SLE] }) { edges { node { references { kind } eligibility { rule } } } } }`;
    const { data, errors } = await t.execute<any, Record<string, never>>(headsView, {}, { as: await as(`head@${slug}.demo`) });
    expect(errors).toBeUndefined();
    expect(data.designations.edges.map((e: any) => e.node)).toContainEqual({ references: [], eligibility: [{ rule: 'SLE_RELEASE_COMMITMENT' }] });
  });

  it('runs London South’s three-day LP programme, whose graduates apply as SLEs; one who missed a day has not completed', async () => {
    const enrolments: { who: string; completed: string | null; missed: number; applied: boolean }[] = await sql(
      `SELECT p.given_name AS who, e.completed_on AS completed,
              (SELECT count(*)::int FROM programme_attendance x WHERE x.enrolment_id = e.id AND NOT x.attended) AS missed,
              EXISTS (SELECT 1 FROM designations d WHERE d.person_id = e.person_id AND d.type = 'SLE' AND d.applied_on >= e.completed_on) AS applied
         FROM programmes g JOIN alliances a ON a.id = g.alliance_id AND a.slug = 'london-south' JOIN programme_cohorts c ON c.programme_id = g.id
         JOIN programme_enrolments e ON e.cohort_id = c.id JOIN people p ON p.id = e.person_id
        WHERE g.kind = 'LP_PROGRAMME' AND g.required_for = 'SLE' AND g.required_before = 'APPLICATION' AND c.starts_on = (SELECT max(starts_on) FROM programme_cohorts WHERE programme_id = g.id)`,
    );
    expect(enrolments.filter((e) => e.completed && e.applied).length).toBeGreaterThanOrEqual(3);
    expect(enrolments.filter((e) => !e.completed)).toEqual([expect.objectContaining({ missed: 1, applied: false })]);
    const days = await sql(`SELECT count(*)::int AS n FROM programme_days d JOIN programme_cohorts c ON c.id = d.cohort_id JOIN programmes g ON g.id = c.programme_id WHERE g.kind = 'LP_PROGRAMME' GROUP BY c.id`);
    expect(days.map((d: { n: number }) => d.n)).toEqual([3, 3]);
    // Every London South SLE applied after completing the programme it requires.
    const without = await sql(
      `SELECT d.id FROM designations d JOIN alliances a ON a.id = d.alliance_id AND a.slug = 'london-south' WHERE d.type = 'SLE' AND NOT EXISTS (
         SELECT 1 FROM programme_enrolments e JOIN programme_cohorts c ON c.id = e.cohort_id JOIN programmes g ON g.id = c.programme_id
          WHERE e.person_id = d.person_id AND g.required_for = 'SLE' AND e.completed_on <= d.applied_on)`,
    );
    expect(without).toEqual([]);
  });

  it('gives Romero core training before designation and termly team meetings, and Pathway its LLEs and NLEs', async () => {
    const programmes = await sql(`SELECT g.kind::text, g.required_before::text AS before FROM programmes g JOIN alliances a ON a.id = g.alliance_id AND a.slug = 'romero' ORDER BY g.kind`);
    expect(programmes).toEqual([{ kind: 'CORE_TRAINING', before: 'DESIGNATION' }, { kind: 'TEAM_MEETINGS', before: null }]);
    const untrained = await sql(
      `SELECT d.id FROM designations d JOIN alliances a ON a.id = d.alliance_id AND a.slug = 'romero' WHERE d.type = 'SLE' AND d.designated_on IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM programme_enrolments e JOIN programme_cohorts c ON c.id = e.cohort_id JOIN programmes g ON g.id = c.programme_id
          WHERE e.person_id = d.person_id AND g.kind = 'CORE_TRAINING' AND e.completed_on <= d.designated_on)`,
    );
    expect(untrained).toEqual([]);
    const pathway: { type: string }[] = await sql(`SELECT DISTINCT d.type::text FROM designations d JOIN alliances a ON a.id = d.alliance_id AND a.slug = 'pathway' WHERE d.status = 'ACTIVE'`);
    expect(pathway.map((r) => r.type).sort()).toEqual([DesignationType.LLE, DesignationType.LP, DesignationType.NLE, DesignationType.SLE]);
  });

  it('has reviews due soon, overdue, open (periodic, moved school, ...) and completed both ways; and no audit rows', async () => {
    const soon = await sql(`SELECT 1 FROM designations WHERE status = 'ACTIVE' AND review_due_on BETWEEN current_date AND current_date + 90`);
    expect(soon.length).toBeGreaterThanOrEqual(2);
    const triggers: { trigger: string }[] = await sql(`SELECT DISTINCT trigger::text FROM designation_reviews WHERE completed_on IS NULL`);
    expect(triggers.map((r) => r.trigger)).toEqual(expect.arrayContaining(['PERIODIC', 'MOVED_SCHOOL', 'BECAME_HEADTEACHER', 'NO_IMPACT_EVIDENCE']));
    const outcomes: { outcome: string }[] = await sql(`SELECT DISTINCT outcome::text FROM designation_reviews WHERE outcome IS NOT NULL`);
    expect(outcomes.map((r) => r.outcome).sort()).toEqual(['CONTINUED', 'DEDESIGNATED']);
    expect(await sql(`SELECT 1 FROM designations WHERE type = 'LP' AND accreditation_expires_on IS NULL AND designated_on IS NOT NULL`)).toEqual([]);
    expect(await sql(`SELECT 1 FROM audit_events`)).toEqual([]);
  });
});

describe('the demo data, loaded on other days', () => {
  const loaded = demoDatabases();
  /** Every system-leader row, ids replaced by what they point at. */
  const snapshot = (ds: DataSource) =>
    ds.query(
      `SELECT a.slug, p.email, d.type, d.status, to_jsonb(d) - 'id' - 'alliance_id' - 'person_id' - 'round_id' - 'area_ids' - 'created_at' - 'updated_at' - 'submitted_by_user_id' AS row,
              (SELECT array_agg(code ORDER BY code) FROM areas_of_expertise x WHERE x.id = ANY(d.area_ids)) AS areas,
              (SELECT json_agg(to_jsonb(r) - 'id' - 'alliance_id' - 'designation_id' - 'deployment_id' - 'created_at' - 'updated_at' - 'opened_by_user_id' - 'completed_by_user_id' ORDER BY r.opened_on) FROM designation_reviews r WHERE r.designation_id = d.id) AS reviews,
              (SELECT json_agg(to_jsonb(c) - 'id' - 'alliance_id' - 'designation_id' - 'created_at' - 'updated_at' - 'signed_by_user_id' ORDER BY c.academic_year) FROM release_commitments c WHERE c.designation_id = d.id) AS commitments,
              (SELECT count(*) FROM programme_enrolments e WHERE e.person_id = p.id) AS enrolments
         FROM designations d JOIN alliances a ON a.id = d.alliance_id JOIN people p ON p.id = d.person_id ORDER BY a.slug, p.email, d.type, d.applied_on`,
    );

  const programmes = (ds: DataSource) =>
    ds.query(
      `SELECT a.slug, g.name, g.kind, c.name AS cohort, c.starts_on, c.ends_on, p.email, e.completed_on,
              (SELECT array_agg(d.held_on::text || ':' || coalesce(x.attended::text, '-') ORDER BY d.held_on) FROM programme_days d
                 LEFT JOIN programme_attendance x ON x.day_id = d.id AND x.enrolment_id = e.id WHERE d.cohort_id = c.id) AS days
         FROM programmes g JOIN alliances a ON a.id = g.alliance_id JOIN programme_cohorts c ON c.programme_id = g.id
         JOIN programme_enrolments e ON e.cohort_id = c.id JOIN people p ON p.id = e.person_id ORDER BY a.slug, g.name, c.starts_on, p.email`,
    );
  const rounds = (ds: DataSource) =>
    ds.query(`SELECT to_jsonb(r) - 'id' - 'alliance_id' - 'created_at' - 'updated_at' AS round, (SELECT json_agg(x.code || '=' || t.target ORDER BY x.code) FROM recruitment_round_targets t JOIN areas_of_expertise x ON x.id = t.area_id WHERE t.round_id = r.id) AS targets FROM recruitment_rounds r`);

  it('gives the same rows (ids aside) for the same day', async () => {
    const [one, two] = [await loaded('2027-03-10'), await loaded('2027-03-10')];
    for (const read of [snapshot, programmes, rounds]) expect(await read(two)).toEqual(await read(one));
  });

  it('checks what it claims: a wrong review date or a missing release commitment is reported', async () => {
    const ds = await loaded('2027-03-10');
    await ds.query(`UPDATE designations SET review_due_on = review_due_on + 1 WHERE id = (SELECT id FROM designations WHERE status = 'ACTIVE' ORDER BY applied_on LIMIT 1)`);
    await ds.query(`DELETE FROM release_commitments WHERE designation_id = (SELECT id FROM designations WHERE status = 'ACTIVE' AND type = 'SLE' ORDER BY applied_on DESC LIMIT 1)`);
    const problems = await inconsistencies(ds, '2027-03-10');
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/review due/), expect.stringMatching(/release commitments/)]));
  });

  it.each(['2026-09-02', '2029-08-31', '2032-02-29', '2040-01-01'])('still makes sense when first loaded on %s', async (today) => {
    const ds = await loaded(today);
    expect(await inconsistencies(ds, today)).toEqual([]);
    const [round] = await ds.query(`SELECT application_deadline < $1::date AS closed, national_notification_on < $1::date AS notified, max(t) > $1::date AS training_ahead FROM recruitment_rounds, unnest(training_dates) t GROUP BY 1, 2`, [today]);
    expect(round).toEqual({ closed: true, notified: true, training_ahead: true });
  });
});
