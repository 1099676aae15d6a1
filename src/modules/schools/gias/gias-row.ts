import { normaliseCode, SchoolRecord } from '../school-record';
import { ColumnIndex, GIAS_COLUMNS, GiasField } from './gias-columns';

export type GiasRowResult = { ok: true; school: SchoolRecord } | { ok: false; reason: string };

/**
 * One data record of a GIAS file (its fields in file order) as a school, or every reason it cannot
 * be one. Pure: duplicates and column counts are the importer's business, since they need the file.
 * Limits mirror the schools table, so a row that passes here is never refused by the database.
 */
export function readGiasRow(fields: readonly string[], columns: ColumnIndex): GiasRowResult {
  const problems: string[] = [];
  const text = (field: GiasField): string | null => {
    const i = columns[field];
    const value = i === undefined ? '' : (fields[i] ?? '').trim();
    return value === '' ? null : value;
  };
  const limited = (field: GiasField, max: number, value: string | null): string | null => {
    if (value !== null && value.length > max) problems.push(`${GIAS_COLUMNS[field]} "${value}" is longer than ${max} characters`);
    return value;
  };
  const matching = (field: GiasField, pattern: RegExp, rule: string): string | null => {
    const value = text(field);
    if (value !== null && !pattern.test(value)) problems.push(`${GIAS_COLUMNS[field]} "${value}" ${rule}`);
    return value;
  };
  // Unknown codes are kept: GIAS adds codes without notice, and the code is what filters match on.
  const code = (field: GiasField, max = 8): string | null => {
    const value = text(field);
    return limited(field, max, value === null ? null : normaliseCode(value));
  };
  const date = (field: GiasField): string | null => {
    const value = text(field);
    if (value === null) return null;
    const iso = parseGiasDate(value);
    if (iso === undefined) problems.push(`${GIAS_COLUMNS[field]} "${value}" is not a date (dd-mm-yyyy)`);
    return iso ?? null;
  };
  const age = (field: GiasField): number | null => {
    const value = text(field);
    if (value === null) return null;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    problems.push(`${GIAS_COLUMNS[field]} "${value}" is not an age in whole years (0 to 99)`);
    return null;
  };

  const urn = text('urn');
  if (urn === null) problems.push('URN is empty');
  else if (!/^\d{6}$/.test(urn)) problems.push(`URN "${urn}" must be 6 digits`);
  const name = text('name');
  if (name === null) problems.push('EstablishmentName is empty');

  const school: SchoolRecord = {
    urn: urn ?? '',
    name: name ?? '',
    laCode: matching('laCode', /^\d{3}$/, 'must be 3 digits'),
    laName: text('laName'),
    establishmentNumber: limited('establishmentNumber', 4, text('establishmentNumber')),
    typeCode: code('typeCode'),
    typeName: text('typeName'),
    typeGroupCode: code('typeGroupCode'),
    typeGroupName: text('typeGroupName'),
    statusCode: code('statusCode'),
    statusName: text('statusName'),
    phaseCode: code('phaseCode'),
    phaseName: text('phaseName'),
    statutoryLowAge: age('statutoryLowAge'),
    statutoryHighAge: age('statutoryHighAge'),
    religiousCharacterCode: code('religiousCharacterCode'),
    religiousCharacterName: text('religiousCharacterName'),
    dioceseCode: code('dioceseCode'),
    dioceseName: text('dioceseName'),
    trustCode: code('trustCode', 16),
    trustName: text('trustName'),
    ukprn: matching('ukprn', /^\d{8}$/, 'must be 8 digits'),
    postcode: limited('postcode', 10, text('postcode')),
    town: text('town'),
    openDate: date('openDate'),
    closeDate: date('closeDate'),
    lastChangedDate: date('lastChangedDate'),
  };
  return problems.length ? { ok: false, reason: problems.join('; ') } : { ok: true, school };
}

/** GIAS dates are dd-mm-yyyy; returns yyyy-mm-dd, or undefined for anything else or a day that does not exist. */
export function parseGiasDate(value: string): string | undefined {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const [, dd, mm, yyyy] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  date.setUTCFullYear(Number(yyyy), Number(mm) - 1, Number(dd));
  // Year 0 does not exist for PostgreSQL.
  const valid = Number(yyyy) > 0 && date.getUTCFullYear() === Number(yyyy) && date.getUTCMonth() === Number(mm) - 1 && date.getUTCDate() === Number(dd);
  return valid ? `${yyyy}-${mm}-${dd}` : undefined;
}
