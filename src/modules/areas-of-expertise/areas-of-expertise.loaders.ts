import { byId } from '../../loaders/helpers';
import { AreaOfExpertise } from './area-of-expertise.entity';

export const areaOfExpertiseLoaders = {
  areaOfExpertiseById: byId(AreaOfExpertise),
};
