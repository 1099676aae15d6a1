import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from '../areas-of-expertise/area-of-expertise.entity';
import { isCoordinator } from '../designations/designation.policy';
import { Person } from '../people/person.entity';
import { School } from '../schools/school.entity';
import { ActingRole } from '../users/user-enums';
import { ResearchMover, researchMovesFrom } from './lifecycle';
import { ResearchCall } from './research-call.entity';
import { ResearchMemberRole } from './research-enums';
import { ResearchProjectMember } from './research-project-member.entity';
import { ResearchProject } from './research-project.entity';
import {
  CreateResearchProjectInput, ResearchProjectFilter, ResearchProjectMove, ResearchProjectOrder, ResearchProjectPayload, TransitionResearchProjectInput, UpdateResearchProjectInput,
} from './research-projects.inputs';
import { createResearchProject, listResearchProjects, transitionResearchProject, updateResearchProject } from './research-projects.service';
import { ResearchProjectWhere } from '../../common/where/lists';
import { orderByDescription } from '../../common/order-direction';

export const ResearchProjectConnection = ConnectionType(ResearchProject);

const present = <T,>(rows: readonly (T | null | Error)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

@Resolver(() => ResearchProject)
export class ResearchProjectResolver {
  @Query(() => ResearchProjectConnection, { description: "The acting alliance's R&D database, most recently changed first unless orderBy says otherwise. Staff; analysts get aggregates only." })
  researchProjects(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => ResearchProjectFilter, { nullable: true, description: 'Which projects; all you may see unless asked.' }) filter?: ResearchProjectFilter | null,
    @Arg('orderBy', () => [ResearchProjectOrder], { nullable: true, description: orderByDescription('the most recently changed first') }) orderBy?: ResearchProjectOrder[] | null,
    @Arg('where', () => ResearchProjectWhere, { nullable: true, description: 'Conditions of your own, ANDed with filter and with what you may see (never widening it).' }) where?: object | null,
  ) {
    return listResearchProjects(ctx, filter, orderBy, page, where);
  }

  @Mutation(() => ResearchProjectPayload, { description: 'A new project, PROPOSED: by the coordinator, or proposed by a practitioner, who becomes its lead.' })
  async createResearchProject(@Ctx() ctx: RequestContext, @Arg('input', () => CreateResearchProjectInput, { description: 'What to do, and to what.' }) input: CreateResearchProjectInput) {
    return { researchProject: await createResearchProject(ctx, input) };
  }

  @Mutation(() => ResearchProjectPayload, { description: "Changes a project's terms: the coordinator, or one of its leads (funding and commissioning are the coordinator's). Lists given replace the whole list." })
  async updateResearchProject(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateResearchProjectInput, { description: 'What to do, and to what.' }) input: UpdateResearchProjectInput) {
    return { researchProject: await updateResearchProject(ctx, input) };
  }

  @Mutation(() => ResearchProjectPayload, { description: 'One move of the research lifecycle (ResearchProject.nextMoves lists yours). An illegal move is a CONFLICT naming both states.' })
  async transitionResearchProject(@Ctx() ctx: RequestContext, @Arg('input', () => TransitionResearchProjectInput, { description: 'What to do, and to what.' }) input: TransitionResearchProjectInput) {
    return { researchProject: await transitionResearchProject(ctx, input) };
  }

  @FieldResolver(() => [ResearchProjectMember], { description: 'Leads first, then contributors.' })
  members(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.membersByResearchProject.load(p.id);
  }

  @FieldResolver(() => [ResearchProjectMember], { description: "The project's leads." })
  async leads(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.membersByResearchProject.load(p.id)).filter((m) => m.role === ResearchMemberRole.LEAD);
  }

  @FieldResolver(() => [School], { description: 'Member schools where it runs, in order.' })
  async schools(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return present(await ctx.loaders.schoolById.loadMany(await ctx.loaders.schoolIdsByResearchProject.load(p.id)));
  }

  @FieldResolver(() => School, { nullable: true, description: 'The member school that commissioned it; null: the alliance.' })
  commissionedBySchool(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return p.commissionedBySchoolId ? ctx.loaders.schoolById.load(p.commissionedBySchoolId) : null;
  }

  @FieldResolver(() => [AreaOfExpertise], { description: 'The areas of expertise it is about.' })
  async areasOfExpertise(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return present(await ctx.loaders.areaOfExpertiseById.loadMany(p.areaIds));
  }

  @FieldResolver(() => ResearchCall, { nullable: true, description: 'The call it was chosen from, if any.' })
  call(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return p.callId ? ctx.loaders.researchCallById.load(p.callId) : null;
  }

  @FieldResolver(() => [ResearchProjectMove], { description: 'The moves you may make from its status (lifecycle.ts).' })
  async nextMoves(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    const acting = ctx.acting;
    let mover: ResearchMover | null = null;
    if (acting && isCoordinator(acting)) mover = ResearchMover.COORDINATOR;
    else if (acting?.role === ActingRole.PRACTITIONER && acting.personId) {
      const members = await ctx.loaders.membersByResearchProject.load(p.id);
      if (members.some((m) => m.personId === acting.personId && m.role === ResearchMemberRole.LEAD)) mover = ResearchMover.LEAD;
    }
    return researchMovesFrom(p.status, mover).map((t) => ({ to: t.to, mutation: t.action }));
  }
}

@Resolver(() => ResearchProjectMember)
export class ResearchProjectMemberResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Their staff record; null where you may not see it.' })
  person(@Root() m: ResearchProjectMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.personById.load(m.personId);
  }
}
