import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity, ofActingAlliance, roleIn, RUNTIME_ROLE, setting } from './support/row-level-security';

const R = RUNTIME_ROLE;
const TABLES = [
  'research_budgets', 'research_calls', 'research_projects', 'research_project_members', 'research_project_schools', 'research_authors',
  'research_interests', 'conference_events', 'conference_sessions', 'conference_presentations',
];
const COORDINATORS = roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN');
/** Published and public: what anyone, anonymous or of any alliance, may read. */
const PUBLIC_PROJECT = `status = 'PUBLISHED' AND visibility = 'PUBLIC'`;
const OF_PUBLIC_PROJECT = `project_id IN (SELECT p.id FROM research_projects p WHERE p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC')`;
/** The columns a lead may change (with status, checked against their moves), as a text[] for jsonb's `-`; search is generated, null in a BEFORE trigger. */
const LEAD_COLUMNS = `ARRAY['title', 'research_question', 'abstract', 'methodology', 'status', 'area_ids', 'key_stages', 'keywords', 'starts_on', 'ends_on', 'search', 'updated_at', 'version']`;
/** A project the acting practitioner leads. */
const LED_BY_PRACTITIONER = (column: string) =>
  `(${roleIn('PRACTITIONER')} AND ${column} IN (SELECT m.project_id FROM research_project_members m WHERE m.person_id = ${setting.personId} AND m.role = 'LEAD'))`;

/**
 * Lead Practitioners' research and PedEx (DOMAIN.md, "Lead Practitioners, research and PedEx"): the
 * R&D database, commissioning calls with expressions of interest and a budget per academic year, the
 * Teacher Learning Conference, and the publication metadata of PedEx. Behind the second wall like
 * every tenant table, with one addition: what is published and public is readable by anyone,
 * anonymous callers included, and nothing else is.
 */
export class Research1795371100000 implements MigrationInterface {
  name = 'Research1795371100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE research_methodology AS ENUM ('ACTION_RESEARCH', 'LESSON_STUDY', 'CASE_STUDY', 'RCT', 'SURVEY', 'OTHER')`);
    await q.query(`CREATE TYPE research_status AS ENUM ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'WRITING_UP', 'SUBMITTED', 'REVISIONS_REQUESTED', 'ACCEPTED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN')`);
    await q.query(`CREATE TYPE research_visibility AS ENUM ('ALLIANCE', 'PUBLIC')`);
    await q.query(`CREATE TYPE research_funding_type AS ENUM ('TLR3', 'BURSARY', 'OTHER')`);
    await q.query(`CREATE TYPE key_stage AS ENUM ('EYFS', 'KS1', 'KS2', 'KS3', 'KS4', 'KS5')`);
    await q.query(`CREATE TYPE research_member_role AS ENUM ('LEAD', 'CONTRIBUTOR')`);
    await q.query(`CREATE TYPE research_call_status AS ENUM ('OPEN', 'CLOSED')`);
    await q.query(`CREATE TYPE research_interest_outcome AS ENUM ('CHOSEN', 'NOT_CHOSEN')`);

    // array_to_string is only STABLE (its output could depend on settings), which a generated column refuses; for text[] it is not.
    await q.query(`CREATE FUNCTION research_keywords_text(keywords text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(keywords, ' ') $$`);

    await q.query(`
      CREATE TABLE research_budgets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        academic_year smallint NOT NULL CHECK (academic_year BETWEEN 2000 AND 2100),
        budget_pence integer NOT NULL CHECK (budget_pence >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (alliance_id, academic_year)
      )`);

    await q.query(`
      CREATE TABLE research_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        -- Null: the alliance offers it; else a member school.
        commissioned_by_school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        title text NOT NULL CHECK (title <> ''),
        description text,
        academic_year smallint NOT NULL CHECK (academic_year BETWEEN 2000 AND 2100),
        funding_type research_funding_type NOT NULL,
        funding_pence integer NOT NULL CHECK (funding_pence >= 0),
        area_ids uuid[] NOT NULL DEFAULT '{}',
        key_stages key_stage[] NOT NULL DEFAULT '{}',
        closes_on date NOT NULL,
        status research_call_status NOT NULL DEFAULT 'OPEN',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id)
      )`);
    await q.query(`CREATE INDEX research_calls_alliance ON research_calls (alliance_id, closes_on DESC, id DESC)`);

    await q.query(`
      CREATE TABLE research_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (title <> ''),
        research_question text,
        abstract text,
        methodology research_methodology NOT NULL,
        status research_status NOT NULL DEFAULT 'PROPOSED',
        visibility research_visibility NOT NULL DEFAULT 'ALLIANCE',
        commissioned_by_school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        call_id uuid,
        funding_type research_funding_type,
        funding_pence integer CHECK (funding_pence >= 0),
        -- The academic year whose budget the funding is committed against.
        funding_academic_year smallint CHECK (funding_academic_year BETWEEN 2000 AND 2100),
        area_ids uuid[] NOT NULL DEFAULT '{}',
        key_stages key_stage[] NOT NULL DEFAULT '{}',
        keywords text[] NOT NULL DEFAULT '{}',
        starts_on date,
        ends_on date,
        -- PedEx: set when published. The slug is fixed at first publication and survives a change of title.
        slug text UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        journal_title text,
        issn varchar(9) CHECK (issn ~ '^[0-9]{4}-[0-9]{3}[0-9X]$'),
        volume text,
        issue text,
        published_on date,
        doi text CHECK (doi ~* '^10\\.[0-9]{4,9}/[-._;()/:A-Z0-9]+$'),
        url text,
        pdf_url text,
        licence text,
        -- Full-text search: title first, then keywords, then the abstract, stemmed as English.
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(research_keywords_text(keywords), '')), 'B') ||
          setweight(to_tsvector('english', coalesce(abstract, '')), 'C')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id),
        FOREIGN KEY (call_id, alliance_id) REFERENCES research_calls (id, alliance_id) ON DELETE RESTRICT,
        CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on),
        CHECK ((funding_type IS NULL) = (funding_pence IS NULL)),
        -- (rule) the publication gate, as far as one row can say it: the authors are checked by the API.
        CONSTRAINT research_projects_published CHECK (status <> 'PUBLISHED' OR (
          abstract IS NOT NULL AND cardinality(keywords) > 0 AND licence IS NOT NULL AND volume IS NOT NULL AND issue IS NOT NULL
          AND published_on IS NOT NULL AND (doi IS NOT NULL OR url IS NOT NULL) AND slug IS NOT NULL AND journal_title IS NOT NULL)),
        CONSTRAINT research_projects_public_only_published CHECK (visibility = 'ALLIANCE' OR status = 'PUBLISHED')
      )`);
    await q.query(`CREATE INDEX research_projects_alliance ON research_projects (alliance_id, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX research_projects_search ON research_projects USING gin (search) WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC'`);
    await q.query(`CREATE INDEX research_projects_published ON research_projects (published_on DESC, id DESC) WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC'`);
    await q.query(`CREATE INDEX research_projects_call ON research_projects (call_id) WHERE call_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE research_project_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        project_id uuid NOT NULL,
        person_id uuid NOT NULL,
        role research_member_role NOT NULL,
        UNIQUE (project_id, person_id),
        FOREIGN KEY (project_id, alliance_id) REFERENCES research_projects (id, alliance_id) ON DELETE CASCADE,
        FOREIGN KEY (person_id, alliance_id) REFERENCES people (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX research_project_members_alliance ON research_project_members (alliance_id, person_id)`);

    await q.query(`
      CREATE TABLE research_project_schools (
        alliance_id uuid NOT NULL,
        project_id uuid NOT NULL,
        school_id uuid NOT NULL REFERENCES schools (id) ON DELETE RESTRICT,
        position smallint NOT NULL,
        PRIMARY KEY (project_id, school_id),
        FOREIGN KEY (project_id, alliance_id) REFERENCES research_projects (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX research_project_schools_alliance ON research_project_schools (alliance_id)`);

    // The publication's authors, in order: names as published, which may differ from staff records (and include people outside the alliance).
    await q.query(`
      CREATE TABLE research_authors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        project_id uuid NOT NULL,
        position smallint NOT NULL CHECK (position > 0),
        display_name text NOT NULL CHECK (display_name <> ''),
        affiliation text,
        orcid varchar(19) CHECK (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
        consent_to_be_named boolean NOT NULL,
        person_id uuid,
        UNIQUE (project_id, position),
        FOREIGN KEY (project_id, alliance_id) REFERENCES research_projects (id, alliance_id) ON DELETE CASCADE,
        FOREIGN KEY (person_id, alliance_id) REFERENCES people (id, alliance_id) ON DELETE SET NULL (person_id)
      )`);
    await q.query(`CREATE INDEX research_authors_alliance ON research_authors (alliance_id)`);

    await q.query(`
      CREATE TABLE research_interests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        call_id uuid NOT NULL,
        person_id uuid NOT NULL,
        statement text NOT NULL CHECK (statement <> ''),
        submitted_on date NOT NULL,
        outcome research_interest_outcome,
        project_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (call_id, person_id),
        FOREIGN KEY (call_id, alliance_id) REFERENCES research_calls (id, alliance_id) ON DELETE CASCADE,
        FOREIGN KEY (person_id, alliance_id) REFERENCES people (id, alliance_id) ON DELETE CASCADE,
        FOREIGN KEY (project_id, alliance_id) REFERENCES research_projects (id, alliance_id) ON DELETE SET NULL (project_id),
        CHECK ((outcome = 'CHOSEN') = (project_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX research_interests_alliance ON research_interests (alliance_id, person_id)`);

    await q.query(`
      CREATE TABLE conference_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (name <> ''),
        held_on date NOT NULL,
        venue text,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, alliance_id)
      )`);
    await q.query(`CREATE INDEX conference_events_alliance ON conference_events (alliance_id, held_on DESC)`);
    await q.query(`
      CREATE TABLE conference_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        event_id uuid NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        room text,
        UNIQUE (id, alliance_id),
        CHECK (starts_at < ends_at),
        FOREIGN KEY (event_id, alliance_id) REFERENCES conference_events (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX conference_sessions_alliance ON conference_sessions (alliance_id, event_id, starts_at)`);
    await q.query(`
      CREATE TABLE conference_presentations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        session_id uuid NOT NULL,
        project_id uuid NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        position smallint NOT NULL DEFAULT 1,
        presenter_person_ids uuid[] NOT NULL DEFAULT '{}',
        FOREIGN KEY (session_id, alliance_id) REFERENCES conference_sessions (id, alliance_id) ON DELETE CASCADE,
        FOREIGN KEY (project_id, alliance_id) REFERENCES research_projects (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX conference_presentations_alliance ON conference_presentations (alliance_id, session_id, position)`);
    await q.query(`CREATE INDEX conference_presentations_project ON conference_presentations (project_id)`);

    await this.secure(q);
  }

  private async secure(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON ${TABLES.join(', ')} TO ${R}`);
    await q.query(`GRANT UPDATE (budget_pence, updated_at, version) ON research_budgets TO ${R}`);
    await q.query(`GRANT UPDATE (title, description, funding_type, funding_pence, area_ids, key_stages, closes_on, status, updated_at, version) ON research_calls TO ${R}`);
    const projectUpdatable = [
      'title', 'research_question', 'abstract', 'methodology', 'status', 'visibility', 'commissioned_by_school_id', 'funding_type', 'funding_pence',
      'funding_academic_year', 'area_ids', 'key_stages', 'keywords', 'starts_on', 'ends_on', 'slug', 'journal_title', 'issn', 'volume', 'issue',
      'published_on', 'doi', 'url', 'pdf_url', 'licence', 'updated_at', 'version',
    ];
    await q.query(`GRANT UPDATE (${projectUpdatable.join(', ')}) ON research_projects TO ${R}`);
    await q.query(`GRANT UPDATE (outcome, project_id) ON research_interests TO ${R}`);
    // Members, schools and authors are replaced as a whole list when a project's are edited.
    await q.query(`GRANT DELETE ON research_project_members, research_project_schools, research_authors, conference_presentations TO ${R}`);
    await q.query(`GRANT UPDATE (role) ON research_project_members TO ${R}`);
    for (const table of TABLES) await enableRowLevelSecurity(q, table);

    const tenant = ofActingAlliance();
    // Staff of the alliance read its R&D database, calls and conference; analysts read aggregates (a later issue).
    const staff = `${setting.role} <> 'ANALYST'`;
    for (const table of ['research_budgets']) {
      await q.query(`CREATE POLICY tenant_read ON ${table} FOR SELECT TO ${R} USING (${tenant} AND ${COORDINATORS})`);
      await q.query(`CREATE POLICY tenant_write ON ${table} FOR ALL TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    }
    for (const table of ['research_calls', 'conference_events', 'conference_sessions']) {
      await q.query(`CREATE POLICY tenant_read ON ${table} FOR SELECT TO ${R} USING (${tenant} AND ${staff})`);
      await q.query(`CREATE POLICY tenant_write ON ${table} FOR ALL TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    }

    // Projects: the alliance's staff read them; the coordinator writes any, a Lead Practitioner the ones they lead.
    await q.query(`CREATE POLICY tenant_read ON research_projects FOR SELECT TO ${R} USING (${tenant} AND ${staff})`);
    await q.query(`CREATE POLICY public_read ON research_projects FOR SELECT TO ${R} USING (${PUBLIC_PROJECT})`);
    // A practitioner proposes a project (and becomes its lead in the same transaction); only the coordinator approves it onwards.
    await q.query(`CREATE POLICY tenant_insert ON research_projects FOR INSERT TO ${R} WITH CHECK (${tenant} AND (${COORDINATORS} OR (${roleIn('PRACTITIONER')} AND status = 'PROPOSED')))`);
    const changesProject = `(${COORDINATORS} OR ${LED_BY_PRACTITIONER('id')})`;
    await q.query(`CREATE POLICY tenant_update ON research_projects FOR UPDATE TO ${R} USING (${tenant} AND ${changesProject}) WITH CHECK (${tenant} AND ${changesProject})`);
    // What a lead may change, said again for SQL that bypasses the services: their project's content and
    // their own moves of the lifecycle (as lifecycle.ts has them), never its funding, commissioning or
    // visibility, never a publication (the coordinator's, behind the gate), nothing once published.
    await q.query(`
      CREATE FUNCTION research_projects_lead_changes_content_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${setting.role} <> 'PRACTITIONER' THEN
          RETURN NEW;
        END IF;
        IF OLD.status = 'PUBLISHED' OR (to_jsonb(NEW) - ${LEAD_COLUMNS}) IS DISTINCT FROM (to_jsonb(OLD) - ${LEAD_COLUMNS}) THEN
          RAISE EXCEPTION 'a lead changes their project''s content and moves it on, nothing else' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status <> OLD.status AND NOT ((OLD.status, NEW.status) IN (('APPROVED', 'IN_PROGRESS'), ('IN_PROGRESS', 'WRITING_UP'), ('WRITING_UP', 'SUBMITTED'),
            ('REVISIONS_REQUESTED', 'SUBMITTED')) OR (NEW.status = 'WITHDRAWN' AND OLD.status NOT IN ('PUBLISHED', 'REJECTED', 'WITHDRAWN'))) THEN
          RAISE EXCEPTION 'a lead may not move a project from % to %', OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER research_projects_lead_changes_content_only BEFORE UPDATE ON research_projects FOR EACH ROW EXECUTE FUNCTION research_projects_lead_changes_content_only()`);

    for (const table of ['research_project_members', 'research_project_schools', 'research_authors']) {
      await q.query(`CREATE POLICY tenant_read ON ${table} FOR SELECT TO ${R} USING (${tenant} AND ${staff})`);
      // A practitioner adds themself as the lead of the project they propose (no lead yet), or changes the lists of a project they lead.
      // The published authors are the coordinator's (publication); a lead edits the members and schools of an unpublished project they lead.
      const ledUnpublished = `(${LED_BY_PRACTITIONER('project_id')} AND project_id NOT IN (SELECT p.id FROM research_projects p WHERE p.status = 'PUBLISHED'))`;
      const mayEdit = table === 'research_authors'
        ? COORDINATORS
        : table === 'research_project_members'
          ? `(${COORDINATORS} OR ${ledUnpublished} OR (${roleIn('PRACTITIONER')} AND person_id = ${setting.personId} AND role = 'LEAD'
              AND NOT EXISTS (SELECT 1 FROM research_project_members m WHERE m.project_id = research_project_members.project_id)))`
          : `(${COORDINATORS} OR ${ledUnpublished})`;
      // Not FOR ALL: that covers SELECT too, and the members' rule reads the members, which PostgreSQL refuses as infinite recursion.
      const check = `${tenant} AND ${mayEdit}`;
      await q.query(`CREATE POLICY tenant_insert ON ${table} FOR INSERT TO ${R} WITH CHECK (${check})`);
      await q.query(`CREATE POLICY tenant_update ON ${table} FOR UPDATE TO ${R} USING (${check}) WITH CHECK (${check})`);
      await q.query(`CREATE POLICY tenant_delete ON ${table} FOR DELETE TO ${R} USING (${check})`);
    }
    // The public reads a published project's schools and the authors who consented to be named, never its members.
    await q.query(`CREATE POLICY public_read ON research_project_schools FOR SELECT TO ${R} USING (${OF_PUBLIC_PROJECT})`);
    await q.query(`CREATE POLICY public_read ON research_authors FOR SELECT TO ${R} USING (consent_to_be_named AND ${OF_PUBLIC_PROJECT})`);

    // Expressions of interest: a practitioner's own; the coordinator reads and decides them all.
    const ownInterest = `(${setting.role} <> 'PRACTITIONER' OR person_id = ${setting.personId})`;
    await q.query(`CREATE POLICY tenant_read ON research_interests FOR SELECT TO ${R} USING (${tenant} AND ${staff} AND ${ownInterest} AND ${setting.role} <> 'SCHOOL_LEAD')`);
    await q.query(`CREATE POLICY tenant_insert ON research_interests FOR INSERT TO ${R} WITH CHECK (${tenant} AND (${COORDINATORS} OR (${roleIn('PRACTITIONER')} AND person_id = ${setting.personId})))`);
    await q.query(`CREATE POLICY tenant_update ON research_interests FOR UPDATE TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    // (rule) Interest goes to an open call only, checked under a share lock of the call, so an interest
    // sent while the coordinator closes the call waits for the closing and is refused, never left
    // undecided on a closed call. SECURITY DEFINER: a practitioner may read a call, not lock it.
    await q.query(`
      CREATE FUNCTION research_interests_need_open_call() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE call_status research_call_status;
      BEGIN
        IF ${setting.role} = '' THEN
          RETURN NEW;
        END IF;
        SELECT c.status INTO call_status FROM research_calls c WHERE c.id = NEW.call_id AND c.alliance_id = NEW.alliance_id FOR SHARE;
        IF call_status IS DISTINCT FROM 'OPEN' THEN
          RAISE EXCEPTION 'this call is closed: it takes no more expressions of interest' USING ERRCODE = 'check_violation', CONSTRAINT = 'research_interests_open_call';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION research_interests_need_open_call() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER research_interests_need_open_call BEFORE INSERT ON research_interests FOR EACH ROW EXECUTE FUNCTION research_interests_need_open_call()`);

    // The conference's programme of presentations of published projects is public, with its sessions and events.
    await q.query(`CREATE POLICY tenant_read ON conference_presentations FOR SELECT TO ${R} USING (${tenant} AND ${staff})`);
    await q.query(`CREATE POLICY tenant_write ON conference_presentations FOR ALL TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    await q.query(`CREATE POLICY public_read ON conference_presentations FOR SELECT TO ${R} USING (${OF_PUBLIC_PROJECT})`);
    const presentsPublicProject = `SELECT cp.session_id FROM conference_presentations cp WHERE cp.${OF_PUBLIC_PROJECT}`;
    await q.query(`CREATE POLICY public_read ON conference_sessions FOR SELECT TO ${R} USING (id IN (${presentsPublicProject}))`);
    await q.query(`CREATE POLICY public_read ON conference_events FOR SELECT TO ${R} USING (id IN (SELECT cs.event_id FROM conference_sessions cs WHERE cs.id IN (${presentsPublicProject})))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await disableRowLevelSecurity(q, table, ['tenant_read', 'tenant_insert', 'tenant_update', 'tenant_delete', 'tenant_write', 'public_read']);
    await q.query(`DROP TABLE conference_presentations, conference_sessions, conference_events, research_interests, research_authors, research_project_schools,
      research_project_members, research_projects, research_calls, research_budgets`);
    await q.query(`DROP FUNCTION research_keywords_text(text[]), research_projects_lead_changes_content_only(), research_interests_need_open_call()`);
    await q.query(`DROP TYPE research_interest_outcome, research_call_status, research_member_role, key_stage, research_funding_type, research_visibility, research_status, research_methodology`);
  }
}
