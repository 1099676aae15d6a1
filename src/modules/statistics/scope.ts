import { isPlatformAnalystViewer } from '../../auth/rules';
import { BadUserInput, Forbidden } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { findAllianceByRef } from '../alliances/alliances.service';
import { CodeName } from '../schools/code-name';
import { ActingRole } from '../users/user-enums';
import { Group } from './cells';

/**
 * Who counts, over which alliances. An alliance's statistics: its coordinators exact, its analysts
 * suppressed. The platform's: platform analysts only, always suppressed, every alliance, with the
 * alliance one more dimension of the same suppressed family (cells.ts).
 */
export interface Counting {
  platform: boolean;
  /** Suppressed answers (cells.ts `answerFor`). */
  analyst: boolean;
  /** The acting alliance; null for the platform. */
  allianceId: string | null;
}

export function countingFor(ctx: RequestContext, platform: boolean, what: string): Counting {
  if (platform) {
    if (!ctx.viewer || !isPlatformAnalystViewer(ctx.viewer)) throw new Forbidden(`platform ${what} statistics are for platform analysts, who are members of no alliance`);
    return { platform: true, analyst: true, allianceId: null };
  }
  const acting = actingOf(ctx);
  const analyst = acting.role === ActingRole.ANALYST;
  if (!analyst && acting.role !== ActingRole.ALLIANCE_ADMIN && acting.role !== ActingRole.PLATFORM_ADMIN) {
    throw new Forbidden(`${what} statistics are for coordinators and analysts: heads and system leaders see their own ${what}s in the list`);
  }
  return { platform: false, analyst, allianceId: acting.allianceId };
}

/** The ids of alliances named by slug, id or global id (through the alliances' loaders); an unknown one is the caller's mistake, named by `field`. */
export async function resolveAlliances(ctx: RequestContext, refs: string[], field: string): Promise<string[]> {
  const found = await Promise.all(refs.map((ref) => findAllianceByRef(ctx, ref)));
  const unknown = refs.find((_, i) => !found[i]);
  if (unknown !== undefined) throw new BadUserInput(`no alliance "${unknown}"`, field);
  return found.map((alliance) => alliance!.id);
}

/** The slug and name of each alliance a grouping by ALLIANCE shows, in one statement. */
export async function allianceNames(ctx: RequestContext, groups: Group[], dims: string[]): Promise<Map<string, CodeName>> {
  const i = dims.indexOf('ALLIANCE');
  const ids = i < 0 ? [] : [...new Set(groups.map((g) => g.values[i]).filter((v): v is string => v !== null))];
  const alliances = await ctx.loaders.allianceById.loadMany(ids);
  return new Map(alliances.flatMap((a) => (a && !(a instanceof Error) ? [[a.id, { code: a.slug, name: a.name }] as const] : [])));
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Groups in the order of their values, dimension by dimension, reading an area or an alliance by its
 * code (their keys are ids, whose order is each database's own); nulls last.
 */
export function inDisplayOrder(groups: Group[], dims: string[], codes: Record<string, Map<string, { code: string }>>): Group[] {
  const key = (g: Group, i: number) => {
    const v = g.values[i];
    return v === null ? null : (codes[dims[i]]?.get(v)?.code ?? v);
  };
  return [...groups].sort((a, b) => {
    for (let i = 0; i < dims.length; i++) {
      const [x, y] = [key(a, i), key(b, i)];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      if (codes[dims[i]]) return x < y ? -1 : 1;
      return collator.compare(x, y);
    }
    return 0;
  });
}
