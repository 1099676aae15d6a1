import { actingOf, RequestContext } from '../../context/context';
import { DesignationType } from '../designations/designation-enums';
import { RequirementStage } from './programme-enums';

export { RequirementStage } from './programme-enums';

/** The stages whose requirements must be met by this one: what is required before application is required before designation too. */
const STAGES_BY: Record<RequirementStage, RequirementStage[]> = {
  [RequirementStage.APPLICATION]: [RequirementStage.APPLICATION],
  [RequirementStage.DESIGNATION]: [RequirementStage.APPLICATION, RequirementStage.DESIGNATION],
};

/**
 * The alliance's programmes required of this designation type at this stage that the person has not completed, by name.
 *
 * Required "at this stage" includes the earlier stages: at DESIGNATION, a programme required before
 * APPLICATION must be completed too. Completed means a completion date on an enrolment in any cohort
 * of the programme. One statement, in the caller's transaction and under its row-level security: a
 * practitioner checking their own record sees their own enrolments, a coordinator everyone's. In
 * name order, so that a refusal names them the same way every time.
 */
export async function unmetProgrammeRequirements(ctx: RequestContext, personId: string, type: DesignationType, stage: RequirementStage): Promise<{ id: string; name: string }[]> {
  const acting = actingOf(ctx);
  return ctx.em.query(
    `SELECT p.id, p.name FROM programmes p
      WHERE p.alliance_id = $1 AND p.required_for = $2 AND p.required_before = ANY ($3::requirement_stage[])
        AND NOT EXISTS (
          SELECT 1 FROM programme_enrolments en JOIN programme_cohorts c ON c.id = en.cohort_id AND c.alliance_id = en.alliance_id
           WHERE en.alliance_id = $1 AND en.person_id = $4 AND c.programme_id = p.id AND en.completed_on IS NOT NULL)
      ORDER BY p.name, p.id`,
    [acting.allianceId, type, STAGES_BY[stage], personId],
  );
}
