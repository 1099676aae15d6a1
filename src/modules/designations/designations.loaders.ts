import { byId, manyBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { DesignationReference } from './designation-reference.entity';
import { DesignationReview } from './designation-review.entity';
import { Designation } from './designation.entity';
import { commitmentsVisibleTo, designationsVisibleTo, referencesVisibleTo } from './designation.policy';
import { ReleaseCommitment } from './release-commitment.entity';
import { Person } from '../people/person.entity';
import { peopleVisibleTo } from '../people/person.policy';
import { unmetProgrammesLoader } from '../programmes/programme-requirements';

export const designationLoaders = {
  // The applicant as eligibility reads them (leadership and its date), whatever the document selects of the person.
  personFactsById: byId(Person, { visible: peopleVisibleTo, wholeRow: true }),
  designationById: byId(Designation, { visible: designationsVisibleTo }),
  designationReferenceById: byId(DesignationReference, { visible: referencesVisibleTo }),
  releaseCommitmentById: byId(ReleaseCommitment, { visible: commitmentsVisibleTo }),
  designationReviewById: byId(DesignationReview, { visible: commitmentsVisibleTo }),
  unmetProgrammes: unmetProgrammesLoader,
  referencesByDesignation: manyBy(DesignationReference, 'designationId', { visible: referencesVisibleTo, orderBy: 'e.kind' }),
  releaseCommitmentsByDesignation: manyBy(ReleaseCommitment, 'designationId', { visible: commitmentsVisibleTo, orderBy: 'e.academic_year' }),
  reviewsByDesignation: manyBy(DesignationReview, 'designationId', { visible: commitmentsVisibleTo, orderBy: 'e.opened_on DESC' }),
};

// Fields that are not a column of the same name, and the columns the rules and resolvers read (src/loaders/selection.ts).
declareFieldColumns(Designation, {
  fields: {
    person: ['personId'], round: ['roundId'], areasOfExpertise: ['areaIds'], references: [], releaseCommitments: [], reviews: [],
    eligibility: ['status', 'type', 'areaIds', 'nationalReference', 'accreditingBody', 'designatedOn'], nextMoves: ['status'],
  },
  always: ['personId', 'status'],
});
// What eligibility reads of references and commitments, through the same loaders as the fields, whatever the document selects of them.
declareFieldColumns(DesignationReference, { fields: {}, always: ['kind', 'supports'] });
declareFieldColumns(ReleaseCommitment, { fields: {}, always: ['academicYear'] });
