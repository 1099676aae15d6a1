import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { Person } from '../people/person.entity';
import { ProgrammeCohort } from './programme-cohort.entity';
import { ProgrammeDay } from './programme-day.entity';
import { ProgrammeEnrolment } from './programme-enrolment.entity';
import { Programme } from './programme.entity';
import {
  CreateProgrammeInput,
  CreateProgrammePayload,
  EnrolOnProgrammeCohortInput,
  EnrolOnProgrammeCohortPayload,
  ProgrammeFilter,
  RecordProgrammeAttendanceInput,
  RecordProgrammeAttendancePayload,
  RecordProgrammeCompletionInput,
  RecordProgrammeCompletionPayload,
  ScheduleProgrammeCohortInput,
  ScheduleProgrammeCohortPayload,
  UpdateProgrammeInput,
  UpdateProgrammePayload,
} from './programmes.inputs';
import {
  createProgramme,
  enrolOnProgrammeCohort,
  listProgrammes,
  MAX_COHORT_DAYS,
  recordProgrammeAttendance,
  recordProgrammeCompletion,
  scheduleProgrammeCohort,
  updateProgramme,
} from './programmes.service';

export const ProgrammeConnection = ConnectionType(Programme);
export const ProgrammeCohortConnection = ConnectionType(ProgrammeCohort);
export const ProgrammeEnrolmentConnection = ConnectionType(ProgrammeEnrolment);

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => ProgrammeConnection, { description: "The acting alliance's training programmes, by name. Staff only; a practitioner sees only their own enrolments in them." })
  programmes(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Arg('filter', () => ProgrammeFilter, { nullable: true, description: 'Which programmes; all unless asked.' }) filter?: ProgrammeFilter | null) {
    return listProgrammes(ctx, filter, page);
  }

  @Mutation(() => CreateProgrammePayload, { description: 'Creates a training programme.' })
  async createProgramme(@Ctx() ctx: RequestContext, @Arg('input', () => CreateProgrammeInput, { description: 'What to do, and to what.' }) input: CreateProgrammeInput): Promise<CreateProgrammePayload> {
    return { programme: await createProgramme(ctx, input) };
  }

  @Mutation(() => UpdateProgrammePayload, { description: 'Changes a programme.' })
  async updateProgramme(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateProgrammeInput, { description: 'What to do, and to what.' }) input: UpdateProgrammeInput): Promise<UpdateProgrammePayload> {
    return { programme: await updateProgramme(ctx, input) };
  }

  @Mutation(() => ScheduleProgrammeCohortPayload, { description: 'A new cohort of a programme, with its dated days.' })
  async scheduleProgrammeCohort(@Ctx() ctx: RequestContext, @Arg('input', () => ScheduleProgrammeCohortInput, { description: 'What to do, and to what.' }) input: ScheduleProgrammeCohortInput): Promise<ScheduleProgrammeCohortPayload> {
    return { cohort: await scheduleProgrammeCohort(ctx, input) };
  }

  @Mutation(() => EnrolOnProgrammeCohortPayload, { description: 'Enrols a member of staff on a cohort.' })
  async enrolOnProgrammeCohort(@Ctx() ctx: RequestContext, @Arg('input', () => EnrolOnProgrammeCohortInput, { description: 'What to do, and to what.' }) input: EnrolOnProgrammeCohortInput): Promise<EnrolOnProgrammeCohortPayload> {
    return { enrolment: await enrolOnProgrammeCohort(ctx, input) };
  }

  @Mutation(() => RecordProgrammeAttendancePayload, { description: "One day's register: who attended and who did not." })
  recordProgrammeAttendance(@Ctx() ctx: RequestContext, @Arg('input', () => RecordProgrammeAttendanceInput, { description: 'What to do, and to what.' }) input: RecordProgrammeAttendanceInput): Promise<RecordProgrammeAttendancePayload> {
    return recordProgrammeAttendance(ctx, input);
  }

  @Mutation(() => RecordProgrammeCompletionPayload, { description: 'Refused with CONFLICT, naming the days, unless the person attended every day of the cohort.' })
  async recordProgrammeCompletion(@Ctx() ctx: RequestContext, @Arg('input', () => RecordProgrammeCompletionInput, { description: 'What to do, and to what.' }) input: RecordProgrammeCompletionInput): Promise<RecordProgrammeCompletionPayload> {
    return { enrolment: await recordProgrammeCompletion(ctx, input) };
  }

  @FieldResolver(() => ProgrammeCohortConnection, { description: 'Newest first.' })
  cohorts(@Root() programme: Programme, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.loaders.programmeCohortsByProgrammeId(page).load(programme.id);
  }
}

@Resolver(() => ProgrammeCohort)
export class ProgrammeCohortResolver {
  @FieldResolver(() => Programme, { description: 'The programme.' })
  programme(@Root() cohort: ProgrammeCohort, @Ctx() ctx: RequestContext) {
    return ctx.loaders.programmeById.load(cohort.programmeId);
  }

  @FieldResolver(() => [ProgrammeDay], { description: `In date order (at most ${MAX_COHORT_DAYS}).` })
  async days(@Root() cohort: ProgrammeCohort, @Ctx() ctx: RequestContext) {
    const page = await ctx.loaders.programmeDaysByCohortId({ first: MAX_COHORT_DAYS }).load(cohort.id);
    return page.edges.map((edge) => edge.node);
  }

  @FieldResolver(() => ProgrammeEnrolmentConnection, { description: 'In the order they were enrolled. A practitioner sees their own only.' })
  enrolments(@Root() cohort: ProgrammeCohort, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.loaders.programmeEnrolmentsByCohortId(page).load(cohort.id);
  }
}

@Resolver(() => ProgrammeDay)
export class ProgrammeDayResolver {
  @FieldResolver(() => ProgrammeCohort, { description: 'The cohort.' })
  cohort(@Root() day: ProgrammeDay, @Ctx() ctx: RequestContext) {
    return ctx.loaders.programmeCohortById.load(day.cohortId);
  }
}

@Resolver(() => ProgrammeEnrolment)
export class ProgrammeEnrolmentResolver {
  @FieldResolver(() => Person, { description: 'Who is enrolled.' })
  person(@Root() enrolment: ProgrammeEnrolment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.personById.load(enrolment.personId);
  }

  @FieldResolver(() => ProgrammeCohort, { description: 'The cohort.' })
  cohort(@Root() enrolment: ProgrammeEnrolment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.programmeCohortById.load(enrolment.cohortId);
  }

  @FieldResolver(() => Int, { description: 'Days recorded as attended.' })
  async attendedDays(@Root() enrolment: ProgrammeEnrolment, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.programmeAttendanceByEnrolmentId.load(enrolment.id)).attended;
  }

  @FieldResolver(() => Int, { description: 'Days already held (by today, or by the completion date) without a recorded attendance.' })
  async daysMissed(@Root() enrolment: ProgrammeEnrolment, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.programmeAttendanceByEnrolmentId.load(enrolment.id)).missed;
  }
}
