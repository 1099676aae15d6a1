import { Field, ObjectType } from 'type-graphql';
import { ActingRole, MembershipRole } from '../users/user-enums';
import { User } from '../users/user.entity';

@ObjectType({ simpleResolvers: true, description: "One of the signed-in user's memberships." })
export class ViewerMembership {
  allianceId: string;
  schoolId: string | null;
  personId: string | null;

  @Field(() => MembershipRole, { description: 'Their role in the alliance.' })
  role: MembershipRole;
}

@ObjectType({ simpleResolvers: true, description: 'The signed-in user, their memberships, and what this request acts as.' })
export class Viewer {
  @Field(() => User, { description: 'The signed-in user.' })
  user: User;

  @Field({ description: 'Whether they administer the platform.' })
  isPlatformAdmin: boolean;

  @Field({ description: "Whether they read every alliance's statistics (platformDeploymentStatistics, platformDesignationStatistics), small groups suppressed." })
  isPlatformAnalyst: boolean;

  @Field(() => [ViewerMembership], { description: 'Their memberships: each an alliance and their role in it.' })
  memberships: ViewerMembership[];

  actingAllianceId: string | null;

  @Field(() => ActingRole, { nullable: true, description: 'Null when no alliance is chosen.' })
  actingRole: ActingRole | null;
}
