import { byId, manyBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { DesignationReference } from './designation-reference.entity';
import { DesignationReview } from './designation-review.entity';
import { Designation } from './designation.entity';
import { commitmentsVisibleTo, designationsVisibleTo, referencesVisibleTo } from './designation.policy';
import { ReleaseCommitment } from './release-commitment.entity';
import { unmetProgrammesLoader } from '../programmes/programme-requirements';

export const designationLoaders = {
  designationById: byId(Designation, { visible: designationsVisibleTo }),
  designationReferenceById: byId(DesignationReference, { visible: referencesVisibleTo }),
  releaseCommitmentById: byId(ReleaseCommitment, { visible: commitmentsVisibleTo }),
  designationReviewById: byId(DesignationReview, { visible: commitmentsVisibleTo }),
  unmetProgrammes: unmetProgrammesLoader,
  referencesByDesignation: manyBy(DesignationReference, 'designationId', { visible: referencesVisibleTo, orderBy: 'e.kind' }),
  // What eligibility reads of the references (that a supporting head's exists), for the holder too; never returned to a client.
  referencesForEligibility: manyBy(DesignationReference, 'designationId', { visible: commitmentsVisibleTo, orderBy: 'e.kind' }),
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
