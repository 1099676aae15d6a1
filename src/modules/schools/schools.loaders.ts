import { byId, oneBy } from '../../loaders/helpers';
import { School } from './school.entity';

export const schoolLoaders = {
  schoolById: byId(School),
  schoolByUrn: oneBy(School, 'urn'),
};
