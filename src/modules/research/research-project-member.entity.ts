import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ResearchMemberRole } from './research-enums';

/** A person of the alliance who leads or contributes to a project: staff data, never public. */
@Entity('research_project_members')
@ObjectType('ResearchProjectMember', { simpleResolvers: true, description: "A member of a project's team." })
export class ResearchProjectMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  projectId: string;

  @Column('uuid')
  personId: string;

  @Field(() => ResearchMemberRole, { description: 'Their role in the project.' })
  @Column({ type: 'enum', enum: ResearchMemberRole, enumName: 'research_member_role' })
  role: ResearchMemberRole;
}
