import { SchoolRecord } from '../school-record';

/**
 * Where each SchoolRecord field comes from in a GIAS establishment file (edubasealldataYYYYMMDD.csv).
 * The names are GIAS's own, character for character: users compare them with the file's header.
 * Every other column of the file (there are about 140) is ignored.
 */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  laCode: 'LA (code)',
  laName: 'LA (name)',
  establishmentNumber: 'EstablishmentNumber',
  typeCode: 'TypeOfEstablishment (code)',
  typeName: 'TypeOfEstablishment (name)',
  typeGroupCode: 'EstablishmentTypeGroup (code)',
  typeGroupName: 'EstablishmentTypeGroup (name)',
  statusCode: 'EstablishmentStatus (code)',
  statusName: 'EstablishmentStatus (name)',
  phaseCode: 'PhaseOfEducation (code)',
  phaseName: 'PhaseOfEducation (name)',
  statutoryLowAge: 'StatutoryLowAge',
  statutoryHighAge: 'StatutoryHighAge',
  religiousCharacterCode: 'ReligiousCharacter (code)',
  religiousCharacterName: 'ReligiousCharacter (name)',
  dioceseCode: 'Diocese (code)',
  dioceseName: 'Diocese (name)',
  trustCode: 'Trusts (code)',
  trustName: 'Trusts (name)',
  ukprn: 'UKPRN',
  postcode: 'Postcode',
  town: 'Town',
  openDate: 'OpenDate',
  closeDate: 'CloseDate',
  lastChangedDate: 'LastChangedDate',
} as const satisfies Record<keyof SchoolRecord, string>;

export type GiasField = keyof typeof GIAS_COLUMNS;

/** Without these a row cannot be identified, so a file lacking them is refused before any write. */
export const REQUIRED_COLUMNS: readonly string[] = [GIAS_COLUMNS.urn, GIAS_COLUMNS.name];

/** The position of each mapped column in the file; undefined when the file does not have it. */
export type ColumnIndex = Record<GiasField, number | undefined>;

export interface HeaderMatch {
  columns: ColumnIndex;
  /** Fields whose column the header has: the only ones an import may write (see upsertSchools). */
  present: GiasField[];
  /** Required columns the header lacks: the file cannot be imported. */
  missingRequired: string[];
  /** Mapped columns the header lacks (older or narrower extracts): stored values are kept, new schools get them empty. */
  missingOptional: string[];
}

export function matchHeader(header: readonly string[]): HeaderMatch {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    // A BOM left by a forced encoding would otherwise hide the first column's name.
    const name = cell.replace(/^\uFEFF/, '').trim();
    if (!positions.has(name)) positions.set(name, i);
  });
  const columns = {} as ColumnIndex;
  const present: GiasField[] = [];
  const missing: string[] = [];
  for (const [field, name] of Object.entries(GIAS_COLUMNS) as [GiasField, string][]) {
    columns[field] = positions.get(name);
    if (columns[field] === undefined) missing.push(name);
    else present.push(field);
  }
  return {
    columns,
    present,
    missingRequired: missing.filter((name) => REQUIRED_COLUMNS.includes(name)),
    missingOptional: missing.filter((name) => !REQUIRED_COLUMNS.includes(name)),
  };
}
