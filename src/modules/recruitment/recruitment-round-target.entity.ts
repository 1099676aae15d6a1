import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** How many system leaders a round seeks in one area of expertise. */
@Entity('recruitment_round_targets')
export class RecruitmentRoundTarget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  roundId: string;

  @Column('uuid')
  areaId: string;

  @Column('smallint')
  target: number;
}
