import { byId } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { Person } from './person.entity';
import { peopleVisibleTo } from './person.policy';

export const peopleLoaders = {
  personById: byId(Person, { visible: peopleVisibleTo }),
};

// GraphQL fields that are not a column of the same name; the school is what the contact-details rule reads (src/loaders/selection.ts).
declareFieldColumns(Person, { fields: { displayName: ['givenName', 'familyName'], school: ['schoolId'] }, always: ['schoolId'] });
