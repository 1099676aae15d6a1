import { byId } from '../../loaders/helpers';
import { Person } from './person.entity';
import { peopleVisibleTo } from './person.policy';

export const peopleLoaders = {
  personById: byId(Person, { visible: peopleVisibleTo }),
};
