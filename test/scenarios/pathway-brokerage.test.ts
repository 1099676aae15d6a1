import { AgreeDeploymentDocument } from '../../operations/generated/graphql';
import { addDays } from '../../src/common/dates';
import { BrokerageScenario } from './brokerage-scenario';

/**
 * Issue 10, item 13: Pathway Teaching School Alliance deploys an LLE, a serving headteacher, to
 * support a headteacher new to headship: the request asks for an LLE, the LLE has no release days
 * recorded (an SLE's commitment), so the coordinator agrees with a recorded override reason; the
 * coaching is logged in hours.
 */
describe("scenario: Pathway's LLE supports a new headteacher, from request to evaluation", () => {
  // Alison Carter, head of Kingsnorth Meadows and an LLE; Shepway Green's headteacher is new to headship.
  const s = new BrokerageScenario('pathway', { givenName: 'Alison', familyName: 'Carter', type: 'LLE' }, '990026');
  beforeAll(() => s.start());
  afterAll(() => s.close());

  it('the coordinator records a request for an LLE and finds the LLE, asking for those without release days', async () => {
    const request = await s.request({
      commissioner: { type: 'SCHOOL' }, designationType: 'LLE', needs: 'A headteacher new to headship: coaching on budget, governance and leading change.',
      areas: ['Closing the gap'], desiredOutcomes: ['An improvement plan the governors approve'], preferredStart: s.today, fundingSource: 'School budget',
    });
    expect(request).toMatchObject({ designationType: 'LLE' });
    const { ours } = await s.matches({ includeWithoutCapacity: true });
    expect(ours.designation.type).toBe('LLE');
    expect(ours.availableDays).toBeLessThanOrEqual(0);
  });

  it('proposes coaching, and the four parties sign as themselves', async () => {
    await s.propose({
      scope: 'Coaching a new headteacher: two hours a fortnight.', objectives: ['An approved improvement plan'], impactMeasures: ['Governors’ review of the plan'],
      plannedDays: 2, model: 'CUSTOM', frequency: 'two hours a fortnight', startsOn: s.today, endsOn: addDays(s.today, 120),
    });
    await s.signAll();
  });

  it('agreeing beyond capacity is refused without a reason, and agreed with the coordinator’s override', async () => {
    const refused = await s.refused(AgreeDeploymentDocument, { input: { deploymentId: s.deploymentId } }, s.parties.coordinator);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/capacity/);
    const reason = 'An LLE is released by their governors: no release days are recorded for the designation.';
    const agreed = await s.agree(reason);
    expect(agreed.capacityOverrideReason).toBe(reason);
  });

  it('the LLE logs two hours of coaching, priced pro rata on six hours a day, and its visit record', async () => {
    await s.startDeployment();
    const { session, deployment } = await s.session({ heldOn: s.today, length: 'HOURS', hours: 2, status: 'DELIVERED' });
    expect(session).toMatchObject({ length: 'HOURS', hours: 2, days: 0.33 });
    // £400 a day: two hours of six is £133.33 (rounded half up to the penny), £20 of it the alliance's fee.
    expect(deployment.cost).toMatchObject({ totalPence: 13333, brokerageFeePence: 2000, homeSchoolPence: 11333 });
    await s.visitRecord(session, 'Budget planning and the first governors’ meeting rehearsed.');
  });

  it('completes; the new head rates it TOO_EARLY, and every party sees it', async () => {
    await s.complete();
    await s.evaluate('TOO_EARLY', 'The plan goes to governors next term.');
    await s.seenByEveryone();
  });
});
