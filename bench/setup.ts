import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource, EntityManager, In, Logger } from 'typeorm';
import { signToken } from '../src/auth/tokens';
import { ensureDatabase } from '../src/database/connect';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { loadDemoData } from '../src/demo/load-demo-data';
import { AllianceKind, SchoolMembershipRole } from '../src/modules/alliances/alliance-enums';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { SchoolMembership } from '../src/modules/alliances/school-membership.entity';
import { LeadershipLevel } from '../src/modules/people/person-enums';
import { Person } from '../src/modules/people/person.entity';
import { School } from '../src/modules/schools/school.entity';
import { SchoolRecord, upsertSchools } from '../src/modules/schools/school-record';
import { Membership } from '../src/modules/users/membership.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { User } from '../src/modules/users/user.entity';

/** Cleanups run in reverse order of registration, whatever failed in between. */
export type Cleanups = (() => Promise<void>)[];

/** Counts the statements the data source sends; off by default so load runs do not pay for it. */
export class StatementCounter implements Logger {
  enabled = false;
  count = 0;
  logQuery() {
    if (this.enabled) this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  /** The number of statements `work` sends (nothing else may run meanwhile). */
  async measure(work: () => Promise<unknown>): Promise<number> {
    this.count = 0;
    this.enabled = true;
    try {
      await work();
      return this.count;
    } finally {
      this.enabled = false;
    }
  }
}

export interface BenchDatabase {
  dataSource: DataSource;
  counter: StatementCounter;
  /** For the header: embedded or external, and the server version. */
  kind: string;
}

/**
 * A throw-away database: `ag_bench_<random>` on DATABASE_URL's server, or an ephemeral embedded
 * PostgreSQL under os.tmpdir(). Migrated. Every resource is registered in `cleanups` as soon as it exists.
 */
export async function createBenchDatabase(cleanups: Cleanups): Promise<BenchDatabase> {
  let url: string;
  let kind: string;
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `ag_bench_${randomBytes(6).toString('hex')}`;
    url = await ensureDatabase(external, name);
    cleanups.push(() => dropDatabase(external, name));
    kind = `DATABASE_URL server, database ${name} (dropped at the end)`;
  } else {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-bench-'));
    // mkdtemp makes it 0700; under root PostgreSQL runs as `postgres` and must be able to enter it.
    fs.chmodSync(root, 0o755);
    // Registered first so that it runs last: the password file sits beside the data folder.
    cleanups.push(async () => fs.rmSync(root, { recursive: true, force: true }));
    // fast: fsync off; it only speeds up loading the data, the measured requests are reads.
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), ephemeral: true, fast: true });
    cleanups.push(async () => {
      await embedded.stop();
      // Should the library still have moved the data (an untraversable tmpdir), its folder is ours too.
      const parent = path.dirname(embedded.dataDir);
      if (parent !== root && path.basename(parent).startsWith('alliance-graph-')) fs.rmSync(parent, { recursive: true, force: true });
    });
    url = await ensureDatabase(embedded.url, 'alliance_graph_bench');
    kind = `embedded PostgreSQL, ephemeral in ${path.dirname(embedded.dataDir)} (fsync off)`;
  }

  const counter = new StatementCounter();
  const dataSource = createDataSource({ url, poolSize: 10, applicationName: 'alliance-graph-bench' });
  dataSource.setOptions({ logger: counter, logging: ['query'] });
  await dataSource.initialize();
  cleanups.push(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  await dataSource.runMigrations({ transaction: 'each' });
  const [{ server_version }] = (await dataSource.query('SHOW server_version')) as { server_version: string }[];
  return { dataSource, counter, kind: `${kind}, PostgreSQL ${server_version}` };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// Sizes of the bulk data, beyond the demo data.
export const EXTRA_SCHOOLS = 2000;
export const EXTRA_ALLIANCES = 40;
export const MEMBERS_PER_ALLIANCE = 50;
export const EXTRA_PEOPLE = 500;
/** The demo alliance that gets the extra people and the admin. */
export const PEOPLE_ALLIANCE = 'london-south';

export interface BenchData {
  token: string;
  secret: string;
  rows: { schools: number; alliances: number; memberships: number; people: number };
}

/** The demo data, then the bulk data, deterministically (ids aside), in one transaction; then ANALYZE for realistic plans. */
export async function seedBenchData(dataSource: DataSource): Promise<BenchData> {
  const adminId = await dataSource.transaction(async (em) => {
    await loadDemoData(em);
    await addSchoolsAndAlliances(em);
    return addPeopleAndAdmin(em);
  });
  await dataSource.query('ANALYZE');
  const secret = randomBytes(32).toString('base64url');
  const token = await signToken(secret, adminId, { ttl: '1h' });
  const count = async (table: string) => Number(((await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0].n);
  return {
    token,
    secret,
    rows: { schools: await count('schools'), alliances: await count('alliances'), memberships: await count('alliance_school_memberships'), people: await count('people') },
  };
}

const TOWNS = ['Ashford', 'Barnet', 'Croydon', 'Dartford', 'Enfield', 'Fulham', 'Greenwich', 'Harrow', 'Ilford', 'Kingston', 'Lewisham', 'Morden'];
// Half of the names contain "Primary", so the search benchmark matches about 1,000 schools.
const KINDS = [
  { suffix: 'Primary School', phase: ['2', 'Primary'], group: ['4', 'Local authority maintained schools'], type: ['1', 'Community school'] },
  { suffix: 'Academy', phase: ['4', 'Secondary'], group: ['10', 'Academies'], type: ['28', 'Academy sponsor led'] },
  { suffix: 'Church of England Primary School', phase: ['2', 'Primary'], group: ['4', 'Local authority maintained schools'], type: ['3', 'Voluntary aided school'] },
  { suffix: 'High School', phase: ['4', 'Secondary'], group: ['4', 'Local authority maintained schools'], type: ['1', 'Community school'] },
] as const;
const LAS = [['202', 'Camden'], ['208', 'Lambeth'], ['210', 'Southwark'], ['211', 'Tower Hamlets'], ['306', 'Croydon']] as const;

function benchSchool(i: number): SchoolRecord {
  const kind = KINDS[i % KINDS.length];
  const [laCode, laName] = LAS[i % LAS.length];
  const primary = kind.phase[0] === '2';
  return {
    urn: String(700001 + i), name: `${TOWNS[i % TOWNS.length]} ${kind.suffix} ${i + 1}`, laCode, laName, establishmentNumber: String(2000 + i),
    typeCode: kind.type[0], typeName: kind.type[1], typeGroupCode: kind.group[0], typeGroupName: kind.group[1],
    statusCode: '1', statusName: 'Open', phaseCode: kind.phase[0], phaseName: kind.phase[1],
    statutoryLowAge: primary ? 4 : 11, statutoryHighAge: primary ? 11 : 18,
    religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null, trustCode: null, trustName: null,
    ukprn: null, postcode: `SE${1 + (i % 28)} ${i % 10}AA`, town: TOWNS[i % TOWNS.length], openDate: null, closeDate: null, lastChangedDate: null,
  };
}

/** 2,000 schools; 40 alliances, each with 50 of them (the first as lead school). */
async function addSchoolsAndAlliances(em: EntityManager): Promise<void> {
  const records = Array.from({ length: EXTRA_SCHOOLS }, (_, i) => benchSchool(i));
  // 27 parameters a row: batches of 1,000 stay under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < records.length; i += 1000) await upsertSchools(em, records.slice(i, i + 1000));
  const schools = await em.getRepository(School).find({ where: { urn: In(records.map((r) => r.urn)) }, order: { urn: 'ASC' }, select: { id: true, urn: true } });

  const slugs = Array.from({ length: EXTRA_ALLIANCES }, (_, a) => `bench-${String(a + 1).padStart(2, '0')}`);
  await em.getRepository(Alliance).insert(
    slugs.map((slug, a) => ({ slug, name: `Bench Alliance ${a + 1}`, kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE, minReleaseDaysPerYear: 10 })),
  );
  const alliances = await em.getRepository(Alliance).find({ where: { slug: In(slugs) }, order: { slug: 'ASC' }, select: { id: true, slug: true } });
  await em.getRepository(SchoolMembership).insert(
    alliances.flatMap((alliance, a) =>
      schools.slice(a * MEMBERS_PER_ALLIANCE, (a + 1) * MEMBERS_PER_ALLIANCE).map((school, m) => ({
        allianceId: alliance.id,
        schoolId: school.id,
        role: m === 0 ? SchoolMembershipRole.LEAD_SCHOOL : SchoolMembershipRole.MEMBER,
        startsOn: '2020-09-01',
      })),
    ),
  );
}

const GIVEN = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Leo', 'Maya', 'Noah', 'Olu', 'Priya', 'Rosa', 'Sam', 'Tom', 'Zara'];
const FAMILY = ['Adeyemi', 'Brown', 'Chen', 'Davies', 'Evans', 'Fraser', 'Green', 'Hussain', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morris', 'Nowak', 'Okafor', 'Patel', 'Quinn', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Young', 'Zhou', 'Ward', 'Hill'];
const LEVELS = [null, LeadershipLevel.MIDDLE, LeadershipLevel.SENIOR, LeadershipLevel.HEADTEACHER];

/** 500 staff records in one demo alliance, spread over its member schools, and an ALLIANCE_ADMIN user there. Returns the user's id. */
async function addPeopleAndAdmin(em: EntityManager): Promise<string> {
  const alliance = await em.getRepository(Alliance).findOneByOrFail({ slug: PEOPLE_ALLIANCE });
  const members = await em.getRepository(SchoolMembership).find({ where: { allianceId: alliance.id }, order: { schoolId: 'ASC' } });
  await em.getRepository(Person).insert(
    Array.from({ length: EXTRA_PEOPLE }, (_, i) => {
      const givenName = GIVEN[i % GIVEN.length];
      const familyName = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length];
      return {
        allianceId: alliance.id, givenName, familyName, email: `${givenName}.${familyName}.${i + 1}@bench.school.invalid`.toLowerCase(),
        phone: `01632 960 ${String(i % 1000).padStart(3, '0')}`, schoolId: members[i % members.length].schoolId,
        jobTitle: 'Teacher', leadershipLevel: LEVELS[i % LEVELS.length], inLeadershipSince: null,
      };
    }),
  );
  const user = await em.getRepository(User).save(em.create(User, { email: 'bench-admin@bench.invalid', displayName: 'Bench Admin' }));
  await em.getRepository(Membership).insert({ userId: user.id, allianceId: alliance.id, role: MembershipRole.ALLIANCE_ADMIN });
  return user.id;
}
