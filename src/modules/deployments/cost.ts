import { SessionLength, SessionStatus } from './deployment-enums';
import { DeploymentSession } from './deployment-session.entity';
import { Deployment } from './deployment.entity';

/**
 * (rule) Cost, in integer pence, from the tariff copied onto the deployment when it was agreed
 * (DOMAIN.md); a later change to the alliance's tariff never reprices it.
 *
 * Each session is priced on its own:
 *   - a full day at the full-day rate;
 *   - a half day at the half-day rate, or half the full-day rate where the tariff has none;
 *   - hours pro rata: full-day rate × hours ÷ the tariff's hours per day;
 *   - the alliance's brokerage fee: the fee per day × the session's fraction of a day (1, ½, or
 *     hours ÷ hours per day), never more than the session's price;
 *   - the home school's share: the session's price − its fee.
 * Rounding rule: per session, half up to the penny (2.5p is 3p), before anything is added up; a
 * deployment's, a term's and a year's figures are sums of whole pennies, so every total reconciles
 * exactly with its lines. The arithmetic is on whole numbers (hours are stored to the hundredth):
 * a fraction of a day is num/den and `halfUp(a, b)` is ⌊(2a + b) ÷ 2b⌋, the same in SQL and here.
 */
export interface Tariff {
  fullDayPence: number;
  halfDayPence: number | null;
  hoursPerDay: number;
  brokerageFeePerDayPence: number;
}

export interface SessionCost {
  totalPence: number;
  brokerageFeePence: number;
  homeSchoolPence: number;
}

/** Positive whole numbers only: a ÷ b rounded half up. */
const halfUp = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

/** A session's fraction of a day as whole numbers: 1/1, 1/2, or hundredths of hours over hundredths of a day. */
function fractionOf(session: Pick<DeploymentSession, 'length' | 'hours'>, hoursPerDay: number): { num: number; den: number } {
  if (session.length === SessionLength.FULL_DAY) return { num: 1, den: 1 };
  if (session.length === SessionLength.HALF_DAY) return { num: 1, den: 2 };
  return { num: Math.round(Number(session.hours) * 100), den: hoursPerDay * 100 };
}

/** The tariff copied onto an agreed deployment; null before agreement. */
export function tariffOf(deployment: Deployment): Tariff | null {
  if (deployment.tariffFullDayPence == null || deployment.tariffHoursPerDay == null) return null;
  return {
    fullDayPence: deployment.tariffFullDayPence,
    halfDayPence: deployment.tariffHalfDayPence,
    hoursPerDay: deployment.tariffHoursPerDay,
    brokerageFeePerDayPence: deployment.tariffBrokerageFeePerDayPence ?? 0,
  };
}

export function sessionCost(session: Pick<DeploymentSession, 'length' | 'hours'>, tariff: Tariff): SessionCost {
  const { num, den } = fractionOf(session, tariff.hoursPerDay);
  const totalPence = session.length === SessionLength.HALF_DAY && tariff.halfDayPence != null ? tariff.halfDayPence : halfUp(tariff.fullDayPence * num, den);
  const brokerageFeePence = Math.min(halfUp(tariff.brokerageFeePerDayPence * num, den), totalPence);
  return { totalPence, brokerageFeePence, homeSchoolPence: totalPence - brokerageFeePence };
}

/** A session's length in days; hours pro rata on the deployment's hours per day (6 until a tariff is copied), as SESSION_DAYS_SQL. */
export function sessionDays(session: Pick<DeploymentSession, 'length' | 'hours'>, hoursPerDay: number | null): number {
  if (session.length === SessionLength.FULL_DAY) return 1;
  if (session.length === SessionLength.HALF_DAY) return 0.5;
  return Number(session.hours) / (hoursPerDay ?? 6);
}

/** Days to two decimal places, as capacity shows them: hours pro rata make thirds of a day. */
export const roundDays = (days: number): number => Math.round(days * 100) / 100;

export interface DeploymentCostValue extends SessionCost {
  /** Days delivered. */
  deliveredDays: number;
  /** What the sessions still planned will cost at the same rates. */
  plannedPence: number;
  plannedDays: number;
}

/** A deployment's cost over its delivered sessions (and the estimate for its planned ones); null before agreement. */
export function deploymentCost(deployment: Deployment, sessions: readonly DeploymentSession[]): DeploymentCostValue | null {
  const tariff = tariffOf(deployment);
  if (!tariff) return null;
  const cost: DeploymentCostValue = { totalPence: 0, brokerageFeePence: 0, homeSchoolPence: 0, deliveredDays: 0, plannedPence: 0, plannedDays: 0 };
  for (const session of sessions) {
    const priced = sessionCost(session, tariff);
    if (session.status === SessionStatus.DELIVERED) {
      cost.totalPence += priced.totalPence;
      cost.brokerageFeePence += priced.brokerageFeePence;
      cost.homeSchoolPence += priced.homeSchoolPence;
      cost.deliveredDays += sessionDays(session, tariff.hoursPerDay);
    } else if (session.status === SessionStatus.PLANNED) {
      cost.plannedPence += priced.totalPence;
      cost.plannedDays += sessionDays(session, tariff.hoursPerDay);
    }
  }
  return { ...cost, deliveredDays: roundDays(cost.deliveredDays), plannedDays: roundDays(cost.plannedDays) };
}

/** The same rule in SQL, on session alias `s` and deployment alias `dp` (an agreed deployment: its tariff columns are set). */
const NUM = (s: string) => `(CASE ${s}.length WHEN 'HOURS' THEN round(${s}.hours * 100)::bigint ELSE 1 END)`;
const DEN = (s: string, dp: string) => `(CASE ${s}.length WHEN 'FULL_DAY' THEN 1 WHEN 'HALF_DAY' THEN 2 ELSE ${dp}.tariff_hours_per_day::bigint * 100 END)`;
const HALF_UP_SQL = (a: string, b: string) => `((2 * (${a}) + (${b})) / (2 * (${b})))`;

export const SESSION_TOTAL_PENCE_SQL = (s: string, dp: string) =>
  `(CASE WHEN ${s}.length = 'HALF_DAY' AND ${dp}.tariff_half_day_pence IS NOT NULL THEN ${dp}.tariff_half_day_pence::bigint
         ELSE ${HALF_UP_SQL(`${dp}.tariff_full_day_pence::bigint * ${NUM(s)}`, DEN(s, dp))} END)`;

export const SESSION_FEE_PENCE_SQL = (s: string, dp: string) =>
  `least(${HALF_UP_SQL(`coalesce(${dp}.tariff_brokerage_fee_per_day_pence, 0)::bigint * ${NUM(s)}`, DEN(s, dp))}, ${SESSION_TOTAL_PENCE_SQL(s, dp)})`;
