/**
 * An attacker's arithmetic on small-group suppression (SECURITY.md D2), independent of the
 * implementation: it enumerates every way the alliance's staff could be spread over the cross-table
 * of leadership level × authority × phase that agrees with every answer the caller can get. The
 * attacker is given the worst case: which cross-table cells are not empty (the public register says
 * which phases an authority's schools have). A hidden count with one possible value has been reopened.
 */
export interface Answer {
  grouping: string;
  total: number | null;
  cells: { key: string; count: number | null }[];
}

/** A non-empty cell of the cross-table: its key in each grouping. */
export type CrossCell = Record<string, string>;

export function possibleValues(answers: Answer[], support: CrossCell[]): Map<string, Set<number>> {
  const possible = new Map<string, Set<number>>();
  const total = answers.find((a) => a.total !== null)?.total;
  if (total === undefined || total === null) return possible;
  // Each shown count is an equation over the cross cells it adds up.
  const equations = answers.flatMap((a) =>
    a.cells.filter((c) => c.count !== null).map((c) => ({ cells: support.flatMap((x, j) => (x[a.grouping] === c.key ? [j] : [])), count: c.count! })),
  );
  equations.push({ cells: support.map((_, j) => j), count: total });
  const hidden = answers.flatMap((a) => a.cells.filter((c) => c.count === null).map((c) => ({ id: `${a.grouping}/${c.key}`, cells: support.flatMap((x, j) => (x[a.grouping] === c.key ? [j] : [])) })));
  for (const h of hidden) possible.set(h.id, new Set());

  const x: number[] = [];
  const within = () => equations.every((e) => e.cells.reduce((s, j) => s + (j < x.length ? x[j] : 1), 0) <= e.count);
  const visit = (j: number): void => {
    if (j === support.length) {
      if (equations.every((e) => e.cells.reduce((s, k) => s + x[k], 0) === e.count)) {
        for (const h of hidden) possible.get(h.id)!.add(h.cells.reduce((s, k) => s + x[k], 0));
      }
      return;
    }
    for (let v = 1; v <= total; v++) {
      x[j] = v;
      // Every later cell holds at least one person: stop once an equation is already exceeded.
      if (!within()) break;
      visit(j + 1);
    }
    x.length = j;
  };
  visit(0);
  return possible;
}
