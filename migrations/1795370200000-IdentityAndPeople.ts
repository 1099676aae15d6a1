import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users and their memberships (rights come from these rows on every request), and staff records. */
export class IdentityAndPeople1795370200000 implements MigrationInterface {
  name = 'IdentityAndPeople1795370200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_status AS ENUM ('ACTIVE', 'SUSPENDED')`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (display_name <> ''),
        status user_status NOT NULL DEFAULT 'ACTIVE',
        is_platform_admin boolean NOT NULL DEFAULT false,
        -- The subject an identity provider's tokens carry for this user (JWKS mode).
        external_subject text UNIQUE CHECK (external_subject <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email ON users (email)`);

    await q.query(`CREATE TYPE leadership_level AS ENUM ('MIDDLE', 'SENIOR', 'HEADTEACHER', 'EXECUTIVE')`);
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        given_name text NOT NULL CHECK (given_name <> ''),
        family_name text NOT NULL CHECK (family_name <> ''),
        email text CHECK (email = lower(email)),
        phone text,
        school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        job_title text,
        leadership_level leadership_level,
        in_leadership_since date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // Serves the staff list's keyset order within an alliance.
    await q.query(`CREATE INDEX people_alliance_id ON people (alliance_id, (family_name || ' ' || given_name), id)`);
    await q.query(`ALTER TABLE people ADD CONSTRAINT people_id_alliance UNIQUE (id, alliance_id)`);
    await q.query(`CREATE INDEX people_school_id ON people (school_id)`);
    // One staff record per email within an alliance; another alliance keeps its own record of the same person.
    await q.query(`CREATE UNIQUE INDEX people_alliance_email ON people (alliance_id, email) WHERE email IS NOT NULL`);

    await q.query(`CREATE TYPE membership_role AS ENUM ('ALLIANCE_ADMIN', 'SCHOOL_LEAD', 'PRACTITIONER', 'ANALYST')`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        role membership_role NOT NULL,
        school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        person_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, alliance_id),
        -- A practitioner's staff record belongs to the same alliance as the membership.
        FOREIGN KEY (person_id, alliance_id) REFERENCES people (id, alliance_id) ON DELETE SET NULL (person_id),
        -- A school lead leads one school; a practitioner is one staff record.
        CHECK (role <> 'SCHOOL_LEAD' OR school_id IS NOT NULL),
        CHECK (role = 'PRACTITIONER' OR person_id IS NULL)
      )`);
    await q.query(`CREATE INDEX memberships_alliance_id ON memberships (alliance_id)`);
    await q.query(`CREATE INDEX memberships_person_id ON memberships (person_id)`);
    await q.query(`CREATE INDEX memberships_school_id ON memberships (school_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE memberships`);
    await q.query(`DROP TYPE membership_role`);
    await q.query(`DROP TABLE people`);
    await q.query(`DROP TYPE leadership_level`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_status`);
  }
}
