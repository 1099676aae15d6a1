import { byId, manyBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { ConferenceEvent } from '../conference/conference-event.entity';
import { ConferencePresentation } from '../conference/conference-presentation.entity';
import { ConferenceSession } from '../conference/conference-session.entity';
import { ResearchAuthor } from './research-author.entity';
import { ResearchCall } from './research-call.entity';
import { ResearchInterest } from './research-interest.entity';
import { ResearchProjectMember } from './research-project-member.entity';
import { ResearchProject } from './research-project.entity';
import { researchInterestsVisibleTo, researchVisibleTo } from './research.policy';
import { schoolIdsByResearchProject } from './research-project-schools';

export const researchLoaders = {
  researchProjectById: byId(ResearchProject, { visible: researchVisibleTo }),
  researchCallById: byId(ResearchCall, { visible: researchVisibleTo }),
  researchInterestById: byId(ResearchInterest, { visible: researchInterestsVisibleTo }),
  conferenceEventById: byId(ConferenceEvent, { visible: researchVisibleTo }),
  conferenceSessionById: byId(ConferenceSession, { visible: researchVisibleTo }),
  conferencePresentationById: byId(ConferencePresentation, { visible: researchVisibleTo }),
  schoolIdsByResearchProject,
  membersByResearchProject: manyBy(ResearchProjectMember, 'projectId', { visible: researchVisibleTo, orderBy: 'e.role, e.id' }),
  authorsByResearchProject: manyBy(ResearchAuthor, 'projectId', { visible: researchVisibleTo, orderBy: 'e.position' }),
  interestsByResearchCall: manyBy(ResearchInterest, 'callId', { visible: researchInterestsVisibleTo, orderBy: 'e.submitted_on, e.id' }),
  sessionsByConferenceEvent: manyBy(ConferenceSession, 'eventId', { visible: researchVisibleTo, orderBy: 'e.starts_at, e.id' }),
  presentationsByConferenceSession: manyBy(ConferencePresentation, 'sessionId', { visible: researchVisibleTo, orderBy: 'e.position, e.id' }),
};

// Fields that are not a column of the same name, and the columns the rules and resolvers read (src/loaders/selection.ts).
declareFieldColumns(ResearchProject, { fields: { areasOfExpertise: ['areaIds'], commissionedBySchool: ['commissionedBySchoolId'], call: ['callId'], members: [], leads: [], schools: [], nextMoves: ['status'] }, always: ['status'] });
declareFieldColumns(ResearchProjectMember, { fields: { person: ['personId'] }, always: ['personId', 'role'] });
declareFieldColumns(ResearchAuthor, { fields: {}, always: ['consentToBeNamed'] });
declareFieldColumns(ResearchCall, { fields: { areasOfExpertise: ['areaIds'], commissionedBySchool: ['commissionedBySchoolId'], interests: [] }, always: [] });
declareFieldColumns(ResearchInterest, { fields: { person: ['personId'], call: ['callId'], project: ['projectId'] }, always: ['personId'] });
declareFieldColumns(ConferenceSession, { fields: { event: ['eventId'] }, always: [] });
declareFieldColumns(ConferencePresentation, { fields: { session: ['sessionId'], project: ['projectId'], presenters: ['presenterPersonIds'] }, always: [] });
