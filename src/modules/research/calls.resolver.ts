import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { AcademicYear } from '../../common/scalars';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from '../areas-of-expertise/area-of-expertise.entity';
import { Person } from '../people/person.entity';
import { School } from '../schools/school.entity';
import {
  ChooseResearchInterestInput, ChooseResearchInterestPayload, CloseResearchCallInput, CreateResearchCallInput, DeclineResearchInterestInput, ExpressResearchInterestInput,
  ResearchCallFilter, ResearchCallPayload, ResearchFunding, ResearchFundingPayload, ResearchInterestPayload, SetResearchBudgetInput,
} from './calls.inputs';
import {
  chooseResearchInterest, closeResearchCall, createResearchCall, declineResearchInterest, expressResearchInterest, listResearchCalls, researchFundingOf, setResearchBudget,
} from './calls.service';
import { ResearchCall } from './research-call.entity';
import { ResearchInterest } from './research-interest.entity';
import { ResearchProject } from './research-project.entity';

export const ResearchCallConnection = ConnectionType(ResearchCall);

@Resolver(() => ResearchCall)
export class ResearchCallResolver {
  @Query(() => ResearchCallConnection, { description: "The alliance's calls for funded research projects, latest closing date first. Staff." })
  researchCalls(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Arg('filter', () => ResearchCallFilter, { nullable: true, description: 'Which calls; all you may see unless asked.' }) filter?: ResearchCallFilter | null) {
    return listResearchCalls(ctx, filter, page);
  }

  @Query(() => ResearchFunding, { description: "The research budget of an academic year and the funding committed against it. The coordinator's." })
  researchFunding(@Ctx() ctx: RequestContext, @Arg('academicYear', () => AcademicYear, { description: 'The academic year, e.g. "2025/26".' }) academicYear: number) {
    return researchFundingOf(ctx, academicYear);
  }

  @Mutation(() => ResearchCallPayload, { description: 'A funded project offered by the alliance or a member school for an academic year, open to expressions of interest until its closing date.' })
  async createResearchCall(@Ctx() ctx: RequestContext, @Arg('input', () => CreateResearchCallInput, { description: 'What to do, and to what.' }) input: CreateResearchCallInput) {
    return { researchCall: await createResearchCall(ctx, input) };
  }

  @Mutation(() => ResearchCallPayload, { description: 'Closes a call: no more interest; the interests not chosen become NOT_CHOSEN.' })
  async closeResearchCall(@Ctx() ctx: RequestContext, @Arg('input', () => CloseResearchCallInput, { description: 'What to do, and to what.' }) input: CloseResearchCallInput) {
    return { researchCall: await closeResearchCall(ctx, input) };
  }

  @Mutation(() => ResearchInterestPayload, { description: 'A Lead Practitioner (an ACTIVE LP designation) expresses interest in an open call, once, by its closing date.' })
  async expressResearchInterest(@Ctx() ctx: RequestContext, @Arg('input', () => ExpressResearchInterestInput, { description: 'What to do, and to what.' }) input: ExpressResearchInterestInput) {
    return { researchInterest: await expressResearchInterest(ctx, input) };
  }

  @Mutation(() => ChooseResearchInterestPayload, { description: "Chooses an expression of interest: creates its project, APPROVED, with the call's funding against the year's budget (beyond it needs an override reason)." })
  chooseResearchInterest(@Ctx() ctx: RequestContext, @Arg('input', () => ChooseResearchInterestInput, { description: 'What to do, and to what.' }) input: ChooseResearchInterestInput) {
    return chooseResearchInterest(ctx, input);
  }

  @Mutation(() => ResearchInterestPayload, { description: 'Marks an expression of interest NOT_CHOSEN.' })
  async declineResearchInterest(@Ctx() ctx: RequestContext, @Arg('input', () => DeclineResearchInterestInput, { description: 'What to do, and to what.' }) input: DeclineResearchInterestInput) {
    return { researchInterest: await declineResearchInterest(ctx, input) };
  }

  @Mutation(() => ResearchFundingPayload, { description: "Sets the alliance's research budget for an academic year." })
  async setResearchBudget(@Ctx() ctx: RequestContext, @Arg('input', () => SetResearchBudgetInput, { description: 'What to do, and to what.' }) input: SetResearchBudgetInput) {
    return { researchFunding: await setResearchBudget(ctx, input) };
  }

  @FieldResolver(() => School, { nullable: true, description: 'The member school that offers it; null: the alliance.' })
  commissionedBySchool(@Root() c: ResearchCall, @Ctx() ctx: RequestContext) {
    return c.commissionedBySchoolId ? ctx.loaders.schoolById.load(c.commissionedBySchoolId) : null;
  }

  @FieldResolver(() => [AreaOfExpertise], { description: 'The areas of expertise it is about.' })
  async areasOfExpertise(@Root() c: ResearchCall, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.areaOfExpertiseById.loadMany(c.areaIds)).filter((a): a is AreaOfExpertise => a !== null && !(a instanceof Error));
  }

  @FieldResolver(() => [ResearchInterest], { description: 'Expressions of interest: all of them for the coordinator, your own for a practitioner, none for anyone else.' })
  interests(@Root() c: ResearchCall, @Ctx() ctx: RequestContext) {
    return ctx.loaders.interestsByResearchCall.load(c.id);
  }
}

@Resolver(() => ResearchInterest)
export class ResearchInterestResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Who expressed it; null where you may not see their staff record.' })
  person(@Root() i: ResearchInterest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.personById.load(i.personId);
  }

  @FieldResolver(() => ResearchCall, { nullable: true, description: 'The call.' })
  call(@Root() i: ResearchInterest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.researchCallById.load(i.callId);
  }

  @FieldResolver(() => ResearchProject, { nullable: true, description: 'The project choosing it created.' })
  project(@Root() i: ResearchInterest, @Ctx() ctx: RequestContext) {
    return i.projectId ? ctx.loaders.researchProjectById.load(i.projectId) : null;
  }
}
