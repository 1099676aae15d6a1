import DataLoader from 'dataloader';
import { Field, Int, ObjectType } from 'type-graphql';
import { LoaderScope } from '../../loaders/helpers';

@ObjectType({ simpleResolvers: true, description: 'How far applicants got: each count is of applications that reached the stage, withdrawn or rejected later included.' })
export class StageCounts {
  @Field(() => Int, { description: 'Applications in the area.' })
  applied: number;

  @Field(() => Int, { description: 'Of them, shortlisted or further.' })
  shortlisted: number;

  @Field(() => Int, { description: 'Of them, approved or further.' })
  approved: number;

  @Field(() => Int, { description: 'Of them, designated.' })
  designated: number;
}

/** Counts per area of expertise (an application naming two areas counts in both) and for the round as a whole. */
export interface RoundCounts {
  total: StageCounts;
  byArea: Map<string, StageCounts>;
}

const none = (): StageCounts => ({ applied: 0, shortlisted: 0, approved: 0, designated: 0 });

/** Every requested round's counts in ONE statement: grouping sets give the per-area rows and the round's total together. */
export const roundProgressLoader = (scope: LoaderScope) =>
  new DataLoader<string, RoundCounts>(async (roundIds) => {
    const result = new Map<string, RoundCounts>(roundIds.map((id) => [id, { total: none(), byArea: new Map() }]));
    if (!scope.acting) return roundIds.map((id) => result.get(id)!);
    const rows: { round_id: string; area_id: string | null; is_total: number; applied: number; shortlisted: number; approved: number; designated: number }[] = await scope.em.query(
      `SELECT d.round_id, a.area_id, GROUPING(a.area_id) AS is_total, count(DISTINCT d.id)::int AS applied, count(DISTINCT d.id) FILTER (WHERE d.shortlisted_on IS NOT NULL)::int AS shortlisted,
              count(DISTINCT d.id) FILTER (WHERE d.approved_on IS NOT NULL)::int AS approved, count(DISTINCT d.id) FILTER (WHERE d.designated_on IS NOT NULL)::int AS designated
         FROM designations d LEFT JOIN LATERAL unnest(d.area_ids) AS a(area_id) ON true
        WHERE d.alliance_id = $1 AND d.round_id IN (SELECT unnest(CAST($2 AS uuid[])))
        GROUP BY GROUPING SETS ((d.round_id, a.area_id), (d.round_id))`,
      [scope.acting.allianceId, roundIds],
    );
    for (const { round_id, area_id, is_total, ...counts } of rows) {
      const round = result.get(round_id)!;
      if (is_total) round.total = counts;
      else if (area_id !== null) round.byArea.set(area_id, counts);
    }
    return roundIds.map((id) => result.get(id)!);
  });
