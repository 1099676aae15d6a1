import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Node } from '../../common/node';
import { LocalDate } from '../../common/scalars';
import { CodeName, codeName } from './code-name';
import { SchoolCategory } from './school-category';

/** An establishment on the DfE register (GIAS). Shared reference data: no alliance owns it. */
@Entity('schools')
@ObjectType('School', { implements: Node, simpleResolvers: true, description: 'A school of the register (GIAS), shared by every alliance.' })
export class School extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Field({ description: 'DfE unique reference number: six digits, immutable.' })
  @Column({ type: 'varchar', length: 6, unique: true, update: false })
  urn: string;

  @Field({ description: "The school's name, as the register has it." })
  @Column('text')
  name: string;

  @Column('varchar', { length: 3, nullable: true })
  laCode: string | null;

  @Column('text', { nullable: true })
  laName: string | null;

  @Field(() => String, { nullable: true, description: 'The DfE establishment number within its local authority.' })
  @Column('varchar', { length: 4, nullable: true })
  establishmentNumber: string | null;

  @Column('varchar', { length: 8, nullable: true })
  typeCode: string | null;

  @Column('text', { nullable: true })
  typeName: string | null;

  @Column('varchar', { length: 8, nullable: true })
  typeGroupCode: string | null;

  @Column('text', { nullable: true })
  typeGroupName: string | null;

  @Column('varchar', { length: 8, nullable: true })
  statusCode: string | null;

  @Column('text', { nullable: true })
  statusName: string | null;

  @Column('varchar', { length: 8, nullable: true })
  phaseCode: string | null;

  @Column('text', { nullable: true })
  phaseName: string | null;

  @Field(() => Int, { nullable: true, description: 'The youngest age the school takes, in years.' })
  @Column('smallint', { nullable: true })
  statutoryLowAge: number | null;

  @Field(() => Int, { nullable: true, description: 'The oldest age the school takes, in years.' })
  @Column('smallint', { nullable: true })
  statutoryHighAge: number | null;

  @Column('varchar', { length: 8, nullable: true })
  religiousCharacterCode: string | null;

  @Column('text', { nullable: true })
  religiousCharacterName: string | null;

  @Column('varchar', { length: 8, nullable: true })
  dioceseCode: string | null;

  @Column('text', { nullable: true })
  dioceseName: string | null;

  @Column('varchar', { length: 16, nullable: true })
  trustCode: string | null;

  @Column('text', { nullable: true })
  trustName: string | null;

  @Field(() => String, { nullable: true, description: 'UK provider reference number.' })
  @Column('varchar', { length: 8, nullable: true })
  ukprn: string | null;

  @Field(() => String, { nullable: true, description: "The school's postcode." })
  @Column('varchar', { length: 10, nullable: true })
  postcode: string | null;

  @Field(() => String, { nullable: true, description: "The school's town." })
  @Column('text', { nullable: true })
  town: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the school opened, if the register says.' })
  @Column('date', { nullable: true })
  openDate: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the school closed; null while it is open.' })
  @Column('date', { nullable: true })
  closeDate: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the register last changed this record.' })
  @Column('date', { nullable: true })
  lastChangedDate: string | null;

  @Field(() => [SchoolCategory], { description: "What kind of school it is, derived from the register's phase, type and type group." })
  @Column({ type: 'text', array: true, insert: false, update: false })
  categories: SchoolCategory[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => CodeName, { nullable: true, description: 'The local authority: its 3-digit DfE code and name.' })
  get localAuthority(): CodeName | null {
    return codeName(this.laCode, this.laName);
  }

  @Field(() => CodeName, { nullable: true, description: 'The register\'s type of establishment, e.g. "Academy converter".' })
  get typeOfEstablishment(): CodeName | null {
    return codeName(this.typeCode, this.typeName);
  }

  @Field(() => CodeName, { nullable: true, description: 'The register\'s group of establishment types, e.g. "Academies".' })
  get establishmentTypeGroup(): CodeName | null {
    return codeName(this.typeGroupCode, this.typeGroupName);
  }

  @Field(() => CodeName, { nullable: true, description: 'Open, closed, proposed to open or to close, as the register has it.' })
  get status(): CodeName | null {
    return codeName(this.statusCode, this.statusName);
  }

  @Field(() => CodeName, { nullable: true, description: 'The register\'s phase of education, e.g. "Primary".' })
  get phase(): CodeName | null {
    return codeName(this.phaseCode, this.phaseName);
  }

  @Field(() => CodeName, { nullable: true, description: "The register's religious character, if any." })
  get religiousCharacter(): CodeName | null {
    return codeName(this.religiousCharacterCode, this.religiousCharacterName);
  }

  @Field(() => CodeName, { nullable: true, description: "The register's diocese, if any." })
  get diocese(): CodeName | null {
    return codeName(this.dioceseCode, this.dioceseName);
  }

  @Field(() => CodeName, { nullable: true, description: 'The academy trust, for academies and free schools.' })
  get trust(): CodeName | null {
    return codeName(this.trustCode, this.trustName);
  }
}
