import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity, ofActingAlliance, roleIn, RUNTIME_ROLE, setting } from './support/row-level-security';

const R = RUNTIME_ROLE;
const TABLES = ['recruitment_rounds', 'recruitment_round_targets', 'designations', 'designation_references', 'release_commitments', 'designation_reviews'];
const COORDINATORS = roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN');
/** A designation of the person the practitioner is, or of staff at the head's school. */
const ownPerson = (column = 'person_id') => `${column} = ${setting.personId}`;
const staffOfHeadsSchool = (column = 'person_id') => `${column} IN (SELECT p.id FROM people p WHERE p.school_id = ${setting.schoolId})`;
const designationOfStaffAtHeadsSchool = `designation_id IN (SELECT d.id FROM designations d WHERE ${staffOfHeadsSchool('d.person_id')})`;

/**
 * System leaders (DOMAIN.md, "People and designations"): recruitment rounds with targets per area,
 * designations through their whole lifecycle, references, release commitments and reviews. Every
 * table is born behind the second wall; a reference to another row carries the alliance in a
 * composite key, so no row can point into another alliance.
 */
export class SystemLeaders1795370600000 implements MigrationInterface {
  name = 'SystemLeaders1795370600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE designation_type AS ENUM ('SLE', 'LLE', 'NLE', 'LP')`);
    await q.query(`CREATE TYPE designation_status AS ENUM ('APPLIED', 'SHORTLISTED', 'ASSESSED', 'REJECTED', 'APPROVED', 'ACTIVE', 'UNDER_REVIEW', 'DEDESIGNATED', 'RESIGNED', 'WITHDRAWN', 'LAPSED')`);
    await q.query(`CREATE TYPE education_phase AS ENUM ('EARLY_YEARS', 'PRIMARY', 'SECONDARY', 'POST_16', 'SPECIAL', 'ALL_THROUGH')`);
    await q.query(`CREATE TYPE reference_kind AS ENUM ('HEADTEACHER', 'SECOND')`);
    await q.query(`CREATE TYPE appeal_outcome AS ENUM ('UPHELD', 'DISMISSED')`);
    await q.query(`CREATE TYPE review_trigger AS ENUM ('PERIODIC', 'MOVED_SCHOOL', 'BECAME_HEADTEACHER', 'NOT_DEPLOYED', 'NO_IMPACT_EVIDENCE', 'OTHER')`);
    await q.query(`CREATE TYPE review_outcome AS ENUM ('CONTINUED', 'DEDESIGNATED')`);

    await q.query(`ALTER TABLE alliances ADD COLUMN appeal_period_days smallint NOT NULL DEFAULT 14 CHECK (appeal_period_days BETWEEN 1 AND 365)`);
    await q.query(`ALTER TABLE alliances ADD CONSTRAINT alliances_review_period CHECK (review_period_years BETWEEN 1 AND 10)`);

    await q.query(`
      CREATE TABLE recruitment_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        designation_type designation_type NOT NULL,
        name text NOT NULL CHECK (name <> ''),
        details_sent_on date,
        application_deadline date NOT NULL,
        assessment_on date,
        national_notification_on date,
        training_dates date[] NOT NULL DEFAULT '{}',
        overall_target smallint CHECK (overall_target > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id),
        CHECK (details_sent_on IS NULL OR details_sent_on <= application_deadline),
        CHECK (assessment_on IS NULL OR assessment_on >= application_deadline),
        CHECK (national_notification_on IS NULL OR national_notification_on >= coalesce(assessment_on, application_deadline))
      )`);
    await q.query(`CREATE INDEX recruitment_rounds_alliance ON recruitment_rounds (alliance_id, application_deadline DESC, id DESC)`);
    await q.query(`
      CREATE TABLE recruitment_round_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        round_id uuid NOT NULL,
        area_id uuid NOT NULL REFERENCES areas_of_expertise (id) ON DELETE RESTRICT,
        target smallint NOT NULL CHECK (target > 0),
        UNIQUE (round_id, area_id),
        FOREIGN KEY (round_id, alliance_id) REFERENCES recruitment_rounds (id, alliance_id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE designations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        person_id uuid NOT NULL,
        type designation_type NOT NULL,
        status designation_status NOT NULL DEFAULT 'APPLIED',
        round_id uuid,
        area_ids uuid[] NOT NULL DEFAULT '{}',
        phases education_phase[] NOT NULL DEFAULT '{}',
        statement text,
        -- NLE: the national body's reference. LP: who accredits (the alliance, or e.g. SSAT).
        national_reference text CHECK (national_reference <> ''),
        accrediting_body text CHECK (accrediting_body <> ''),
        submitted_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        applied_on date NOT NULL,
        shortlisted_on date,
        assessed_on date,
        assessors text[] NOT NULL DEFAULT '{}',
        assessment_notes text,
        approved_on date,
        rejected_on date,
        decision_reason text,
        appeal_lodged_on date,
        appeal_grounds text,
        appeal_outcome appeal_outcome,
        appeal_decided_on date,
        appeal_notes text,
        national_body_notified_on date,
        designated_on date,
        review_due_on date,
        accreditation_expires_on date,
        ended_on date,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id),
        FOREIGN KEY (person_id, alliance_id) REFERENCES people (id, alliance_id) ON DELETE RESTRICT,
        FOREIGN KEY (round_id, alliance_id) REFERENCES recruitment_rounds (id, alliance_id) ON DELETE RESTRICT,
        CHECK (status NOT IN ('ACTIVE', 'UNDER_REVIEW') OR (designated_on IS NOT NULL AND review_due_on IS NOT NULL)),
        CHECK (appeal_outcome IS NULL OR appeal_lodged_on IS NOT NULL)
      )`);
    // One live application or designation of a type per person and alliance; ended ones are history.
    await q.query(`CREATE UNIQUE INDEX designations_one_live ON designations (alliance_id, person_id, type) WHERE status NOT IN ('REJECTED', 'DEDESIGNATED', 'RESIGNED', 'WITHDRAWN', 'LAPSED')`);
    await q.query(`CREATE INDEX designations_directory ON designations (alliance_id, applied_on, id)`);
    await q.query(`CREATE INDEX designations_review_due ON designations (alliance_id, review_due_on) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX designations_person ON designations (person_id)`);
    await q.query(`CREATE INDEX designations_round ON designations (round_id) WHERE round_id IS NOT NULL`);
    await q.query(`CREATE INDEX designations_areas ON designations USING gin (area_ids)`);

    await q.query(`
      CREATE TABLE designation_references (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        designation_id uuid NOT NULL,
        kind reference_kind NOT NULL,
        referee_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        referee_name text NOT NULL CHECK (referee_name <> ''),
        referee_role text,
        supports boolean NOT NULL,
        statement text,
        received_on date NOT NULL,
        -- A reference the coordinator recorded as received (on paper, by email), not one the referee gave here.
        recorded_by_coordinator boolean NOT NULL,
        recorded_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (designation_id, kind),
        FOREIGN KEY (designation_id, alliance_id) REFERENCES designations (id, alliance_id) ON DELETE CASCADE
      )`);
    // Two references are two referees: neither the same user nor the same name twice.
    await q.query(`CREATE UNIQUE INDEX designation_references_referee ON designation_references (designation_id, referee_user_id) WHERE referee_user_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX designation_references_referee_name ON designation_references (designation_id, lower(referee_name))`);

    await q.query(`
      CREATE TABLE release_commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        designation_id uuid NOT NULL,
        academic_year smallint NOT NULL CHECK (academic_year BETWEEN 2000 AND 2100),
        committed_days numeric(4, 1) NOT NULL CHECK (committed_days > 0 AND committed_days <= 195 AND committed_days * 2 = round(committed_days * 2)),
        signed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        signed_by_name text NOT NULL,
        signed_on date NOT NULL,
        below_minimum_reason text CHECK (below_minimum_reason <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (designation_id, academic_year),
        FOREIGN KEY (designation_id, alliance_id) REFERENCES designations (id, alliance_id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE designation_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        designation_id uuid NOT NULL,
        trigger review_trigger NOT NULL,
        reason text,
        opened_on date NOT NULL,
        -- Null: opened by the platform (a triggering change's side effect is recorded against its author; the sweep has none).
        opened_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        outcome review_outcome,
        outcome_notes text,
        completed_on date,
        completed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        next_review_due_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        FOREIGN KEY (designation_id, alliance_id) REFERENCES designations (id, alliance_id) ON DELETE CASCADE,
        CHECK ((outcome IS NULL) = (completed_on IS NULL)),
        CHECK (completed_on IS NULL OR completed_on >= opened_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX designation_reviews_one_open ON designation_reviews (designation_id) WHERE completed_on IS NULL`);
    await q.query(`CREATE INDEX designation_reviews_designation ON designation_reviews (designation_id, opened_on DESC)`);

    // The tenant column leads an index on every table: policies and tenant conditions filter on it.
    for (const table of ['recruitment_round_targets', 'designation_references', 'release_commitments', 'designation_reviews']) {
      await q.query(`CREATE INDEX ${table}_alliance ON ${table} (alliance_id)`);
    }

    await this.secure(q);
  }

  private async secure(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON ${TABLES.join(', ')} TO ${R}`);
    await q.query(`GRANT INSERT ON ${TABLES.join(', ')} TO ${R}`);
    // Rounds and references are written once; a commitment is replaced in place and a review completed.
    await q.query(`GRANT UPDATE ON release_commitments, designation_reviews TO ${R}`);
    // Never the person, type, alliance or creation of a designation.
    const designationUpdatable = [
      'status', 'area_ids', 'phases', 'statement', 'national_reference', 'accrediting_body', 'shortlisted_on', 'assessed_on', 'assessors', 'assessment_notes',
      'approved_on', 'rejected_on', 'decision_reason', 'appeal_lodged_on', 'appeal_grounds', 'appeal_outcome', 'appeal_decided_on', 'appeal_notes',
      'national_body_notified_on', 'designated_on', 'review_due_on', 'accreditation_expires_on', 'ended_on', 'end_reason', 'updated_at', 'version',
    ];
    await q.query(`GRANT UPDATE (${designationUpdatable.join(', ')}) ON designations TO ${R}`);
    for (const table of TABLES) await enableRowLevelSecurity(q, table);

    const tenant = ofActingAlliance();
    // Rounds are the alliance's to read; the coordinators run them.
    for (const table of ['recruitment_rounds', 'recruitment_round_targets']) {
      await q.query(`CREATE POLICY tenant_read ON ${table} FOR SELECT TO ${R} USING (${tenant})`);
      await q.query(`CREATE POLICY tenant_write ON ${table} FOR ALL TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    }

    // A practitioner reaches their own designations only (the staff-record rule); the service narrows heads and analysts further.
    const seesDesignation = `(${setting.role} <> 'PRACTITIONER' OR ${ownPerson()})`;
    await q.query(`CREATE POLICY tenant_read ON designations FOR SELECT TO ${R} USING (${tenant} AND ${seesDesignation})`);
    await q.query(`CREATE POLICY tenant_insert ON designations FOR INSERT TO ${R} WITH CHECK (${tenant} AND status = 'APPLIED' AND (${COORDINATORS} OR (${roleIn('PRACTITIONER')} AND ${ownPerson()})))`);
    // A head's change can open a review of their own staff's designation (a promotion to headteacher).
    const mayChangeDesignation = `(${COORDINATORS} OR (${roleIn('PRACTITIONER')} AND ${ownPerson()}) OR (${roleIn('SCHOOL_LEAD')} AND ${staffOfHeadsSchool()}))`;
    await q.query(`CREATE POLICY tenant_update ON designations FOR UPDATE TO ${R} USING (${tenant} AND ${mayChangeDesignation}) WITH CHECK (${tenant} AND ${mayChangeDesignation})`);

    // References and commitments follow their designation's visibility; heads give them, coordinators record them.
    const seesThroughDesignation = `designation_id IN (SELECT d.id FROM designations d)`;
    // References are confidential: the coordinators', and each head reads the ones they gave. Never the applicant's.
    await q.query(`CREATE POLICY tenant_read ON designation_references FOR SELECT TO ${R} USING (${tenant} AND (${COORDINATORS} OR referee_user_id = ${setting.userId}))`);
    for (const table of ['release_commitments', 'designation_reviews']) {
      await q.query(`CREATE POLICY tenant_read ON ${table} FOR SELECT TO ${R} USING (${tenant} AND ${seesThroughDesignation})`);
    }
    const headOrCoordinator = `(${COORDINATORS} OR (${roleIn('SCHOOL_LEAD')} AND ${designationOfStaffAtHeadsSchool}))`;
    // The head of the applicant's school gives the headteacher reference here, as themself; the coordinator records any other.
    await q.query(`CREATE POLICY tenant_insert ON designation_references FOR INSERT TO ${R} WITH CHECK (${tenant} AND (${COORDINATORS} OR (${roleIn('SCHOOL_LEAD')} AND kind = 'HEADTEACHER' AND referee_user_id = ${setting.userId} AND ${designationOfStaffAtHeadsSchool})))`);
    await q.query(`CREATE POLICY tenant_write ON release_commitments FOR ALL TO ${R} USING (${tenant} AND ${headOrCoordinator}) WITH CHECK (${tenant} AND ${headOrCoordinator})`);
    await q.query(`CREATE POLICY tenant_insert ON designation_reviews FOR INSERT TO ${R} WITH CHECK (${tenant} AND ${headOrCoordinator})`);
    await q.query(`CREATE POLICY tenant_update ON designation_reviews FOR UPDATE TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await disableRowLevelSecurity(q, table, ['tenant_read', 'tenant_insert', 'tenant_update', 'tenant_write']);
    await q.query(`DROP TABLE designation_reviews, release_commitments, designation_references, designations, recruitment_round_targets, recruitment_rounds`);
    await q.query(`ALTER TABLE alliances DROP CONSTRAINT alliances_review_period`);
    await q.query(`ALTER TABLE alliances DROP COLUMN appeal_period_days`);
    await q.query(`DROP TYPE review_outcome, review_trigger, appeal_outcome, reference_kind, education_phase, designation_status, designation_type`);
  }
}
