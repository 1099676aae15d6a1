import { registerEnumType } from 'type-graphql';

/**
 * Derived categories for filtering; a school can have several. The rule lives in SQL, in the
 * generated `schools.categories` column (see the migration), so filters and rows always agree.
 */
export enum SchoolCategory {
  NURSERY = 'NURSERY',
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  SPECIAL = 'SPECIAL',
  ALTERNATIVE_PROVISION = 'ALTERNATIVE_PROVISION',
  INDEPENDENT = 'INDEPENDENT',
  FREE_SCHOOL = 'FREE_SCHOOL',
  ACADEMY = 'ACADEMY',
}

registerEnumType(SchoolCategory, {
  name: 'SchoolCategory',
  description: 'Derived from phase, type and type group.',
  valuesConfig: {
    NURSERY: { description: 'A nursery school.' },
    PRIMARY: { description: 'A primary school (or middle deemed primary).' },
    SECONDARY: { description: 'A secondary school (or middle deemed secondary).' },
    SPECIAL: { description: 'A special school.' },
    ALTERNATIVE_PROVISION: { description: 'A pupil referral unit or other alternative provision.' },
    INDEPENDENT: { description: 'An independent school.' },
    FREE_SCHOOL: { description: 'A free school.' },
    ACADEMY: { description: 'An academy, converter or sponsored.' },
  },
});
