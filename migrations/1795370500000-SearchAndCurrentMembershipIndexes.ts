import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the benchmark's plans asked for at national size (README, "Cost growth"): the school search
 * matches town and postcode as well as the name, and member-school lists read current memberships
 * only, where most rows of a long-lived alliance are former ones.
 */
export class SearchAndCurrentMembershipIndexes1795370500000 implements MigrationInterface {
  name = 'SearchAndCurrentMembershipIndexes1795370500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX schools_town_trgm ON schools USING gin (town gin_trgm_ops)`);
    // The search compares postcodes without their space (schools.service.ts).
    await q.query(`CREATE INDEX schools_postcode_trgm ON schools USING gin ((replace(postcode, ' ', '')) gin_trgm_ops)`);
    // `currentMembership`: open-ended rows, or rows ending today or later; together a bitmap OR of both.
    await q.query(`CREATE INDEX alliance_school_memberships_open ON alliance_school_memberships (alliance_id) WHERE ends_on IS NULL`);
    await q.query(`CREATE INDEX alliance_school_memberships_ends_on ON alliance_school_memberships (ends_on, alliance_id) WHERE ends_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX alliance_school_memberships_ends_on`);
    await q.query(`DROP INDEX alliance_school_memberships_open`);
    await q.query(`DROP INDEX schools_postcode_trgm`);
    await q.query(`DROP INDEX schools_town_trgm`);
  }
}
