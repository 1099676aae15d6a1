import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { toGlobalId } from '../../common/global-id';
import { DateTime } from '../../common/scalars';

@ObjectType({ simpleResolvers: true, description: 'One field of a change: its value before and after, as JSON (null before a creation).' })
export class AuditChange {
  @Field({ description: 'The field changed.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'Its value before, as JSON; null if it had none.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'Its value after, as JSON; null if it has none.' })
  after: string | null;
}

/** One change to the platform's data, written in the change's own transaction. Rows are never updated or deleted. */
@Entity('audit_events')
@ObjectType({ simpleResolvers: true, description: 'Who changed what, when, acting for which alliance and role.' })
export class AuditEvent {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  allianceId: string;

  @Field(() => DateTime, { description: 'When the change was made.' })
  @Column('timestamptz')
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Field({ description: 'The display name of who made the change, as it was then.' })
  @Column('text')
  actorName: string;

  @Field({ description: 'The role they acted in.' })
  @Column('text')
  actingRole: string;

  @Field({ description: 'The mutation, e.g. updatePerson.' })
  @Column('text')
  action: string;

  @Field({ description: 'The GraphQL type of the object changed.' })
  @Column('text')
  objectType: string;

  @Column('uuid', { name: 'object_id' })
  objectUuid: string;

  @Column('jsonb', { name: 'changes' })
  changeList: AuditChange[];

  @Column('text', { nullable: true })
  requestId: string | null;

  @Field(() => ID, { description: 'The global id of the object changed.' })
  get objectId(): string {
    return toGlobalId(this.objectType, this.objectUuid);
  }

  @Field(() => [AuditChange], { description: 'The fields changed.' })
  get changes(): AuditChange[] {
    return this.changeList;
  }
}
