import { MigrationInterface, QueryRunner } from 'typeorm';

type Heading = 'LEADERSHIP_AND_MANAGEMENT' | 'PUPIL_ACHIEVEMENT' | 'QUALITY_OF_TEACHING' | 'BEHAVIOUR_AND_SAFETY';

/** The canonical areas, grouped by the four inspection headings; aliases are the labels alliances use. */
const AREAS: [code: string, name: string, heading: Heading, aliases: string[]][] = [
  ['ACADEMIES', 'Academies', 'LEADERSHIP_AND_MANAGEMENT', []],
  ['ASSESSMENT', 'Assessment', 'LEADERSHIP_AND_MANAGEMENT', []],
  ['LEADERSHIP_OF_CPD', 'Leadership of CPD', 'LEADERSHIP_AND_MANAGEMENT', ['CPD']],
  ['SCHOOL_BUSINESS_MANAGEMENT', 'School business management', 'LEADERSHIP_AND_MANAGEMENT', ['SBM']],
  ['LEADERSHIP_OF_CURRICULUM', 'Leadership of curriculum', 'LEADERSHIP_AND_MANAGEMENT', ['Curriculum']],
  ['ART', 'Art', 'PUPIL_ACHIEVEMENT', []],
  ['CLOSING_THE_GAP', 'Closing the gap', 'PUPIL_ACHIEVEMENT', ['Diminishing the Difference']],
  ['DRAMA', 'Drama', 'PUPIL_ACHIEVEMENT', []],
  ['DESIGN_AND_TECHNOLOGY', 'Design and technology', 'PUPIL_ACHIEVEMENT', ['D&T', 'DT']],
  ['EARLY_YEARS', 'Early years (EYFS)', 'PUPIL_ACHIEVEMENT', ['Early Years', 'EYFS']],
  ['ENGLISH', 'English', 'PUPIL_ACHIEVEMENT', ['Literacy']],
  ['GEOGRAPHY', 'Geography', 'PUPIL_ACHIEVEMENT', []],
  ['HISTORY', 'History', 'PUPIL_ACHIEVEMENT', []],
  ['ICT', 'ICT', 'PUPIL_ACHIEVEMENT', ['Computing']],
  ['MATHS', 'Maths', 'PUPIL_ACHIEVEMENT', ['Mathematics', 'Numeracy']],
  ['MODERN_FOREIGN_LANGUAGES', 'Modern foreign languages', 'PUPIL_ACHIEVEMENT', ['MFL']],
  ['MUSIC', 'Music', 'PUPIL_ACHIEVEMENT', []],
  ['PHONICS', 'Phonics', 'PUPIL_ACHIEVEMENT', []],
  ['PE', 'PE', 'PUPIL_ACHIEVEMENT', ['Physical education']],
  ['PSHE', 'PSHE', 'PUPIL_ACHIEVEMENT', []],
  ['RE', 'RE', 'PUPIL_ACHIEVEMENT', ['Religious education']],
  ['SCIENCE', 'Science', 'PUPIL_ACHIEVEMENT', []],
  ['SEND', 'SEND', 'PUPIL_ACHIEVEMENT', ['Special educational needs', 'SEN']],
  ['MOST_ABLE', 'Support for the most able', 'PUPIL_ACHIEVEMENT', ['More Able', 'Most able', 'Gifted and talented']],
  ['CITIZENSHIP', 'Citizenship', 'PUPIL_ACHIEVEMENT', []],
  ['INITIAL_TEACHER_TRAINING', 'Initial teacher training (ITT)', 'QUALITY_OF_TEACHING', ['ITT']],
  ['EARLY_CAREER_TEACHERS', 'NQT and early career teacher development', 'QUALITY_OF_TEACHING', ['NQT', 'ECT', 'NQT development']],
  ['BEHAVIOUR_AND_DISCIPLINE', 'Behaviour and discipline', 'BEHAVIOUR_AND_SAFETY', ['Behaviour']],
  ['ATTENDANCE', 'Attendance', 'BEHAVIOUR_AND_SAFETY', []],
];

export class AreasOfExpertise1795370100000 implements MigrationInterface {
  name = 'AreasOfExpertise1795370100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE inspection_heading AS ENUM ('LEADERSHIP_AND_MANAGEMENT', 'PUPIL_ACHIEVEMENT', 'QUALITY_OF_TEACHING', 'BEHAVIOUR_AND_SAFETY')`);
    await q.query(`
      CREATE TABLE areas_of_expertise (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name text NOT NULL,
        heading inspection_heading NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        position smallint NOT NULL
      )`);
    for (const [index, [code, name, heading, aliases]] of AREAS.entries()) {
      await q.query(`INSERT INTO areas_of_expertise (code, name, heading, aliases, position) VALUES ($1, $2, $3, $4, $5)`, [code, name, heading, aliases, index + 1]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE areas_of_expertise`);
    await q.query(`DROP TYPE inspection_heading`);
  }
}
