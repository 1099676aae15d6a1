import { Client } from 'pg';

/** The database comment that says a database holds the scale dataset, followed by its sizes as JSON. v2: with system leaders (designations, rounds). */
export const SCALE_MARK = 'alliance-graph scale dataset v2';

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
