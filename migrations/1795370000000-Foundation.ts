import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schools (the GIAS register), alliances with their settings, tariffs, terms and member schools. */
export class Foundation1795370000000 implements MigrationInterface {
  name = 'Foundation1795370000000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted extension: the database owner may create it, no superuser needed.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        urn varchar(6) NOT NULL UNIQUE CHECK (urn ~ '^[0-9]{6}$'),
        name text NOT NULL CHECK (name <> ''),
        la_code varchar(3),
        la_name text,
        establishment_number varchar(4),
        type_code varchar(8), type_name text,
        type_group_code varchar(8), type_group_name text,
        status_code varchar(8), status_name text,
        phase_code varchar(8), phase_name text,
        statutory_low_age smallint, statutory_high_age smallint,
        religious_character_code varchar(8), religious_character_name text,
        diocese_code varchar(8), diocese_name text,
        trust_code varchar(16), trust_name text,
        ukprn varchar(8),
        postcode varchar(10),
        town text,
        open_date date, close_date date, last_changed_date date,
        -- Derived categories for filtering, kept in SQL so rows and filters can never disagree.
        -- All-through schools (phase 7) count as both primary and secondary.
        categories text[] GENERATED ALWAYS AS (array_remove(ARRAY[
          CASE WHEN phase_code = '1' OR type_code = '15' THEN 'NURSERY' END,
          CASE WHEN phase_code IN ('2', '3', '7') THEN 'PRIMARY' END,
          CASE WHEN phase_code IN ('4', '5', '7') THEN 'SECONDARY' END,
          CASE WHEN type_group_code = '5' OR type_code IN ('7', '8', '10', '12', '33', '36', '44') THEN 'SPECIAL' END,
          CASE WHEN type_code IN ('14', '38', '42', '43') THEN 'ALTERNATIVE_PROVISION' END,
          CASE WHEN type_group_code = '3' THEN 'INDEPENDENT' END,
          CASE WHEN type_group_code = '11' THEN 'FREE_SCHOOL' END,
          CASE WHEN type_group_code = '10' THEN 'ACADEMY' END
        ], NULL)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A URN names one establishment for good: GIAS gives a reopened or converted school a new one.
    await q.query(`
      CREATE FUNCTION schools_urn_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.urn IS DISTINCT FROM OLD.urn THEN
          RAISE EXCEPTION 'a school''s URN cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER schools_urn_immutable BEFORE UPDATE OF urn ON schools FOR EACH ROW EXECUTE FUNCTION schools_urn_immutable()`);
    await q.query(`CREATE INDEX schools_name_trgm ON schools USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX schools_name_id ON schools (name, id)`);
    await q.query(`CREATE INDEX schools_la_code ON schools (la_code)`);
    await q.query(`CREATE INDEX schools_phase_code ON schools (phase_code)`);
    await q.query(`CREATE INDEX schools_categories ON schools USING gin (categories)`);
    await q.query(`CREATE INDEX schools_postcode ON schools (postcode)`);

    await q.query(`CREATE TYPE alliance_kind AS ENUM ('TEACHING_SCHOOL_ALLIANCE', 'TEACHING_SCHOOL_HUB', 'MULTI_ACADEMY_TRUST', 'LOCAL_AUTHORITY_NETWORK', 'OTHER')`);
    await q.query(`
      CREATE TABLE alliances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (name <> ''),
        kind alliance_kind NOT NULL,
        review_period_years smallint NOT NULL DEFAULT 4 CHECK (review_period_years BETWEEN 1 AND 10),
        min_release_days_per_year smallint NOT NULL CHECK (min_release_days_per_year BETWEEN 0 AND 190),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX alliances_name_id ON alliances (name, id)`);

    await q.query(`CREATE TYPE school_membership_role AS ENUM ('LEAD_SCHOOL', 'STRATEGIC_PARTNER', 'MEMBER', 'ASSOCIATE')`);
    await q.query(`
      CREATE TABLE alliance_school_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        school_id uuid NOT NULL REFERENCES schools (id) ON DELETE RESTRICT,
        role school_membership_role NOT NULL,
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on IS NULL OR ends_on >= starts_on),
        UNIQUE (alliance_id, school_id, starts_on)
      )`);
    await q.query(`CREATE INDEX alliance_school_memberships_alliance_id ON alliance_school_memberships (alliance_id)`);
    await q.query(`CREATE INDEX alliance_school_memberships_school_id ON alliance_school_memberships (school_id)`);
    // The lead school is the membership with the LEAD_SCHOOL role: one open-ended one per alliance.
    await q.query(`CREATE UNIQUE INDEX alliance_school_memberships_one_lead ON alliance_school_memberships (alliance_id) WHERE role = 'LEAD_SCHOOL' AND ends_on IS NULL`);

    await q.query(`
      CREATE TABLE alliance_tariffs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        effective_from date NOT NULL,
        effective_to date CHECK (effective_to IS NULL OR effective_to > effective_from),
        full_day_pence integer NOT NULL CHECK (full_day_pence >= 0),
        half_day_pence integer CHECK (half_day_pence >= 0),
        hours_per_day smallint NOT NULL DEFAULT 6 CHECK (hours_per_day BETWEEN 1 AND 12),
        brokerage_fee_per_day_pence integer NOT NULL CHECK (brokerage_fee_per_day_pence BETWEEN 0 AND full_day_pence),
        UNIQUE (alliance_id, effective_from)
      )`);
    await q.query(`CREATE INDEX alliance_tariffs_alliance_id ON alliance_tariffs (alliance_id)`);

    await q.query(`CREATE TYPE term AS ENUM ('AUTUMN', 'SPRING', 'SUMMER')`);
    await q.query(`
      CREATE TABLE alliance_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
        term term NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on > starts_on),
        UNIQUE (alliance_id, academic_year, term)
      )`);
    await q.query(`CREATE INDEX alliance_terms_alliance_id ON alliance_terms (alliance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alliance_terms`);
    await q.query(`DROP TYPE term`);
    await q.query(`DROP TABLE alliance_tariffs`);
    await q.query(`DROP TABLE alliance_school_memberships`);
    await q.query(`DROP TYPE school_membership_role`);
    await q.query(`DROP TABLE alliances`);
    await q.query(`DROP TYPE alliance_kind`);
    await q.query(`DROP TABLE schools`);
    await q.query(`DROP FUNCTION schools_urn_immutable`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
