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
const UPDATABLE = COLUMNS.filter(([, column]) => column !== 'urn').map(([, column]) => column);

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * One statement for a batch, keyed on the URN: new schools are inserted, changed ones updated, and
 * identical ones left alone (so a second run of the same file changes nothing, not even updated_at).
 * URNs must be unique within the batch.
 */
export async function upsertSchools(em: EntityManager, records: readonly SchoolRecord[]): Promise<UpsertCounts> {
  if (!records.length) return { inserted: 0, updated: 0, unchanged: 0 };
  const params: unknown[] = [];
  const rows = records.map((record) => `(${COLUMNS.map(([key]) => `$${params.push(record[key])}`).join(', ')})`);
  const names = COLUMNS.map(([, column]) => column);
  const result: { inserted: boolean }[] = await em.query(
    `INSERT INTO schools AS s (${names.join(', ')}) VALUES ${rows.join(', ')}
     ON CONFLICT (urn) DO UPDATE SET ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
     WHERE (${UPDATABLE.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${UPDATABLE.map((c) => `EXCLUDED.${c}`).join(', ')})
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
