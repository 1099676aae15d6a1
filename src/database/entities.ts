import { AllianceTariff } from '../modules/alliances/alliance-tariff.entity';
import { AllianceTerm } from '../modules/alliances/alliance-term.entity';
import { Alliance } from '../modules/alliances/alliance.entity';
import { SchoolMembership } from '../modules/alliances/school-membership.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AreaOfExpertise } from '../modules/areas-of-expertise/area-of-expertise.entity';
import { Person } from '../modules/people/person.entity';
import { School } from '../modules/schools/school.entity';
import { Membership } from '../modules/users/membership.entity';
import { User } from '../modules/users/user.entity';
import { DesignationReference } from '../modules/designations/designation-reference.entity';
import { DesignationReview } from '../modules/designations/designation-review.entity';
import { Designation } from '../modules/designations/designation.entity';
import { ReleaseCommitment } from '../modules/designations/release-commitment.entity';
import { RecruitmentRoundTarget } from '../modules/recruitment/recruitment-round-target.entity';
import { RecruitmentRound } from '../modules/recruitment/recruitment-round.entity';
import { Programme } from '../modules/programmes/programme.entity';
import { ProgrammeCohort } from '../modules/programmes/programme-cohort.entity';
import { ProgrammeDay } from '../modules/programmes/programme-day.entity';
import { ProgrammeEnrolment } from '../modules/programmes/programme-enrolment.entity';
import { SupportRequest } from '../modules/support-requests/support-request.entity';
import { Deployment } from '../modules/deployments/deployment.entity';
import { DeploymentSignature } from '../modules/deployments/deployment-signature.entity';
import { DeploymentSession } from '../modules/deployments/deployment-session.entity';

import { ResearchProject } from '../modules/research/research-project.entity';
import { ResearchProjectMember } from '../modules/research/research-project-member.entity';
import { ResearchAuthor } from '../modules/research/research-author.entity';
import { ResearchCall } from '../modules/research/research-call.entity';
import { ResearchInterest } from '../modules/research/research-interest.entity';
import { ResearchBudget } from '../modules/research/research-budget.entity';
import { ConferenceEvent } from '../modules/conference/conference-event.entity';
import { ConferenceSession } from '../modules/conference/conference-session.entity';
import { ConferencePresentation } from '../modules/conference/conference-presentation.entity';

export const entities = [School, Alliance, SchoolMembership, AllianceTariff, AllianceTerm, AreaOfExpertise, User, Membership, Person, AuditEvent, RecruitmentRound, RecruitmentRoundTarget, Designation, DesignationReference, ReleaseCommitment, DesignationReview, Programme, ProgrammeCohort, ProgrammeDay, ProgrammeEnrolment, SupportRequest, Deployment, DeploymentSignature, DeploymentSession,
  ResearchProject, ResearchProjectMember, ResearchAuthor, ResearchCall, ResearchInterest, ResearchBudget, ConferenceEvent, ConferenceSession, ConferencePresentation];
