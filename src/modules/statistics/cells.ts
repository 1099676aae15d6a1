import { BadUserInput } from '../../common/errors';
import { Cell, suppress } from '../people/suppression';

/**
 * The shared arithmetic of deploymentStatistics and designationStatistics. SQL gives the cross-table:
 * one line per combination of every dimension, with its count, a fingerprint of which rows it holds
 * (a sum of their hashes: additive, so a group's fingerprint is the sum of its lines') and its
 * measures (days, pence), all additive. Each group the caller can ask for is a sum of cross-table
 * lines (its `parts`), so the suppression of peopleStatistics (people/suppression.ts) applies as it
 * is: every grouping an analyst may ask for is built and suppressed together, with the cross-table
 * for its audit, and a request only picks cells out of that one suppressed family.
 *
 * A dimension may hold several values for one row (a request's areas, a designation's phases): the
 * row counts in each of its values' groups (in the "none" group when it has none), so that
 * grouping's groups overlap and do not add up to the total. Its lines' values are then lists.
 */
export type Value = string | null;
export interface CrossLine {
  values: Record<string, Value | Value[]>;
  count: number;
  /** The line's rows' hashes summed, modulo 2^48 (`fingerprintOf`): a number, so that summing thousands of lines costs no allocation. */
  fingerprint: number;
  measures: number[];
}
export interface Group {
  /** The values of the grouped dimensions, in the grouping's order. */
  values: Value[];
  count: number;
  measures: number[];
  /** Null for a group that is shown; set when it is suppressed. */
  suppressed: boolean;
}

const FINGERPRINT_MODULUS = 2 ** 48;

/**
 * SQL's sum of 64-bit row hashes, as text, reduced to 48 bits: sums of two stay exact in a double.
 * Two different groups with equal fingerprints would only be linked (hidden together): more hiding, never less.
 */
export const fingerprintOf = (text: string): number => Number(BigInt.asUintN(48, BigInt(text)));

const valuesOf = (line: CrossLine, dimension: string): Value[] => {
  const v = line.values[dimension];
  if (Array.isArray(v)) return v.length ? v : [null];
  return [v];
};

type Built = Group & { parts: number[]; fingerprint: number; key: string };

/** The groups of one grouping (a list of dimensions; none for the total), each with the cross-table lines it adds up. */
export function groupsOf(lines: readonly CrossLine[], dimensions: readonly string[]): Built[] {
  // Keyed by the value itself for one dimension (every analyst's grouping, and the whole family):
  // thousands of lines a request across the platform, so no JSON and no array per line.
  const byKey = new Map<string | null, Built>();
  const add = (mapKey: string | null, values: Value[] | (() => Value[]), line: CrossLine, index: number) => {
    let group = byKey.get(mapKey);
    if (!group) {
      const v = typeof values === 'function' ? values() : values;
      byKey.set(mapKey, (group = { values: v, count: 0, measures: new Array<number>(line.measures.length).fill(0), suppressed: false, parts: [], fingerprint: 0, key: JSON.stringify(v) }));
    }
    group.count += line.count;
    group.fingerprint = (group.fingerprint + line.fingerprint) % FINGERPRINT_MODULUS;
    for (let i = 0; i < line.measures.length; i++) group.measures[i] += line.measures[i];
    group.parts.push(index);
  };
  lines.forEach((line, index) => {
    if (dimensions.length === 0) return add('', [], line, index);
    if (dimensions.length === 1) {
      const v = line.values[dimensions[0]];
      if (!Array.isArray(v)) return add(v, () => [v], line, index);
      if (!v.length) return add(null, () => [null], line, index);
      for (const one of v) add(one, () => [one], line, index);
      return;
    }
    let combos: Value[][] = [[]];
    for (const d of dimensions) combos = combos.flatMap((c) => valuesOf(line, d).map((v) => [...c, v]));
    for (const values of combos) add(JSON.stringify(values), values, line, index);
  });
  return [...byKey.values()].sort((a, b) => compareValues(a.values, b.values));
}

const collator = new Intl.Collator('en', { numeric: true });

function compareValues(a: Value[], b: Value[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === null) return 1;
    if (b[i] === null) return -1;
    return collator.compare(a[i]!, b[i]!);
  }
  return 0;
}

export interface Answer {
  groups: Group[];
  total: Group | null;
}

/**
 * Exact groups of `groupBy`, for a caller who may read every row counted (a coordinator): `lines`
 * are already filtered.
 */
export function exactAnswer(lines: readonly CrossLine[], groupBy: readonly string[], measures: number): Answer {
  const total = groupsOf(lines, [])[0] ?? { values: [], count: 0, measures: Array(measures).fill(0), suppressed: false };
  return { groups: groupsOf(lines, groupBy).map(strip), total: strip(total) };
}

/**
 * Suppressed groups, for an analyst: the family is the total and every single dimension in `family`,
 * suppressed together over all of the alliance's lines whatever was asked; the answer is the cells of
 * `groupBy` (one dimension at most) that `keep` selects. Under a filter the total is not given: the
 * sum of a selection of groups is a new equation an attacker could set against the others.
 */
export function suppressedAnswer(
  lines: readonly CrossLine[],
  family: readonly string[],
  groupBy: readonly string[],
  minimum: number,
  keep: ((value: Value) => boolean) | null,
): Answer {
  if (groupBy.length > 1) throw new BadUserInput('groupBy takes one dimension at most: combined groups could be subtracted from their totals', 'groupBy');
  const cells: (Cell & { group: Group })[] = [];
  for (const grouping of ['', ...family]) {
    for (const g of groupsOf(lines, grouping ? [grouping] : [])) {
      cells.push({ grouping, count: g.count, fingerprint: `${g.count}:${g.fingerprint}`, key: g.key, parts: g.parts, group: strip(g) });
    }
  }
  if (!cells.some((c) => c.grouping === '')) {
    // No rows: a total of 0, under the minimum, shown as suppressed like any other.
    cells.push({ grouping: '', count: 0, fingerprint: '0:0', key: '[]', parts: [], group: { values: [], count: 0, measures: [], suppressed: false } });
  }
  const hidden = suppress(cells, minimum, lines.map((l) => l.count));
  const shown = (c: (typeof cells)[number]): Group =>
    hidden.has(c) ? { values: c.group.values, count: 0, measures: [], suppressed: true } : c.group;
  const wanted = groupBy[0] ?? '';
  const groups = cells.filter((c) => c.grouping === wanted && (!keep || !wanted || keep(c.group.values[0]))).map(shown);
  const total = cells.find((c) => c.grouping === '')!;
  return { groups, total: keep ? null : shown(total) };
}

const strip = (g: Group): Group => ({ values: g.values, count: g.count, measures: g.measures, suppressed: false });

/** A filter on one dimension: which of its values a caller keeps (null: no filter on it). */
export type DimensionTest<D extends string> = [D, ((value: Value) => boolean) | null];

/**
 * The answer a caller may have. An analyst filters only on the dimension they group by, so that
 * every figure they can get belongs to one suppressed family (a count filtered on another dimension
 * could be subtracted from an unfiltered one); anyone else reading every row gets exact figures
 * under any filters. A line holding several values of a dimension (areas) passes if any does.
 */
export function answerFor<D extends string>(
  lines: readonly CrossLine[],
  family: readonly D[],
  groupBy: readonly D[],
  tests: readonly DimensionTest<D>[],
  options: { analyst: boolean; minimum: number; measures: number },
): Answer {
  const active = tests.filter((t): t is [D, (v: Value) => boolean] => t[1] !== null);
  if (options.analyst) {
    const off = active.find(([d]) => d !== groupBy[0]);
    if (off) throw new BadUserInput(`analysts filter only on the dimension they group by (group by ${off[0]} to filter on it): a filtered count could be subtracted from an unfiltered one`, 'filter');
    return suppressedAnswer(lines, family, groupBy, options.minimum, active[0]?.[1] ?? null);
  }
  const kept = lines.filter((line) =>
    active.every(([d, test]) => {
      const v = line.values[d];
      return Array.isArray(v) ? v.some(test) : test(v as Value);
    }),
  );
  return exactAnswer(kept, groupBy, options.measures);
}
