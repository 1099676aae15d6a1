import { BadUserInput } from '../../common/errors';
import { PageArgs } from '../../common/connection';
import { paginate } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from './area-of-expertise.entity';

/** The canonical list in inspection-heading order: shared reference data. */
export function listAreasOfExpertise(ctx: RequestContext, page: PageArgs) {
  return paginate(ctx.em.createQueryBuilder(AreaOfExpertise, 'area'), page, [{ expression: 'area.position', value: (a) => a.position, kind: 'integer' }]);
}

/**
 * Area ids for labels an alliance uses: the canonical code or name, or any alias ("More Able",
 * "Diminishing the Difference"), in any case. An unknown label is refused, naming it and its place.
 */
export async function resolveAreaLabels(ctx: RequestContext, labels: readonly string[], field: string): Promise<string[]> {
  const wanted = labels.map((label) => label.trim().toLowerCase());
  const rows: { label: string; id: string }[] = await ctx.em.query(
    `SELECT w.label, a.id FROM unnest(CAST($1 AS text[])) AS w(label)
       JOIN areas_of_expertise a ON lower(a.code) = w.label OR lower(a.name) = w.label OR w.label = ANY(SELECT lower(x) FROM unnest(a.aliases) x)`,
    [wanted],
  );
  const found = new Map(rows.map((r) => [r.label, r.id]));
  const ids = wanted.map((label, i) => {
    const id = found.get(label);
    if (!id) throw new BadUserInput(`${field}[${i}] "${labels[i]}" is not an area of expertise; areasOfExpertise lists them`, `${field}[${i}]`);
    return id;
  });
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) throw new BadUserInput(`${field}[${duplicate}] "${labels[duplicate]}" names an area already given`, `${field}[${duplicate}]`);
  return ids;
}
