import { addDays } from '../../src/common/dates';
import { BrokerageScenario } from './brokerage-scenario';

/**
 * Issue 10, item 13: Romero TSA brokers one of its first SLEs, designated days ago, to a member
 * school at £350 a day with £50 kept by the alliance: request, match, contract signed by the four
 * parties as themselves, agreement with the tariff copied, a delivered day with its visit record,
 * completion and the supported head's evaluation.
 */
describe("scenario: Romero's brokerage, from a school's request to its evaluation at £350 a day", () => {
  // Patrick Quinn, Romero's phonics lead (St Bernadette's), SLE since the first round; Holy Family asks for phonics support.
  const s = new BrokerageScenario('romero', { givenName: 'Patrick', familyName: 'Quinn', type: 'SLE' }, '990012');
  beforeAll(() => s.start());
  afterAll(() => s.close());

  it('the coordinator records the school’s request and finds the SLE among the ranked matches', async () => {
    const request = await s.request({
      commissioner: { type: 'SCHOOL' }, needs: 'Phonics screening results fell; the new phonics lead needs coaching.', areas: ['Phonics'],
      desiredOutcomes: ['Phonics screening at the national average'], preferredStart: s.today, fundingSource: 'School budget',
    });
    expect(request).toMatchObject({ commissionerType: 'SCHOOL', commissionerName: 'Holy Family Catholic Primary School', commissionerSchool: { urn: '990012' }, designationType: 'SLE' });
    const { ours } = await s.matches();
    expect(ours.reasons.map((r) => r.factor)).toContain('AREA_OF_EXPERTISE');
    expect(ours.availableDays).toBeGreaterThanOrEqual(2);
  });

  it('proposes a contract; the SLE, their head, the supported head and the coordinator each sign as themselves', async () => {
    await s.propose({
      scope: 'Coach the phonics lead and model daily phonics in Reception and Year 1.', objectives: ['Daily phonics taught with fidelity'], impactMeasures: ['Phonics screening check'],
      plannedDays: 2, model: 'CUSTOM', frequency: 'a day a month', startsOn: s.today, endsOn: addDays(s.today, 60),
    });
    await s.signAll();
  });

  it('agrees (the tariff copied), starts, and the SLE delivers a day and writes its visit record', async () => {
    await s.agree();
    await s.startDeployment();
    const planned = await s.session({ heldOn: addDays(s.today, 30), length: 'FULL_DAY' });
    expect(planned.session).toMatchObject({ status: 'PLANNED', days: 1, visitRecordDueOn: null });
    const { session, deployment } = await s.session({ heldOn: s.today, length: 'FULL_DAY', status: 'DELIVERED', notes: 'Modelled Reception phonics; observed Year 1.' });
    expect(session).toMatchObject({ status: 'DELIVERED', days: 1, visitRecordOverdue: false, visitRecord: null });
    expect(session.visitRecordDueOn! > s.today).toBe(true);
    // £350 a day, £50 of it kept by the alliance and £300 to the SLE's school; the planned day estimated alike.
    expect(deployment.cost).toMatchObject({ totalPence: 35000, brokerageFeePence: 5000, homeSchoolPence: 30000, deliveredDays: 1, plannedDays: 1, plannedPence: 35000 });
    await s.visitRecord(session, 'Phonics lessons now follow the scheme in Reception; Year 1 groups regrouped.');
  });

  it('a later change to the alliance’s tariff does not reprice the agreed deployment', async () => {
    await s.t.db.dataSource.query(`UPDATE alliance_tariffs SET full_day_pence = 40000, brokerage_fee_per_day_pence = 8000 WHERE alliance_id = $1`, [s.allianceId]);
    const page = await s.page(s.parties.coordinator);
    expect(page.cost).toMatchObject({ totalPence: 35000, brokerageFeePence: 5000, homeSchoolPence: 30000 });
  });

  it('completes; the supported head rates the impact, and every party sees the deployment', async () => {
    await s.complete();
    const { review } = await s.evaluate('SIGNIFICANT', 'Screening check rose from 61% to 78%.');
    expect(review).toBeNull();
    const page = await s.page(s.parties.supportedHead);
    expect(page).toMatchObject({ status: 'EVALUATED', nextMoves: [], cost: { totalPence: 35000 } });
    expect(page.sessions.map((x) => x.status).sort()).toEqual(['DELIVERED', 'PLANNED']);
    await s.seenByEveryone();
  });
});
