import { addDays } from '../../src/common/dates';
import { BrokerageScenario } from './brokerage-scenario';

/**
 * Issue 10, item 13: London South TSA, whose SLEs come through its Lead Practitioner programme,
 * brokers its maths SLE to a member school at its £360 a day (£50 kept by the alliance): request,
 * match, the contract signed by the four parties as themselves, agreement, a delivered day with its
 * visit record, completion and the supported head's evaluation.
 */
describe("scenario: London South's brokerage, a programme graduate's maths support from request to evaluation", () => {
  // Tom Whitfield, Head of Mathematics and a graduate of the LP programme, SLE since; Thornton Heath Primary asks for maths support.
  const s = new BrokerageScenario('london-south', { givenName: 'Tom', familyName: 'Whitfield', type: 'SLE' }, '990006');
  beforeAll(() => s.start());
  afterAll(() => s.close());

  it('the coordinator records the school’s request and finds the SLE among the ranked matches', async () => {
    const request = await s.request({
      commissioner: { type: 'SCHOOL' }, needs: 'Year 6 reasoning lags behind arithmetic.', areas: ['Maths'],
      desiredOutcomes: ['Reasoning taught weekly in Year 6'], preferredStart: s.today, fundingSource: 'School budget',
    });
    expect(request).toMatchObject({ commissionerType: 'SCHOOL', commissionerSchool: { urn: '990006' }, designationType: 'SLE' });
    const { ours } = await s.matches();
    expect(ours.reasons.map((r) => r.factor)).toContain('AREA_OF_EXPERTISE');
  });

  it('proposes a contract; the four parties sign it as themselves', async () => {
    await s.propose({
      scope: 'Model reasoning lessons in Year 6 and coach the class teachers.', objectives: ['Reasoning taught weekly'], impactMeasures: ['KS2 reasoning paper'],
      plannedDays: 2, model: 'CUSTOM', frequency: 'a day a fortnight', startsOn: s.today, endsOn: addDays(s.today, 45),
    });
    await s.signAll();
  });

  it('agrees and starts; a delivered day costs £360, £50 of it to the alliance', async () => {
    await s.agree();
    await s.startDeployment();
    const { session, deployment } = await s.session({ heldOn: s.today, length: 'FULL_DAY', status: 'DELIVERED', notes: 'Modelled a reasoning lesson; planned the next two with the teachers.' });
    expect(session).toMatchObject({ status: 'DELIVERED', days: 1 });
    expect(deployment.cost).toMatchObject({ totalPence: 36000, brokerageFeePence: 5000, homeSchoolPence: 31000, deliveredDays: 1 });
    await s.visitRecord(session, 'Reasoning lessons planned for the half term; next visit observes them.');
  });

  it('completes; the supported head rates the impact, and every party sees the deployment', async () => {
    await s.complete();
    const { review } = await s.evaluate('SOME', 'Reasoning scores rose in the spring assessment; not yet in every class.');
    expect(review).toBeNull();
    const page = await s.page(s.parties.supportedHead);
    expect(page).toMatchObject({ status: 'EVALUATED', cost: { totalPence: 36000 } });
    await s.seenByEveryone();
  });
});
