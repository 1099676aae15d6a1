import { Field, Float, Int, ObjectType } from 'type-graphql';
import { academicYearBounds } from '../../common/academic-year';
import { actingOf, RequestContext } from '../../context/context';
import { Term } from '../alliances/alliance-enums';
import { School } from '../schools/school.entity';
import { CommissionerType } from '../support-requests/support-request-enums';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { SESSION_DAYS_SQL } from './capacity';
import { roundDays, SESSION_FEE_PENCE_SQL, SESSION_TOTAL_PENCE_SQL } from './cost';
import { Deployment } from './deployment.entity';

@ObjectType({ simpleResolvers: true, description: 'Pence and days delivered, under the cost rule (cost.ts): whole pennies per session, summed.' })
export class ChargeAmounts {
  @Field(() => Int, { description: 'Delivered sessions counted.' })
  sessions: number;

  @Field(() => Float, { description: 'Days delivered, to two decimal places.' })
  days: number;

  @Field(() => Int, { description: 'What the commissioner pays.' })
  totalPence: number;

  @Field(() => Int, { description: "The alliance's brokerage fee." })
  brokerageFeePence: number;

  @Field(() => Int, { description: "What the home school (the system leader's school) is paid: total − fee." })
  homeSchoolPence: number;
}

@ObjectType({ simpleResolvers: true, description: "One deployment's delivered sessions in one term: who pays whom." })
export class ChargeLine extends ChargeAmounts {
  @Field(() => Deployment, { description: 'The deployment.' })
  deployment: Deployment;

  @Field(() => CommissionerType, { description: 'Who pays: the commissioner of the support request.' })
  commissionerType: CommissionerType;

  @Field({ description: 'Who pays, as the request names them.' })
  commissionerName: string;

  @Field(() => String, { nullable: true, description: "The funding source: the deployment's, else the request's." })
  fundingSource: string | null;

  @Field(() => School, { description: 'The school supported.' })
  supportedSchool: School;

  @Field(() => School, { nullable: true, description: "Who is paid the home school's share: the system leader's school." })
  homeSchool: School | null;
}

@ObjectType({ simpleResolvers: true, description: "A term's charges, or (term null) those of sessions outside the alliance's term dates." })
export class ChargesTerm extends ChargeAmounts {
  @Field(() => Term, { nullable: true, description: 'The term; null for sessions outside the term dates.' })
  term: Term | null;

  @Field(() => LocalDate, { nullable: true, description: "The term's first day." })
  startsOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "The term's last day." })
  endsOn: string | null;

  @Field(() => [ChargeLine], { description: 'By deployment, in the order they were proposed.' })
  lines: ChargeLine[];
}

@ObjectType({ simpleResolvers: true, description: "An academic year's charges for delivered sessions, by term: the year's figures are the sum of the terms', a term's the sum of its lines." })
export class StatementOfCharges extends ChargeAmounts {
  @Field(() => AcademicYear, { description: 'The academic year.' })
  academicYear: number;

  @Field(() => [ChargesTerm], { description: 'Every term of the year in date order (empty ones too), then sessions outside any term, if there are some.' })
  terms: ChargesTerm[];
}

interface SumRow {
  term_id: string | null;
  deployment_id: string | null;
  level: number;
  sessions: number;
  days: number;
  total_pence: string;
  fee_pence: string;
  home_school_id: string | null;
  supported_school_id: string | null;
  funding_source: string | null;
  commissioner_type: CommissionerType | null;
  commissioner_name: string | null;
}

/**
 * Lines (term × deployment), term totals and the year's total in ONE statement (GROUPING SETS over
 * the sessions priced one by one with the cost rule), so totals are sums of the lines by construction.
 * A session belongs to the alliance's term whose dates hold it (the earliest, should two overlap),
 * else to the line of sessions outside any term.
 */
const STATEMENT_SQL = `
  WITH priced AS (
    SELECT t.id AS term_id, s.deployment_id, ${SESSION_DAYS_SQL('s', 'dp')} AS days,
           ${SESSION_TOTAL_PENCE_SQL('s', 'dp')} AS total, ${SESSION_FEE_PENCE_SQL('s', 'dp')} AS fee
      FROM deployment_sessions s
      JOIN deployments dp ON dp.id = s.deployment_id
      LEFT JOIN LATERAL (
        SELECT t.id FROM alliance_terms t
         WHERE t.alliance_id = s.alliance_id AND t.academic_year = $2 AND s.held_on BETWEEN t.starts_on AND t.ends_on
         ORDER BY t.starts_on LIMIT 1
      ) t ON true
     WHERE s.alliance_id = $1 AND s.status = 'DELIVERED' AND s.held_on BETWEEN $3::date AND $4::date AND dp.tariff_full_day_pence IS NOT NULL
  ), sums AS (
    SELECT term_id, deployment_id, grouping(term_id, deployment_id) AS level, count(*)::int AS sessions, sum(days)::float8 AS days,
           sum(total) AS total_pence, sum(fee) AS fee_pence
      FROM priced
     GROUP BY GROUPING SETS ((term_id, deployment_id), (term_id), ())
  )
  SELECT sums.*, dp.home_school_id, dp.supported_school_id, coalesce(dp.funding_source, sr.funding_source) AS funding_source,
         sr.commissioner_type, sr.commissioner_name
    FROM sums
    LEFT JOIN deployments dp ON sums.level = 0 AND dp.id = sums.deployment_id
    LEFT JOIN support_requests sr ON sr.id = dp.support_request_id
   ORDER BY dp.proposed_on, dp.created_at, dp.id`;

const amounts = (row: SumRow | undefined): ChargeAmounts => {
  const total = Number(row?.total_pence ?? 0);
  const fee = Number(row?.fee_pence ?? 0);
  return { sessions: row?.sessions ?? 0, days: roundDays(row?.days ?? 0), totalPence: total, brokerageFeePence: fee, homeSchoolPence: total - fee };
};

/**
 * The acting alliance's statement of charges for an academic year (the coordinator's): a bounded
 * number of statements whatever its size: the terms, the sums, then the deployments and schools
 * through their batched loaders.
 */
export async function statementOfCharges(ctx: RequestContext, academicYear: number): Promise<StatementOfCharges> {
  const acting = actingOf(ctx);
  const { startsOn, endsOn } = academicYearBounds(academicYear);
  const [terms, rows]: [{ id: string; term: Term; starts_on: string; ends_on: string }[], SumRow[]] = await Promise.all([
    ctx.em.query(`SELECT id, term, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM alliance_terms WHERE alliance_id = $1 AND academic_year = $2 ORDER BY starts_on`, [acting.allianceId, academicYear]),
    ctx.em.query(STATEMENT_SQL, [acting.allianceId, academicYear, startsOn, endsOn]),
  ]);
  const lineRows = rows.filter((r) => r.level === 0);
  const deployments = await ctx.loaders.deploymentById.loadMany(lineRows.map((r) => r.deployment_id!));
  const schoolIds = [...new Set(lineRows.flatMap((r) => [r.supported_school_id!, ...(r.home_school_id ? [r.home_school_id] : [])]))];
  const schools = new Map(schoolIds.map((id, i) => [id, i]));
  const loadedSchools = await ctx.loaders.schoolById.loadMany(schoolIds);
  const school = (id: string | null) => (id ? (loadedSchools[schools.get(id)!] as School | null) : null);

  const lines = lineRows.map((row, i): ChargeLine => ({
    ...amounts(row),
    deployment: deployments[i] as Deployment,
    commissionerType: row.commissioner_type!,
    commissionerName: row.commissioner_name!,
    fundingSource: row.funding_source,
    supportedSchool: school(row.supported_school_id)!,
    homeSchool: school(row.home_school_id),
  }));
  const termTotal = (termId: string | null) => rows.find((r) => r.level === 1 && r.term_id === termId);
  const section = (termId: string | null, term: Term | null, starts: string | null, ends: string | null): ChargesTerm => ({
    ...amounts(termTotal(termId)),
    term,
    startsOn: starts,
    endsOn: ends,
    lines: lines.filter((_, i) => lineRows[i].term_id === termId),
  });
  const sections = terms.map((t) => section(t.id, t.term, t.starts_on, t.ends_on));
  if (termTotal(null)) sections.push(section(null, null, null, null));
  return { ...amounts(rows.find((r) => r.level === 3)), academicYear, terms: sections };
}
