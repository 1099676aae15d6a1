import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-user request budget's counters (src/limits/request-budget.ts), in PostgreSQL so that every
 * API process on the database spends from one budget. The columns are the ones rate-limiter-flexible's
 * RateLimiterPostgres reads and writes (key, points, expire in epoch milliseconds); the table is made
 * here rather than by the library at run time, so the API never needs CREATE. Only the owner's own
 * small pool touches it: the runtime role is granted nothing, so a request's SQL cannot read whose
 * counters exist or reset its own.
 */
export class RequestBudget1795371300000 implements MigrationInterface {
  name = 'RequestBudget1795371300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_budget (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    // The library deletes rows expired an hour ago every five minutes: by expire.
    await q.query(`CREATE INDEX request_budget_expire ON request_budget (expire)`);
    await q.query(`COMMENT ON TABLE request_budget IS 'Request budget counters (rate-limiter-flexible): key is "user:<id>" or "ip:<address>", points spent in the window ending at expire (epoch ms).'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_budget`);
  }
}
