import { BadUserInput } from '../../common/errors';
import { optionalText, requiredText } from '../people/person.validation';
import { DeploymentModel } from './deployment-enums';
import { Deployment } from './deployment.entity';
import { DeploymentTermsInput } from './deployments.inputs';

/** The contract's terms, the ones a change to voids the signatures of. */
export const TERM_FIELDS = ['scope', 'objectives', 'impactMeasures', 'fundingSource', 'plannedDays', 'model', 'frequency', 'startsOn', 'endsOn'] as const;

const MODEL_DEFAULTS: Record<DeploymentModel, { plannedDays?: number; frequency?: string }> = {
  [DeploymentModel.DIAGNOSTIC_TWO_DAYS]: { plannedDays: 2, frequency: 'a 2-day diagnostic' },
  [DeploymentModel.HALF_DAY_WEEKLY_TWO_TERMS]: { frequency: 'half a day a week for two terms' },
  [DeploymentModel.CUSTOM]: {},
};

const texts = (values: readonly string[], field: string) => values.map((v, i) => requiredText(v, `${field}[${i}]`, 1000));

/** Applies the given terms onto a deployment, checked; the ones not given stay. */
export function applyTerms(d: Deployment, input: DeploymentTermsInput | null | undefined, field = 'input.terms'): void {
  if (!input) return;
  if (input.scope !== undefined) d.scope = optionalText(input.scope, `${field}.scope`, 4000);
  if (input.objectives != null) d.objectives = texts(input.objectives, `${field}.objectives`);
  if (input.impactMeasures != null) d.impactMeasures = texts(input.impactMeasures, `${field}.impactMeasures`);
  if (input.fundingSource !== undefined) d.fundingSource = optionalText(input.fundingSource, `${field}.fundingSource`, 200);
  if (input.model !== undefined) d.model = input.model;
  const defaults = d.model ? MODEL_DEFAULTS[d.model] : {};
  if (input.plannedDays !== undefined) d.plannedDays = input.plannedDays;
  else if (d.plannedDays == null && defaults.plannedDays) d.plannedDays = defaults.plannedDays;
  if (d.plannedDays != null && !(d.plannedDays > 0 && d.plannedDays <= 195 && Number.isFinite(d.plannedDays))) {
    throw new BadUserInput(`${field}.plannedDays must be more than 0 and at most 195 days`, `${field}.plannedDays`);
  }
  if (d.plannedDays != null && Math.abs(d.plannedDays * 100 - Math.round(d.plannedDays * 100)) > 1e-6) {
    throw new BadUserInput(`${field}.plannedDays has at most two decimal places`, `${field}.plannedDays`);
  }
  if (input.frequency !== undefined) d.frequency = optionalText(input.frequency, `${field}.frequency`, 200);
  if (d.frequency == null && defaults.frequency) d.frequency = defaults.frequency;
  if (input.startsOn !== undefined) d.startsOn = input.startsOn;
  if (input.endsOn !== undefined) d.endsOn = input.endsOn;
  if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) throw new BadUserInput(`${field}.endsOn must not be before startsOn`, `${field}.endsOn`);
}

/** Whether any term differs between two states of a deployment. */
export function termsChanged(before: Deployment, after: Deployment): boolean {
  return TERM_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
