import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant column leads an index on every table (as it does on deployment_signatures): a page of
 * deployments reads its sessions through the second wall, whose policy filters on alliance_id, and
 * at national size (37,654 sessions in the scale dataset) the planner read every session of every
 * alliance to find one page's (README, "Cost growth": 921 buffers, 4-10 ms; with it a bitmap scan of
 * the alliance's 739, 340 buffers, 1.4 ms).
 */
export class DeploymentSessionsAlliance1795370950000 implements MigrationInterface {
  name = 'DeploymentSessionsAlliance1795370950000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deployment_sessions_alliance ON deployment_sessions (alliance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deployment_sessions_alliance`);
  }
}
