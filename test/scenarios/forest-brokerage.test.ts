import { BrokerageRequestDocument, DesignationPageDocument } from '../../operations/generated/graphql';
import { addDays } from '../../src/common/dates';
import { BrokerageScenario } from './brokerage-scenario';

/**
 * Issue 10, item 13: Forest Learning Alliance matches an SLE by expertise and capacity, agrees the
 * focus, outcomes, funding, length and frequency, charges £375 a full day and £200 a half day, and,
 * where the supported head finds no impact, the rating opens a review of the designation.
 */
describe("scenario: Forest's brokerage, from a request to an evaluation rated NONE and the designation's review", () => {
  // Amara Nwosu, Forest's maths SLE (Lloyd Park Academy); Leyton Marsh Primary asks for maths support.
  const s = new BrokerageScenario('forest', { givenName: 'Amara', familyName: 'Nwosu', type: 'SLE' }, '990031');
  beforeAll(() => s.start());
  afterAll(() => s.close());

  it('the coordinator records the request and matches it by expertise and capacity', async () => {
    await s.request({
      commissioner: { type: 'SCHOOL' }, needs: 'Maths reasoning in Key Stage 2 is weak.', areas: ['Maths'], desiredOutcomes: ['Reasoning in every maths lesson'],
      preferredStart: s.today, fundingSource: 'School budget',
    });
    const { ours } = await s.matches();
    expect(ours.reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['AREA_OF_EXPERTISE', 'CAPACITY']));
    expect(ours.availableDays).toBe(10);
  });

  it('proposes the agreement, and the four parties sign it as themselves', async () => {
    await s.propose({
      scope: 'Reasoning in KS2 maths: a training day and coaching.', objectives: ['Reasoning in every maths lesson'], impactMeasures: ['KS2 reasoning paper'],
      plannedDays: 1.5, model: 'CUSTOM', frequency: 'a day, then a half day', startsOn: addDays(s.today, -7), endsOn: addDays(s.today, 30),
    });
    await s.signAll();
  });

  it('agrees and starts; a full day and a half day delivered cost £375 and £200', async () => {
    await s.agree();
    await s.startDeployment();
    const full = await s.session({ heldOn: addDays(s.today, -7), length: 'FULL_DAY', status: 'DELIVERED' });
    expect(full.deployment.cost).toMatchObject({ totalPence: 37500, brokerageFeePence: 5000, homeSchoolPence: 32500 });
    const half = await s.session({ heldOn: s.today, length: 'HALF_DAY', status: 'DELIVERED' });
    expect(half.session).toMatchObject({ days: 0.5, status: 'DELIVERED' });
    expect(half.deployment.cost).toMatchObject({ totalPence: 57500, brokerageFeePence: 7500, homeSchoolPence: 50000, deliveredDays: 1.5 });
    // A week-old session's record may already be overdue (5 working days in England): the page flags it.
    expect(full.session.visitRecordOverdue).toBe(full.session.visitRecordDueOn! < s.today);
    await s.visitRecord(full.session, 'Training day on reasoning; lesson study planned.');
    await s.visitRecord(half.session, 'Coached two Year 5 lessons.');
  });

  it('completes; the supported head rates it NONE, which puts the designation under review', async () => {
    await s.complete();
    const { review } = await s.evaluate('NONE', 'No change in reasoning outcomes or in lessons.');
    // The supported head does not see another school's designation review.
    expect(review).toBeNull();
    const page = await s.page(s.parties.coordinator);
    expect(page.designation).toMatchObject({ status: 'UNDER_REVIEW' });
    const { designation } = await s.ok(DesignationPageDocument, { id: s.designationId }, s.parties.coordinator);
    if (!designation || !('reviews' in designation)) throw new Error('the designation is missing');
    expect((designation.reviews ?? []).filter((r) => !r.completedOn)).toEqual([expect.objectContaining({ trigger: 'NO_IMPACT_EVIDENCE', openedOn: s.today })]);
    await s.seenByEveryone();
  });

  it('a designation under review is no longer offered for new requests unless asked for', async () => {
    await s.request({ commissioner: { type: 'SCHOOL' }, needs: 'Maths again.', areas: ['Maths'], preferredStart: s.today, fundingSource: 'School budget' });
    const page = await s.ok(BrokerageRequestDocument, { id: s.requestId }, s.parties.coordinator);
    expect(page.brokerMatches.map((m) => m.designation.id)).not.toContain(s.designationId);
    const asked = await s.ok(BrokerageRequestDocument, { id: s.requestId, includeUnderReview: true }, s.parties.coordinator);
    expect(asked.brokerMatches.map((m) => m.designation.id)).toContain(s.designationId);
  });
});
