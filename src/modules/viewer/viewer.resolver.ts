import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { Alliance } from '../alliances/alliance.entity';
import { Person } from '../people/person.entity';
import { School } from '../schools/school.entity';
import { Viewer, ViewerMembership } from './viewer.types';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The signed-in user, their memberships (alliance and role), and the acting alliance.' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    // The permission rule has already refused anonymous callers.
    const viewer = ctx.viewer!;
    return {
      user: viewer.user,
      isPlatformAdmin: viewer.isPlatformAdmin,
      isPlatformAnalyst: viewer.isPlatformAnalyst,
      memberships: viewer.memberships.map((m) => Object.assign(new ViewerMembership(), m)),
      actingAllianceId: ctx.acting?.allianceId ?? null,
      actingRole: ctx.acting?.role ?? null,
    };
  }

  @FieldResolver(() => Alliance, { nullable: true, description: 'The alliance this request acts for (X-Alliance-Id, or the one membership).' })
  actingAlliance(@Root() viewer: Viewer, @Ctx() ctx: RequestContext) {
    return viewer.actingAllianceId ? ctx.loaders.allianceById.load(viewer.actingAllianceId) : null;
  }
}

@Resolver(() => ViewerMembership)
export class ViewerMembershipResolver {
  @FieldResolver(() => Alliance, { description: 'The alliance.' })
  alliance(@Root() membership: ViewerMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.allianceById.load(membership.allianceId);
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school a school lead leads.' })
  school(@Root() membership: ViewerMembership, @Ctx() ctx: RequestContext) {
    return membership.schoolId ? ctx.loaders.schoolById.load(membership.schoolId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: "A practitioner's own staff record; null outside the acting alliance." })
  person(@Root() membership: ViewerMembership, @Ctx() ctx: RequestContext) {
    return membership.personId ? ctx.loaders.personById.load(membership.personId) : null;
  }
}
