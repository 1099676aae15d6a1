import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { detectEncoding, GiasFileError, importGias, ImportReport, inspectEncoding } from '../src/modules/schools/gias/gias-import';
import { parseGiasDate } from '../src/modules/schools/gias/gias-row';
import { createTestDatabase, TestDatabase } from './helpers/database';

const FIXTURES = path.join(__dirname, 'fixtures', 'gias');
const fixture = (name: string) => path.join(FIXTURES, `edubasealldata-${name}.csv`);
// The fixtures carry a real GIAS header row (131 columns); generated files reuse it.
const HEADER = fs.readFileSync(fixture('clean'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',');

let db: TestDatabase;
const tmpFiles: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  for (const file of tmpFiles) fs.rmSync(file, { force: true });
  await db.drop();
});

function tmpFile(extension = 'csv'): string {
  const file = path.join(os.tmpdir(), `gias-test-${randomBytes(6).toString('hex')}.${extension}`);
  tmpFiles.push(file);
  return file;
}

/** A GIAS row with plausible values in the mapped columns; every other column is empty. */
function giasRow(urn: string, name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    URN: urn, EstablishmentName: name, 'LA (code)': '202', 'LA (name)': 'Camden', EstablishmentNumber: '2001',
    'TypeOfEstablishment (code)': '01', 'TypeOfEstablishment (name)': 'Community school',
    'EstablishmentTypeGroup (code)': '4', 'EstablishmentTypeGroup (name)': 'Local authority maintained schools',
    'EstablishmentStatus (code)': '1', 'EstablishmentStatus (name)': 'Open', 'PhaseOfEducation (code)': '2', 'PhaseOfEducation (name)': 'Primary',
    StatutoryLowAge: '4', StatutoryHighAge: '11', 'ReligiousCharacter (code)': '00', 'ReligiousCharacter (name)': 'Does not apply',
    'Diocese (code)': '0000', 'Diocese (name)': 'Not applicable', UKPRN: '10012345', Postcode: 'NW1 9ZZ', Town: 'London',
    OpenDate: '01-09-2010', LastChangedDate: '12-03-2024', 'Gender (name)': 'Mixed', NumberOfPupils: '420', SchoolCapacity: '450',
    Street: '1 Fictional Road', HeadFirstName: 'Ada', HeadLastName: 'Example', TelephoneNum: '02079460000', SchoolWebsite: 'www.example.org',
    'OfstedRating (name)': 'Good', ...extra,
  };
}

const csvLine = (row: Record<string, string>, header: string[] = HEADER) => header.map((h) => (/[",\r\n]/.test(row[h] ?? '') ? `"${row[h].replace(/"/g, '""')}"` : (row[h] ?? ''))).join(',');

function writeGiasFile(rows: (Record<string, string> | string)[], header: string[] = HEADER): string {
  const file = tmpFile();
  fs.writeFileSync(file, [header.join(','), ...rows.map((r) => (typeof r === 'string' ? r : csvLine(r, header)))].join('\r\n') + '\r\n');
  return file;
}

async function school(urn: string) {
  const [row] = await db.dataSource.query(
    `SELECT urn, name, la_code, la_name, establishment_number, type_code, type_name, type_group_code, type_group_name,
            status_code, status_name, phase_code, phase_name, statutory_low_age, statutory_high_age,
            religious_character_code, religious_character_name, diocese_code, diocese_name, trust_code, trust_name,
            ukprn, postcode, town, open_date::text, close_date::text, last_changed_date::text, categories, updated_at
       FROM schools WHERE urn = $1`,
    [urn],
  );
  return row;
}

/** updated_at of the clean and changed fixtures' schools, by URN. */
async function updatedAt(): Promise<Map<string, string>> {
  const rows: { urn: string; updated_at: Date }[] = await db.dataSource.query(`SELECT urn, updated_at FROM schools WHERE urn BETWEEN '990001' AND '990013'`);
  return new Map(rows.map((r) => [r.urn, r.updated_at.toISOString()]));
}

async function schoolCount(): Promise<number> {
  const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM schools');
  return count;
}

describe('GIAS dates', () => {
  it('turns dd-mm-yyyy into ISO dates and refuses days that do not exist', () => {
    expect(parseGiasDate('01-09-2012')).toBe('2012-09-01');
    expect(parseGiasDate('29-02-2024')).toBe('2024-02-29');
    expect(parseGiasDate('29-02-2023')).toBeUndefined();
    expect(parseGiasDate('31-02-2020')).toBeUndefined();
    expect(parseGiasDate('00-01-2020')).toBeUndefined();
    expect(parseGiasDate('2020-01-01')).toBeUndefined();
    expect(parseGiasDate('1-9-2012')).toBeUndefined();
  });
});

describe('importing a clean GIAS file', () => {
  let first: ImportReport;

  it('inserts every school and stores the mapped fields', async () => {
    first = await importGias(db.dataSource, fixture('clean'));
    expect(first).toMatchObject({ encoding: 'utf8', rows: 12, inserted: 12, updated: 0, unchanged: 0, rejected: [], missingColumns: [], interrupted: false });

    // The BOM was stripped (else the URN column would not be found), codes lose their leading zeros,
    // dates become ISO, placeholders are kept as GIAS gives them.
    expect(await school('990002')).toMatchObject({
      name: "St Aidan's Church of England Primary School", la_code: '209', la_name: 'Lewisham', establishment_number: '3301',
      type_code: '3', type_name: 'Voluntary controlled school', type_group_code: '4', type_group_name: 'Local authority maintained schools',
      status_code: '1', status_name: 'Open', phase_code: '2', phase_name: 'Primary', statutory_low_age: 4, statutory_high_age: 11,
      religious_character_code: '2', religious_character_name: 'Church of England', diocese_code: 'CE23', diocese_name: 'Diocese of Southwark',
      trust_code: null, trust_name: null, ukprn: '10099002', postcode: 'SE13 9ZZ', town: 'London',
      open_date: '1970-01-01', close_date: null, last_changed_date: '2024-02-05', categories: ['PRIMARY'],
    });
    expect(await school('990001')).toMatchObject({
      religious_character_code: '0', religious_character_name: 'Does not apply', diocese_code: '0', diocese_name: 'Not applicable', open_date: null,
    });
    expect(await school('990003')).toMatchObject({ trust_code: '17501', trust_name: 'Fictional Learning Trust', last_changed_date: '2024-02-29', categories: ['SECONDARY', 'ACADEMY'] });
    expect(await school('990005')).toMatchObject({ status_code: '2', status_name: 'Closed', close_date: '2019-08-31' });
    expect(await school('990006')).toMatchObject({ status_code: '3', status_name: 'Open, but proposed to close' });
    expect(await school('990009')).toMatchObject({ religious_character_code: '0', religious_character_name: 'None', ukprn: '10099009' });
    expect(await school('990012')).toMatchObject({
      name: 'Kingsmead College, Sixth Form Centre', establishment_number: null, type_code: '18', phase_code: '6', statutory_high_age: 99,
    });
  });

  it('changes nothing when the same file is imported again, not even updated_at', async () => {
    const before = await updatedAt();
    const again = await importGias(db.dataSource, fixture('clean'));
    expect(again).toMatchObject({ rows: 12, inserted: 0, updated: 0, unchanged: 12, rejected: [] });
    expect(await updatedAt()).toEqual(before);
  });

  it('counts changed schools as updated, new ones as inserted, and ignores changes in unmapped columns', async () => {
    const before = await updatedAt();
    const report = await importGias(db.dataSource, fixture('changed'));
    expect(report).toMatchObject({ rows: 13, inserted: 1, updated: 2, unchanged: 10, rejected: [] });
    expect(await school('990003')).toMatchObject({ name: 'Northgate Park Academy', last_changed_date: '2024-04-02' });
    expect(await school('990006')).toMatchObject({ status_code: '2', status_name: 'Closed', close_date: '2024-08-31' });
    expect(await school('990013')).toMatchObject({ name: 'Willow Green Primary School', status_name: 'Proposed to open', open_date: '2025-09-01' });
    const after = await updatedAt();
    const touched = [...after].filter(([urn, at]) => at !== before.get(urn)).map(([urn]) => urn);
    expect(touched.sort()).toEqual(['990003', '990006', '990013']);
  });
});

describe('a narrower GIAS file', () => {
  // The clean fixture without the Trusts and Diocese columns, and with 990011 (which has both) renamed.
  const LACKING = ['Diocese (code)', 'Diocese (name)', 'Trusts (code)', 'Trusts (name)'];

  it('keeps the values of the columns it lacks, and compares and updates only the columns it has', async () => {
    expect((await importGias(db.dataSource, fixture('clean'))).rejected).toEqual([]);
    const before = await updatedAt();
    const report = await importGias(db.dataSource, fixture('narrow'));
    expect(report).toMatchObject({ rows: 12, inserted: 0, updated: 1, unchanged: 11, rejected: [], missingColumns: LACKING });

    expect(await school('990011')).toMatchObject({
      name: 'Kingfisher Catholic All-Through School', trust_code: '17503', trust_name: 'Kingfisher Catholic Academy Trust',
      diocese_code: 'RC21', diocese_name: 'Archdiocese of Birmingham',
    });
    expect(await school('990003')).toMatchObject({ trust_code: '17501', trust_name: 'Fictional Learning Trust' });
    expect(await school('990008')).toMatchObject({ trust_code: '17502', trust_name: 'Harbour Education Trust' });
    expect(await school('990002')).toMatchObject({ diocese_code: 'CE23', diocese_name: 'Diocese of Southwark' });
    expect(await school('990001')).toMatchObject({ diocese_code: '0', diocese_name: 'Not applicable' });
    const after = await updatedAt();
    expect([...after].filter(([urn, at]) => at !== before.get(urn)).map(([urn]) => urn)).toEqual(['990011']);
  });

  it('changes nothing when imported again', async () => {
    const before = await updatedAt();
    const again = await importGias(db.dataSource, fixture('narrow'));
    expect(again).toMatchObject({ rows: 12, inserted: 0, updated: 0, unchanged: 12, rejected: [] });
    expect(await updatedAt()).toEqual(before);
  });

  it('inserts a new school with the columns it lacks empty, which a full file then fills', async () => {
    const header = HEADER.filter((h) => !LACKING.includes(h));
    const row = giasRow('990081', 'Narrow New School', { 'Diocese (code)': 'CE23', 'Diocese (name)': 'Diocese of Southwark', 'Trusts (code)': '17504', 'Trusts (name)': 'New Trust' });
    expect(await importGias(db.dataSource, writeGiasFile([row], header))).toMatchObject({ inserted: 1, rejected: [] });
    expect(await school('990081')).toMatchObject({ name: 'Narrow New School', la_code: '202', diocese_code: null, diocese_name: null, trust_code: null, trust_name: null });

    expect(await importGias(db.dataSource, writeGiasFile([row]))).toMatchObject({ updated: 1, missingColumns: [] });
    expect(await school('990081')).toMatchObject({ diocese_code: 'CE23', diocese_name: 'Diocese of Southwark', trust_code: '17504', trust_name: 'New Trust' });
  });
});

describe('encodings', () => {
  it('detects a Windows-1252 file and decodes its accents and curly apostrophes', async () => {
    const bytes = fs.readFileSync(fixture('windows-1252'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    const report = await importGias(db.dataSource, fixture('windows-1252'));
    expect(report).toMatchObject({ encoding: 'windows-1252', encodingDetected: true, firstNonUtf8Line: 2, rows: 3, inserted: 3, rejected: [] });
    expect((await school('990021')).name).toBe('St Thérèse’s Catholic Primary School');
    expect((await school('990022')).name).toBe('Brontë Academy – Haworth');
    expect((await school('990023')).name).toBe('Ælfric Grammar School');
  });

  it('accepts an explicit encoding', async () => {
    const report = await importGias(db.dataSource, fixture('windows-1252'), { encoding: 'windows-1252' });
    expect(report).toMatchObject({ encoding: 'windows-1252', encodingDetected: false, unchanged: 3 });
    expect(report.firstNonUtf8Line).toBeUndefined();
  });

  it('reads UTF-8 without a BOM as UTF-8, even with a character split between two read chunks', async () => {
    const file = tmpFile();
    // 64 KiB is the read stream's chunk size: "é" (two bytes) straddles the first boundary.
    fs.writeFileSync(file, Buffer.concat([Buffer.from('a'.repeat(65535)), Buffer.from('é,b\n')]));
    expect(await detectEncoding(file)).toBe('utf8');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('a'.repeat(70000)), Buffer.from([0xe9, 0x0a])]));
    expect(await detectEncoding(file)).toBe('windows-1252');
  });

  it('tells which line made a detected file Windows-1252, across read chunks', async () => {
    const file = tmpFile();
    // Valid UTF-8 on lines 1 to 3, "é" straddling the first 64 KiB chunk boundary, then one stray Windows-1252 byte on line 4.
    fs.writeFileSync(file, Buffer.concat([Buffer.from('x\n'), Buffer.from('a'.repeat(65533)), Buffer.from('é,b\nc\n'), Buffer.from([0x64, 0xe9, 0x0a])]));
    expect(await inspectEncoding(file)).toEqual({ encoding: 'windows-1252', firstNonUtf8Line: 4 });
    // A line longer than a chunk, the stray byte two chunks after its start.
    fs.writeFileSync(file, Buffer.concat([Buffer.from('x\n'), Buffer.from('a'.repeat(65533)), Buffer.from('é'), Buffer.from('a'.repeat(80000)), Buffer.from([0xe9, 0x0a])]));
    expect(await inspectEncoding(file)).toEqual({ encoding: 'windows-1252', firstNonUtf8Line: 2 });
    // Cut off inside a character.
    fs.writeFileSync(file, Buffer.concat([Buffer.from('x\ny\n'), Buffer.from('é').subarray(0, 1)]));
    expect(await inspectEncoding(file)).toEqual({ encoding: 'windows-1252', firstNonUtf8Line: 3 });
    fs.writeFileSync(file, Buffer.from('x\né\n'));
    expect(await inspectEncoding(file)).toEqual({ encoding: 'utf8' });
  });
});

describe('malformed rows', () => {
  let report: ImportReport;
  const reasonFor = (line: number) => report.rejected.find((r) => r.line === line)?.reason;

  beforeAll(async () => {
    report = await importGias(db.dataSource, fixture('malformed'));
  });

  it('rejects each bad row with its line and reason, and imports the rows around them', () => {
    expect(report).toMatchObject({ rows: 13, inserted: 4, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 6, 7, 8, 11, 12, 13, 15]);
    expect(reasonFor(3)).toBe('URN "99003X" must be 6 digits');
    expect(reasonFor(4)).toBe('OpenDate "31-02-2020" is not a date (dd-mm-yyyy)');
    expect(reasonFor(6)).toMatch(/has 20 fields where the header has 131/);
    expect(reasonFor(7)).toBe('URN 990031 appears again: already on line 2');
    expect(reasonFor(8)).toBe('StatutoryHighAge "eleven" is not an age in whole years (0 to 99); UKPRN "123" must be 8 digits');
    // Line 9 holds a quoted line break, so the next row is line 11: line numbers stay true to the file.
    expect(reasonFor(11)).toBe('EstablishmentName is empty');
    expect(reasonFor(12)).toBe('LA (code) "20" must be 3 digits; Postcode "ABCDEFGHIJKL" is longer than 10 characters');
    expect(reasonFor(13)).toMatch(/^malformed CSV: Invalid Closing Quote/);
    // The last line of the file: the quote swallowed nothing else.
    expect(reasonFor(15)).toMatch(/^malformed CSV: Quote Not Closed[^;]*$/);
  });

  it('keeps unknown codes, and writes nothing of a rejected row', async () => {
    expect(await school('990034')).toMatchObject({ type_code: '99', type_name: 'Future type of provision', type_group_code: '99', type_group_name: 'Future group' });
    expect(await school('990038')).toMatchObject({ name: 'Two Line Address School' });
    expect(await school('990042')).toMatchObject({ name: 'Recovery Primary School' });
    // The duplicate did not overwrite the first occurrence.
    expect((await school('990031')).name).toBe('Ashgrove Primary School');
    for (const urn of ['990033', '990035', '990037', '990039', '990040', '990041', '990043']) expect(await school(urn)).toBeUndefined();
  });

  it('reports the lines an unclosed quote swallowed, and recovers after them', async () => {
    const file = writeGiasFile([
      csvLine(giasRow('990051', 'Before School')),
      csvLine(giasRow('990052', 'Unclosed School')).replace('Unclosed School', '"Unclosed School'),
      csvLine(giasRow('990053', 'Swallowed School')),
      csvLine(giasRow('990054', 'Also Swallowed School', { 'EstablishmentStatus (name)': 'Open, but proposed to close' })),
      csvLine(giasRow('990055', 'After School')),
    ]);
    const result = await importGias(db.dataSource, file);
    expect(result).toMatchObject({ rows: 3, inserted: 2 });
    expect(result.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/lines 3 to 5 could not be read and were skipped$/) }]);
    expect(await school('990055')).toMatchObject({ name: 'After School' });
    expect(await school('990053')).toBeUndefined();

    const atTheEnd = writeGiasFile([
      csvLine(giasRow('990056', 'Unclosed School')).replace('Unclosed School', '"Unclosed School'),
      csvLine(giasRow('990057', 'Swallowed School')),
      csvLine(giasRow('990058', 'Also Swallowed School')),
    ]);
    expect((await importGias(db.dataSource, atTheEnd)).rejected).toEqual([
      { line: 2, reason: expect.stringMatching(/^malformed CSV: Quote Not Closed.*; lines 2 to 4 could not be read and were skipped$/) },
    ]);
  });

  it('retries a batch the database refuses row by row, rejecting only the offending row with the database message', async () => {
    const file = writeGiasFile([giasRow('990061', 'First School'), giasRow('990062', 'Nul\u0000 School'), giasRow('990063', 'Third School')]);
    const result = await importGias(db.dataSource, file);
    expect(result).toMatchObject({ rows: 3, inserted: 2 });
    expect(result.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/^refused by the database: .*0x00/) }]);
    expect(await school('990062')).toBeUndefined();
    expect(await school('990063')).toMatchObject({ name: 'Third School' });
  });
});

describe('files that cannot be imported', () => {
  it('refuses a file without a required GIAS column before writing anything', async () => {
    const header = HEADER.map((h) => (h === 'EstablishmentName' ? 'Establishment Name' : h));
    const file = writeGiasFile([csvLine(giasRow('990071', 'Never Written School'))], header);
    const before = await schoolCount();
    await expect(importGias(db.dataSource, file)).rejects.toThrow(GiasFileError);
    await expect(importGias(db.dataSource, file)).rejects.toThrow(/no "EstablishmentName" column/);
    expect(await schoolCount()).toBe(before);
  });

  it('refuses a missing or empty file', async () => {
    await expect(importGias(db.dataSource, path.join(os.tmpdir(), 'no-such-gias-file.csv'))).rejects.toThrow(/does not exist/);
    const empty = tmpFile();
    fs.writeFileSync(empty, '');
    await expect(importGias(db.dataSource, empty)).rejects.toThrow(/is empty/);
  });
});

describe('interruption', () => {
  it('stops between batches when signalled, keeping the batches already committed', async () => {
    const file = writeGiasFile(Array.from({ length: 50 }, (_, i) => giasRow(String(980000 + i), `Interrupted School ${i}`)));
    const controller = new AbortController();
    const report = await importGias(db.dataSource, file, { batchSize: 10, signal: controller.signal, onProgress: () => controller.abort() });
    expect(report).toMatchObject({ interrupted: true, inserted: 10 });
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM schools WHERE urn LIKE '9800%'`);
    expect(count).toBe(10);
  });
});

describe('a full-size file', () => {
  const ROWS = 50_000;
  // Values in the ignored columns too, so that rows are about as long as in a real extract.
  const FULL_ROW: Record<string, string> = {
    'ReasonEstablishmentOpened (name)': 'Not applicable', 'Boarders (name)': 'No boarders', 'NurseryProvision (name)': 'Has Nursery Classes',
    'OfficialSixthForm (name)': 'Does not have a sixth form', 'AdmissionsPolicy (name)': 'Not applicable', CensusDate: '18-01-2024',
    NumberOfBoys: '210', NumberOfGirls: '210', PercentageFSM: '18.3', 'TrustSchoolFlag (name)': 'Not applicable',
    'FederationFlag (name)': 'Not under a federation', 'FurtherEducationType (name)': 'Not applicable', OfstedLastInsp: '14-06-2022',
    Locality: 'Somewhere Green', Address3: 'Fictional Estate', 'County (name)': 'Greater Fictionshire', 'HeadTitle (name)': 'Mrs',
    HeadPreferredJobTitle: 'Headteacher', 'GOR (name)': 'London', 'DistrictAdministrative (code)': 'E09000007', 'DistrictAdministrative (name)': 'Camden',
    'AdministrativeWard (code)': 'E05013652', 'AdministrativeWard (name)': 'Fictional Ward', 'ParliamentaryConstituency (code)': 'E14001234',
    'ParliamentaryConstituency (name)': 'Fictional Constituency', 'UrbanRural (name)': '(England/Wales) Urban major conurbation',
    Easting: '529000', Northing: '183000', 'MSOA (name)': 'Camden 001', 'LSOA (name)': 'Camden 001A', 'RSCRegion (name)': 'North-West London and South-Central England',
    UPRN: '100012345678', 'MSOA (code)': 'E02000001', 'LSOA (code)': 'E01000001', FSM: '77',
  };

  it('streams 50,000 rows with bounded memory', async () => {
    const file = tmpFile();
    const out = fs.createWriteStream(file);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write(`\uFEFF${HEADER.join(',')}\r\n`);
    for (let i = 0; i < ROWS; i++) {
      // Every 10,000th row has an impossible date: rejected, with its line number (row i is on line i + 2).
      const extra: Record<string, string> = i % 10_000 === 9_999 ? { OpenDate: '30-02-2019' } : { Town: `Town ${i % 300}` };
      await write(`${csvLine(giasRow(String(700000 + i), `Generated School ${i}`, { ...FULL_ROW, ...extra, Street: `${i} Fictional Road` }))}\r\n`);
    }
    out.end();
    await once(out, 'finish');
    const fileSize = fs.statSync(file).size;
    expect(fileSize).toBeGreaterThan(20 * 1024 * 1024);

    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const report = await importGias(db.dataSource, file, {
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        // The test database's query log is the harness's memory, not the importer's.
        db.counter.reset();
      },
    });
    expect(report).toMatchObject({ rows: ROWS, inserted: ROWS - 5, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => r.line)).toEqual([10_001, 20_001, 30_001, 40_001, 50_001]);
    expect(report.rejected[0].reason).toBe('OpenDate "30-02-2019" is not a date (dd-mm-yyyy)');
    // Holding the file would take several times its size (one string per field); streaming stays flat.
    expect(peak - baseline).toBeLessThan(150 * 1024 * 1024);
  }, 120_000);
});
