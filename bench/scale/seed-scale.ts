import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { importGias } from '../../src/modules/schools/gias/gias-import';
import { GIAS_COLUMNS } from '../../src/modules/schools/gias/gias-columns';
import { addDays } from '../../src/common/dates';
import { visitRecordDueOn } from '../../src/modules/deployments/working-days';
import { orcidCheckDigit, PEDEX_ISSN, PEDEX_JOURNAL_TITLE } from '../../src/demo/demo-research';
import { BROKERED_REQUEST, DEPLOYMENT, ensurePlatformAnalyst, FULL_SCALE, OPEN_REQUEST, RESEARCH_PROJECT, SCALE_MARK, scaleRowIdSql, ScaleSize, scaleSize } from './scale-mark';

/** The day the scale dataset's brokerage is seen from: statuses, sessions and visit records are as of it, whatever day it is built. */
const BROKERAGE_AS_OF = '2026-12-01';

const USAGE = `Usage: DATABASE_URL=postgres://user@127.0.0.1:5432/ag_scale npm run seed:scale -- [--fraction 0.1] [--replace]

Builds the national-size benchmark dataset into DATABASE_URL's database (created if missing):
${FULL_SCALE.schools.toLocaleString('en-GB')} schools written as a GIAS establishment file and loaded through the real import,
${FULL_SCALE.alliances} alliances with their member schools (and former members), ${FULL_SCALE.people.toLocaleString('en-GB')} staff records,
an ALLIANCE_ADMIN user per alliance (admin@<slug>.scale.invalid), and system leaders in proportion
to the staff: six recruitment rounds an alliance with area targets, a live designation for one
record in seven and ended ones for one in 23, with release commitments, references and reviews;
and brokerage, as of ${BROKERAGE_AS_OF}: two tariffs an alliance, about two deployments per ACTIVE SLE
(one and a half per LLE) over 2023/24 to 2026/27 in every status, each from its own support request
(all seven commissioner types), one more request open or withdrawn per three system leaders, the
four parties' signatures of agreed deployments and about six sessions each (full days, half days,
hours; planned, delivered, cancelled) with visit records on time, late and overdue; and research:
40 to 80 projects an alliance in every status, led by its Lead Practitioners, with contributors,
schools, areas, key stages, keywords and funding, 30% published (most of them in PedEx, public)
with their publication metadata and authors.
Deterministic: the same rows every time, row ids aside (support requests and deployments have
fixed ids too, so a reference query can name one; research projects too).

  --fraction  a share of the national size, e.g. 0.1 for the tenth the cost-growth check compares with
  --replace   drop and recreate the database first (otherwise a database with schools is refused)
`;

/** A deterministic generator (mulberry32): the same file on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = [
  'Ashford', 'Barnsley', 'Bedford', 'Bolton', 'Bradford', 'Brighton', 'Bristol', 'Burnley', 'Cambridge', 'Carlisle', 'Chester', 'Colchester',
  'Coventry', 'Crawley', 'Darlington', 'Derby', 'Doncaster', 'Dudley', 'Durham', 'Exeter', 'Gateshead', 'Gloucester', 'Grimsby', 'Halifax',
  'Harlow', 'Hastings', 'Hereford', 'Huddersfield', 'Hull', 'Ipswich', 'Kendal', 'Lancaster', 'Leeds', 'Leicester', 'Lincoln', 'Liverpool',
  'Luton', 'Maidstone', 'Manchester', 'Middlesbrough', 'Newcastle', 'Northampton', 'Norwich', 'Nottingham', 'Oldham', 'Oxford', 'Peterborough',
  'Plymouth', 'Portsmouth', 'Preston', 'Reading', 'Rochdale', 'Salford', 'Sheffield', 'Slough', 'Southampton', 'Stockport', 'Stoke', 'Sunderland',
  'Swindon', 'Taunton', 'Telford', 'Torquay', 'Truro', 'Wakefield', 'Walsall', 'Warrington', 'Watford', 'Wigan', 'Winchester', 'Wolverhampton',
  'Worcester', 'Worthing', 'Yeovil', 'York',
];
const PLACES = ['Abbey', 'Beech', 'Castle', 'Church', 'Elm', 'Fairfield', 'Grange', 'Hill', 'Holy Trinity', 'Kings', 'Lark Rise', 'Manor', 'Meadow', 'Mill', 'Oak', 'Park', 'Queens', 'Ridgeway', 'St Anne\'s', 'St John\'s', 'St Mary\'s', 'St Peter\'s', 'Valley', 'Westfield', 'Willow'];
const LAS = Array.from({ length: 150 }, (_, i) => [String(201 + i * 6).slice(0, 3), `Authority ${String(i + 1).padStart(3, '0')}`] as const);

interface Kind {
  weight: number;
  suffix: string;
  phase: [string, string];
  type: [string, string];
  group: [string, string];
  ages: [number, number] | null;
}
// Roughly the register's mix: many primaries, closed and independent establishments, colleges.
const KINDS: Kind[] = [
  { weight: 30, suffix: 'Primary School', phase: ['2', 'Primary'], type: ['1', 'Community school'], group: ['4', 'Local authority maintained schools'], ages: [4, 11] },
  { weight: 8, suffix: 'Church of England Primary School', phase: ['2', 'Primary'], type: ['3', 'Voluntary controlled school'], group: ['4', 'Local authority maintained schools'], ages: [4, 11] },
  { weight: 10, suffix: 'Primary Academy', phase: ['2', 'Primary'], type: ['34', 'Academy converter'], group: ['10', 'Academies'], ages: [4, 11] },
  { weight: 4, suffix: 'Infant School', phase: ['2', 'Primary'], type: ['1', 'Community school'], group: ['4', 'Local authority maintained schools'], ages: [4, 7] },
  { weight: 6, suffix: 'Academy', phase: ['4', 'Secondary'], type: ['28', 'Academy sponsor led'], group: ['10', 'Academies'], ages: [11, 18] },
  { weight: 4, suffix: 'High School', phase: ['4', 'Secondary'], type: ['5', 'Foundation school'], group: ['4', 'Local authority maintained schools'], ages: [11, 16] },
  { weight: 2, suffix: 'Free School', phase: ['4', 'Secondary'], type: ['35', 'Free schools'], group: ['11', 'Free Schools'], ages: [11, 18] },
  { weight: 2, suffix: 'All-Through School', phase: ['7', 'All-through'], type: ['28', 'Academy sponsor led'], group: ['10', 'Academies'], ages: [4, 18] },
  { weight: 2, suffix: 'Nursery School', phase: ['1', 'Nursery'], type: ['15', 'Local authority nursery school'], group: ['4', 'Local authority maintained schools'], ages: [2, 5] },
  { weight: 4, suffix: 'Special School', phase: ['0', 'Not applicable'], type: ['7', 'Community special school'], group: ['5', 'Special schools'], ages: [3, 19] },
  { weight: 2, suffix: 'Pupil Referral Unit', phase: ['0', 'Not applicable'], type: ['14', 'Pupil referral unit'], group: ['4', 'Local authority maintained schools'], ages: [11, 16] },
  { weight: 12, suffix: 'Independent School', phase: ['0', 'Not applicable'], type: ['11', 'Other independent school'], group: ['3', 'Independent schools'], ages: [3, 18] },
  { weight: 4, suffix: 'College', phase: ['5', '16 plus'], type: ['18', 'Further education'], group: ['2', 'Colleges'], ages: null },
  { weight: 10, suffix: "Children's Centre", phase: ['0', 'Not applicable'], type: ['41', "Children's centre"], group: ['9', 'Other types'], ages: null },
];
const TOTAL_WEIGHT = KINDS.reduce((sum, k) => sum + k.weight, 0);

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const dmy = (day: number, month: number, year: number) => `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;

/** The schools as a GIAS establishment file: GIAS's column names, dd-mm-yyyy dates, a few columns the import ignores. */
export function writeGiasFile(file: string, schools: number): void {
  const rand = random(20261101);
  const header = [...Object.values(GIAS_COLUMNS), 'Gender (name)', 'NumberOfPupils'];
  const lines = [header.map(csvField).join(',')];
  for (let i = 0; i < schools; i++) {
    let pick = rand() * TOTAL_WEIGHT;
    const kind = KINDS.find((k) => (pick -= k.weight) < 0) ?? KINDS[0];
    const town = TOWNS[Math.floor(rand() * TOWNS.length)];
    const [laCode, laName] = LAS[Math.floor(rand() * LAS.length)];
    const closed = rand() < 0.3;
    const opened = 1950 + Math.floor(rand() * 74);
    const row: Record<keyof typeof GIAS_COLUMNS, string> = {
      urn: String(100000 + i),
      name: `${PLACES[Math.floor(rand() * PLACES.length)]} ${town} ${kind.suffix}`,
      laCode,
      laName,
      establishmentNumber: String(1000 + (i % 9000)),
      typeCode: kind.type[0],
      typeName: kind.type[1],
      typeGroupCode: kind.group[0],
      typeGroupName: kind.group[1],
      statusCode: closed ? '2' : '1',
      statusName: closed ? 'Closed' : 'Open',
      phaseCode: kind.phase[0],
      phaseName: kind.phase[1],
      statutoryLowAge: kind.ages ? String(kind.ages[0]) : '',
      statutoryHighAge: kind.ages ? String(kind.ages[1]) : '',
      religiousCharacterCode: kind.type[0] === '3' ? '02' : '',
      religiousCharacterName: kind.type[0] === '3' ? 'Church of England' : '',
      dioceseCode: kind.type[0] === '3' ? 'CE23' : '',
      dioceseName: kind.type[0] === '3' ? 'Diocese of Oxford' : '',
      trustCode: kind.group[0] === '10' ? String(1000 + (i % 2500)) : '',
      trustName: kind.group[0] === '10' ? `${town} Learning Trust` : '',
      ukprn: rand() < 0.7 ? String(10000000 + i) : '',
      postcode: `${town.slice(0, 2).toUpperCase()}${1 + (i % 30)} ${i % 10}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20]}${'ABDEFGHJLNPQRSTUWXYZ'[(i * 7) % 20]}`,
      town,
      openDate: dmy(1, 9, opened),
      closeDate: closed ? dmy(31, 8, Math.min(2025, opened + 5 + Math.floor(rand() * 40))) : '',
      lastChangedDate: dmy(1 + (i % 28), 1 + (i % 12), 2024 + (i % 2)),
    };
    lines.push([...Object.keys(GIAS_COLUMNS).map((k) => csvField(row[k as keyof typeof GIAS_COLUMNS])), i % 2 ? 'Mixed' : 'Mixed', String(50 + (i % 1500))].join(','));
  }
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

const GIVEN = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Leo', 'Maya', 'Noah', 'Olu', 'Priya', 'Rosa', 'Sam', 'Tom', 'Zara'];
const FAMILY = ['Adeyemi', 'Brown', 'Chen', 'Davies', 'Evans', 'Fraser', 'Green', 'Hussain', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morris', 'Nowak', 'Okafor', 'Patel', 'Quinn', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Young', 'Zhou', 'Ward', 'Hill'];
const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/** Alliances, memberships, people and users, each one set-based statement (PostgreSQL generates the rows). */
async function seedTenants(client: Client, size: ScaleSize, step: (label: string) => void): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO alliances (slug, name, kind, min_release_days_per_year)
     SELECT 'scale-' || lpad(j::text, 2, '0'), t.town || ' Teaching School Hub ' || lpad(j::text, 2, '0'), 'TEACHING_SCHOOL_HUB', 10
       FROM generate_series(1, $1::int) j JOIN unnest($2::text[]) WITH ORDINALITY t(town, n) ON t.n = j`,
    [size.alliances, TOWNS.slice(0, size.alliances)],
  );
  step(`${size.alliances} alliances`);
  // Current members: 40 to 120 an alliance, the first the lead school; then former members, in proportion to the register.
  const current = await client.query(
    `WITH s AS (SELECT array_agg(id ORDER BY urn) AS ids, count(*)::int AS n FROM schools),
          a AS (SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%')
     INSERT INTO alliance_school_memberships (alliance_id, school_id, role, starts_on)
     SELECT a.id, s.ids[1 + (a.j + 50 * k) % s.n],
            (CASE WHEN k = 0 THEN 'LEAD_SCHOOL' WHEN k % 10 = 1 THEN 'STRATEGIC_PARTNER' WHEN k % 10 = 9 THEN 'ASSOCIATE' ELSE 'MEMBER' END)::school_membership_role,
            date '2019-09-01' + (k % 30) * 7
       FROM s, a CROSS JOIN LATERAL generate_series(0, 39 + (a.j * 37) % 81) k`,
  );
  const former = await client.query(
    `WITH s AS (SELECT array_agg(id ORDER BY urn) AS ids, count(*)::int AS n FROM schools),
          a AS (SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%')
     INSERT INTO alliance_school_memberships (alliance_id, school_id, role, starts_on, ends_on)
     SELECT a.id, s.ids[1 + (a.j + 50 * (k + 200) + 7) % s.n], 'MEMBER', date '2008-09-01' + (k % 500) * 7, date '2018-08-31'
       FROM s, a CROSS JOIN LATERAL generate_series(0, $1::int - 1) k`,
    [size.formerMembersPerAlliance],
  );
  step(`${current.rowCount} current and ${former.rowCount} former school memberships`);
  const people = await client.query(
    `WITH a AS (SELECT id, slug FROM alliances WHERE slug LIKE 'scale-%'),
          -- Ordered by URN, not by the random school id, so that each record gets the same school on every build.
          m AS (SELECT m.alliance_id, array_agg(m.school_id ORDER BY m.starts_on, s.urn) AS ids FROM alliance_school_memberships m JOIN schools s ON s.id = m.school_id
                 WHERE m.ends_on IS NULL GROUP BY m.alliance_id)
     INSERT INTO people (alliance_id, given_name, family_name, email, phone, school_id, job_title, leadership_level, in_leadership_since)
     SELECT a.id, g.given, f.family,
            lower(g.given || '.' || f.family || '.' || k) || '@' || a.slug || '.scale.invalid',
            '01632 ' || lpad((k % 1000000)::text, 6, '0'),
            m.ids[1 + k % array_length(m.ids, 1)],
            (ARRAY['Teacher', 'Head of Year', 'Deputy Headteacher', 'Headteacher', 'SENCo'])[1 + k % 5],
            (ARRAY[NULL, 'MIDDLE', 'SENIOR', 'HEADTEACHER']::leadership_level[])[1 + k % 4],
            CASE WHEN k % 4 > 0 THEN date '2010-01-01' + (k % 4000) END
       FROM a JOIN m ON m.alliance_id = a.id
       CROSS JOIN generate_series(0, $1::int - 1) k
       CROSS JOIN LATERAL (SELECT (${sqlArray(GIVEN)})[1 + k % ${GIVEN.length}] AS given) g
       CROSS JOIN LATERAL (SELECT (${sqlArray(FAMILY)})[1 + (k / ${GIVEN.length}) % ${FAMILY.length}] AS family) f`,
    [size.peoplePerAlliance],
  );
  step(`${people.rowCount} staff records`);
  await client.query(
    `WITH u AS (
       INSERT INTO users (email, display_name) SELECT 'admin@' || slug || '.scale.invalid', 'Coordinator of ' || name FROM alliances WHERE slug LIKE 'scale-%'
       RETURNING id, email)
     INSERT INTO memberships (user_id, alliance_id, role)
     SELECT u.id, a.id, 'ALLIANCE_ADMIN' FROM u JOIN alliances a ON u.email = 'admin@' || a.slug || '.scale.invalid'`,
  );
  step(`${size.alliances} coordinators (admin@<slug>.scale.invalid)`);
  await ensurePlatformAnalyst(client);
  step('a platform analyst (analyst@platform.scale.invalid)');
  await client.query('COMMIT');
}

/** Designation statuses with the stages each has passed (dates are set for the stages reached). */
const STATUS_STAGES = `(VALUES
  ('APPLIED', false, false, false, false),
  ('SHORTLISTED', true, false, false, false),
  ('ASSESSED', true, true, false, false),
  ('APPROVED', true, true, true, false),
  ('ACTIVE', true, true, true, true),
  ('UNDER_REVIEW', true, true, true, true),
  ('REJECTED', true, true, false, false),
  ('WITHDRAWN', false, false, false, false),
  ('DEDESIGNATED', true, true, true, true),
  ('RESIGNED', true, true, true, true),
  ('LAPSED', true, true, true, true)
) AS st(status, shortlisted, assessed, approved, designated)`;

/** Six rounds an alliance, one a year (the last still open), of these types. */
const ROUND_TYPES = ['SLE', 'LLE', 'SLE', 'NLE', 'SLE', 'LLE'];

/**
 * System leaders at national proportions, each one set-based statement: recruitment rounds with
 * targets per area, a live designation for one staff record in seven (mostly ACTIVE, the rest
 * applications at each stage or under review) and ended ones for one in 23 (history the partial
 * unique index ignores), release commitments for the current designations, headteacher references,
 * and reviews (open for those under review, completed for some others).
 */
async function seedDesignations(client: Client, step: (label: string) => void): Promise<void> {
  await client.query('BEGIN');
  const rounds = await client.query(
    `WITH a AS (SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%')
     INSERT INTO recruitment_rounds (alliance_id, designation_type, name, details_sent_on, application_deadline, assessment_on, national_notification_on, training_dates, overall_target)
     SELECT a.id, t.type::designation_type, t.type || ' recruitment ' || (2021 + r) || '/' || lpad(((2022 + r) % 100)::text, 2, '0'),
            x.d - 42, x.d, x.d + 21, x.d + 60, ARRAY[x.d + 90, x.d + 120], CASE WHEN r % 3 = 0 THEN 30 END
       FROM a CROSS JOIN generate_series(0, ${ROUND_TYPES.length - 1}) r
       CROSS JOIN LATERAL (SELECT (${sqlArray(ROUND_TYPES)})[1 + r] AS type) t
       CROSS JOIN LATERAL (SELECT (date '2022-03-15' + make_interval(years => r))::date + a.j % 20 AS d) x`,
  );
  const targets = await client.query(
    `WITH a AS (SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%'),
          r AS (SELECT rr.id, rr.alliance_id, a.j, (row_number() OVER (PARTITION BY rr.alliance_id ORDER BY rr.application_deadline) - 1)::int AS r
                  FROM recruitment_rounds rr JOIN a ON a.id = rr.alliance_id),
          ar AS (SELECT array_agg(id ORDER BY position) AS ids, count(*)::int AS n FROM areas_of_expertise)
     INSERT INTO recruitment_round_targets (alliance_id, round_id, area_id, target)
     SELECT r.alliance_id, r.id, ar.ids[1 + (r.j * 5 + r.r * 7 + i) % ar.n], 1 + (i * 3 + r.j + r.r) % 5
       FROM r, ar CROSS JOIN LATERAL generate_series(0, 2 + (r.j + r.r) % 4) i`,
  );
  step(`${rounds.rowCount} recruitment rounds with ${targets.rowCount} area targets`);
  // k: the staff record's position in its alliance; m = k / 7 picks the type and status of a live designation.
  const designations = await client.query(
    `WITH a AS (SELECT id, name, review_period_years AS years, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%'),
          p AS (SELECT id, alliance_id, (row_number() OVER (PARTITION BY alliance_id ORDER BY email) - 1)::int AS k FROM people),
          ar AS (SELECT array_agg(id ORDER BY position) AS ids, count(*)::int AS n FROM areas_of_expertise),
          rt AS (SELECT alliance_id, designation_type, array_agg(id ORDER BY application_deadline) AS ids, array_agg(application_deadline ORDER BY application_deadline) AS deadlines
                   FROM recruitment_rounds WHERE application_deadline < date '2026-09-01' GROUP BY alliance_id, designation_type),
          live AS (
            SELECT p.id AS person_id, p.alliance_id, p.k, a.j, a.years, a.name AS alliance_name,
                   (ARRAY['SLE', 'SLE', 'SLE', 'SLE', 'SLE', 'SLE', 'LLE', 'LLE', 'NLE', 'LP'])[1 + (p.k / 7) % 10] AS type,
                   (ARRAY['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE',
                          'UNDER_REVIEW', 'APPLIED', 'APPLIED', 'SHORTLISTED', 'ASSESSED', 'APPROVED', 'APPROVED'])[1 + ((p.k / 7) * 7 + p.k / 70 + a.j) % 20] AS status
              FROM p JOIN a ON a.id = p.alliance_id WHERE p.k % 7 = 3),
          ended AS (
            SELECT p.id AS person_id, p.alliance_id, p.k, a.j, a.years, a.name AS alliance_name,
                   (ARRAY['SLE', 'SLE', 'LLE'])[1 + (p.k / 23) % 3] AS type,
                   (ARRAY['REJECTED', 'WITHDRAWN', 'DEDESIGNATED', 'RESIGNED', 'RESIGNED', 'LAPSED'])[1 + (p.k / 23 + a.j) % 6] AS status
              FROM p JOIN a ON a.id = p.alliance_id WHERE p.k % 23 = 5),
          x AS (
            SELECT l.*, CASE WHEN l.k % 3 <> 0 THEN rt.ids[1 + (l.k / 7) % cardinality(rt.ids)] END AS round_id,
                   CASE WHEN l.k % 3 <> 0 AND rt.ids IS NOT NULL THEN rt.deadlines[1 + (l.k / 7) % cardinality(rt.ids)] - l.k % 50
                        ELSE date '2018-09-01' + (l.k * 37) % 2400 END AS applied_on
              FROM live l LEFT JOIN rt ON rt.alliance_id = l.alliance_id AND rt.designation_type::text = l.type
            UNION ALL
            SELECT e.*, NULL::uuid, date '2012-09-01' + (e.k * 53) % 2500 FROM ended e),
          y AS (
            SELECT x.*, st.shortlisted, st.assessed, st.approved, st.designated, x.applied_on + 60 AS designated_day,
                   CASE WHEN x.round_id IS NOT NULL
                        THEN (SELECT array_agg(s.area_id ORDER BY s.position) FROM (
                                SELECT t.area_id, ao.position FROM recruitment_round_targets t JOIN areas_of_expertise ao ON ao.id = t.area_id
                                 WHERE t.round_id = x.round_id ORDER BY ao.position OFFSET x.k % 3 LIMIT 1 + x.k % 2) s)
                        ELSE ARRAY[ar.ids[1 + (x.k * 7) % ar.n]] || CASE WHEN x.k % 3 = 0 THEN ARRAY[ar.ids[1 + (x.k * 7 + 5) % ar.n]] ELSE '{}'::uuid[] END
                   END AS area_ids
              FROM x JOIN ${STATUS_STAGES} ON st.status = x.status, ar)
     INSERT INTO designations (alliance_id, person_id, type, status, round_id, area_ids, phases, statement, national_reference, accrediting_body,
                               applied_on, shortlisted_on, assessed_on, assessors, approved_on, rejected_on, decision_reason, national_body_notified_on,
                               designated_on, review_due_on, accreditation_expires_on, ended_on, end_reason)
     SELECT y.alliance_id, y.person_id, y.type::designation_type, y.status::designation_status, y.round_id, y.area_ids,
            ARRAY[(ARRAY['PRIMARY', 'SECONDARY', 'SPECIAL'])[1 + y.k % 3]]::education_phase[],
            'Supporting other schools in ' || y.type || ' work.',
            CASE WHEN y.type = 'NLE' AND y.designated THEN 'NLE-' || lpad((y.j * 10000 + y.k)::text, 6, '0') END,
            CASE WHEN y.type = 'LP' AND y.approved THEN y.alliance_name END,
            y.applied_on,
            CASE WHEN y.shortlisted THEN y.applied_on + 14 END,
            CASE WHEN y.assessed THEN y.applied_on + 30 END,
            CASE WHEN y.assessed THEN ARRAY['Assessor ' || (1 + y.k % 9), 'Assessor ' || (2 + y.k % 9)] ELSE '{}' END,
            CASE WHEN y.approved THEN y.applied_on + 45 END,
            CASE WHEN y.status = 'REJECTED' THEN y.applied_on + 45 END,
            CASE WHEN y.status = 'REJECTED' THEN 'The assessment found the evidence of impact too thin.' WHEN y.approved THEN 'Strong evidence of impact beyond the school.' END,
            CASE WHEN y.designated THEN y.applied_on + 50 END,
            CASE WHEN y.designated THEN y.designated_day END,
            CASE WHEN y.designated AND y.type = 'LP' THEN least((y.designated_day + make_interval(years => y.years))::date, (y.designated_day + interval '3 years')::date)
                 WHEN y.designated THEN (y.designated_day + make_interval(years => y.years))::date END,
            CASE WHEN y.designated AND y.type = 'LP' THEN (y.designated_day + interval '3 years')::date END,
            CASE WHEN y.status = 'WITHDRAWN' THEN y.applied_on + 20 WHEN y.status IN ('DEDESIGNATED', 'RESIGNED', 'LAPSED') THEN y.designated_day + 900 END,
            CASE y.status WHEN 'WITHDRAWN' THEN 'Withdrew the application.' WHEN 'DEDESIGNATED' THEN 'Not deployed for two years.'
                          WHEN 'RESIGNED' THEN 'Left the alliance.' WHEN 'LAPSED' THEN 'Did not renew.' END
       FROM y`,
  );
  const commitments = await client.query(
    `INSERT INTO release_commitments (alliance_id, designation_id, academic_year, committed_days, signed_by_name, signed_on)
     SELECT d.alliance_id, d.id, y, 10 + (extract(doy FROM d.applied_on)::int % 7) * 0.5, 'Headteacher', greatest(d.designated_on, make_date(y, 7, 15))
       FROM designations d
       CROSS JOIN LATERAL generate_series(greatest(extract(year FROM d.designated_on - interval '8 months')::int, 2024), 2026) y
      WHERE d.status IN ('ACTIVE', 'UNDER_REVIEW')`,
  );
  const references = await client.query(
    `INSERT INTO designation_references (alliance_id, designation_id, kind, referee_name, referee_role, supports, statement, received_on, recorded_by_coordinator)
     SELECT d.alliance_id, d.id, 'HEADTEACHER', 'Headteacher of ' || s.name, 'Headteacher', d.status <> 'REJECTED', 'Has led improvement across the school.', d.applied_on + 7, true
       FROM designations d JOIN people p ON p.id = d.person_id JOIN schools s ON s.id = p.school_id
      WHERE d.shortlisted_on IS NOT NULL`,
  );
  const reviews = await client.query(
    `INSERT INTO designation_reviews (alliance_id, designation_id, trigger, reason, opened_on, outcome, outcome_notes, completed_on, next_review_due_on)
     SELECT d.alliance_id, d.id, 'PERIODIC'::review_trigger, 'Review due.'::text, least(d.review_due_on - 30, date '2026-11-01'), NULL::review_outcome, NULL::text, NULL::date, NULL::date
       FROM designations d WHERE d.status = 'UNDER_REVIEW'
     UNION ALL
     SELECT d.alliance_id, d.id, 'MOVED_SCHOOL', 'Moved school.', d.designated_on + 700, 'CONTINUED', 'Still deployed across the alliance.', d.designated_on + 730, d.review_due_on
       FROM designations d WHERE d.status = 'ACTIVE' AND d.designated_on < date '2022-06-01'
     UNION ALL
     SELECT d.alliance_id, d.id, 'NOT_DEPLOYED', 'No deployment for two years.', d.ended_on - 40, 'DEDESIGNATED', 'Dedesignated.', d.ended_on, NULL
       FROM designations d WHERE d.status = 'DEDESIGNATED'`,
  );
  step(`${designations.rowCount} designations, ${commitments.rowCount} release commitments, ${references.rowCount} references, ${reviews.rowCount} reviews`);
  await client.query('COMMIT');
}

const COMMISSIONERS = ['SCHOOL', 'LOCAL_AUTHORITY', 'DIOCESE', 'ACADEMY_TRUST', 'DFE', 'ALLIANCE', 'OTHER'];
const FUNDING = ['School budget', 'Local authority school improvement grant', 'DfE targeted support funding', 'Trust school improvement fund'];
/** A deployment's status by `h % 20`: a quarter evaluated, the rest of the lifecycle in rough national proportion. */
const DEPLOYMENT_STATUSES = [
  'EVALUATED', 'COMPLETED', 'ACTIVE', 'EVALUATED', 'AGREED', 'PROPOSED', 'EVALUATED', 'CANCELLED', 'ACTIVE', 'COMPLETED',
  'EVALUATED', 'DECLINED', 'ON_HOLD', 'ACTIVE', 'EVALUATED', 'AGREED', 'COMPLETED', 'PROPOSED', 'CANCELLED', 'DECLINED',
];
/** By `(g / 3) % 10`: 3 two-day diagnostics (2 sessions), 5 as written (4 to 8 sessions), 2 half a day a week (12 sessions): 6 sessions on average. */
const MODELS = [
  'DIAGNOSTIC_TWO_DAYS', 'CUSTOM', 'CUSTOM', 'HALF_DAY_WEEKLY_TWO_TERMS', 'DIAGNOSTIC_TWO_DAYS', 'CUSTOM', 'CUSTOM', 'DIAGNOSTIC_TWO_DAYS', 'CUSTOM', 'HALF_DAY_WEEKLY_TWO_TERMS',
];
const RATINGS = ['SIGNIFICANT', 'SOME', 'SIGNIFICANT', 'SOME', 'TOO_EARLY', 'SOME', 'SIGNIFICANT', 'NONE'];

/** School pools for supported schools: the alliance's current members, and the register's open schools that take pupils. */
const SCHOOL_POOLS = `
  mem AS MATERIALIZED (SELECT m.alliance_id, array_agg(m.school_id ORDER BY m.starts_on, s.urn) AS ids FROM alliance_school_memberships m JOIN schools s ON s.id = m.school_id
                        WHERE m.ends_on IS NULL GROUP BY m.alliance_id),
  reg AS MATERIALIZED (SELECT array_agg(id ORDER BY urn) AS ids, count(*)::int AS n FROM schools WHERE status_code = '1' AND (phase_code IN ('1', '2', '4', '7') OR type_group_code = '5'))`;

/**
 * A supported school for row `r` numbered `n`: `prefer` where given, else a member of the alliance
 * when `n` is even, else any school of `reg`; never `r.home_school_id` (two schools of the register,
 * which are distinct, stand by).
 */
const SUPPORTED_SCHOOL = (r: string, n: string, prefer = 'NULL::uuid') => `
  LEFT JOIN mem ON mem.alliance_id = ${r}.alliance_id CROSS JOIN reg
  CROSS JOIN LATERAL (
    SELECT CASE WHEN c.c1 IS NOT NULL AND c.c1 <> ${r}.home_school_id THEN c.c1 WHEN c.c2 <> ${r}.home_school_id THEN c.c2 ELSE c.c3 END AS school_id FROM (
      SELECT CASE WHEN ${n} % 2 = 0 THEN mem.ids[1 + (${n} * 13 + ${r}.j) % cardinality(mem.ids)] ELSE reg.ids[1 + (${n} * 7919 + ${r}.j * 31) % reg.n] END AS c1,
             reg.ids[1 + (${n} * 7919 + ${r}.j * 31 + 1) % reg.n] AS c2, reg.ids[1 + (${n} * 7919 + ${r}.j * 31 + 2) % reg.n] AS c3) c
  ) pick
  JOIN schools sup ON sup.id = coalesce(${prefer}, pick.school_id)`;

/** The commissioner columns of a support request whose commissioner type is `t` (text), for supported school `sup`. */
const COMMISSIONER = (t: string, allianceName: string) => `
  ${t}::commissioner_type,
  CASE ${t} WHEN 'SCHOOL' THEN sup.name WHEN 'LOCAL_AUTHORITY' THEN coalesce(sup.la_name, 'Local authority ' || coalesce(sup.la_code, '201'))
            WHEN 'DIOCESE' THEN coalesce(sup.diocese_name, 'Diocese of ' || coalesce(sup.town, 'Oxford'))
            WHEN 'ACADEMY_TRUST' THEN coalesce(sup.trust_name, coalesce(sup.town, 'Regional') || ' Learning Trust')
            WHEN 'DFE' THEN 'Department for Education, regions group' WHEN 'ALLIANCE' THEN ${allianceName} ELSE 'Opportunity area partnership board' END,
  CASE WHEN ${t} = 'SCHOOL' THEN sup.id END,
  CASE WHEN ${t} = 'LOCAL_AUTHORITY' THEN coalesce(sup.la_code, '201') END,
  CASE ${t} WHEN 'ACADEMY_TRUST' THEN left(sup.trust_code, 8) WHEN 'DIOCESE' THEN left(sup.diocese_code, 8) END`;

/**
 * Brokerage at national proportions, each table one set-based statement: two tariffs an alliance
 * (the later one in force since September 2025; a third of the alliances without a half-day rate,
 * a fifth with a 5-hour day), about two deployments per ACTIVE SLE and one and a half per ACTIVE
 * LLE over the academic years 2023/24 to 2026/27 in every status, each brokered from its own
 * support request (commissioners of all seven types, a supported school that is never the system
 * leader's own, the areas from the designation's), and one more request, open or withdrawn, per
 * three system leaders. Agreed deployments carry the tariff in force on the day they were agreed,
 * the four parties' signatures (the supported head's on paper for a third; a fifth with void
 * signatures of earlier terms) and their sessions (6 on average: full days, half days and hours;
 * planned, delivered, cancelled), delivered ones with the visit record due 5 working days in England
 * later and mostly submitted, a tenth of the recent ones overdue. Each evaluation rated NONE has the
 * designation review it opened, completed with the designation continued. As of BROKERAGE_AS_OF.
 */
async function seedBrokerage(client: Client, step: (label: string) => void): Promise<void> {
  await client.query('BEGIN');
  // The plan's row estimates are wild (generated rows, a temporary table): JIT would spend seconds compiling what runs in milliseconds.
  await client.query('SET LOCAL jit = off');
  const tariffs = await client.query(
    `WITH a AS (SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%')
     INSERT INTO alliance_tariffs (alliance_id, effective_from, effective_to, full_day_pence, half_day_pence, hours_per_day, brokerage_fee_per_day_pence)
     SELECT a.id, t.effective_from, t.effective_to, t.full_day, CASE WHEN a.j % 3 = 0 THEN NULL ELSE t.full_day / 2 + 2500 END,
            CASE WHEN a.j % 5 = 0 THEN 5 ELSE 6 END, 4000 + (a.j % 4) * 1000
       FROM a CROSS JOIN LATERAL (VALUES (date '2022-09-01', date '2025-08-31', 32500 + (a.j % 6) * 500),
                                         (date '2025-09-01', NULL::date, 35000 + (a.j % 6) * 500)) t(effective_from, effective_to, full_day)`,
  );
  // Visit records are due 5 working days in England after a session: the app's own rule (date-holidays), tabled for the years seeded.
  const days: string[] = [];
  const dues: string[] = [];
  for (let day = '2023-06-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
    days.push(day);
    dues.push(visitRecordDueOn(day));
  }
  await client.query(`CREATE TEMP TABLE scale_visit_due ON COMMIT DROP AS SELECT * FROM unnest($1::date[], $2::date[]) AS d(held_on, due_on)`, [days, dues]);

  // The ACTIVE SLEs and LLEs, numbered i in their alliance by their staff record's email.
  await client.query(
    `CREATE TEMP TABLE scale_leaders ON COMMIT DROP AS
     WITH a AS (SELECT al.id, al.slug, al.name, (row_number() OVER (ORDER BY al.slug) - 1)::int AS j, u.id AS coordinator_id, u.display_name AS coordinator_name
                  FROM alliances al JOIN users u ON u.email = 'admin@' || al.slug || '.scale.invalid' WHERE al.slug LIKE 'scale-%')
     SELECT d.id AS designation_id, d.person_id, d.alliance_id, d.type::text AS type, d.area_ids, p.school_id AS home_school_id, hs.name AS home_school_name,
            p.given_name || ' ' || p.family_name AS leader_name, a.slug, a.name AS alliance_name, a.j, a.coordinator_id, a.coordinator_name,
            (row_number() OVER (PARTITION BY d.alliance_id ORDER BY p.email) - 1)::int AS i
       FROM designations d JOIN people p ON p.id = d.person_id JOIN schools hs ON hs.id = p.school_id JOIN a ON a.id = d.alliance_id
      WHERE d.status = 'ACTIVE' AND d.type IN ('SLE', 'LLE')`,
  );

  // One row per deployment: k numbers it in its alliance, h and g = h / 20 pick its facts, every date follows from its status and year.
  await client.query(
    `CREATE TEMP TABLE scale_plan ON COMMIT DROP AS
     WITH ${SCHOOL_POOLS},
     x AS (
       SELECT l.*, l.i * 3 + n AS k, hh.h, hh.h / 20 AS g
         FROM scale_leaders l
         CROSS JOIN LATERAL generate_series(0, CASE WHEN l.type = 'SLE' THEN (l.i * 7 + l.j) % 3 ELSE (l.i + l.j) % 2 END) n
         CROSS JOIN LATERAL (SELECT ((l.i * 3 + n + 1) * 7919 + l.j * 104729) % 10007 AS h) hh),
     y AS (
       SELECT x.*, sup.id AS supported_school_id, sup.name AS supported_school_name, sup.la_code, sup.la_name, sup.trust_code, sup.trust_name,
              sup.diocese_code, sup.diocese_name, sup.town, s0.status, m.model,
              CASE s0.status WHEN 'EVALUATED' THEN 2023 + x.g % 3 WHEN 'COMPLETED' THEN CASE WHEN x.g % 3 = 0 THEN 2024 ELSE 2025 END
                             WHEN 'ACTIVE' THEN CASE WHEN x.g % 4 = 0 THEN 2025 ELSE 2026 END WHEN 'ON_HOLD' THEN 2025 + x.g % 2
                             WHEN 'DECLINED' THEN 2023 + x.g % 4 WHEN 'CANCELLED' THEN 2023 + x.g % 4 ELSE 2026 END AS year,
              CASE m.model WHEN 'DIAGNOSTIC_TWO_DAYS' THEN 2 WHEN 'HALF_DAY_WEEKLY_TWO_TERMS' THEN 12 ELSE 4 + x.h % 5 END AS sessions,
              CASE m.model WHEN 'DIAGNOSTIC_TWO_DAYS' THEN 1 WHEN 'HALF_DAY_WEEKLY_TWO_TERMS' THEN 7 ELSE 14 END AS step,
              s0.status IN ('AGREED', 'ACTIVE', 'COMPLETED', 'EVALUATED', 'ON_HOLD') OR (s0.status = 'CANCELLED' AND x.g % 2 = 0) AS agreed,
              (SELECT ao.name FROM areas_of_expertise ao WHERE ao.id = x.area_ids[1]) AS area_name,
              (${sqlArray(FUNDING)})[1 + x.g % ${FUNDING.length}] AS funding_source
         FROM x ${SUPPORTED_SCHOOL('x', 'x.h')}
         CROSS JOIN LATERAL (SELECT (${sqlArray(DEPLOYMENT_STATUSES)})[1 + x.h % 20] AS status) s0
         CROSS JOIN LATERAL (SELECT (${sqlArray(MODELS)})[1 + (x.g / 3) % 10] AS model) m),
     z AS (
       SELECT y.*, CASE WHEN y.status = 'ON_HOLD' THEN CASE WHEN y.year = 2026 AND y.h % 2 = 0 THEN 'AGREED' ELSE 'ACTIVE' END END AS before_hold,
              -- Mondays to Thursdays: from September of the year, or next January for what is not yet under way.
              CASE WHEN y.status IN ('AGREED', 'PROPOSED') OR (y.status = 'ON_HOLD' AND y.year = 2026 AND y.h % 2 = 0)
                   THEN date '2027-01-04' + 7 * (y.g % 8) + y.h % 4
                   ELSE make_date(y.year, 9, 8) - (extract(isodow FROM make_date(y.year, 9, 8))::int - 1) + 7 * (y.g % 10) + y.h % 4 END AS starts_on
         FROM y),
     w AS (
       SELECT z.*, z.starts_on + z.step * (z.sessions - 1) + CASE WHEN z.model = 'HALF_DAY_WEEKLY_TWO_TERMS' THEN 100 ELSE 4 END AS ends_on,
              least(z.starts_on - 21 - z.h % 14, date '${BROKERAGE_AS_OF}' - 10 - z.g % 20) AS proposed_on,
              CASE WHEN z.agreed THEN least(z.starts_on - 7 - z.h % 10, date '${BROKERAGE_AS_OF}' - 1) END AS agreed_on
         FROM z)
     SELECT w.*, ${scaleRowIdSql(DEPLOYMENT, 'w.slug', 'w.k')} AS deployment_id, ${scaleRowIdSql(BROKERED_REQUEST, 'w.slug', 'w.k')} AS request_id,
            CASE WHEN w.g % 5 = 0 AND w.status <> 'DECLINED' THEN 2 ELSE 1 END AS terms_version,
            CASE WHEN w.agreed THEN 4 WHEN w.status = 'PROPOSED' THEN w.h % 4 WHEN w.status = 'CANCELLED' THEN 1 ELSE 0 END AS signed_parties,
            w.status IN ('ACTIVE', 'COMPLETED', 'EVALUATED') OR w.before_hold = 'ACTIVE' OR (w.status = 'CANCELLED' AND w.agreed) AS started,
            CASE WHEN w.status IN ('COMPLETED', 'EVALUATED') THEN w.ends_on END AS completed_on,
            CASE w.status WHEN 'DECLINED' THEN least(w.proposed_on + 10, date '${BROKERAGE_AS_OF}' - 1)
                          WHEN 'CANCELLED' THEN least(CASE WHEN w.agreed THEN w.starts_on + 30 ELSE w.proposed_on + 14 END, date '${BROKERAGE_AS_OF}' - 1) END AS ended_on,
            CASE WHEN w.status = 'EVALUATED' THEN (${sqlArray(RATINGS)})[1 + w.g % ${RATINGS.length}] END AS impact_rating,
            CASE WHEN w.status = 'EVALUATED' THEN w.ends_on + 14 + w.h % 10 END AS evaluated_on,
            -- Sessions held before this day were delivered (or cancelled); later ones are planned, or cancelled with the deployment.
            CASE WHEN w.status IN ('COMPLETED', 'EVALUATED') THEN w.ends_on + 1 WHEN w.status = 'ACTIVE' THEN date '${BROKERAGE_AS_OF}'
                 WHEN w.before_hold = 'ACTIVE' THEN least(w.starts_on + 40, date '${BROKERAGE_AS_OF}')
                 WHEN w.status = 'CANCELLED' AND w.agreed THEN least(w.starts_on + 30, date '${BROKERAGE_AS_OF}' - 1) ELSE w.starts_on END AS delivered_before
       FROM w`,
  );

  const requests = await client.query(
    `INSERT INTO support_requests (id, alliance_id, commissioner_type, commissioner_name, commissioner_school_id, commissioner_la_code, commissioner_group_code,
                                   supported_school_id, needs, area_ids, designation_type, desired_outcomes, preferred_start, funding_source, status,
                                   received_on, closed_on, close_reason, created_by_user_id)
     SELECT p.request_id, p.alliance_id, ${COMMISSIONER(`(${sqlArray(COMMISSIONERS)})[1 + (p.k * 3 + p.j) % 7]`, 'p.alliance_name')},
            p.supported_school_id, 'Support with ' || lower(coalesce(p.area_name, 'leadership')) || ' after a dip in outcomes.',
            p.area_ids[1:1 + p.h % 2], p.type::designation_type,
            ARRAY['Better outcomes in ' || lower(coalesce(p.area_name, 'leadership')), 'Leaders able to sustain the improvement'],
            p.starts_on, p.funding_source, st.status::support_request_status,
            p.proposed_on - 7 - p.g % 21,
            CASE st.status WHEN 'CLOSED' THEN least(coalesce(p.evaluated_on, p.completed_on + 7, p.ended_on + 7), date '${BROKERAGE_AS_OF}' - 1) WHEN 'WITHDRAWN' THEN p.ended_on END,
            CASE st.status WHEN 'CLOSED' THEN CASE WHEN p.status = 'DECLINED' THEN 'No match after the proposal was declined.' ELSE 'Support delivered.' END
                           WHEN 'WITHDRAWN' THEN 'The commissioner withdrew the request.' END,
            p.coordinator_id
       FROM scale_plan p JOIN schools sup ON sup.id = p.supported_school_id
       CROSS JOIN LATERAL (SELECT CASE p.status WHEN 'PROPOSED' THEN 'BROKERING' WHEN 'COMPLETED' THEN 'CLOSED' WHEN 'EVALUATED' THEN 'CLOSED'
                                                WHEN 'CANCELLED' THEN 'WITHDRAWN' WHEN 'DECLINED' THEN CASE WHEN p.year = 2026 THEN 'OPEN' ELSE 'CLOSED' END
                                                ELSE 'MATCHED' END AS status) st`,
  );
  // One more request per three system leaders, not brokered yet (or withdrawn first): what brokerMatches ranks for. Half of them
  // are for a school an SLE of the alliance has been deployed to before (the next agreed deployment's), so earlier deployments count.
  const open = await client.query(
    `WITH ${SCHOOL_POOLS},
     o AS (SELECT l.*, l.i / 3 AS q, ((l.i + 1) * 6007 + l.j * 7919) % 10007 AS h,
                  (SELECT pp.supported_school_id FROM scale_plan pp WHERE l.i % 2 = 0 AND pp.alliance_id = l.alliance_id AND pp.agreed AND pp.type = 'SLE' AND pp.k >= l.i * 3
                    ORDER BY pp.k LIMIT 1) AS earlier_school_id
             FROM scale_leaders l WHERE l.i % 3 = 0)
     INSERT INTO support_requests (id, alliance_id, commissioner_type, commissioner_name, commissioner_school_id, commissioner_la_code, commissioner_group_code,
                                   supported_school_id, needs, area_ids, designation_type, desired_outcomes, preferred_start, funding_source, status,
                                   received_on, closed_on, close_reason, created_by_user_id)
     SELECT ${scaleRowIdSql(OPEN_REQUEST, 'o.slug', 'o.q')}, o.alliance_id, ${COMMISSIONER(`(${sqlArray(COMMISSIONERS)})[1 + (o.q * 5 + o.j) % 7]`, 'o.alliance_name')},
            sup.id, 'Support with ' || lower(coalesce((SELECT ao.name FROM areas_of_expertise ao WHERE ao.id = o.area_ids[1]), 'leadership')) || ' before the next inspection.',
            o.area_ids, (CASE WHEN o.q % 4 = 3 THEN 'LLE' ELSE 'SLE' END)::designation_type, ARRAY['A good inspection outcome'],
            date '2027-01-04' + 7 * (o.q % 6), (${sqlArray(FUNDING)})[1 + o.h % ${FUNDING.length}],
            (CASE WHEN o.q % 3 = 2 THEN 'WITHDRAWN' ELSE 'OPEN' END)::support_request_status,
            date '${BROKERAGE_AS_OF}' - 5 - o.h % 50,
            CASE WHEN o.q % 3 = 2 THEN date '${BROKERAGE_AS_OF}' - 2 - o.h % 3 END,
            CASE WHEN o.q % 3 = 2 THEN 'The school found support elsewhere.' END,
            o.coordinator_id
       FROM o ${SUPPORTED_SCHOOL('o', 'o.h', 'o.earlier_school_id')}`,
  );

  const deployments = await client.query(
    `INSERT INTO deployments (id, alliance_id, support_request_id, designation_id, person_id, home_school_id, supported_school_id, status, proposed_on, scope,
                              objectives, impact_measures, funding_source, planned_days, model, frequency, starts_on, ends_on, terms_version, agreed_on,
                              agreed_by_user_id, tariff_id, tariff_full_day_pence, tariff_half_day_pence, tariff_hours_per_day, tariff_brokerage_fee_per_day_pence,
                              started_on, completed_on, status_before_hold, ended_on, status_reason, impact_rating, impact_evidence, evaluated_on,
                              evaluated_by_name, evaluation_recorded_by_coordinator)
     SELECT p.deployment_id, p.alliance_id, p.request_id, p.designation_id, p.person_id, p.home_school_id, p.supported_school_id,
            (CASE WHEN p.agreed THEN 'ACTIVE' ELSE p.status END)::deployment_status, p.proposed_on,
            CASE WHEN p.status = 'PROPOSED' AND p.h % 3 = 0 THEN NULL ELSE 'Support with ' || lower(coalesce(p.area_name, 'leadership')) || ' at ' || p.supported_school_name END,
            ARRAY['Better outcomes in ' || lower(coalesce(p.area_name, 'leadership')) || ' by the summer', 'Leaders able to sustain the improvement'],
            ARRAY['Termly pupil progress data', 'Joint lesson visits with the headteacher'],
            p.funding_source,
            CASE p.model WHEN 'DIAGNOSTIC_TWO_DAYS' THEN 2 WHEN 'HALF_DAY_WEEKLY_TWO_TERMS' THEN 6 ELSE round(p.sessions * 1.5) / 2 END,
            p.model::deployment_model,
            CASE p.model WHEN 'DIAGNOSTIC_TWO_DAYS' THEN 'two consecutive days' WHEN 'HALF_DAY_WEEKLY_TWO_TERMS' THEN 'half a day a week' ELSE 'fortnightly, full or part days' END,
            p.starts_on, p.ends_on, p.terms_version, p.agreed_on, CASE WHEN p.agreed THEN p.coordinator_id END,
            t.id, t.full_day_pence, t.half_day_pence, t.hours_per_day, t.brokerage_fee_per_day_pence,
            CASE WHEN p.started THEN p.starts_on END, p.completed_on, NULL, p.ended_on,
            CASE p.status WHEN 'DECLINED' THEN 'The supported school chose another route.' WHEN 'CANCELLED' THEN 'The supported school''s priorities changed.'
                          WHEN 'ON_HOLD' THEN 'Paused while the supported school''s head is on leave.' END,
            p.impact_rating::impact_rating,
            CASE WHEN p.status = 'EVALUATED' THEN 'Progress data and lesson visits before and after the support.' END,
            p.evaluated_on,
            CASE WHEN p.status = 'EVALUATED' THEN 'Headteacher of ' || p.supported_school_name END,
            CASE WHEN p.status = 'EVALUATED' THEN p.h % 3 = 0 END
       FROM scale_plan p
       LEFT JOIN LATERAL (SELECT * FROM alliance_tariffs t WHERE p.agreed AND t.alliance_id = p.alliance_id AND t.effective_from <= p.agreed_on
                                 AND (t.effective_to IS NULL OR t.effective_to >= p.agreed_on) ORDER BY t.effective_from DESC LIMIT 1) t ON true`,
  );
  const signatures = await client.query(
    `INSERT INTO deployment_signatures (alliance_id, deployment_id, party, terms_version, signed_by_user_id, signed_by_name, signed_on, recorded_by_coordinator, recorded_by_user_id)
     SELECT p.alliance_id, p.deployment_id, s.party::contract_party, v.version, CASE WHEN s.party = 'ALLIANCE' THEN p.coordinator_id END,
            CASE s.party WHEN 'SYSTEM_LEADER' THEN p.leader_name WHEN 'HOME_HEADTEACHER' THEN 'Headteacher of ' || p.home_school_name
                         WHEN 'SUPPORTED_HEADTEACHER' THEN 'Headteacher of ' || p.supported_school_name ELSE p.coordinator_name END,
            p.proposed_on + s.ord + v.version - 1, paper.on_paper, CASE WHEN paper.on_paper THEN p.coordinator_id END
       FROM scale_plan p
       CROSS JOIN LATERAL (VALUES (1, 'SYSTEM_LEADER'), (2, 'ALLIANCE'), (3, 'HOME_HEADTEACHER'), (4, 'SUPPORTED_HEADTEACHER')) s(ord, party)
       CROSS JOIN LATERAL generate_series(1, p.terms_version) v(version)
       CROSS JOIN LATERAL (SELECT s.party = 'SUPPORTED_HEADTEACHER' AND p.h % 3 = 0 AS on_paper) paper
      -- The current terms' signatures so far; earlier terms' (void) from the system leader and the alliance.
      WHERE (v.version = p.terms_version AND s.ord <= p.signed_parties) OR (v.version < p.terms_version AND s.ord <= 2)`,
  );
  const sessions = await client.query(
    `INSERT INTO deployment_sessions (alliance_id, deployment_id, held_on, length, hours, status, notes, delivered_on, visit_record_due_on,
                                      visit_summary, visit_next_steps, visit_record_submitted_on)
     SELECT p.alliance_id, p.deployment_id, l.held_on, l.length::session_length,
            CASE WHEN l.length = 'HOURS' THEN (ARRAY[2, 2.5, 3.5, 4])[1 + (p.g + si) % 4] END,
            st.status::session_status, CASE WHEN si = 0 THEN 'First visit: meeting the head and the leads.' END,
            CASE WHEN st.status = 'DELIVERED' THEN l.held_on END, CASE WHEN st.status = 'DELIVERED' THEN due.due_on END,
            CASE WHEN vr.submitted_on IS NOT NULL THEN 'Visit ' || (si + 1) || ': observed lessons and met the ' || lower(coalesce(p.area_name, 'leadership')) || ' lead.' END,
            CASE WHEN vr.submitted_on IS NOT NULL THEN 'Agreed actions for the next visit.' END,
            vr.submitted_on
       FROM scale_plan p
       CROSS JOIN LATERAL generate_series(0, p.sessions - 1) si
       CROSS JOIN LATERAL (
         SELECT p.starts_on + p.step * si AS held_on,
                CASE p.model WHEN 'DIAGNOSTIC_TWO_DAYS' THEN 'FULL_DAY' WHEN 'HALF_DAY_WEEKLY_TWO_TERMS' THEN 'HALF_DAY'
                             ELSE (ARRAY['FULL_DAY', 'FULL_DAY', 'HALF_DAY', 'HOURS'])[1 + (p.h + si) % 4] END AS length) l
       CROSS JOIN LATERAL (
         SELECT CASE WHEN l.held_on < p.delivered_before THEN CASE WHEN (p.h + si) % 9 = 4 THEN 'CANCELLED' ELSE 'DELIVERED' END
                     WHEN p.status = 'CANCELLED' THEN 'CANCELLED' ELSE 'PLANNED' END AS status) st
       LEFT JOIN scale_visit_due due ON due.held_on = l.held_on
       -- Most visit records are in, some after their due day; a tenth of the last two months' are still awaited (overdue once due).
       CROSS JOIN LATERAL (
         SELECT CASE WHEN st.status = 'DELIVERED' AND NOT ((p.h + si) % 10 = 3 AND l.held_on >= date '${BROKERAGE_AS_OF}' - 60)
                          AND l.held_on + 2 + (p.g + si) % 9 < date '${BROKERAGE_AS_OF}'
                     THEN l.held_on + 2 + (p.g + si) % 9 END AS submitted_on) vr
      WHERE p.agreed`,
  );
  // Sessions go on agreed or active deployments only (the schema's trigger): agreed ones were inserted ACTIVE, given their sessions, and now end up where they did.
  await client.query(
    `UPDATE deployments d SET status = p.status::deployment_status, status_before_hold = p.before_hold::deployment_status
       FROM scale_plan p WHERE d.id = p.deployment_id AND p.agreed AND p.status <> 'ACTIVE'`,
  );
  const reviews = await client.query(
    `INSERT INTO designation_reviews (alliance_id, designation_id, trigger, reason, opened_on, outcome, outcome_notes, completed_on, deployment_id)
     SELECT p.alliance_id, p.designation_id, 'NO_IMPACT_EVIDENCE', 'no impact: the deployment to ' || p.supported_school_name || ' was rated NONE on ' || to_char(p.evaluated_on, 'YYYY-MM-DD'),
            p.evaluated_on, 'CONTINUED', 'Other deployments show impact; the designation continues.', p.evaluated_on + 30, p.deployment_id
       FROM scale_plan p WHERE p.impact_rating = 'NONE'`,
  );
  step(
    `${tariffs.rowCount} tariffs, ${(requests.rowCount ?? 0) + (open.rowCount ?? 0)} support requests (${open.rowCount} not brokered), ${deployments.rowCount} deployments, ` +
      `${signatures.rowCount} signatures, ${sessions.rowCount} sessions, ${reviews.rowCount} reviews after NONE ratings`,
  );
  await client.query('COMMIT');
}

/** The research topics the scale dataset's projects are about: title, area, key stages, keywords, the problem and what was measured. */
const RESEARCH_TOPICS: { title: string; area: string; stages: string[]; keywords: string[]; problem: string; outcome: string; measure: string }[] = [
  { title: 'Whole-class feedback in writing', area: 'ENGLISH', stages: ['KS2'], keywords: ['feedback', 'marking', 'writing', 'teacher workload'],
    problem: 'Marking writing took our teachers several hours a week, and pupils rarely acted on the written comments.', outcome: "pupils' editing of their own writing", measure: 'The number of substantive edits pupils made to their drafts' },
  { title: 'Retrieval practice quizzes in science', area: 'SCIENCE', stages: ['KS2', 'KS3'], keywords: ['retrieval practice', 'low-stakes quizzing', 'memory', 'science'],
    problem: 'Pupils forgot much of each science unit within weeks, and end-of-year tests showed it.', outcome: 'end-of-unit science scores', measure: 'The share of questions on earlier units answered correctly' },
  { title: 'Bar modelling for multiplicative reasoning', area: 'MATHS', stages: ['KS2'], keywords: ['bar model', 'reasoning', 'mastery', 'mathematics'],
    problem: 'Pupils guessed an operation for multiplicative word problems instead of representing the structure of the problem.', outcome: "pupils' written reasoning in word problems", measure: 'The share of pupils drawing a correct model' },
  { title: 'Pre-teaching vocabulary for disadvantaged pupils', area: 'CLOSING_THE_GAP', stages: ['KS1', 'KS2'], keywords: ['vocabulary', 'disadvantage', 'pre-teaching', 'reading'],
    problem: 'Disadvantaged pupils met the key words of a topic for the first time in the lesson that relied on them.', outcome: 'the attainment gap for disadvantaged pupils', measure: 'The share of disadvantaged pupils using the taught words correctly in writing' },
  { title: 'Oral storytelling and early language in Reception', area: 'EARLY_YEARS', stages: ['EYFS'], keywords: ['oracy', 'storytelling', 'early language', 'communication'],
    problem: 'Many children started Reception with spoken language well below what the curriculum assumes.', outcome: "children's spoken language", measure: 'The share of children retelling a story in sequence with connectives' },
  { title: 'Systematic phonics catch-up in Year 2', area: 'PHONICS', stages: ['KS1'], keywords: ['phonics', 'reading fluency', 'intervention', 'catch-up'],
    problem: 'Pupils who did not pass the phonics screening check in Year 1 fell further behind in reading.', outcome: 'reading fluency in Year 2', measure: 'The share of pupils reading age-appropriate text at ninety words a minute' },
  { title: 'Adaptive teaching for pupils with SEND in mainstream classes', area: 'SEND', stages: ['KS2', 'KS3'], keywords: ['SEND', 'adaptive teaching', 'scaffolding', 'inclusion'],
    problem: 'Pupils with special educational needs spent much of the lesson with an adult outside the main teaching.', outcome: 'the participation of pupils with SEND', measure: 'The share of lesson time pupils with SEND spent on the class task' },
  { title: 'Instructional coaching for early career teachers', area: 'EARLY_CAREER_TEACHERS', stages: ['KS3', 'KS4'], keywords: ['instructional coaching', 'early career teachers', 'CPD', 'mentoring'],
    problem: 'Early career teachers received general advice after observations, and little of it changed their practice.', outcome: "early career teachers' classroom practice", measure: 'The share of agreed action steps seen in the next lesson visit' },
  { title: 'Disciplinary reading in Key Stage 3 history', area: 'HISTORY', stages: ['KS3'], keywords: ['disciplinary literacy', 'reading', 'history', 'sources'],
    problem: 'Pupils read historical sources for information and rarely asked who wrote them, when and why.', outcome: "pupils' analysis of sources", measure: 'The share of answers that questioned the provenance of a source' },
  { title: 'Attendance mentoring in Year 9', area: 'ATTENDANCE', stages: ['KS3'], keywords: ['attendance', 'mentoring', 'belonging', 'persistent absence'],
    problem: 'Persistent absence rose sharply in Year 9, most of all among pupils who said they did not belong at school.', outcome: 'attendance in Year 9', measure: 'The share of mentored pupils attending at least nine days in ten' },
  { title: 'Worked examples in GCSE mathematics', area: 'MATHS', stages: ['KS4'], keywords: ['worked examples', 'cognitive load', 'mathematics', 'GCSE'],
    problem: 'Pupils started independent practice before they could follow a complete method, and practised errors.', outcome: 'GCSE mathematics outcomes', measure: 'The share of multi-step questions answered with a complete method' },
  { title: 'Calm routines at lesson transitions', area: 'BEHAVIOUR_AND_DISCIPLINE', stages: ['KS2', 'KS3'], keywords: ['behaviour', 'routines', 'transitions', 'classroom climate'],
    problem: 'The first minutes of lessons were lost to settling, and low-level disruption grew after every transition.', outcome: 'learning time at the start of lessons', measure: 'The share of lessons under way within three minutes' },
  { title: 'Speaking routines in modern foreign languages', area: 'MODERN_FOREIGN_LANGUAGES', stages: ['KS3'], keywords: ['spoken language', 'phonics', 'languages', 'confidence'],
    problem: 'Pupils were reluctant to speak the language in class and relied on written phrases.', outcome: "pupils' spoken French and Spanish", measure: 'The share of pupils sustaining a short unscripted exchange' },
  { title: 'Metacognition and independent study in the sixth form', area: 'MOST_ABLE', stages: ['KS5'], keywords: ['metacognition', 'independent study', 'sixth form', 'self-regulation'],
    problem: 'Sixth formers spent independent study time rereading notes, which they believed worked.', outcome: "sixth formers' use of independent study", measure: 'The share of students planning and testing themselves weekly' },
];
/** A project's status by `h % 20`: 30% published, the rest of the lifecycle in rough national proportion. */
const RESEARCH_STATUSES = [
  'PUBLISHED', 'IN_PROGRESS', 'PROPOSED', 'PUBLISHED', 'APPROVED', 'WRITING_UP', 'PUBLISHED', 'IN_PROGRESS', 'SUBMITTED', 'PUBLISHED',
  'REJECTED', 'IN_PROGRESS', 'PUBLISHED', 'REVISIONS_REQUESTED', 'APPROVED', 'ACCEPTED', 'PUBLISHED', 'WRITING_UP', 'WITHDRAWN', 'PROPOSED',
];
const METHODOLOGIES = ['ACTION_RESEARCH', 'LESSON_STUDY', 'ACTION_RESEARCH', 'CASE_STUDY', 'RCT', 'SURVEY', 'ACTION_RESEARCH', 'LESSON_STUDY', 'OTHER'];
const UNIVERSITIES = ['University of Warwick', 'UCL Institute of Education', 'University of Leeds', 'Sheffield Hallam University', 'University of Bristol', 'Durham University'];
/** Valid ORCID iDs in the 0000-0002 block (check digit by ISO 7064 MOD 11-2), picked by number. */
const ORCIDS = Array.from({ length: 997 }, (_, i) => {
  const digits = `00000002${String(1_000_000 + i * 7_919).padStart(7, '0')}`;
  return (digits + orcidCheckDigit(digits)).match(/.{4}/g)!.join('-');
});

/**
 * Research at national proportions, each table one set-based statement: 40 to 80 projects an
 * alliance (not scaled with the staff: like rounds, a count per alliance) over 2023/24 to 2026/27 in
 * every status, 30% published (five in six of them public, in PedEx), led by one of the alliance's
 * ACTIVE Lead Practitioners (any staff record where it has none) with up to three contributors from
 * its staff, carried out in the lead's school and up to two more member schools, on a topic with
 * its area, key stages and keywords, funded by TLR3, bursary or other for three in five. Published
 * ones have the full publication metadata (slug unique across alliances, volume and issue by date,
 * DOI and or URL, PDF, licence) and their authors in order: the lead, the contributors (a fifth not
 * consenting to be named) and for one in five an academic partner. The `search` tsvector is a
 * generated column: PostgreSQL fills it from title, keywords and abstract. Research budgets for
 * each alliance and year. Project ids are fixed (`scaleRowId('research project', slug, k)`).
 */
async function seedResearch(client: Client, step: (label: string) => void): Promise<void> {
  await client.query('BEGIN');
  await client.query('SET LOCAL jit = off');
  const budgets = await client.query(
    `WITH a AS (SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS j FROM alliances WHERE slug LIKE 'scale-%')
     INSERT INTO research_budgets (alliance_id, academic_year, budget_pence)
     SELECT a.id, y, 400000 + (a.j % 5) * 100000 + (y - 2023) * 25000 FROM a CROSS JOIN generate_series(2023, 2026) y`,
  );
  const topics = RESEARCH_TOPICS.map((t) => [t.title, t.area, `{${t.stages.join(',')}}`, `{${t.keywords.map((k) => `"${k}"`).join(',')}}`, t.problem, t.outcome, t.measure]);
  await client.query(
    `CREATE TEMP TABLE scale_research ON COMMIT DROP AS
     WITH a AS (SELECT al.id, al.slug, al.name, (row_number() OVER (ORDER BY al.slug) - 1)::int AS j FROM alliances al WHERE al.slug LIKE 'scale-%'),
     staff AS MATERIALIZED (SELECT alliance_id, array_agg(id ORDER BY email) AS ids, array_agg(given_name || ' ' || family_name ORDER BY email) AS names,
                                   array_agg(school_id ORDER BY email) AS schools FROM people GROUP BY alliance_id),
     lps AS MATERIALIZED (SELECT p.alliance_id, array_agg(p.id ORDER BY p.email) AS ids FROM designations d JOIN people p ON p.id = d.person_id
                           WHERE d.type = 'LP' AND d.status = 'ACTIVE' GROUP BY p.alliance_id),
     mem AS MATERIALIZED (SELECT m.alliance_id, array_agg(m.school_id ORDER BY m.starts_on, s.urn) AS ids FROM alliance_school_memberships m JOIN schools s ON s.id = m.school_id
                           WHERE m.ends_on IS NULL GROUP BY m.alliance_id),
     t AS (SELECT (x.n - 1)::int AS n, x.title, x.area, x.stages, x.keywords, x.problem, x.outcome, x.measure
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
               AS x(title, area, stages, keywords, problem, outcome, measure, n)),
     x AS (
       SELECT a.id AS alliance_id, a.slug AS alliance_slug, a.j, k, hh.h, hh.h / 20 AS g FROM a
       CROSS JOIN LATERAL generate_series(0, 39 + (a.j * 17) % 41) k
       CROSS JOIN LATERAL (SELECT ((k + 1) * 7919 + a.j * 104729) % 10007 AS h) hh),
     y AS (
       SELECT x.*, s.status, t.title AS topic, t.area, t.stages::key_stage[] AS key_stages, t.keywords::text[] AS keywords, t.problem, t.outcome, t.measure,
              (${sqlArray(METHODOLOGIES)})[1 + x.g % ${METHODOLOGIES.length}] AS methodology,
              CASE s.status WHEN 'PUBLISHED' THEN 2023 + x.g % 3 WHEN 'REJECTED' THEN 2023 + x.g % 4 WHEN 'WITHDRAWN' THEN 2023 + x.g % 4
                            WHEN 'IN_PROGRESS' THEN 2025 + x.g % 2 WHEN 'PROPOSED' THEN 2026 WHEN 'APPROVED' THEN 2026 ELSE 2025 END AS year,
              coalesce(lps.ids[1 + (x.k * 7 + x.j) % cardinality(lps.ids)], staff.ids[1 + (x.k * 31 + x.j) % cardinality(staff.ids)]) AS lead_id,
              staff.ids AS staff_ids, mem.ids AS school_ids, x.h % 4 AS contributors
         FROM x
         CROSS JOIN LATERAL (SELECT (${sqlArray(RESEARCH_STATUSES)})[1 + x.h % 20] AS status) s
         JOIN t ON t.n = (x.k * 5 + x.j + x.h / 997) % ${RESEARCH_TOPICS.length}
         JOIN staff ON staff.alliance_id = x.alliance_id JOIN mem ON mem.alliance_id = x.alliance_id LEFT JOIN lps ON lps.alliance_id = x.alliance_id),
     z AS (
       SELECT y.*, lead.given_name || ' ' || lead.family_name AS lead_name, lead.school_id AS lead_school_id, ls.name AS lead_school_name,
              y.topic || ' (' || (ARRAY['a pilot', 'two schools', 'a second cycle', 'across the alliance', 'a trial', 'one year on', 'a case study', 'new to the approach'])[1 + y.g % 8] || ')' AS title,
              CASE WHEN y.status IN ('PROPOSED', 'APPROVED') THEN make_date(y.year, 9, 1) + 30 + y.h % 90 ELSE make_date(y.year, 9, 1) + y.h % 45 END AS starts_on
         FROM y JOIN people lead ON lead.id = y.lead_id JOIN schools ls ON ls.id = lead.school_id),
     w AS (
       SELECT z.*, CASE WHEN z.status IN ('PUBLISHED', 'ACCEPTED', 'SUBMITTED', 'REVISIONS_REQUESTED') THEN z.starts_on + 240 + z.h % 60
                        WHEN z.status IN ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'WRITING_UP') THEN z.starts_on + 270 + z.h % 60 END AS ends_on
         FROM z),
     v AS (
       SELECT w.*, CASE WHEN w.status = 'PUBLISHED' THEN least(w.ends_on + 30 + w.h % 90, date '${BROKERAGE_AS_OF}' - 1 - w.h % 20) END AS published_on FROM w)
     SELECT v.*, ${scaleRowIdSql(RESEARCH_PROJECT, 'v.alliance_slug', 'v.k')} AS project_id,
            CASE WHEN v.status = 'PUBLISHED' THEN trim(both '-' FROM regexp_replace(lower(replace(v.title, '''', '')), '[^a-z0-9]+', '-', 'g')) || '-' || v.alliance_slug || '-' || v.k END AS slug,
            v.status = 'PUBLISHED' AND v.g % 6 <> 5 AS public
       FROM v`,
    topics[0].map((_, c) => topics.map((t) => t[c])),
  );
  const projects = await client.query(
    `INSERT INTO research_projects (id, alliance_id, title, research_question, abstract, methodology, status, visibility, funding_type, funding_pence, funding_academic_year,
                                    area_ids, key_stages, keywords, starts_on, ends_on, slug, journal_title, issn, volume, issue, published_on, doi, url, pdf_url, licence,
                                    created_at, updated_at, version)
     SELECT r.project_id, r.alliance_id, r.title,
            'Does ' || lower(left(r.topic, 1)) || substr(r.topic, 2) || ' improve ' || r.outcome || '?',
            CASE WHEN r.status NOT IN ('PROPOSED', 'APPROVED') OR r.h % 3 = 0 THEN
              r.problem || ' ' ||
              CASE r.methodology
                WHEN 'ACTION_RESEARCH' THEN 'Over two terms, teachers in ' || (2 + r.h % 3) || ' schools of the alliance ran two cycles of action research: they planned a change together, tried it with their classes and reviewed pupils'' work every half term.'
                WHEN 'LESSON_STUDY' THEN 'Three teachers in two schools ran three lesson study cycles, planning one research lesson together, observing three case pupils closely and refining the lesson for the next class.'
                WHEN 'CASE_STUDY' THEN 'We followed six pupils and their teachers for a year as a case study, with lesson observations, interviews and samples of work each term.'
                WHEN 'RCT' THEN 'We randomly allocated ' || (6 + r.h % 10) || ' classes in ' || (3 + r.h % 4) || ' schools to the approach or to their usual teaching for two units, and compared end-of-unit tests marked by a teacher who did not know the allocation.'
                WHEN 'SURVEY' THEN 'We surveyed ' || (40 + r.h % 160) || ' teachers and ' || (200 + r.h % 800) || ' pupils across the alliance before and after the change, and interviewed a sample of each.'
                ELSE 'We combined a review of the research evidence with a small pilot in ' || (2 + r.h % 5) || ' classes, collecting pupils'' work and teachers'' reflections.' END || ' ' ||
              CASE WHEN r.status IN ('PUBLISHED', 'ACCEPTED', 'SUBMITTED', 'REVISIONS_REQUESTED', 'WRITING_UP')
                   THEN r.measure || ' rose from ' || (18 + r.h % 30) || '% to ' || (50 + r.h % 40) || '%, and the gains were largest for pupils who had started furthest behind.'
                   ELSE 'We will measure ' || lower(left(r.measure, 1)) || substr(r.measure, 2) || ' before and after, and compare it with the previous cohort.' END || ' ' ||
              CASE WHEN r.h % 2 = 0 THEN 'Weekly feedback to pupils, given in class rather than in writing, was the part of the approach teachers kept, and feedback between colleagues after lesson visits helped them adapt it to their classes.'
                   ELSE 'Teachers valued the time to plan together, and said that looking closely at pupils'' work changed how they questioned the class.' END || ' ' ||
              (ARRAY['We recommend the approach to the alliance with a short protocol and the materials we used.',
                     'With a small sample the result is tentative, and we are repeating the study with more schools next year.',
                     'The materials are shared with the alliance''s subject networks, and two more schools have adopted the approach.'])[1 + r.g % 3]
            END,
            r.methodology::research_methodology, r.status::research_status, (CASE WHEN r.public THEN 'PUBLIC' ELSE 'ALLIANCE' END)::research_visibility,
            f.type::research_funding_type, f.pence, CASE WHEN f.type IS NOT NULL THEN r.year END,
            ARRAY(SELECT ao.id FROM areas_of_expertise ao WHERE ao.code = r.area OR (r.h % 3 = 0 AND ao.code = 'LEADERSHIP_OF_CPD') ORDER BY ao.position),
            r.key_stages, r.keywords, r.starts_on, r.ends_on, r.slug,
            CASE WHEN r.published_on IS NOT NULL THEN '${PEDEX_JOURNAL_TITLE.replace(/'/g, "''")}' END, CASE WHEN r.published_on IS NOT NULL THEN '${PEDEX_ISSN}' END,
            (extract(year FROM r.published_on)::int - 2016)::text, CASE WHEN r.published_on IS NULL THEN NULL WHEN extract(month FROM r.published_on) <= 6 THEN '1' ELSE '2' END,
            r.published_on,
            CASE WHEN r.published_on IS NOT NULL AND r.h % 4 <> 3 THEN '10.5555/pedex.' || extract(year FROM r.published_on) || '.' || r.slug END,
            CASE WHEN r.published_on IS NOT NULL AND r.h % 4 >= 2 THEN 'https://pedex.example.org/articles/' || r.slug END,
            CASE WHEN r.published_on IS NOT NULL THEN 'https://pedex.example.org/articles/' || r.slug || '.pdf' END,
            CASE WHEN r.published_on IS NULL THEN NULL WHEN r.g % 4 = 3 THEN 'CC BY-NC 4.0' ELSE 'CC BY 4.0' END,
            (r.starts_on - 60)::timestamp AT TIME ZONE 'Europe/London' + make_interval(secs => (r.h * 37) % 36000 + 28800),
            (coalesce(r.published_on, least(coalesce(r.ends_on, r.starts_on), date '${BROKERAGE_AS_OF}' - 1 - r.h % 60)))::timestamp AT TIME ZONE 'Europe/London'
              + make_interval(secs => (r.h * 7919 + r.j * 31) % 36000 + 28800),
            1 + r.h % 5
       FROM scale_research r
       CROSS JOIN LATERAL (SELECT CASE r.g % 5 WHEN 0 THEN 'TLR3' WHEN 1 THEN 'BURSARY' WHEN 2 THEN 'OTHER' END AS type) f0
       CROSS JOIN LATERAL (SELECT f0.type, CASE f0.type WHEN 'TLR3' THEN 150000 - (r.h % 3) * 25000 WHEN 'BURSARY' THEN 60000 + (r.h % 5) * 10000 WHEN 'OTHER' THEN 25000 END AS pence) f`,
  );
  const members = await client.query(
    `INSERT INTO research_project_members (alliance_id, project_id, person_id, role)
     SELECT r.alliance_id, r.project_id, r.lead_id, 'LEAD'::research_member_role FROM scale_research r
     UNION ALL
     SELECT r.alliance_id, r.project_id, r.staff_ids[1 + (r.k * 13 + c * 101 + r.j) % cardinality(r.staff_ids)], 'CONTRIBUTOR'::research_member_role
       FROM scale_research r CROSS JOIN LATERAL generate_series(1, r.contributors) c
     ON CONFLICT (project_id, person_id) DO NOTHING`,
  );
  const schools = await client.query(
    `INSERT INTO research_project_schools (alliance_id, project_id, school_id, position)
     SELECT r.alliance_id, r.project_id, r.lead_school_id, 1 FROM scale_research r
     UNION ALL
     SELECT r.alliance_id, r.project_id, r.school_ids[1 + (r.k * 11 + s * 29 + r.j) % cardinality(r.school_ids)], 1 + s
       FROM scale_research r CROSS JOIN LATERAL generate_series(1, r.g % 3) s
     ON CONFLICT (project_id, school_id) DO NOTHING`,
  );
  // Authors as published: the lead, the contributors (by role, then staff record; a fifth not consenting to be named), and for one in five an academic partner.
  const authors = await client.query(
    `WITH team AS (
       SELECT r.alliance_id, r.project_id, r.h, p.id AS person_id, p.given_name || ' ' || p.family_name AS name, s.name AS school_name,
              row_number() OVER (PARTITION BY r.project_id ORDER BY m.role, p.email)::int AS position
         FROM scale_research r JOIN research_project_members m ON m.project_id = r.project_id JOIN people p ON p.id = m.person_id
         LEFT JOIN schools s ON s.id = p.school_id
        WHERE r.published_on IS NOT NULL)
     INSERT INTO research_authors (alliance_id, project_id, position, display_name, affiliation, orcid, consent_to_be_named, person_id)
     SELECT t.alliance_id, t.project_id, t.position, t.name, t.school_name,
            CASE WHEN (t.h + t.position) % 3 <> 2 THEN ($1::text[])[1 + (t.h * 7 + t.position * 13) % cardinality($1::text[])] END,
            t.position = 1 OR (t.h + t.position) % 5 <> 4, t.person_id
       FROM team t
     UNION ALL
     SELECT r.alliance_id, r.project_id, (SELECT count(*) FROM research_project_members m WHERE m.project_id = r.project_id)::int + 1,
            'Dr ' || (${sqlArray(GIVEN)})[1 + r.h % ${GIVEN.length}] || ' ' || (${sqlArray(FAMILY)})[1 + r.g % ${FAMILY.length}],
            (${sqlArray(UNIVERSITIES)})[1 + r.k % ${UNIVERSITIES.length}], ($1::text[])[1 + (r.h * 3 + 500) % cardinality($1::text[])], true, NULL
       FROM scale_research r WHERE r.published_on IS NOT NULL AND r.g % 5 = 0`,
    [ORCIDS],
  );
  const counts = await client.query<{ published: number; public: number }>(
    `SELECT count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published, count(*) FILTER (WHERE visibility = 'PUBLIC')::int AS public FROM research_projects`,
  );
  step(
    `${projects.rowCount} research projects (${counts.rows[0].published} published, ${counts.rows[0].public} of them public), ${members.rowCount} members, ` +
      `${schools.rowCount} project schools, ${authors.rowCount} authors, ${budgets.rowCount} research budgets`,
  );
  await client.query('COMMIT');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { fraction: { type: 'string', default: '1' }, replace: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const fraction = Number(values.fraction);
  if (!(fraction > 0 && fraction <= 1)) {
    process.stderr.write(`seed:scale: --fraction must be above 0 and at most 1\n\n${USAGE}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(`seed:scale: DATABASE_URL must name the database to build (it is created if missing)\n\n${USAGE}`);
    return 2;
  }
  const host = new URL(url).hostname;
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database) {
    process.stderr.write('seed:scale: DATABASE_URL names no database\n');
    return 2;
  }
  const size = scaleSize(fraction);
  const started = performance.now();
  let last = started;
  const step = (label: string) => {
    const now = performance.now();
    process.stderr.write(`  ${label} (${((now - last) / 1000).toFixed(1)} s)\n`);
    last = now;
  };
  process.stderr.write(`Building the scale dataset (fraction ${fraction}) into ${database} on ${host}\n`);

  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
    if (exists && values.replace) await admin.query(`DROP DATABASE ${admin.escapeIdentifier(database)} WITH (FORCE)`);
    if (!exists || values.replace) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  const dataSource = createDataSource({ url, poolSize: 2, statementTimeoutMs: null, applicationName: 'alliance-graph-seed-scale' });
  await dataSource.initialize();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-scale-'));
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ n }] = (await dataSource.query('SELECT count(*)::int AS n FROM schools')) as { n: number }[];
    if (n > 0) {
      process.stderr.write(`seed:scale: ${database} already has ${n} schools; run again with --replace to rebuild it\n`);
      return 1;
    }
    step('database migrated');
    const file = path.join(tmp, 'edubasealldata-scale.csv');
    writeGiasFile(file, size.schools);
    step(`GIAS file of ${size.schools} establishments written (${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB)`);
    let shown = 0;
    const report = await importGias(dataSource, file, {
      batchSize: 1000,
      onProgress: (p) => {
        if (p.rows - shown >= 10_000 || p.rows === size.schools) {
          shown = p.rows;
          process.stderr.write(`    import: ${p.rows} rows, ${p.inserted} inserted, ${p.rejected} rejected\n`);
        }
      },
    });
    if (report.rejected.length || report.inserted !== size.schools) throw new Error(`the import rejected ${report.rejected.length} rows (first: ${JSON.stringify(report.rejected[0])})`);
    step(`schools imported through the GIAS import: ${report.inserted} inserted`);

    const client = new Client({ connectionString: url, application_name: 'alliance-graph-seed-scale' });
    await client.connect();
    try {
      await seedTenants(client, size, step);
      await seedDesignations(client, step);
      await seedBrokerage(client, step);
      await seedResearch(client, step);
      await client.query('VACUUM ANALYZE');
      step('VACUUM ANALYZE');
      await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(database)} IS '${SCALE_MARK} ${JSON.stringify({ fraction, ...size })}'`);
    } finally {
      await client.end();
    }
    process.stderr.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Benchmark it with: DATABASE_URL=${url.replace(/:[^:@/]*@/, ':***@')} npm run bench\n`);
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await dataSource.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`seed:scale failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
