import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * The database comment that says a database holds the scale dataset, followed by its sizes as JSON.
 * v2: with system leaders (designations, rounds). v3: with brokerage (tariffs, support requests,
 * deployments, their signatures and sessions). v4: with research (projects in every status, their
 * members, schools and authors, PedEx's published ones).
 */
export const SCALE_MARK = 'alliance-graph scale dataset v4';

export interface ScaleSize {
  schools: number;
  alliances: number;
  peoplePerAlliance: number;
  formerMembersPerAlliance: number;
}

/** National size: the register's establishments, 50 alliances, 60,000 staff records. */
export const FULL_SCALE = { schools: 50_000, alliances: 50, people: 60_000 } as const;

/**
 * A fraction of the national size. Alliances and their current members stay the same (the nested
 * query returns the same rows); the register, former memberships and staff records scale.
 */
export function scaleSize(fraction: number): ScaleSize {
  return {
    schools: Math.round(FULL_SCALE.schools * fraction),
    alliances: FULL_SCALE.alliances,
    peoplePerAlliance: Math.round((FULL_SCALE.people / FULL_SCALE.alliances) * fraction),
    formerMembersPerAlliance: Math.round(400 * fraction),
  };
}

export type ScaleInfo = ScaleSize & { fraction: number };

/** The scale dataset's sizes, or undefined when the database was not built by `npm run seed:scale`. */
export async function readScaleMark(url: string): Promise<ScaleInfo | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()");
    const comment = rows[0]?.comment;
    if (!comment?.startsWith(SCALE_MARK)) return undefined;
    return JSON.parse(comment.slice(SCALE_MARK.length)) as ScaleInfo;
  } finally {
    await client.end();
  }
}

/**
 * The platform analyst the benchmark asks the platform's statistics as: seed-scale.ts makes them, and
 * the benchmark makes them in a dataset built before there were platform analysts (as it applies
 * the migrations). Returns their user id.
 */
export async function ensurePlatformAnalyst(client: Pick<Client, 'query'>): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO users (email, display_name, is_platform_analyst) VALUES ('analyst@platform.scale.invalid', 'Platform analyst', true)
     ON CONFLICT (email) DO UPDATE SET is_platform_analyst = true RETURNING id`,
  );
  return rows[0].id;
}

/**
 * Ids of the scale dataset's support requests and deployments are not random: md5 of their kind, the
 * alliance's slug and their number, the same in SQL (`scaleRowIdSql`) and here (`scaleRowId`), so a
 * reference query can name one row of a dataset built on any machine.
 */
export const scaleRowIdSql = (kind: string, slug: string, n: string): string => `md5('scale ${kind} ' || ${slug} || ' ' || ${n})::uuid`;

export function scaleRowId(kind: string, slug: string, n: number): string {
  const hex = createHash('md5').update(`scale ${kind} ${slug} ${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The support requests brokered into deployments (numbered by deployment), and the ones still open or withdrawn without one. */
export const BROKERED_REQUEST = 'support request';
export const OPEN_REQUEST = 'open support request';
export const DEPLOYMENT = 'deployment';
export const RESEARCH_PROJECT = 'research project';
