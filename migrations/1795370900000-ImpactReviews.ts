import { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE, setting } from './support/row-level-security';

/**
 * (rule) An evaluation rated NONE opens a review of the designation (DOMAIN.md, "Evaluation"), in
 * the evaluation's own transaction. The one who rates is the supported school's head, who is not
 * the system leader's head: the second wall rightly lets them neither change that designation nor
 * open its review. So the review is opened by `open_no_impact_review(deployment)`, a SECURITY DEFINER
 * function owned by the migration owner (whose `owner_tools` policies see every row), which decides
 * from the deployment row alone, never from what the caller says: the deployment must be of the
 * acting alliance, the caller its coordinator or the head of its supported school, and it must be
 * EVALUATED with rating NONE. It opens at most one review per deployment (the review names it), only
 * of an ACTIVE designation without an open review, and answers the review it opened (none otherwise).
 * The caller writes the audit rows, as itself, in the same transaction.
 */
export class ImpactReviews1795370900000 implements MigrationInterface {
  name = 'ImpactReviews1795370900000';

  async up(q: QueryRunner): Promise<void> {
    // The deployment whose rating opened a review: one review per deployment, whoever calls and however often.
    await q.query(`ALTER TABLE designation_reviews ADD COLUMN deployment_id uuid`);
    await q.query(`ALTER TABLE designation_reviews ADD CONSTRAINT designation_reviews_deployment FOREIGN KEY (deployment_id, alliance_id) REFERENCES deployments (id, alliance_id) ON DELETE RESTRICT`);
    await q.query(`CREATE UNIQUE INDEX designation_reviews_one_per_deployment ON designation_reviews (deployment_id) WHERE deployment_id IS NOT NULL`);
    // The "not deployed for 12 months" sweep looks for recent deliveries and agreements per designation.
    await q.query(`CREATE INDEX deployments_designation_agreed ON deployments (designation_id, agreed_on) WHERE agreed_on IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION open_no_impact_review(p_deployment_id uuid)
      RETURNS TABLE (review_id uuid, designation_id uuid, opened_on date, reason text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        dp record;
        d record;
        opened uuid;
        why text;
      BEGIN
        SELECT x.id, x.alliance_id, x.designation_id, x.supported_school_id, x.status, x.impact_rating, x.evaluated_on, s.name AS school_name
          INTO dp
          FROM deployments x JOIN schools s ON s.id = x.supported_school_id
         WHERE x.id = p_deployment_id AND x.alliance_id = ${setting.allianceId};
        IF NOT FOUND OR NOT (${setting.role} IN ('PLATFORM_ADMIN', 'ALLIANCE_ADMIN')
                             OR (${setting.role} = 'SCHOOL_LEAD' AND dp.supported_school_id = ${setting.schoolId})) THEN
          RAISE EXCEPTION 'no deployment of yours to evaluate' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF dp.status <> 'EVALUATED' OR dp.impact_rating IS DISTINCT FROM 'NONE' THEN
          RAISE EXCEPTION 'only a deployment evaluated with no impact opens a review' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT x.id, x.status INTO d FROM designations x WHERE x.id = dp.designation_id FOR UPDATE;
        IF d.status <> 'ACTIVE'
           OR EXISTS (SELECT 1 FROM designation_reviews r WHERE r.designation_id = d.id AND r.completed_on IS NULL)
           OR EXISTS (SELECT 1 FROM designation_reviews r WHERE r.deployment_id = dp.id) THEN
          RETURN;
        END IF;
        why := 'no impact: the deployment to ' || dp.school_name || ' was rated NONE on ' || to_char(dp.evaluated_on, 'YYYY-MM-DD');
        INSERT INTO designation_reviews (alliance_id, designation_id, trigger, reason, opened_on, opened_by_user_id, deployment_id)
        VALUES (dp.alliance_id, d.id, 'NO_IMPACT_EVIDENCE', why, current_date, NULL, dp.id)
        RETURNING id INTO opened;
        UPDATE designations SET status = 'UNDER_REVIEW', version = version + 1, updated_at = now() WHERE id = d.id;
        RETURN QUERY SELECT opened, d.id, current_date, why;
      END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION open_no_impact_review(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION open_no_impact_review(uuid) TO ${RUNTIME_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION open_no_impact_review(uuid)`);
    await q.query(`DROP INDEX deployments_designation_agreed`);
    await q.query(`DROP INDEX designation_reviews_one_per_deployment`);
    await q.query(`ALTER TABLE designation_reviews DROP CONSTRAINT designation_reviews_deployment`);
    await q.query(`ALTER TABLE designation_reviews DROP COLUMN deployment_id`);
  }
}
