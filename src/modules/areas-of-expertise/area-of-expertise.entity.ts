import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';

export enum InspectionHeading {
  LEADERSHIP_AND_MANAGEMENT = 'LEADERSHIP_AND_MANAGEMENT',
  PUPIL_ACHIEVEMENT = 'PUPIL_ACHIEVEMENT',
  QUALITY_OF_TEACHING = 'QUALITY_OF_TEACHING',
  BEHAVIOUR_AND_SAFETY = 'BEHAVIOUR_AND_SAFETY',
}
registerEnumType(InspectionHeading, {
  name: 'InspectionHeading',
  description: 'The four inspection headings areas of expertise are grouped by.',
  valuesConfig: {
    LEADERSHIP_AND_MANAGEMENT: { description: 'Leadership and management.' },
    PUPIL_ACHIEVEMENT: { description: "Pupils' achievement." },
    QUALITY_OF_TEACHING: { description: 'The quality of teaching.' },
    BEHAVIOUR_AND_SAFETY: { description: 'Behaviour and safety.' },
  },
});

/** The canonical list; alliances' own labels ("More Able", "Diminishing the Difference") are aliases. */
@Entity('areas_of_expertise')
@ObjectType('AreaOfExpertise', { implements: Node, simpleResolvers: true, description: 'A canonical area of expertise, which system leaders hold and requests and research name.' })
export class AreaOfExpertise extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Field({ description: 'Stable code, e.g. "MATHS".' })
  @Column('varchar', { length: 40, unique: true })
  code: string;

  @Field({ description: 'The area\'s name, e.g. "Maths".' })
  @Column('text')
  name: string;

  @Field(() => InspectionHeading, { description: 'The inspection heading the area comes under.' })
  @Column({ type: 'enum', enum: InspectionHeading, enumName: 'inspection_heading' })
  heading: InspectionHeading;

  @Field(() => [String], { description: 'Other labels alliances use for this area.' })
  @Column('text', { array: true, default: () => "'{}'" })
  aliases: string[];

  @Column('smallint')
  position: number;
}
