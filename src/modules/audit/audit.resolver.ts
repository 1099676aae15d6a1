import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { AuditEvent } from './audit-event.entity';
import { AuditFilter } from './audit.inputs';
import { listAuditEvents } from './audit.service';

export const AuditEventConnection = ConnectionType(AuditEvent);

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "The acting alliance's audit trail, newest first: for its coordinators." })
  auditEvents(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Arg('filter', () => AuditFilter, { nullable: true, description: "Which events; all of the alliance's unless asked." }) filter?: AuditFilter | null) {
    return listAuditEvents(ctx, filter, page);
  }
}
