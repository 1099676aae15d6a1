import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { DeploymentStatus, ImpactRating, SessionLength, SessionStatus } from '../../src/modules/deployments/deployment-enums';
import { DesignationStatus } from '../../src/modules/designations/designation-enums';
import { School } from '../../src/modules/schools/school.entity';
import { CommissionerType } from '../../src/modules/support-requests/support-request-enums';
import { MembershipRole } from '../../src/modules/users/user-enums';
import type { TestServer } from '../helpers/server';
import { createAlliance, createSchool } from './index';
import { createDeployment, createSession, createSupportRequest } from './deployments';
import { areaId, createDesignation } from './designations';
import { createPerson, createUser, TestUser } from './users';

/**
 * A small world counted by hand (tariff £350 a day, £50 of it the alliance's fee, 6 hours a day, no half-day rate):
 *   6 deployments into a Camden primary, maths, commissioned by the school, autumn 2025/26, COMPLETED:
 *     each a full day (35000p, fee 5000p) and 2.5 hours (35000 × 2.5/6 = 14583.3 → 14583p; fee 2083.3 → 2083p) delivered
 *   6 into a Camden secondary, English, commissioned by the local authority, spring 2025/26, ACTIVE: each half a day (17500p, fee 2500p)
 *   2 into a Lambeth secondary, maths, commissioned by the school, spring 2025/26, EVALUATED SIGNIFICANT: each a full day
 */
export async function seedDeploymentWorld(t: TestServer): Promise<{ alliance: Alliance; analyst: TestUser; coordinator: TestUser; head: TestUser; practitioner: TestUser }> {
  const em = t.db.dataSource.manager;
  const alliance = await createAlliance(em);
  const home = await createSchool(em, { laCode: '300', laName: 'Home LA', phaseCode: '2', phaseName: 'Primary' });
  const primary = await createSchool(em, { laCode: '202', laName: 'Camden', phaseCode: '2', phaseName: 'Primary' });
  const secondary = await createSchool(em, { laCode: '202', laName: 'Camden', phaseCode: '4', phaseName: 'Secondary' });
  const lambeth = await createSchool(em, { laCode: '208', laName: 'Lambeth', phaseCode: '4', phaseName: 'Secondary' });
  await em.query(
    `INSERT INTO alliance_terms (alliance_id, academic_year, term, starts_on, ends_on) VALUES ($1, 2025, 'AUTUMN', '2025-09-01', '2025-12-19'), ($1, 2025, 'SPRING', '2026-01-05', '2026-03-27')`,
    [alliance.id],
  );
  const person = await createPerson(em, alliance, { schoolId: home.id });
  const designation = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
  const maths = await areaId(em, 'MATHS');
  const english = await areaId(em, 'ENGLISH');

  const deploy = async (school: School, n: number, request: Parameters<typeof createSupportRequest>[3], deployment: Parameters<typeof createDeployment>[4], sessions: Parameters<typeof createSession>[2][]) => {
    for (let i = 0; i < n; i++) {
      const r = await createSupportRequest(em, alliance, school, request);
      const d = await createDeployment(em, r, designation, home.id, deployment);
      for (const s of sessions) await createSession(em, d, { status: SessionStatus.DELIVERED, ...s });
    }
  };
  await deploy(primary, 6, { areaIds: [maths] }, { status: DeploymentStatus.COMPLETED, startsOn: '2025-09-15', startedOn: '2025-09-15', completedOn: '2025-12-01' }, [
    { heldOn: '2025-10-06', length: SessionLength.FULL_DAY },
    { heldOn: '2025-10-13', length: SessionLength.HOURS, hours: 2.5 },
  ]);
  await deploy(
    secondary,
    6,
    { areaIds: [english], commissionerType: CommissionerType.LOCAL_AUTHORITY, commissionerSchoolId: null, commissionerLaCode: '202', commissionerName: 'Camden LA' },
    { status: DeploymentStatus.ACTIVE, startsOn: '2026-01-12', startedOn: '2026-01-12' },
    [{ heldOn: '2026-01-19', length: SessionLength.HALF_DAY }],
  );
  await deploy(
    lambeth,
    2,
    { areaIds: [maths] },
    { status: DeploymentStatus.EVALUATED, startsOn: '2026-01-12', startedOn: '2026-01-12', completedOn: '2026-03-01', evaluatedOn: '2026-03-05', impactRating: ImpactRating.SIGNIFICANT },
    [{ heldOn: '2026-01-19', length: SessionLength.FULL_DAY }],
  );
  // Another alliance's deployment is never counted.
  const other = await createAlliance(em);
  const otherPerson = await createPerson(em, other, { schoolId: home.id });
  const otherDesignation = await createDesignation(em, otherPerson, { status: DesignationStatus.ACTIVE });
  await createDeployment(em, await createSupportRequest(em, other, primary), otherDesignation, home.id, { status: DeploymentStatus.ACTIVE, startedOn: '2025-09-15' });

  const analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
  const coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
  const head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: primary }] });
  const practitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
  return { alliance, analyst, coordinator, head, practitioner };
}

