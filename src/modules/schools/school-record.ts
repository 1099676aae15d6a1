import { EntityManager } from 'typeorm';

/** A school as the register describes it: what an import or the demo data writes. */
export interface SchoolRecord {
  urn: string;
  name: string;
  laCode: string | null;
  laName: string | null;
  establishmentNumber: string | null;
  typeCode: string | null;
  typeName: string | null;
  typeGroupCode: string | null;
  typeGroupName: string | null;
  statusCode: string | null;
  statusName: string | null;
  phaseCode: string | null;
  phaseName: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  religiousCharacterCode: string | null;
  religiousCharacterName: string | null;
  dioceseCode: string | null;
  dioceseName: string | null;
  trustCode: string | null;
  trustName: string | null;
  ukprn: string | null;
  postcode: string | null;
  town: string | null;
  openDate: string | null;
  closeDate: string | null;
  lastChangedDate: string | null;
}

const COLUMNS: [keyof SchoolRecord, string][] = [
  ['urn', 'urn'], ['name', 'name'], ['laCode', 'la_code'], ['laName', 'la_name'], ['establishmentNumber', 'establishment_number'],
  ['typeCode', 'type_code'], ['typeName', 'type_name'], ['typeGroupCode', 'type_group_code'], ['typeGroupName', 'type_group_name'],
  ['statusCode', 'status_code'], ['statusName', 'status_name'], ['phaseCode', 'phase_code'], ['phaseName', 'phase_name'],
  ['statutoryLowAge', 'statutory_low_age'], ['statutoryHighAge', 'statutory_high_age'],
  ['religiousCharacterCode', 'religious_character_code'], ['religiousCharacterName', 'religious_character_name'],
  ['dioceseCode', 'diocese_code'], ['dioceseName', 'diocese_name'], ['trustCode', 'trust_code'], ['trustName', 'trust_name'],
  ['ukprn', 'ukprn'], ['postcode', 'postcode'], ['town', 'town'], ['openDate', 'open_date'], ['closeDate', 'close_date'],
  ['lastChangedDate', 'last_changed_date'],
];
/** Every field of a SchoolRecord, in column order: what upsertSchools writes unless told otherwise. */
export const SCHOOL_FIELDS: readonly (keyof SchoolRecord)[] = COLUMNS.map(([key]) => key);

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * One statement for a batch, keyed on the URN: new schools are inserted, changed ones updated, and
 * identical ones left alone (so a second run of the same file changes nothing, not even updated_at).
 * URNs must be unique within the batch.
 *
 * `fields` are the fields the records really carry (by default all of them): only those are written,
 * and only they decide whether a school changed. A school's other columns keep their stored values,
 * so a source that lacks a column (a narrower GIAS extract) does not wipe it; a new school gets NULL
 * there. The URN and the name are always needed, since a new school cannot be inserted without them.
 */
export async function upsertSchools(
  em: EntityManager,
  records: readonly SchoolRecord[],
  fields: readonly (keyof SchoolRecord)[] = SCHOOL_FIELDS,
): Promise<UpsertCounts> {
  for (const required of ['urn', 'name'] as const) {
    if (!fields.includes(required)) throw new Error(`upsertSchools: the fields to write must include "${required}"`);
  }
  if (!records.length) return { inserted: 0, updated: 0, unchanged: 0 };
  // Column order, without repeats, whatever order the caller gave.
  const written = COLUMNS.filter(([key]) => fields.includes(key));
  const updatable = written.map(([, column]) => column).filter((column) => column !== 'urn');
  const params: unknown[] = [];
  const rows = records.map((record) => `(${written.map(([key]) => `$${params.push(record[key])}`).join(', ')})`);
  const names = written.map(([, column]) => column);
  const result: { inserted: boolean }[] = await em.query(
    `INSERT INTO schools AS s (${names.join(', ')}) VALUES ${rows.join(', ')}
     ON CONFLICT (urn) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
     WHERE (${updatable.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})
     RETURNING (xmax = 0) AS inserted`,
    params,
  );
  const inserted = result.filter((r) => r.inserted).length;
  const updated = result.length - inserted;
  return { inserted, updated, unchanged: records.length - result.length };
}

/** GIAS writes "02" in some files and "2" in others; numeric codes are kept without leading zeros. */
export function normaliseCode(code: string): string {
  const trimmed = code.trim();
  return /^\d+$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
}
