import { allianceLoaders } from '../modules/alliances/alliances.loaders';
import { areaOfExpertiseLoaders } from '../modules/areas-of-expertise/areas-of-expertise.loaders';
import { peopleLoaders } from '../modules/people/people.loaders';
import { designationLoaders } from '../modules/designations/designations.loaders';
import { recruitmentLoaders } from '../modules/recruitment/recruitment.loaders';
import { schoolLoaders } from '../modules/schools/schools.loaders';
import { programmeLoaders } from '../modules/programmes/programmes.loaders';
import { deploymentLoaders } from '../modules/deployments/deployments.loaders';
import { researchLoaders } from '../modules/research/research.loaders';
import { pedexLoaders } from '../modules/pedex/pedex.loaders';
import { LoaderScope } from './helpers';
import { Selection } from './selection';

/** Every module's loader definitions. A new module adds its map here; the Loaders type follows. */
const definitions = {
  ...schoolLoaders,
  ...allianceLoaders,
  ...areaOfExpertiseLoaders,
  ...peopleLoaders,
  ...designationLoaders,
  ...recruitmentLoaders,
  ...programmeLoaders,
  ...deploymentLoaders,
  ...researchLoaders,
  ...pedexLoaders,
};

export type Loaders = { [K in keyof typeof definitions]: ReturnType<(typeof definitions)[K]> };

/** Built per request, bound to that request's EntityManager, acting alliance and role (SECURITY.md T5). */
export function createLoaders(scope: LoaderScope): Loaders {
  const loaders = Object.fromEntries(Object.entries(definitions).map(([name, define]) => [name, define(scope)])) as Loaders;
  Object.defineProperty(loaders, SCOPE, { value: scope });
  return loaders;
}

const SCOPE = Symbol('loader scope');

/** The scope a request's loaders read with: for a root list that reads as they do (helpers.ts `readPage`). */
export function scopeOf(loaders: Loaders | undefined): LoaderScope | undefined {
  return (loaders as { [SCOPE]?: LoaderScope } | undefined)?.[SCOPE];
}

/** Tells a request's loaders which fields its document selects, before execution (see selection.ts). */
export function selectFields(loaders: Loaders | undefined, selection: Selection): void {
  const scope = (loaders as { [SCOPE]?: LoaderScope } | undefined)?.[SCOPE];
  if (scope) scope.selection = selection;
}
