import { ChildProcess, spawn } from 'node:child_process';
import { academicYearOf, englishDate } from '../src/common/academic-year';
import { addDays } from '../src/common/dates';
import { toGlobalId } from '../src/common/global-id';
import { AllianceTariff } from '../src/modules/alliances/alliance-tariff.entity';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { ReleaseCommitment } from '../src/modules/designations/release-commitment.entity';
import { ContractParty } from '../src/modules/deployments/deployment-enums';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation } from './factories/designations';
import { createDeployment, createSignature, createSupportRequest } from './factories/deployments';
import { createPerson, createUser, TEST_JWT_SECRET } from './factories/users';
import { createTestDatabase, TestDatabase } from './helpers/database';
import { buildOnce, root } from './helpers/run-api';

/**
 * Issue 10, item 5: the capacity guarantee lives in PostgreSQL, not in an API process. Two compiled
 * API processes on one database take 20 concurrent agreements for a system leader whose capacity
 * fits 5, ten each: exactly 5 succeed.
 */

const AGREE = `mutation($input: AgreeDeploymentInput!) { agreeDeployment(input: $input) { deployment { status } } }`;

function startProcess(db: TestDatabase): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET,
      DEMO_DATA: 'false', JOBS_ENABLED: 'false', LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk;
      const ready = /ready at (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1] });
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

describe('capacity across two API processes (rule)', () => {
  let db: TestDatabase;
  const processes: ChildProcess[] = [];

  beforeAll(() => buildOnce(), 200_000);
  afterAll(async () => {
    await Promise.all(processes.map(stop));
    await db?.drop();
  });

  it('20 agreements split between two processes give exactly 5 successes and 15 CONFLICTs', async () => {
    db = await createTestDatabase();
    const em = db.dataSource.manager;
    const alliance = await createAlliance(em);
    const home = await createSchool(em);
    const supported = await createSchool(em);
    await addMember(em, alliance, home);
    await em.getRepository(AllianceTariff).insert({ allianceId: alliance.id, effectiveFrom: '2020-09-01', fullDayPence: 35000, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 5000 });
    const person = await createPerson(em, alliance, { schoolId: home.id });
    const designation = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
    const today = englishDate();
    await em.getRepository(ReleaseCommitment).insert({ allianceId: alliance.id, designationId: designation.id, academicYear: academicYearOf(today), committedDays: 10, signedByName: 'Head', signedOn: today });
    const coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    const request = await createSupportRequest(em, alliance, supported);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const d = await createDeployment(em, request, designation, home.id, { plannedDays: 2, proposedOn: today, startsOn: today, endsOn: addDays(today, 30) });
      for (const party of Object.values(ContractParty)) await createSignature(em, d, party, { signedOn: today });
      ids.push(toGlobalId('Deployment', d.id));
    }

    const [a, b] = await Promise.all([startProcess(db), startProcess(db)]);
    processes.push(a.child, b.child);
    const agree = (url: string, deploymentId: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator.token}` },
        body: JSON.stringify({ query: AGREE, variables: { input: { deploymentId } } }),
      }).then((r) => r.json() as Promise<{ errors?: { extensions: { code: string } }[] }>);
    const results = await Promise.all(ids.map((id, i) => agree(i % 2 ? a.url : b.url, id)));
    const codes = results.map((r) => r.errors?.[0].extensions.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(15);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM deployments WHERE designation_id = $1 AND status = 'AGREED'`, [designation.id]);
    expect(n).toBe(5);
  }, 120_000);
});
