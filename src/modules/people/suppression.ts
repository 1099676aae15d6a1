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
 * Steps 2 and 3 repeat until nothing changes. What this does not claim: bounds. An attacker still
 * learns that hidden cells lie between 1 and their known sum.
 */
export interface Cell {
  /** Which grouping the cell belongs to; '' for the total. */
  grouping: string;
  count: number;
  /** Equal for cells holding exactly the same rows. */
  fingerprint: string;
  /** A stable order among equal counts, so the same data always hides the same cells. */
  key: string;
}

export function suppress(cells: readonly Cell[], minimum: number): Set<Cell> {
  const hidden = new Set<Cell>();
  const total = cells.find((c) => c.grouping === '');
  if (!total || total.count < minimum) return new Set(cells);
  for (const cell of cells) if (cell.count < minimum) hidden.add(cell);

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
    if (hidden.has(total)) return new Set(cells);
    for (const group of groupings.values()) {
      const hiddenHere = group.filter((c) => hidden.has(c));
      const sum = hiddenHere.reduce((s, c) => s + c.count, 0);
      if (hiddenHere.length === 0 || (hiddenHere.length >= 2 && sum >= minimum)) continue;
      const next = group.filter((c) => !hidden.has(c)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
      // Nothing left to hide beside them: the grouping is hidden whole, and only the total stands.
      if (next) (hidden.add(next), (changed = true));
    }
  }
  return hidden;
}
