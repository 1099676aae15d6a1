import { Brackets } from 'typeorm';
import { PageArgs } from '../../common/connection';
import { BadUserInput } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { scopedQuery } from '../../loaders/helpers';
import { AuditEvent } from './audit-event.entity';
import { AuditFilter } from './audit.inputs';

export interface AuditedChange<T> {
  /** The mutation's name, e.g. `updatePerson`. */
  action: string;
  /** The object's GraphQL type, as its global id names it. */
  objectType: string;
  objectId: string;
  /** The object as it was (null for a creation) and as it is now. */
  before: T | null;
  after: T;
  /** The fields whose changes are recorded. */
  fields: readonly (keyof T & string)[];
}

/**
 * Records a change in the audit trail, on the context's EntityManager: call it inside the mutation's
 * transaction, so that a change and its audit row commit or roll back together. Nothing is written
 * when no recorded field changed.
 */
export async function recordChange<T extends object>(ctx: RequestContext, change: AuditedChange<T>): Promise<void> {
  const acting = actingOf(ctx);
  const json = (value: unknown) => JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
  // A creation's "before" is null; its unset fields are no change.
  const changes = change.fields
    .map((field) => ({ field, before: json(change.before?.[field]), after: json(change.after[field]) }))
    .filter((c) => c.before !== c.after)
    .map((c) => ({ ...c, before: change.before ? c.before : null }));
  if (!changes.length) return;
  // No RETURNING: a role that may write an audit row need not be one that may read it back.
  await ctx.em.query(
    `INSERT INTO audit_events (alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [acting.allianceId, ctx.viewer!.user.id, ctx.viewer!.user.displayName, acting.role, change.action, change.objectType, change.objectId, JSON.stringify(changes), ctx.requestId],
  );
}

/** The acting alliance's audit trail, newest first. */
export function listAuditEvents(ctx: RequestContext, filter: AuditFilter | null | undefined, page: PageArgs) {
  actingOf(ctx);
  if (filter?.since && filter.before && filter.since >= filter.before) throw new BadUserInput('filter.since must be before filter.before', 'filter.since');
  const qb = scopedQuery(ctx, AuditEvent) ?? ctx.em.createQueryBuilder(AuditEvent, 'e').where('false');
  if (filter?.objectId) {
    const object = fromGlobalId(filter.objectId);
    if (!object) throw new BadUserInput('filter.objectId is not an id', 'filter.objectId');
    qb.andWhere(new Brackets((w) => w.where('e.object_id = :objectId', { objectId: object.id }).andWhere('e.object_type = :objectType', { objectType: object.type })));
  }
  if (filter?.actions?.length) qb.andWhere('e.action = ANY(:actions)', { actions: filter.actions });
  if (filter?.since) qb.andWhere('e.occurred_at >= :since', { since: filter.since });
  if (filter?.before) qb.andWhere('e.occurred_at < :before', { before: filter.before });
  return paginate(qb, page, [{ expression: 'e.occurred_at', value: (e) => e.occurredAt.toISOString(), direction: 'DESC', kind: 'timestamp' }]);
}
