import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { School } from '../schools/school.entity';
import { AllianceTariff } from './alliance-tariff.entity';
import { AllianceTerm } from './alliance-term.entity';
import { Alliance, AllianceSettings } from './alliance.entity';
import { AllianceFilter, AllianceOrder } from './alliances.inputs';
import { listAlliances } from './alliances.service';
import { SchoolMembership } from './school-membership.entity';
import { orderByDescription } from '../../common/order-direction';

export const AllianceConnection = ConnectionType(Alliance);
export const SchoolMembershipConnection = ConnectionType(SchoolMembership);
export const AllianceTariffConnection = ConnectionType(AllianceTariff);
export const AllianceTermConnection = ConnectionType(AllianceTerm);

@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => AllianceConnection, { description: "Every alliance's public profile." })
  alliances(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AllianceFilter, { nullable: true, description: 'Which alliances; all unless asked.' }) filter?: AllianceFilter | null,
    @Arg('orderBy', () => [AllianceOrder], { nullable: true, description: orderByDescription('by name, A first') }) orderBy?: AllianceOrder[] | null,
  ) {
    return listAlliances(ctx, page, filter, orderBy);
  }

  @Query(() => Alliance, { nullable: true, description: 'One alliance by its slug; null when there is none.' })
  alliance(@Ctx() ctx: RequestContext, @Arg('slug', () => String, { description: 'The alliance\'s slug, e.g. "romero".' }) slug: string) {
    return ctx.loaders.allianceBySlug.load(slug.trim().toLowerCase());
  }

  @FieldResolver(() => School, { nullable: true, description: 'The member school with the LEAD_SCHOOL role.' })
  async leadSchool(@Root() alliance: Alliance, @Ctx() ctx: RequestContext) {
    const lead = await ctx.loaders.leadMembershipByAllianceId.load(alliance.id);
    return lead ? ctx.loaders.schoolById.load(lead.schoolId) : null;
  }

  @FieldResolver(() => SchoolMembershipConnection, { description: 'Member schools with their role: those in force today, or with includeFormer also past and future ones.' })
  memberSchools(
    @Root() alliance: Alliance,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('includeFormer', () => Boolean, { defaultValue: false, description: 'Also memberships that ended or have not started yet.' }) includeFormer: boolean,
  ) {
    const loader = includeFormer ? ctx.loaders.allMembershipsByAllianceId : ctx.loaders.currentMembershipsByAllianceId;
    return loader(page).load(alliance.id);
  }

  @FieldResolver(() => AllianceSettings, { nullable: true, description: "The alliance's settings; members only." })
  settings(@Root() alliance: Alliance) {
    return alliance.settings;
  }

  @FieldResolver(() => AllianceTariffConnection, { nullable: true, description: 'Tariffs, newest first; members only.' })
  tariffs(@Root() alliance: Alliance, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.loaders.tariffsByAllianceId(page).load(alliance.id);
  }

  @FieldResolver(() => AllianceTermConnection, { nullable: true, description: 'Term dates, newest year first; members only.' })
  termDates(@Root() alliance: Alliance, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.loaders.termsByAllianceId(page).load(alliance.id);
  }
}
