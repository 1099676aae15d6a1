import { englishDate } from '../../common/academic-year';
import { requiredText } from '../people/person.validation';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict, NotFound } from '../../common/errors';
import { paginate } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { DesignationType } from '../designations/designation-enums';
import { CreateRecruitmentRoundInput, RecruitmentRoundFilter } from './recruitment.inputs';
import { RecruitmentRoundTarget } from './recruitment-round-target.entity';
import { RecruitmentRound } from './recruitment-round.entity';

const AUDITED = ['designationType', 'name', 'detailsSentOn', 'applicationDeadline', 'assessmentOn', 'nationalNotificationOn', 'trainingDates', 'overallTarget', 'targets'] as const;

/** The acting alliance's rounds, latest deadline first. */
export function listRecruitmentRounds(ctx: RequestContext, filter: RecruitmentRoundFilter | null | undefined, page: PageArgs) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, RecruitmentRound) ?? ctx.em.createQueryBuilder(RecruitmentRound, 'e').where('false');
  if (filter?.designationType) qb.andWhere('e.designation_type = :type', { type: filter.designationType });
  if (filter?.open != null) qb.andWhere(filter.open ? 'e.application_deadline >= :today' : 'e.application_deadline < :today', { today: englishDate() });
  return paginate(qb, page, [{ expression: 'e.application_deadline', value: (r) => r.applicationDeadline, direction: 'DESC', kind: 'date' }]);
}

/** Dates in the order a round runs: each refusal names the field out of order. */
function checkTimeline(input: CreateRecruitmentRoundInput): void {
  if (input.applicationDeadline < englishDate()) throw new BadUserInput('input.applicationDeadline must not be in the past for a new round', 'input.applicationDeadline');
  const order: [keyof CreateRecruitmentRoundInput, string | null | undefined][] = [
    ['detailsSentOn', input.detailsSentOn],
    ['applicationDeadline', input.applicationDeadline],
    ['assessmentOn', input.assessmentOn],
    ['nationalNotificationOn', input.nationalNotificationOn],
  ];
  let previous: [string, string] | null = null;
  for (const [field, day] of order) {
    if (!day) continue;
    if (previous && day < previous[1]) throw new BadUserInput(`input.${field} (${day}) must not be before input.${previous[0]} (${previous[1]})`, `input.${field}`);
    previous = [field, day];
  }
  (input.trainingDates ?? []).forEach((day, i) => {
    if (day < input.applicationDeadline) throw new BadUserInput(`input.trainingDates[${i}] (${day}) must not be before the application deadline`, `input.trainingDates[${i}]`);
  });
}

export function createRecruitmentRound(ctx: RequestContext, input: CreateRecruitmentRoundInput): Promise<RecruitmentRound> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const name = requiredText(input.name ?? '', 'input.name', 200);
    checkTimeline(input);
    if (!input.areas.length) throw new BadUserInput('input.areas must name at least one area of expertise sought', 'input.areas');
    input.areas.forEach((a, i) => {
      if (a.target < 1 || a.target > 500) throw new BadUserInput(`input.areas[${i}].target must be between 1 and 500`, `input.areas[${i}].target`);
    });
    const areaIds = await resolveAreaLabels(tx, input.areas.map((a) => a.area), 'input.areas');
    if (input.overallTarget != null && (input.overallTarget < 1 || input.overallTarget > 5000)) throw new BadUserInput('input.overallTarget must be between 1 and 5000', 'input.overallTarget');
    const round = await tx.em.save(
      tx.em.create(RecruitmentRound, {
        allianceId: acting.allianceId, designationType: input.designationType, name, detailsSentOn: input.detailsSentOn ?? null,
        applicationDeadline: input.applicationDeadline, assessmentOn: input.assessmentOn ?? null, nationalNotificationOn: input.nationalNotificationOn ?? null,
        trainingDates: [...new Set(input.trainingDates ?? [])].sort(), overallTarget: input.overallTarget ?? null,
      }),
    );
    const targets = input.areas.map((a, i) => ({ allianceId: acting.allianceId, roundId: round.id, areaId: areaIds[i], target: a.target }));
    await tx.em.getRepository(RecruitmentRoundTarget).insert(targets);
    await recordChange(tx, {
      action: 'createRecruitmentRound', objectType: 'RecruitmentRound', objectId: round.id, before: null,
      after: { ...round, targets: targets.map((t) => ({ areaId: t.areaId, target: t.target })) }, fields: AUDITED,
    });
    return round;
  });
}

/** An application to a round: of the round's type, in areas it seeks, by its deadline. */
export async function checkRoundAccepts(tx: RequestContext, roundId: string, application: { type: DesignationType; areaIds: string[]; appliedOn: string }): Promise<void> {
  const round = await tx.loaders.recruitmentRoundById.load(roundId);
  if (!round) throw new NotFound('recruitment round');
  if (round.designationType !== application.type) throw new BadUserInput(`input.type: the round recruits ${round.designationType}s`, 'input.type');
  if (application.appliedOn > round.applicationDeadline) throw new Conflict(`the round's application deadline (${round.applicationDeadline}) has passed`);
  const sought = new Set((await tx.loaders.targetsByRound.load(roundId)).map((t) => t.areaId));
  const outside = application.areaIds.findIndex((id) => !sought.has(id));
  if (outside >= 0) throw new BadUserInput(`input.areasOfExpertise[${outside}] is not an area the round seeks`, `input.areasOfExpertise[${outside}]`);
}

