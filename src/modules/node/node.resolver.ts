import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { BadUserInput } from '../../common/errors';
import { RequestContext } from '../../context/context';
import { Loaders } from '../../loaders';

/** Which loader fetches each Node type. Loaders carry the tenant condition, so a foreign id reads as null (SECURITY.md T1). */
export const NODE_LOADERS: Record<string, keyof Loaders> = {
  School: 'schoolById',
  Alliance: 'allianceById',
  SchoolMembership: 'schoolMembershipById',
  AreaOfExpertise: 'areaOfExpertiseById',
  Person: 'personById',
  Designation: 'designationById',
  DesignationReference: 'designationReferenceById',
  ReleaseCommitment: 'releaseCommitmentById',
  DesignationReview: 'designationReviewById',
  RecruitmentRound: 'recruitmentRoundById',
  Programme: 'programmeById',
  ProgrammeCohort: 'programmeCohortById',
  ProgrammeDay: 'programmeDayById',
  ProgrammeEnrolment: 'programmeEnrolmentById',
  SupportRequest: 'supportRequestById',
  Deployment: 'deploymentById',
  DeploymentSignature: 'deploymentSignatureById',
  DeploymentSession: 'deploymentSessionById',
  ResearchProject: 'researchProjectById',
  ResearchCall: 'researchCallById',
  ResearchInterest: 'researchInterestById',
  ConferenceEvent: 'conferenceEventById',
  ConferenceSession: 'conferenceSessionById',
  ConferencePresentation: 'conferencePresentationById',
};

const MAX_NODES = 100;

export function loadNode(ctx: RequestContext, globalId: string): Promise<Node | null> {
  const parsed = fromGlobalId(globalId);
  const loaderName = parsed && NODE_LOADERS[parsed.type];
  if (!parsed || !loaderName) return Promise.resolve(null);
  const loader = ctx.loaders[loaderName] as { load(id: string): Promise<Node | null> };
  return loader.load(parsed.id);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist or is not yours to see.' })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: "A global ID, as any object's id field gives it." }) id: string) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Objects by global id, in order, null for each miss; at most ${MAX_NODES}.` })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { description: 'Global IDs; the answer keeps their order.' }) ids: string[]) {
    if (ids.length > MAX_NODES) throw new BadUserInput(`ids must hold at most ${MAX_NODES} ids`, 'ids');
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
