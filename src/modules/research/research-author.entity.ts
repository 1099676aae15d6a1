import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One author of a publication, in order, as published (the alliance's view, consent included). */
@Entity('research_authors')
@ObjectType('ResearchAuthor', { simpleResolvers: true })
export class ResearchAuthor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  projectId: string;

  @Field(() => Int, { description: '1 for the first author.' })
  @Column('smallint')
  position: number;

  @Field()
  @Column('text')
  displayName: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  affiliation: string | null;

  @Field(() => String, { nullable: true, description: 'Written 0000-0002-1825-0097; its check digit verified.' })
  @Column('varchar', { length: 19, nullable: true })
  orcid: string | null;

  @Field({ description: 'Named in public only if true.' })
  @Column('boolean')
  consentToBeNamed: boolean;

  @Column('uuid', { nullable: true })
  personId: string | null;
}
