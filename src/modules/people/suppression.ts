import { Constraint, solve } from 'yalps';

/**
 * Small-group suppression across every grouping a caller can ask for (SECURITY.md D2). All of a
 * caller's possible answers are computed and suppressed together, so no two answers can be played
 * against each other:
 *
 * 1. Primary: a cell under the minimum size is hidden; a total under it hides everything.
 * 2. Complementary: in each grouping the hidden cells' sum is the total minus the shown cells, so it
 *    is known. While a grouping hides exactly one cell, or hides cells that sum to less than the
 *    minimum (two hidden cells summing to 2 are 1 each), its smallest shown cell is hidden too.
 * 3. Linked cells: two cells of different groupings that hold exactly the same people (the "no
 *    school" people are the unknown local authority and the unknown phase; an alliance in one
 *    authority has a cell equal to the total) are one cell: hidden in one, hidden in all, so a
 *    grouping that shows it cannot reopen a grouping that hides it. Cells are compared by a
 *    fingerprint of their members, computed in SQL.
 * Steps 2 and 3 repeat until nothing changes.
 * 4. Audit: groupings of the same people are margins of one cross-table (authority and phase both
 *    come from the school), and an attacker may know which of its cells are not empty (the register
 *    says which phases an authority's schools have). Every hidden cell is bounded by linear
 *    programming over that cross-table, its non-empty cells at least 1, under every shown count as
 *    an equation; a hidden cell whose bounds admit one whole number is reopened, so one more cell is
 *    hidden (the smallest shown one of its grouping, else of another grouping that overlaps it, else
 *    the total) and steps 2 to 4 run again.
 * What this does not claim: an attacker still learns the bounds the audit computes.
 */
export interface Cell {
  /** Which grouping the cell belongs to; '' for the total. */
  grouping: string;
  count: number;
  /** Equal for cells holding exactly the same rows. */
  fingerprint: string;
  /** A stable order among equal counts, so the same data always hides the same cells. */
  key: string;
  /** The cross-table cells this cell adds up (indices into the `cross` counts given to suppress). */
  parts?: readonly number[];
}

export function suppress(cells: readonly Cell[], minimum: number, cross?: readonly number[], budgetMs = AUDIT_BUDGET_MS): Set<Cell> {
  const hidden = new Set<Cell>();
  const total = cells.find((c) => c.grouping === '');
  if (!total || total.count < minimum) return new Set(cells);
  for (const cell of cells) if (cell.count < minimum) hidden.add(cell);
  const deadline = performance.now() + budgetMs;
  for (;;) {
    if (!complete(cells, hidden, total, minimum)) return new Set(cells);
    // Out of time: fail closed, showing the total alone (it is at least the minimum).
    if (performance.now() > deadline) return new Set(cells.filter((c) => c !== total));
    const reopened = cross ? cells.find((c) => c !== total && hidden.has(c) && determined(cells, hidden, c, cross)) : undefined;
    if (!reopened) return hidden;
    const shown = (c: Cell) => c !== total && !hidden.has(c);
    const smallest = (list: Cell[]) => list.sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    const overlaps = (c: Cell) => c.parts?.some((p) => reopened.parts?.includes(p));
    const next = smallest(cells.filter((c) => shown(c) && c.grouping === reopened.grouping)) ?? smallest(cells.filter((c) => shown(c) && overlaps(c))) ?? total;
    hidden.add(next);
  }
}

/** The audit runs on the request's thread: past this, the answer shows the total alone rather than keep others waiting. */
export const AUDIT_BUDGET_MS = 250;

/** Steps 2 and 3 until nothing changes; false when they reach the total, which hides everything. */
function complete(cells: readonly Cell[], hidden: Set<Cell>, total: Cell, minimum: number): boolean {

  const groupings = new Map<string, Cell[]>();
  for (const cell of cells) if (cell.grouping !== '') groupings.set(cell.grouping, [...(groupings.get(cell.grouping) ?? []), cell]);
  const byFingerprint = new Map<string, Cell[]>();
  for (const cell of cells) byFingerprint.set(cell.fingerprint, [...(byFingerprint.get(cell.fingerprint) ?? []), cell]);

  for (let changed = true; changed; ) {
    changed = false;
    for (const cell of [...hidden]) {
      for (const twin of byFingerprint.get(cell.fingerprint) ?? []) {
        if (!hidden.has(twin)) (hidden.add(twin), (changed = true));
      }
    }
    if (hidden.has(total)) return false;
    for (const group of groupings.values()) {
      const hiddenHere = group.filter((c) => hidden.has(c));
      const sum = hiddenHere.reduce((s, c) => s + c.count, 0);
      if (hiddenHere.length === 0 || (hiddenHere.length >= 2 && sum >= minimum)) continue;
      const next = group.filter((c) => !hidden.has(c)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
      // Nothing left to hide beside them: the grouping is hidden whole, and only the total stands.
      if (next) (hidden.add(next), (changed = true));
    }
  }
  return true;
}

/**
 * Whether the shown counts pin a hidden cell to one whole number: its least and greatest possible
 * value over the cross-table, every non-empty cross cell at least 1, every shown cell's count an equation.
 */
function determined(cells: readonly Cell[], hidden: Set<Cell>, cell: Cell, cross: readonly number[]): boolean {
  // Each non-empty cross cell is 1 plus y, y >= 0 (the solver's own bound), so no constraint per cell is needed.
  const constraints: Record<string, Constraint> = {};
  const variables: Record<string, Record<string, number>> = {};
  cross.forEach((_, j) => (variables[`y${j}`] = {}));
  for (const j of cell.parts ?? []) variables[`y${j}`].objective = 1;
  cells.forEach((c, i) => {
    if (hidden.has(c)) return;
    constraints[`shown${i}`] = { equal: c.count - (c.parts?.length ?? 0) };
    for (const j of c.parts ?? []) variables[`y${j}`][`shown${i}`] = 1;
  });
  const bound = (direction: 'minimize' | 'maximize'): number | undefined => {
    const solution = solve({ direction, objective: 'objective', constraints, variables });
    if (solution.status === 'optimal') return solution.result;
    return direction === 'maximize' && solution.status === 'unbounded' ? Infinity : undefined;
  };
  const [least, most] = [bound('minimize'), bound('maximize')];
  // A solver that did not finish proves nothing: count the cell as pinned, and hide more.
  if (least === undefined || most === undefined) return true;
  return Math.floor(most + 1e-6) - Math.ceil(least - 1e-6) < 1;
}
