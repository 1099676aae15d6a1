import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity, ofActingAlliance, roleIn, RUNTIME_ROLE, setting } from './support/row-level-security';

const R = RUNTIME_ROLE;
const TABLES = ['programmes', 'programme_cohorts', 'programme_days', 'programme_enrolments', 'programme_attendance'];
const COORDINATORS = roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN');

/**
 * Training programmes (issue 9, item 5): an alliance's programmes, their cohorts with dated days,
 * who is enrolled, who attended which day, and who completed. A programme may be required of a
 * designation type before application or before designation. Every reference to another row carries
 * the alliance in a composite key, and attendance carries the cohort too, so a day and an enrolment
 * of different cohorts (or alliances) can never be joined by an attendance row.
 */
export class Programmes1795370700000 implements MigrationInterface {
  name = 'Programmes1795370700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE programme_kind AS ENUM ('LP_PROGRAMME', 'CORE_TRAINING', 'TEAM_MEETINGS', 'OTHER')`);
    await q.query(`CREATE TYPE requirement_stage AS ENUM ('APPLICATION', 'DESIGNATION')`);

    await q.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (name <> ''),
        kind programme_kind NOT NULL,
        description text,
        required_for designation_type,
        required_before requirement_stage,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id),
        CONSTRAINT programmes_requirement CHECK ((required_for IS NULL) = (required_before IS NULL))
      )`);
    // Also the tenant index the policies and the list read.
    await q.query(`CREATE UNIQUE INDEX programmes_alliance_name ON programmes (alliance_id, lower(name))`);
    // The requirement check looks programmes up by what they are required for.
    await q.query(`CREATE INDEX programmes_requirement ON programmes (alliance_id, required_for, required_before) WHERE required_for IS NOT NULL`);

    // starts_on and ends_on are the first and last of the cohort's days, written with them: the
    // cohorts list in date order, and completion is checked against the last day, without reading every day.
    await q.query(`
      CREATE TABLE programme_cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        name text NOT NULL CHECK (name <> ''),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, alliance_id),
        CHECK (starts_on <= ends_on),
        FOREIGN KEY (programme_id, alliance_id) REFERENCES programmes (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX programme_cohorts_name ON programme_cohorts (programme_id, lower(name))`);
    await q.query(`CREATE INDEX programme_cohorts_alliance ON programme_cohorts (alliance_id, programme_id)`);

    await q.query(`
      CREATE TABLE programme_days (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        held_on date NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        CONSTRAINT programme_days_one_a_day UNIQUE (cohort_id, held_on),
        UNIQUE (id, cohort_id, alliance_id),
        UNIQUE (id, alliance_id),
        FOREIGN KEY (cohort_id, alliance_id) REFERENCES programme_cohorts (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX programme_days_alliance ON programme_days (alliance_id)`);

    await q.query(`
      CREATE TABLE programme_enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        person_id uuid NOT NULL,
        completed_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT programme_enrolments_once UNIQUE (cohort_id, person_id),
        UNIQUE (id, cohort_id, alliance_id),
        UNIQUE (id, alliance_id),
        FOREIGN KEY (cohort_id, alliance_id) REFERENCES programme_cohorts (id, alliance_id) ON DELETE CASCADE,
        -- Training records are the person's personal data: they go when the staff record goes.
        FOREIGN KEY (person_id, alliance_id) REFERENCES people (id, alliance_id) ON DELETE CASCADE
      )`);
    // The practitioner's policy and the requirement check both find enrolments by person.
    await q.query(`CREATE INDEX programme_enrolments_person ON programme_enrolments (alliance_id, person_id)`);

    await q.query(`
      CREATE TABLE programme_attendance (
        alliance_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        day_id uuid NOT NULL,
        enrolment_id uuid NOT NULL,
        attended boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (day_id, enrolment_id),
        FOREIGN KEY (day_id, cohort_id, alliance_id) REFERENCES programme_days (id, cohort_id, alliance_id) ON DELETE CASCADE,
        FOREIGN KEY (enrolment_id, cohort_id, alliance_id) REFERENCES programme_enrolments (id, cohort_id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX programme_attendance_enrolment ON programme_attendance (alliance_id, enrolment_id)`);

    await this.secure(q);
  }

  private async secure(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON ${TABLES.join(', ')} TO ${R}`);
    // Never the alliance, the kind or the creation of a programme; never who or which cohort an enrolment is.
    await q.query(`GRANT UPDATE (name, description, required_for, required_before, updated_at, version) ON programmes TO ${R}`);
    await q.query(`GRANT UPDATE (completed_on, updated_at, version) ON programme_enrolments TO ${R}`);
    // Attendance is corrected in place (INSERT ... ON CONFLICT DO UPDATE).
    await q.query(`GRANT UPDATE (attended, recorded_at) ON programme_attendance TO ${R}`);
    for (const table of TABLES) await enableRowLevelSecurity(q, table);

    const tenant = ofActingAlliance();
    // Programmes, cohorts and days are the alliance's to read (a practitioner's own requirement check reads them); coordinators run them.
    for (const table of ['programmes', 'programme_cohorts', 'programme_days']) {
      await q.query(`CREATE POLICY tenant_read ON ${table} FOR SELECT TO ${R} USING (${tenant})`);
    }
    // A practitioner reaches their own training record only; written as an exclusion so the planner keeps index order.
    const ownEnrolment = `(${setting.role} <> 'PRACTITIONER' OR person_id = ${setting.personId})`;
    await q.query(`CREATE POLICY tenant_read ON programme_enrolments FOR SELECT TO ${R} USING (${tenant} AND ${ownEnrolment})`);
    // Through the enrolments' own policy: what the caller may not see of them, they may not see of attendance.
    const ownAttendance = `(${setting.role} <> 'PRACTITIONER' OR enrolment_id IN (SELECT en.id FROM programme_enrolments en))`;
    await q.query(`CREATE POLICY tenant_read ON programme_attendance FOR SELECT TO ${R} USING (${tenant} AND ${ownAttendance})`);
    for (const table of TABLES) {
      await q.query(`CREATE POLICY tenant_write ON ${table} FOR ALL TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await disableRowLevelSecurity(q, table, ['tenant_read', 'tenant_write']);
    await q.query(`DROP TABLE programme_attendance, programme_enrolments, programme_days, programme_cohorts, programmes`);
    await q.query(`DROP TYPE requirement_stage, programme_kind`);
  }
}
