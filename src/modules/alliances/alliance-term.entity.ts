import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { Term } from './alliance-enums';

/** Term dates differ between alliances (and their local authorities), so each keeps its own. */
@Entity('alliance_terms')
@ObjectType('AllianceTerm', { simpleResolvers: true, description: "One of the alliance's term dates." })
export class AllianceTerm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  allianceId: string;

  @Field(() => AcademicYear, { description: 'The academic year the term is in.' })
  @Column('smallint')
  academicYear: number;

  @Field(() => Term, { description: 'Which term.' })
  @Column({ type: 'enum', enum: Term, enumName: 'term' })
  term: Term;

  @Field(() => LocalDate, { description: "The term's first day." })
  @Column('date')
  startsOn: string;

  @Field(() => LocalDate, { description: "The term's last day." })
  @Column('date')
  endsOn: string;
}
