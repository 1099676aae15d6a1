import { formatAcademicYear } from '../../common/academic-year';
import { BadUserInput, Conflict } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';

/** What the research budget of an academic year says: set, committed and left. */
export interface ResearchFundingFigures {
  academicYear: number;
  budgetPence: number;
  budgetSet: boolean;
  committedPence: number;
  remainingPence: number;
  projectCount: number;
}

/** The years the research tables store (their CHECK): anything else is the caller's mistake, named. */
export function storedAcademicYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadUserInput(`${field} must be from 2000/01 to 2100/01`, field);
  return year;
}

/** Pence: a whole number, not below zero. */
export function pence(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new BadUserInput(`${field} is a whole number of pence, not below 0`, field);
  return value;
}

/**
 * (rule) Funding committed in an academic year: the funding of every project of the alliance whose
 * funding is counted against that year, except WITHDRAWN and REJECTED ones (they spend nothing).
 * `exceptProjectId` leaves one project out, for a change to its own funding.
 */
const COMMITTED_SQL = `
  SELECT coalesce(sum(p.funding_pence), 0)::bigint AS committed, count(*)::int AS projects
    FROM research_projects p
   WHERE p.alliance_id = $1 AND p.funding_academic_year = $2 AND p.funding_pence IS NOT NULL
     AND p.status NOT IN ('WITHDRAWN', 'REJECTED') AND ($3::uuid IS NULL OR p.id <> $3::uuid)`;

/** The figures of one academic year, computed in SQL; `lock` queues on the budget row first. */
export async function researchFunding(ctx: RequestContext, academicYear: number, options: { lock?: boolean; exceptProjectId?: string | null } = {}): Promise<ResearchFundingFigures> {
  const { allianceId } = actingOf(ctx);
  const [budget]: { budget_pence: number }[] = await ctx.em.query(
    `SELECT budget_pence FROM research_budgets WHERE alliance_id = $1 AND academic_year = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [allianceId, academicYear],
  );
  const [row]: { committed: string; projects: number }[] = await ctx.em.query(COMMITTED_SQL, [allianceId, academicYear, options.exceptProjectId ?? null]);
  const budgetPence = budget?.budget_pence ?? 0;
  const committedPence = Number(row.committed);
  return { academicYear, budgetPence, budgetSet: Boolean(budget), committedPence, remainingPence: budgetPence - committedPence, projectCount: row.projects };
}

/**
 * (rule) Committing funding to a project must fit what is left of the alliance's research budget for
 * the academic year, or carry the coordinator's override reason (as capacity does in brokerage). A
 * year without a budget has none left. Callers queue on the year's budget row (`FOR UPDATE`, held to
 * the end of the request's transaction) and each reads what the one before committed, so two choices
 * cannot both spend the last of it. Returns the override reason when it was needed, null when the
 * funding fits.
 */
export async function takeBudget(
  tx: RequestContext,
  funding: { academicYear: number; pence: number; projectId?: string | null },
  overrideReason: string | null,
): Promise<string | null> {
  const figures = await researchFunding(tx, funding.academicYear, { lock: true, exceptProjectId: funding.projectId });
  if (figures.remainingPence - funding.pence >= 0) return null;
  if (overrideReason) return overrideReason;
  const year = formatAcademicYear(funding.academicYear);
  throw new Conflict(
    figures.budgetSet
      ? `over budget: ${figures.remainingPence} pence of the ${year} research budget left, ${funding.pence} needed; going beyond it needs the coordinator's override reason`
      : `no research budget is set for ${year}: set one with setResearchBudget, or give the coordinator's override reason`,
    { rule: 'RESEARCH_BUDGET', remainingPence: figures.remainingPence, neededPence: funding.pence },
  );
}
