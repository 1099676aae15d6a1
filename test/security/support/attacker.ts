/**
 * An attacker's arithmetic on small-group suppression (SECURITY.md D2): from every answer a caller
 * can get, which values can each hidden cell take? Each grouping's cells add up to the total, every
 * cell that is listed holds at least one person, and the attacker assumes that the unknown local
 * authority and the unknown phase are the same people (those without a school). Every solution is
 * enumerated, so a cell with one possible value has been reopened.
 */
export interface Answer {
  grouping: string;
  total: number | null;
  cells: { key: string; count: number | null }[];
}

type Assignment = Map<string, number>;

/** Ways to write `sum` as `parts` positive integers, in order. */
function compositions(sum: number, parts: number): number[][] {
  if (parts === 0) return sum === 0 ? [[]] : [];
  if (parts === 1) return sum >= 1 ? [[sum]] : [];
  const out: number[][] = [];
  for (let first = 1; first <= sum - parts + 1; first++) for (const rest of compositions(sum - first, parts - 1)) out.push([first, ...rest]);
  return out;
}

/** Every assignment of a grouping's hidden cells that adds up; cell ids are `grouping/key`. */
function groupingSolutions(answer: Answer, total: number): Assignment[] {
  const hidden = answer.cells.filter((c) => c.count === null);
  const shown = answer.cells.reduce((s, c) => s + (c.count ?? 0), 0);
  const known = new Map(answer.cells.filter((c) => c.count !== null).map((c) => [`${answer.grouping}/${c.key}`, c.count!]));
  return compositions(total - shown, hidden.length).map((values) => new Map([...known, ...hidden.map((c, i) => [`${answer.grouping}/${c.key}`, values[i]] as [string, number])]));
}

/** The possible values of each hidden cell; `links` are pairs of cell ids the attacker takes to be equal. */
export function possibleValues(answers: Answer[], links: [string, string][]): Map<string, Set<number>> {
  const total = answers.find((a) => a.total !== null)?.total;
  const possible = new Map<string, Set<number>>();
  if (total === undefined || total === null) return possible;
  let solutions: Assignment[] = [new Map()];
  for (const answer of answers) {
    const next: Assignment[] = [];
    for (const partial of solutions) {
      for (const own of groupingSolutions(answer, total)) {
        const merged = new Map([...partial, ...own]);
        if (links.every(([a, b]) => !merged.has(a) || !merged.has(b) || merged.get(a) === merged.get(b))) next.push(merged);
      }
    }
    solutions = next;
  }
  for (const answer of answers) {
    for (const cell of answer.cells.filter((c) => c.count === null)) {
      const id = `${answer.grouping}/${cell.key}`;
      possible.set(id, new Set(solutions.map((s) => s.get(id)!)));
    }
  }
  return possible;
}
