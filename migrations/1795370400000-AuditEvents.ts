import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity, ofActingAlliance, roleIn, RUNTIME_ROLE, setting } from './support/row-level-security';

/**
 * Who changed what, when, acting for which alliance: one row per change, written in the change's
 * own transaction. The runtime role may add rows and (as a coordinator) read them; it has no UPDATE or
 * DELETE, so no request can rewrite history.
 */
export class AuditEvents1795370400000 implements MigrationInterface {
  name = 'AuditEvents1795370400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- An alliance with history is not deleted: its audit rows hold it.
        alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE RESTRICT,
        -- Milliseconds, as a cursor carries them; the moment of the change, not of its transaction's start.
        occurred_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        -- The name at the time: a renamed or deleted user does not rewrite who did it.
        actor_name text NOT NULL,
        acting_role text NOT NULL,
        action text NOT NULL CHECK (action ~ '^[a-z][A-Za-z]+$'),
        object_type text NOT NULL,
        object_id uuid NOT NULL,
        -- [{ "field": ..., "before": ..., "after": ... }], values as JSON.
        changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_alliance_time ON audit_events (alliance_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_object ON audit_events (alliance_id, object_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_events_actor ON audit_events (actor_user_id)`);

    // The id and the moment are the database's: a request cannot backdate or choose them.
    await q.query(`GRANT SELECT, INSERT (alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes, request_id) ON audit_events TO ${RUNTIME_ROLE}`);
    await enableRowLevelSecurity(q, 'audit_events');
    await q.query(`CREATE POLICY tenant_read ON audit_events FOR SELECT TO ${RUNTIME_ROLE} USING (${ofActingAlliance()} AND ${roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN')})`);
    // Any role that changes something records it, as itself and for the alliance it acts for.
    await q.query(`CREATE POLICY tenant_insert ON audit_events FOR INSERT TO ${RUNTIME_ROLE} WITH CHECK (${ofActingAlliance()} AND actor_user_id = ${setting.userId} AND acting_role = ${setting.role})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableRowLevelSecurity(q, 'audit_events', ['tenant_read', 'tenant_insert']);
    await q.query(`DROP TABLE audit_events`);
  }
}
