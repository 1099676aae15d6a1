import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { Term } from './alliance-enums';

/** Term dates differ between alliances (and their local authorities), so each keeps its own. */
@Entity('alliance_terms')
@ObjectType('AllianceTerm', { simpleResolvers: true })
export class AllianceTerm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  allianceId: string;

  @Field(() => AcademicYear)
  @Column('smallint')
  academicYear: number;

  @Field(() => Term)
  @Column({ type: 'enum', enum: Term, enumName: 'term' })
  term: Term;

  @Field(() => LocalDate)
  @Column('date')
  startsOn: string;

  @Field(() => LocalDate)
  @Column('date')
  endsOn: string;
}
