import { PeopleStatisticsDocument } from '../../operations/generated/graphql';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { LeadershipLevel } from '../../src/modules/people/person-enums';
import { AUDIT_BUDGET_MS, suppress } from '../../src/modules/people/suppression';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { createAlliance, createSchool } from '../factories';
import { createPerson, createUser, TestUser } from '../factories/users';
import { startTestServer, TestServer } from '../helpers/server';
import { Answer, CrossCell, possibleValues } from './support/attacker';

const GROUPINGS = ['LEADERSHIP_LEVEL', 'LOCAL_AUTHORITY', 'PHASE'] as const;

/** Issue 6: a hidden count must not be recoverable from any combination of the answers a caller can get. */
describe('small-group suppression against an attacker’s arithmetic (SECURITY.md D2)', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  async function everyAnswer(as: TestUser, alliance?: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (const grouping of GROUPINGS) {
      const { data, errors } = await t.execute(PeopleStatisticsDocument, { groupBy: [grouping] }, { as, alliance });
      expect(errors).toBeUndefined();
      const stats = data!.peopleStatistics;
      answers.push({
        grouping,
        total: stats.total ?? null,
        cells: stats.groups.map((g) => ({ key: g.leadershipLevel ?? g.localAuthority?.code ?? g.phase?.code ?? '-', count: g.count ?? null })),
      });
    }
    return answers;
  }

  /** The true count of every cell, and which cross-table cells are not empty, read with the owner's rights. */
  async function truth(alliance: Alliance): Promise<{ real: Map<string, number>; support: CrossCell[] }> {
    const rows: { level: string; la: string; phase: string; n: number }[] = await t.db.dataSource.query(
      `SELECT coalesce(p.leadership_level::text, '-') AS level, coalesce(s.la_code, '-') AS la, coalesce(s.phase_code, '-') AS phase, count(*)::int AS n
         FROM people p LEFT JOIN schools s ON s.id = p.school_id WHERE p.alliance_id = $1 GROUP BY 1, 2, 3`,
      [alliance.id],
    );
    const real = new Map<string, number>();
    const add = (id: string, n: number) => real.set(id, (real.get(id) ?? 0) + n);
    for (const r of rows) (add(`LEADERSHIP_LEVEL/${r.level}`, r.n), add(`LOCAL_AUTHORITY/${r.la}`, r.n), add(`PHASE/${r.phase}`, r.n));
    return { real, support: rows.map((r) => ({ LEADERSHIP_LEVEL: r.level, LOCAL_AUTHORITY: r.la, PHASE: r.phase })) };
  }

  function expectNothingReopened(answers: Answer[], { real, support }: { real: Map<string, number>; support: CrossCell[] }) {
    if (answers.every((a) => a.total === null)) {
      // Nothing shown, nothing to reopen.
      expect(answers.flatMap((a) => a.cells).every((c) => c.count === null)).toBe(true);
      return;
    }
    const possible = possibleValues(answers, support);
    expect(possible.size).toBeGreaterThan(0);
    for (const [cell, values] of possible) {
      expect({ cell, reopened: values.size === 1 }).toEqual({ cell, reopened: false });
      expect(values.has(real.get(cell)!)).toBe(true);
    }
    for (const answer of answers) {
      for (const c of answer.cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(5);
      const hidden = answer.cells.filter((c) => c.count === null);
      if (hidden.length && answer.total !== null) {
        // What the attacker does know: the hidden cells' sum, which must be no smaller than a shown group.
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(answer.total - answer.cells.reduce((s, c) => s + (c.count ?? 0), 0)).toBeGreaterThanOrEqual(5);
      }
    }
  }

  it('keeps the unknown group hidden in every grouping once it is hidden in one, and two hidden groups never sum to less than the minimum', async () => {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const primary = await createSchool(em, { laCode: '202', laName: 'Camden', phaseCode: '2', phaseName: 'Primary' });
    const secondary = await createSchool(em, { laCode: '202', laName: 'Camden', phaseCode: '4', phaseName: 'Secondary' });
    const lambeth = await createSchool(em, { laCode: '208', laName: 'Lambeth', phaseCode: '4', phaseName: 'Secondary' });
    // Camden 10, Lambeth 2, no school 5; primary 7, secondary 5, no school 5; 8 middle, 7 senior, 1 head, 1 executive.
    // Hiding Lambeth, then the unknown authority beside it, while the unknown phase (the same 5 people) shows,
    // would give Lambeth away as 17 - 10 - 5; hiding head and executive alone would give each as 1.
    const levels = [...Array(8).fill(LeadershipLevel.MIDDLE), ...Array(7).fill(LeadershipLevel.SENIOR), LeadershipLevel.HEADTEACHER, LeadershipLevel.EXECUTIVE];
    const schools = [...Array(7).fill(primary.id), ...Array(3).fill(secondary.id), ...Array(2).fill(lambeth.id), ...Array(5).fill(null)];
    for (let i = 0; i < 17; i++) await createPerson(em, alliance, { schoolId: schools[i], leadershipLevel: levels[i] });
    const analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });

    const answers = await everyAnswer(analyst);
    const hiddenKeys = answers.map((a) => [a.grouping, a.cells.filter((c) => c.count === null).map((c) => c.key)]);
    expect(hiddenKeys).toEqual([
      ['LEADERSHIP_LEVEL', ['EXECUTIVE', 'HEADTEACHER', 'SENIOR']],
      ['LOCAL_AUTHORITY', ['208', '-']],
      ['PHASE', ['4', '-']],
    ]);
    expectNothingReopened(answers, await truth(alliance));
  });

  it('keeps a phase hidden that an authority holding only that phase and shown ones would give away', async () => {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    // Authority 201: primary 8, secondary 7. Authority 202: nursery 2, special 10. The register says which
    // phases each authority's schools have, so 202 minus special would be the nursery's 2.
    const school = (la: string, phase: string) => createSchool(em, { laCode: la, laName: `LA ${la}`, phaseCode: phase, phaseName: `Phase ${phase}` });
    const spread: [Promise<{ id: string }>, number][] = [[school('201', '2'), 8], [school('201', '4'), 7], [school('202', '1'), 2], [school('202', '0'), 10]];
    for (const [made, n] of spread) {
      const { id } = await made;
      for (let i = 0; i < n; i++) await createPerson(em, alliance, { schoolId: id, leadershipLevel: LeadershipLevel.MIDDLE });
    }
    const analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    const answers = await everyAnswer(analyst);
    expect(answers[0].total).toBe(27);
    expectNothingReopened(answers, await truth(alliance));
  });

  it('reopens nothing on the demo data, in any alliance', async () => {
    await t.db.dataSource.transaction((em) => loadDemoData(em));
    const alliances = await t.db.dataSource.getRepository(Alliance).find({ where: {} });
    const demo = alliances.filter((a) => ['london-south', 'romero', 'fusion', 'pathway', 'forest'].includes(a.slug));
    expect(demo).toHaveLength(5);
    for (const alliance of demo) {
      const analyst = await createUser(t.db.dataSource.manager, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
      const answers = await everyAnswer(analyst);
      if (answers.some((a) => a.cells.some((c) => c.count === null))) expectNothingReopened(answers, await truth(alliance));
    }
  });

  it('answers an analyst of a large, uneven alliance within the audit budget, failing closed', async () => {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const schools = [];
    for (let i = 0; i < 150; i++) schools.push(await createSchool(em, { laCode: String(300 + (i % 30)), laName: `LA ${i % 30}`, phaseCode: String(i % 6), phaseName: `Phase ${i % 6}` }));
    // 2,000 staff, most of them at a few schools: many small cells, many cross-table cells.
    await em.query(
      `INSERT INTO people (alliance_id, given_name, family_name, school_id, leadership_level)
       SELECT $1, 'G' || g, 'F' || g, ($2::uuid[])[1 + floor(150 * power(((hashint4(g) & 2147483647) % 100000) / 100000.0, 2))::int],
              (ARRAY['MIDDLE', 'SENIOR', 'HEADTEACHER', 'EXECUTIVE', NULL])[1 + (hashint4(g * 7) & 2147483647) % 5]::leadership_level
         FROM generate_series(1, 2000) g`,
      [alliance.id, schools.map((school) => school.id)],
    );
    const analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    const started = performance.now();
    const answers = await everyAnswer(analyst);
    // Three requests, each bounded by the audit's budget (suppression.ts) plus its SQL.
    expect(performance.now() - started).toBeLessThan(3 * (AUDIT_BUDGET_MS + 1000));
    expect(answers[0].total).toBe(2000);
    for (const answer of answers) for (const c of answer.cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(5);
  });

  it('refuses counts to a practitioner, who sees one record (T4)', async () => {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const person = await createPerson(em, alliance);
    const practitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
    for (const groupBy of [[], ['LOCAL_AUTHORITY'], ['SCHOOL']]) {
      const { errors } = await t.execute(PeopleStatisticsDocument, { groupBy: groupBy as never }, { as: practitioner });
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  describe('the suppression rules', () => {
    const cell = (grouping: string, key: string, count: number, fingerprint = `${grouping}/${key}`) => ({ grouping, key, count, fingerprint });

    it('hides everything when the total is under the minimum', () => {
      const cells = [cell('', '', 4), cell('A', 'x', 2), cell('A', 'y', 2)];
      expect(suppress(cells, 5).size).toBe(3);
    });

    it('hides the next smallest until at least two cells summing to the minimum are hidden', () => {
      const cells = [cell('', '', 30), cell('A', 'a', 1), cell('A', 'b', 1), cell('A', 'c', 2), cell('A', 'd', 26)];
      expect([...suppress(cells, 5)].map((c) => c.key).sort()).toEqual(['a', 'b', 'c', 'd']);
      const enough = [cell('', '', 30), cell('A', 'a', 3), cell('A', 'b', 2), cell('A', 'c', 6), cell('A', 'd', 19)];
      expect([...suppress(enough, 5)].map((c) => c.key).sort()).toEqual(['a', 'b']);
    });

    it('hides a cell in every grouping that holds the same people, and the total with a cell equal to it', () => {
      const cells = [cell('', '', 20, 'all'), cell('A', 'x', 2), cell('A', 'u', 6, 'unknown'), cell('A', 'z', 12), cell('B', 'p', 14), cell('B', 'u', 6, 'unknown')];
      const hidden = suppress(cells, 5);
      expect([...hidden].map((c) => `${c.grouping}/${c.key}`).sort()).toEqual(['A/u', 'A/x', 'B/p', 'B/u']);
      const whole = [cell('', '', 20, 'all'), cell('A', 'x', 2), cell('A', 'y', 18, 'all')];
      expect(suppress(whole, 5).size).toBe(3);
    });
  });
});
