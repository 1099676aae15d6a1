import { SleOwnDeploymentsDocument } from '../../operations/generated/graphql';
import { addDays } from '../../src/common/dates';
import { BrokerageScenario } from './brokerage-scenario';

/**
 * Issue 10, item 13: Fusion TSA is commissioned by a local authority for a 2-day diagnostic, with
 * scope, objectives and impact measures agreed per deployment, from an SLE the alliance asks for at
 * least 15 days a year.
 */
describe("scenario: Fusion's brokerage, a local authority's 2-day diagnostic from request to evaluation", () => {
  // Marcus Bell, Fusion's maths SLE (Oaktree Brook School); Hertfordshire commissions a diagnostic at Highfield Lane Primary.
  const s = new BrokerageScenario('fusion', { givenName: 'Marcus', familyName: 'Bell', type: 'SLE' }, '990020');
  beforeAll(() => s.start());
  afterAll(() => s.close());

  it('the coordinator records the local authority’s request, named by its code, and finds the SLE', async () => {
    const request = await s.request({
      commissioner: { type: 'LOCAL_AUTHORITY', laCode: '919' }, needs: 'Maths outcomes fell at KS2; the LA wants a diagnostic before funding a programme.', areas: ['Maths'],
      desiredOutcomes: ['A diagnostic report with priorities'], preferredStart: s.today, fundingSource: 'Local authority school improvement grant',
    });
    expect(request).toMatchObject({ commissionerType: 'LOCAL_AUTHORITY', commissionerLaCode: '919', commissionerSchool: null });
    expect(request.commissionerName).toMatch(/Hertfordshire/);
    await s.matches();
    // The SLE's own page: Fusion asks its SLEs for at least 15 days a year.
    const own = await s.ok(SleOwnDeploymentsDocument, { first: 20 }, s.parties.systemLeader);
    expect(own.designations.edges.map((e) => e.node.capacity?.committedDays)).toContain(15);
  });

  it('proposes the 2-day diagnostic (its days and frequency from the model), and the four parties sign', async () => {
    const proposed = await s.propose({
      model: 'DIAGNOSTIC_TWO_DAYS', scope: 'A two-day diagnostic of maths teaching and outcomes, with a written report.', objectives: ['A diagnostic report', 'Three priorities agreed'],
      impactMeasures: ['An action plan the governors approve'], startsOn: addDays(s.today, -7), endsOn: addDays(s.today, 21),
    });
    expect(proposed).toMatchObject({ model: 'DIAGNOSTIC_TWO_DAYS', plannedDays: 2, frequency: 'a 2-day diagnostic' });
    await s.signAll();
  });

  it('agrees, starts, and the SLE delivers both days with their visit records', async () => {
    await s.agree();
    await s.startDeployment();
    const first = await s.session({ heldOn: addDays(s.today, -7), length: 'FULL_DAY', status: 'DELIVERED', notes: 'Lesson visits and book looks.' });
    const second = await s.session({ heldOn: s.today, length: 'FULL_DAY', status: 'DELIVERED', notes: 'Pupil voice and the report with the head.' });
    expect(second.deployment.cost).toMatchObject({ totalPence: 70000, brokerageFeePence: 10000, homeSchoolPence: 60000, deliveredDays: 2 });
    await s.visitRecord(first.session, 'Lesson visits in every KS2 class; books show little reasoning.');
    await s.visitRecord(second.session, 'Report agreed: three priorities for the action plan.');
  });

  it('completes; the supported head rates the impact, and every party sees it', async () => {
    await s.complete();
    await s.evaluate('SOME', 'The action plan was approved; the priorities are clear.');
    const page = await s.page(s.parties.homeHead);
    expect(page).toMatchObject({ status: 'EVALUATED', evaluation: { rating: 'SOME' }, supportRequest: { commissionerType: 'LOCAL_AUTHORITY' } });
    expect(page.sessions.every((x) => x.visitRecord)).toBe(true);
    await s.seenByEveryone();
  });
});
