import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity, ofActingAlliance, roleIn, RUNTIME_ROLE, setting } from './support/row-level-security';

const R = RUNTIME_ROLE;
const TABLES = ['support_requests', 'deployments', 'deployment_signatures', 'deployment_sessions'];
const COORDINATORS = roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN');
/**
 * What the supported head's evaluation writes, as a text[] literal for jsonb's `-`; and academic_year,
 * a generated column a BEFORE trigger sees as null (it follows starts_on, which is compared).
 */
const EVALUATION_COLUMNS = `ARRAY['academic_year', 'status', 'impact_rating', 'impact_evidence', 'evaluated_on', 'evaluated_by_user_id', 'evaluated_by_name', 'evaluation_recorded_by_coordinator', 'updated_at', 'version']`;
const HEAD_OF = (column: string) => `(${roleIn('SCHOOL_LEAD')} AND ${column} = ${setting.schoolId})`;

/**
 * Brokerage and deployments (DOMAIN.md, "Support requests, brokerage and deployments"): requests
 * from commissioners, the deployments brokered for them with their contract, signatures, sessions
 * and visit records, the tariff copied at agreement, and the supported head's evaluation. A
 * deployment carries its system leader, home school and supported school itself, so the second
 * wall decides who sees it from its own row, without reading another table's policy.
 */
export class Brokerage1795370800000 implements MigrationInterface {
  name = 'Brokerage1795370800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE commissioner_type AS ENUM ('SCHOOL', 'LOCAL_AUTHORITY', 'DIOCESE', 'ACADEMY_TRUST', 'DFE', 'ALLIANCE', 'OTHER')`);
    await q.query(`CREATE TYPE support_request_status AS ENUM ('OPEN', 'BROKERING', 'MATCHED', 'CLOSED', 'WITHDRAWN')`);
    await q.query(`CREATE TYPE deployment_status AS ENUM ('PROPOSED', 'AGREED', 'ACTIVE', 'COMPLETED', 'EVALUATED', 'DECLINED', 'CANCELLED', 'ON_HOLD')`);
    await q.query(`CREATE TYPE deployment_model AS ENUM ('DIAGNOSTIC_TWO_DAYS', 'HALF_DAY_WEEKLY_TWO_TERMS', 'CUSTOM')`);
    await q.query(`CREATE TYPE contract_party AS ENUM ('SYSTEM_LEADER', 'HOME_HEADTEACHER', 'SUPPORTED_HEADTEACHER', 'ALLIANCE')`);
    await q.query(`CREATE TYPE session_length AS ENUM ('FULL_DAY', 'HALF_DAY', 'HOURS')`);
    await q.query(`CREATE TYPE session_status AS ENUM ('PLANNED', 'DELIVERED', 'CANCELLED')`);
    await q.query(`CREATE TYPE impact_rating AS ENUM ('SIGNIFICANT', 'SOME', 'NONE', 'TOO_EARLY')`);

    // A deployment names its designation and that designation's holder together, so the two cannot disagree.
    await q.query(`ALTER TABLE designations ADD CONSTRAINT designations_id_person UNIQUE (id, person_id, alliance_id)`);

    await q.query(`
      CREATE TABLE support_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        commissioner_type commissioner_type NOT NULL,
        commissioner_name text NOT NULL CHECK (commissioner_name <> ''),
        commissioner_school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        commissioner_la_code varchar(3) CHECK (commissioner_la_code ~ '^[0-9]{3}$'),
        commissioner_group_code varchar(8) CHECK (commissioner_group_code <> ''),
        supported_school_id uuid NOT NULL REFERENCES schools (id) ON DELETE RESTRICT,
        needs text NOT NULL CHECK (needs <> ''),
        area_ids uuid[] NOT NULL DEFAULT '{}',
        designation_type designation_type NOT NULL DEFAULT 'SLE',
        desired_outcomes text[] NOT NULL DEFAULT '{}',
        preferred_start date,
        funding_source text CHECK (funding_source <> ''),
        status support_request_status NOT NULL DEFAULT 'OPEN',
        received_on date NOT NULL,
        closed_on date,
        close_reason text,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id),
        CHECK (commissioner_type <> 'SCHOOL' OR commissioner_school_id IS NOT NULL),
        CHECK (commissioner_type <> 'LOCAL_AUTHORITY' OR commissioner_la_code IS NOT NULL),
        CHECK ((status IN ('CLOSED', 'WITHDRAWN')) = (closed_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX support_requests_alliance ON support_requests (alliance_id, received_on DESC, id DESC)`);
    await q.query(`CREATE INDEX support_requests_supported_school ON support_requests (supported_school_id)`);

    await q.query(`
      CREATE TABLE deployments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
        support_request_id uuid NOT NULL,
        designation_id uuid NOT NULL,
        person_id uuid NOT NULL,
        -- The system leader's school when proposed: it releases them, signs for them and takes the home share.
        home_school_id uuid REFERENCES schools (id) ON DELETE RESTRICT,
        supported_school_id uuid NOT NULL REFERENCES schools (id) ON DELETE RESTRICT,
        status deployment_status NOT NULL DEFAULT 'PROPOSED',
        proposed_on date NOT NULL,
        scope text CHECK (scope <> ''),
        objectives text[] NOT NULL DEFAULT '{}',
        impact_measures text[] NOT NULL DEFAULT '{}',
        funding_source text CHECK (funding_source <> ''),
        planned_days numeric(5, 2) CHECK (planned_days > 0 AND planned_days <= 195),
        model deployment_model,
        frequency text CHECK (frequency <> ''),
        starts_on date,
        ends_on date,
        academic_year smallint GENERATED ALWAYS AS (
          CASE WHEN extract(month FROM starts_on) >= 9 THEN extract(year FROM starts_on) ELSE extract(year FROM starts_on) - 1 END
        ) STORED,
        -- Each change to the terms starts a new version; a signature is for one version of the terms.
        terms_version integer NOT NULL DEFAULT 1,
        agreed_on date,
        agreed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        capacity_override_reason text CHECK (capacity_override_reason <> ''),
        tariff_id uuid REFERENCES alliance_tariffs (id) ON DELETE SET NULL,
        tariff_full_day_pence integer CHECK (tariff_full_day_pence >= 0),
        tariff_half_day_pence integer CHECK (tariff_half_day_pence >= 0),
        tariff_hours_per_day smallint CHECK (tariff_hours_per_day > 0),
        tariff_brokerage_fee_per_day_pence integer CHECK (tariff_brokerage_fee_per_day_pence >= 0),
        started_on date,
        completed_on date,
        status_before_hold deployment_status,
        ended_on date,
        status_reason text CHECK (status_reason <> ''),
        impact_rating impact_rating,
        impact_evidence text,
        evaluated_on date,
        evaluated_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        evaluated_by_name text,
        evaluation_recorded_by_coordinator boolean,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, alliance_id),
        FOREIGN KEY (support_request_id, alliance_id) REFERENCES support_requests (id, alliance_id) ON DELETE RESTRICT,
        FOREIGN KEY (designation_id, person_id, alliance_id) REFERENCES designations (id, person_id, alliance_id) ON DELETE RESTRICT,
        CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on),
        -- (rule) never to the system leader's own school.
        CONSTRAINT deployments_not_home CHECK (home_school_id IS DISTINCT FROM supported_school_id),
        -- (rule) the tariff is copied when agreed, and everything agreed has it.
        CONSTRAINT deployments_tariff_copied CHECK ((agreed_on IS NULL) = (tariff_full_day_pence IS NULL) AND (agreed_on IS NULL) = (tariff_hours_per_day IS NULL)),
        CONSTRAINT deployments_agreed CHECK (status NOT IN ('AGREED', 'ACTIVE', 'COMPLETED', 'EVALUATED', 'ON_HOLD') OR agreed_on IS NOT NULL),
        -- (rule) EVALUATED needs an evaluation.
        CONSTRAINT deployments_evaluated CHECK (status <> 'EVALUATED' OR (impact_rating IS NOT NULL AND evaluated_on IS NOT NULL)),
        CHECK ((status = 'ON_HOLD') = (status_before_hold IS NOT NULL)),
        CONSTRAINT deployments_dates_in_order CHECK (agreed_on >= proposed_on AND started_on >= agreed_on AND completed_on >= started_on
          AND ended_on >= proposed_on AND evaluated_on >= completed_on)
      )`);
    await q.query(`CREATE INDEX deployments_alliance ON deployments (alliance_id, proposed_on DESC, id DESC)`);
    // Capacity sums a designation's deployments of one academic year; brokerage reads a school's history.
    await q.query(`CREATE INDEX deployments_designation ON deployments (designation_id, academic_year)`);
    await q.query(`CREATE INDEX deployments_support_request ON deployments (support_request_id)`);
    await q.query(`CREATE INDEX deployments_supported_school ON deployments (supported_school_id)`);
    await q.query(`CREATE INDEX deployments_home_school ON deployments (home_school_id)`);
    await q.query(`CREATE INDEX deployments_person ON deployments (person_id)`);

    await q.query(`
      CREATE TABLE deployment_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        deployment_id uuid NOT NULL,
        party contract_party NOT NULL,
        terms_version integer NOT NULL,
        signed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        signed_by_name text NOT NULL CHECK (signed_by_name <> ''),
        signed_on date NOT NULL,
        -- A signature on paper that the coordinator recorded as received, not one the party gave here.
        recorded_by_coordinator boolean NOT NULL,
        recorded_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deployment_signatures_once UNIQUE (deployment_id, terms_version, party),
        FOREIGN KEY (deployment_id, alliance_id) REFERENCES deployments (id, alliance_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX deployment_signatures_alliance ON deployment_signatures (alliance_id)`);

    await q.query(`
      CREATE TABLE deployment_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL,
        deployment_id uuid NOT NULL,
        held_on date NOT NULL,
        length session_length NOT NULL,
        hours numeric(4, 2) CHECK (hours > 0 AND hours <= 12),
        status session_status NOT NULL DEFAULT 'PLANNED',
        notes text,
        logged_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        delivered_on date,
        visit_record_due_on date,
        visit_summary text CHECK (visit_summary <> ''),
        visit_next_steps text,
        visit_record_submitted_on date,
        visit_record_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        FOREIGN KEY (deployment_id, alliance_id) REFERENCES deployments (id, alliance_id) ON DELETE CASCADE,
        CHECK ((length = 'HOURS') = (hours IS NOT NULL)),
        CHECK ((status = 'DELIVERED') = (visit_record_due_on IS NOT NULL)),
        CHECK (visit_record_submitted_on IS NULL OR (status = 'DELIVERED' AND visit_summary IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX deployment_sessions_deployment ON deployment_sessions (deployment_id, held_on, id)`);
    // The coordinator's list of overdue visit records reads only the ones still awaited.
    await q.query(`CREATE INDEX deployment_sessions_visit_due ON deployment_sessions (alliance_id, visit_record_due_on, id) WHERE status = 'DELIVERED' AND visit_record_submitted_on IS NULL`);

    await this.secure(q);
  }

  private async secure(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON ${TABLES.join(', ')} TO ${R}`);
    // Never the alliance, the commissioner or the supported school of a request once made.
    await q.query(`GRANT UPDATE (status, needs, area_ids, designation_type, desired_outcomes, preferred_start, funding_source, closed_on, close_reason, updated_at, version) ON support_requests TO ${R}`);
    // Never who is deployed where: a different pairing is a different deployment.
    const deploymentUpdatable = [
      'status', 'scope', 'objectives', 'impact_measures', 'funding_source', 'planned_days', 'model', 'frequency', 'starts_on', 'ends_on', 'terms_version',
      'agreed_on', 'agreed_by_user_id', 'capacity_override_reason', 'tariff_id', 'tariff_full_day_pence', 'tariff_half_day_pence', 'tariff_hours_per_day',
      'tariff_brokerage_fee_per_day_pence', 'started_on', 'completed_on', 'status_before_hold', 'ended_on', 'status_reason', 'impact_rating', 'impact_evidence',
      'evaluated_on', 'evaluated_by_user_id', 'evaluated_by_name', 'evaluation_recorded_by_coordinator', 'updated_at', 'version',
    ];
    await q.query(`GRANT UPDATE (${deploymentUpdatable.join(', ')}) ON deployments TO ${R}`);
    await q.query(`GRANT UPDATE (held_on, length, hours, status, notes, delivered_on, visit_record_due_on, visit_summary, visit_next_steps, visit_record_submitted_on, visit_record_by_user_id, updated_at, version) ON deployment_sessions TO ${R}`);
    for (const table of TABLES) await enableRowLevelSecurity(q, table);

    const tenant = ofActingAlliance();
    // Written as exclusions, so the planner keeps index order: analysts see counts only (a later issue);
    // a head sees what involves their school, as supported or home school; a practitioner their own.
    const seesDeployment = `(${setting.role} <> 'ANALYST'
      AND (${setting.role} <> 'SCHOOL_LEAD' OR supported_school_id = ${setting.schoolId} OR home_school_id = ${setting.schoolId})
      AND (${setting.role} <> 'PRACTITIONER' OR person_id = ${setting.personId}))`;
    await q.query(`CREATE POLICY tenant_read ON deployments FOR SELECT TO ${R} USING (${tenant} AND ${seesDeployment})`);
    await q.query(`CREATE POLICY tenant_insert ON deployments FOR INSERT TO ${R} WITH CHECK (${tenant} AND ${COORDINATORS})`);
    await q.query(`CREATE POLICY tenant_update ON deployments FOR UPDATE TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);
    // The supported head's evaluation is an update of the deployment's own row: a completed one, to evaluated, and (a trigger) its evaluation columns only.
    await q.query(`CREATE POLICY supported_head_evaluates ON deployments FOR UPDATE TO ${R}
      USING (${tenant} AND ${HEAD_OF('supported_school_id')} AND status = 'COMPLETED') WITH CHECK (${tenant} AND ${HEAD_OF('supported_school_id')} AND status = 'EVALUATED')`);
    await q.query(`
      CREATE FUNCTION deployments_head_changes_evaluation_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${setting.role} = 'SCHOOL_LEAD' AND (to_jsonb(NEW) - ${EVALUATION_COLUMNS}) IS DISTINCT FROM (to_jsonb(OLD) - ${EVALUATION_COLUMNS}) THEN
          RAISE EXCEPTION 'a head changes a deployment''s evaluation only' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER deployments_head_changes_evaluation_only BEFORE UPDATE ON deployments FOR EACH ROW EXECUTE FUNCTION deployments_head_changes_evaluation_only()`);

    // A request is seen by whoever sees one of its deployments (the deployments' policy applies inside), and by the supported head.
    const throughDeployments = `id IN (SELECT dp.support_request_id FROM deployments dp)`;
    const seesRequest = `(${setting.role} <> 'ANALYST'
      AND (${setting.role} <> 'SCHOOL_LEAD' OR supported_school_id = ${setting.schoolId} OR ${throughDeployments})
      AND (${setting.role} <> 'PRACTITIONER' OR ${throughDeployments}))`;
    await q.query(`CREATE POLICY tenant_read ON support_requests FOR SELECT TO ${R} USING (${tenant} AND ${seesRequest})`);
    await q.query(`CREATE POLICY tenant_write ON support_requests FOR ALL TO ${R} USING (${tenant} AND ${COORDINATORS}) WITH CHECK (${tenant} AND ${COORDINATORS})`);

    const ofVisibleDeployment = `deployment_id IN (SELECT dp.id FROM deployments dp)`;
    await q.query(`CREATE POLICY tenant_read ON deployment_signatures FOR SELECT TO ${R} USING (${tenant} AND ${ofVisibleDeployment})`);
    // A party signs as themself, for the part they play in this deployment; the coordinator signs for
    // the alliance as themself, and records the supported head's signature on paper as theirs, never another party's.
    const ownParty = `(signed_by_user_id = ${setting.userId} AND NOT recorded_by_coordinator AND deployment_id IN (SELECT dp.id FROM deployments dp WHERE
      (party = 'SYSTEM_LEADER' AND ${roleIn('PRACTITIONER')} AND dp.person_id = ${setting.personId})
      OR (party = 'HOME_HEADTEACHER' AND ${HEAD_OF('dp.home_school_id')})
      OR (party = 'SUPPORTED_HEADTEACHER' AND ${HEAD_OF('dp.supported_school_id')})))`;
    const coordinatorSigns = `(${COORDINATORS} AND ((party = 'ALLIANCE' AND signed_by_user_id = ${setting.userId} AND NOT recorded_by_coordinator)
      OR (party = 'SUPPORTED_HEADTEACHER' AND recorded_by_coordinator AND signed_by_user_id IS NULL AND recorded_by_user_id = ${setting.userId})))`;
    await q.query(`CREATE POLICY tenant_insert ON deployment_signatures FOR INSERT TO ${R} WITH CHECK (${tenant} AND (${coordinatorSigns} OR ${ownParty}))`);

    await q.query(`CREATE POLICY tenant_read ON deployment_sessions FOR SELECT TO ${R} USING (${tenant} AND ${ofVisibleDeployment})`);
    // The system leader logs their own sessions and visit records; the coordinator any.
    const ownSessions = `(${COORDINATORS} OR (${roleIn('PRACTITIONER')} AND deployment_id IN (SELECT dp.id FROM deployments dp WHERE dp.person_id = ${setting.personId})))`;
    await q.query(`CREATE POLICY tenant_write ON deployment_sessions FOR ALL TO ${R} USING (${tenant} AND ${ownSessions}) WITH CHECK (${tenant} AND ${ownSessions})`);
    // (rule) Sessions go on agreed or active deployments, delivered ones on active ones only. Checked
    // here under a share lock of the deployment row, so a session cannot slip onto a deployment being
    // cancelled at the same moment: it waits for the cancellation and then sees it. SECURITY DEFINER
    // because a system leader may read their deployment but not lock it; the function reads one row.
    await q.query(`
      CREATE FUNCTION deployment_sessions_need_open_deployment() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE deployment_status deployment_status;
      BEGIN
        -- The owner's tools (the demo data) write history as it happened: requests always carry a role.
        IF ${setting.role} = '' THEN
          RETURN NEW;
        END IF;
        -- A delivered session's visit record and notes may be written whatever became of its deployment since.
        IF TG_OP = 'UPDATE' AND OLD.status = 'DELIVERED' AND NEW.status = 'DELIVERED' AND OLD.held_on = NEW.held_on THEN
          RETURN NEW;
        END IF;
        SELECT d.status INTO deployment_status FROM deployments d WHERE d.id = NEW.deployment_id AND d.alliance_id = NEW.alliance_id FOR SHARE;
        IF deployment_status IS NULL OR deployment_status NOT IN ('AGREED', 'ACTIVE') OR (NEW.status = 'DELIVERED' AND deployment_status <> 'ACTIVE') THEN
          RAISE EXCEPTION 'sessions are logged on an AGREED or ACTIVE deployment, and delivered on an ACTIVE one; this deployment is %', deployment_status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deployment_sessions_open_deployment';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION deployment_sessions_need_open_deployment() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER deployment_sessions_need_open_deployment BEFORE INSERT OR UPDATE ON deployment_sessions FOR EACH ROW EXECUTE FUNCTION deployment_sessions_need_open_deployment()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await disableRowLevelSecurity(q, table, ['tenant_read', 'tenant_insert', 'tenant_update', 'tenant_write', 'supported_head_evaluates']);
    await q.query(`DROP TABLE deployment_sessions, deployment_signatures, deployments, support_requests`);
    await q.query(`DROP FUNCTION deployment_sessions_need_open_deployment(), deployments_head_changes_evaluation_only()`);
    await q.query(`ALTER TABLE designations DROP CONSTRAINT designations_id_person`);
    await q.query(`DROP TYPE impact_rating, session_status, session_length, contract_party, deployment_model, deployment_status, support_request_status, commissioner_type`);
  }
}
