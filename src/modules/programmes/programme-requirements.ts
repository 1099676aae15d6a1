import DataLoader from 'dataloader';
import { RequestContext } from '../../context/context';
import { LoaderScope } from '../../loaders/helpers';
import { DesignationType } from '../designations/designation-enums';
import { RequirementStage } from './programme-enums';

export { RequirementStage } from './programme-enums';

type Unmet = { id: string; name: string };

/**
 * Unmet requirements for many (person, type, stage) keys in ONE statement, so that a page of
 * applications showing their eligibility costs one query. Required "at this stage" includes the
 * earlier stage: at DESIGNATION, a programme required before APPLICATION must be completed too.
 * Completed means a completion date on an enrolment in any cohort of the programme. Under the
 * caller's row-level security: a practitioner checking their own record sees their own enrolments,
 * a coordinator everyone's. In name order, so that a refusal names them the same way every time.
 */
export const unmetProgrammesLoader = (scope: LoaderScope) =>
  new DataLoader<string, Unmet[]>(async (keys) => {
    if (!scope.acting) return keys.map(() => []);
    const parts = keys.map((key) => key.split('|'));
    const rows: (Unmet & { key: string })[] = await scope.em.query(
      `SELECT k.key, p.id, p.name
         FROM unnest($2::text[], $3::uuid[], $4::designation_type[], $5::requirement_stage[]) AS k(key, person_id, type, stage)
         JOIN programmes p ON p.alliance_id = $1 AND p.required_for = k.type AND (p.required_before = 'APPLICATION' OR k.stage = 'DESIGNATION')
        WHERE NOT EXISTS (
          SELECT 1 FROM programme_enrolments en JOIN programme_cohorts c ON c.id = en.cohort_id AND c.alliance_id = en.alliance_id
           WHERE en.alliance_id = $1 AND en.person_id = k.person_id AND c.programme_id = p.id AND en.completed_on IS NOT NULL)
        ORDER BY p.name, p.id`,
      [scope.acting.allianceId, keys, parts.map((p) => p[0]), parts.map((p) => p[1]), parts.map((p) => p[2])],
    );
    const byKey = new Map<string, Unmet[]>(keys.map((key) => [key, []]));
    for (const { key, id, name } of rows) byKey.get(key)!.push({ id, name });
    return keys.map((key) => byKey.get(key)!);
  });

/** The alliance's programmes required of this designation type at this stage that the person has not completed, by name. */
export function unmetProgrammeRequirements(ctx: RequestContext, personId: string, type: DesignationType, stage: RequirementStage): Promise<Unmet[]> {
  return ctx.loaders.unmetProgrammes.load(`${personId}|${type}|${stage}`);
}
