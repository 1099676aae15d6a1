import { ContractParty } from './deployment-enums';
import { Deployment } from './deployment.entity';

export interface UnmetTerm {
  rule: string;
  message: string;
}

/**
 * (rule) The contract gate (DOMAIN.md): AGREED needs scope, at least one objective, at least one
 * impact measure, funding, planned days, dates, and the signatures of all four parties on the
 * current terms. Every missing item is named.
 */
export function unmetContractTerms(d: Deployment, signedParties: readonly ContractParty[]): UnmetTerm[] {
  const unmet: UnmetTerm[] = [];
  const need = (ok: unknown, rule: string, message: string) => {
    if (!ok) unmet.push({ rule, message });
  };
  need(d.scope, 'SCOPE', 'the scope of work is missing');
  need(d.objectives.length, 'OBJECTIVES', 'at least one objective is needed');
  need(d.impactMeasures.length, 'IMPACT_MEASURES', 'at least one impact measure is needed');
  need(d.fundingSource, 'FUNDING', 'the funding source is missing');
  need(d.plannedDays, 'PLANNED_DAYS', 'the planned days are missing');
  need(d.startsOn && d.endsOn, 'DATES', 'the start and end dates are missing');
  for (const party of Object.values(ContractParty)) {
    need(signedParties.includes(party), `SIGNATURE_${party}`, `the ${party} signature of the current terms is missing`);
  }
  return unmet;
}
