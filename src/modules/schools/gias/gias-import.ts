import fs from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { CsvError, Options, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { SchoolRecord, upsertSchools, UpsertCounts } from '../school-record';
import { ColumnIndex, GiasField, matchHeader } from './gias-columns';
import { readGiasRow } from './gias-row';

export const GIAS_ENCODINGS = ['utf8', 'windows-1252'] as const;
export type GiasEncoding = (typeof GIAS_ENCODINGS)[number];

export interface Rejection {
  /** Line in the file, the header being line 1. */
  line: number;
  reason: string;
}

export interface ImportReport {
  encoding: GiasEncoding;
  /** False when the caller gave the encoding. */
  encodingDetected: boolean;
  /** Why a detected encoding is windows-1252: the first line that is not valid UTF-8. */
  firstNonUtf8Line?: number;
  /** Data rows read; a stretch of unreadable CSV counts as one. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  /**
   * Mapped GIAS columns the file lacks (a narrower extract): schools already in the register keep
   * their stored values for them, and new schools get them empty.
   */
  missingColumns: string[];
  /** Stopped by the signal: batches committed before it stay, the rest of the file was not read. */
  interrupted: boolean;
}

export type ImportProgress = Omit<ImportReport, 'rejected' | 'missingColumns' | 'interrupted'> & { rejected: number };

export interface ImportOptions {
  /** Skips detection: a UTF-8 BOM means utf8, otherwise any invalid UTF-8 means windows-1252. */
  encoding?: GiasEncoding;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between rows: the import stops without starting another batch. */
  signal?: AbortSignal;
}

/** The file cannot be imported at all (unreadable, empty, not a GIAS file); nothing was written. */
export class GiasFileError extends Error {}

interface PendingRow {
  line: number;
  school: SchoolRecord;
}

/**
 * Imports a GIAS establishment file, streaming: only one batch of rows is held at a time, each batch
 * committed in its own transaction. Bad rows are rejected with their line and reason, never half-written.
 */
export async function importGias(dataSource: DataSource, filePath: string, options: ImportOptions = {}): Promise<ImportReport> {
  const { batchSize = 500, onProgress, signal } = options;
  await assertReadableFile(filePath);
  const detection: EncodingDetection = options.encoding ? { encoding: options.encoding } : await inspectEncoding(filePath, signal);
  const report: ImportReport = { ...detection, encodingDetected: !options.encoding, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [], missingColumns: [], interrupted: false };
  const progress = () => onProgress?.({ ...report, rejected: report.rejected.length });
  const reject = (line: number, reason: string) => report.rejected.push({ line, reason });
  // URN -> line of its first occurrence: a few MB for the whole register, unlike the file itself.
  const firstSeen = new Map<string, number>();
  let header: Header | undefined;
  let batch: PendingRow[] = [];

  for await (const record of readRecords(filePath, detection.encoding)) {
    if (signal?.aborted) {
      report.interrupted = true;
      break;
    }
    if (record.unreadable) {
      report.rows++;
      reject(record.unreadable.line, record.unreadable.reason);
    }
    if (!record.fields) continue;
    if (!header) {
      header = { ...headerColumns(filePath, record.fields, report), width: record.fields.length };
      continue;
    }
    report.rows++;
    const row = checkRow(record.fields, record.line, header, firstSeen);
    if ('school' in row) batch.push(row);
    else reject(row.line, row.reason);
    if (batch.length >= batchSize) {
      await writeBatch(dataSource, batch, header.fields, report);
      batch = [];
    }
    if (report.rows % batchSize === 0) progress();
  }

  if (!header && !report.interrupted) throw new GiasFileError(`${filePath} is empty: a GIAS file starts with a header row`);
  if (header && !report.interrupted) await writeBatch(dataSource, batch, header.fields, report);
  report.rejected.sort((a, b) => a.line - b.line);
  progress();
  return report;
}

interface Header {
  columns: ColumnIndex;
  /** The fields the file has columns for: only these are written. */
  fields: GiasField[];
  width: number;
}

/** The first occurrence of a URN claims it, even if that row is rejected: a repeated URN is a fault in the file either way. */
function checkRow(fields: string[], line: number, header: Header, firstSeen: Map<string, number>): PendingRow | Rejection {
  if (fields.length !== header.width) {
    return { line, reason: `has ${fields.length} fields where the header has ${header.width} (a stray comma or quote?)` };
  }
  const urn = fields[header.columns.urn!].trim();
  const earlier = firstSeen.get(urn);
  if (earlier !== undefined) return { line, reason: `URN ${urn} appears again: already on line ${earlier}` };
  if (/^\d{6}$/.test(urn)) firstSeen.set(urn, line);
  const result = readGiasRow(fields, header.columns);
  return result.ok ? { line, school: result.school } : { line, reason: result.reason };
}

function headerColumns(filePath: string, header: string[], report: ImportReport): Pick<Header, 'columns' | 'fields'> {
  const match = matchHeader(header);
  if (match.missingRequired.length) {
    const found = header.slice(0, 8).map((name) => `"${name}"`).join(', ');
    throw new GiasFileError(
      `${filePath} is not a GIAS establishment file: its header has no ${match.missingRequired.map((n) => `"${n}"`).join(' or ')} column ` +
        `(it starts ${found}${header.length > 8 ? ', ...' : ''}). Use the edubasealldata CSV with its original header row.`,
    );
  }
  report.missingColumns = match.missingOptional;
  return { columns: match.columns, fields: match.present };
}

/** Exported so a caller can refuse a bad path before starting a database. */
export async function assertReadableFile(filePath: string): Promise<void> {
  try {
    const stat = await fs.promises.stat(filePath);
    if (!stat.isFile()) throw new GiasFileError(`${filePath} is not a file`);
    await fs.promises.access(filePath, fs.constants.R_OK);
  } catch (error) {
    if (error instanceof GiasFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new GiasFileError(code === 'ENOENT' ? `${filePath} does not exist` : `${filePath} cannot be read (${code ?? String(error)})`);
  }
}

export interface EncodingDetection {
  encoding: GiasEncoding;
  /** For windows-1252: the line (the header being line 1) holding the first byte that is not valid UTF-8. */
  firstNonUtf8Line?: number;
}

/** A first pass over the bytes: a UTF-8 BOM, or bytes that are all valid UTF-8, mean utf8; anything else is an older Windows-1252 extract. */
export async function detectEncoding(filePath: string, signal?: AbortSignal): Promise<GiasEncoding> {
  return (await inspectEncoding(filePath, signal)).encoding;
}

/**
 * detectEncoding, also telling where the file stopped being UTF-8: GIAS files are wholly one or the
 * other, so a UTF-8 file with one stray byte would otherwise be read as Windows-1252 without a clue why.
 */
export async function inspectEncoding(filePath: string, signal?: AbortSignal): Promise<EncodingDetection> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  /** Line breaks before the current chunk. */
  let breaksBefore = 0;
  /** The bytes of the current line that came in earlier chunks (at most one chunk's worth), and whether that is all of them. */
  let lineSoFar: Buffer = Buffer.alloc(0);
  let lineTruncated = false;
  for await (const chunk of fs.createReadStream(filePath) as AsyncIterable<Buffer>) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return { encoding: 'utf8' };
    if ((first && chunk[0] === 0xff && chunk[1] === 0xfe) || (first && chunk[0] === 0xfe && chunk[1] === 0xff)) {
      throw new GiasFileError(`${filePath} is UTF-16: save it as "CSV UTF-8" and import it again`);
    }
    first = false;
    if (signal?.aborted) return { encoding: 'utf8' };
    try {
      decoder.decode(chunk, { stream: true });
    } catch (error) {
      if (!isInvalidUtf8(error)) throw error;
      const line = firstInvalidLine(Buffer.concat([lineSoFar, chunk]), lineTruncated);
      return { encoding: 'windows-1252', firstNonUtf8Line: breaksBefore + line };
    }
    const lastBreak = chunk.lastIndexOf(0x0a);
    if (lastBreak === -1) {
      lineTruncated ||= lineSoFar.length > 0;
      lineSoFar = chunk;
    } else {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) breaksBefore++;
      lineSoFar = chunk.subarray(lastBreak + 1);
      lineTruncated = false;
    }
  }
  try {
    decoder.decode();
  } catch (error) {
    // The file ends inside a multi-byte character.
    if (isInvalidUtf8(error)) return { encoding: 'windows-1252', firstNonUtf8Line: breaksBefore + 1 };
    throw error;
  }
  return { encoding: 'utf8' };
}

const isInvalidUtf8 = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';

/**
 * Which of the lines in `bytes` (1 for the first) is not valid UTF-8. A line break byte is never part
 * of a multi-byte character, so each line can be checked on its own; the last may be cut short by
 * the chunk, so an unfinished character at its end is not counted against it.
 */
function firstInvalidLine(bytes: Buffer, startsMidLine: boolean): number {
  let start = 0;
  // A line longer than the kept bytes may start them inside a character: skip its continuation bytes.
  if (startsMidLine) while (start < 3 && start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end === -1 ? bytes.length : end), { stream: end === -1 });
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}

interface CsvRecord {
  /** Undefined for a blank line. */
  fields?: string[];
  /** Line on which the record starts. */
  line: number;
  /** A stretch of broken CSV the parser skipped just before this record. */
  unreadable?: Rejection;
}

/**
 * The file's records in order, each with the line it starts on. csv-parse skips a record it cannot
 * read (broken quoting) without telling where it ended, so the stretch is reported from the line
 * after the previous record up to the line before the next one: no line disappears silently.
 */
async function* readRecords(filePath: string, encoding: GiasEncoding): AsyncGenerator<CsvRecord> {
  let lastEnd = 0;
  let broken: { line: number; message: string; lastSeen: number } | undefined;
  /** Ends the broken stretch before the next record's line, or at the end of the file. */
  const unreadable = (nextLine?: number): Rejection | undefined => {
    if (!broken) return undefined;
    const { line, message, lastSeen } = broken;
    broken = undefined;
    const last = Math.max(line, nextLine === undefined ? lastSeen : nextLine - 1);
    const stretch = last > line ? `; lines ${line} to ${last} could not be read and were skipped` : '';
    return { line, reason: `malformed CSV: ${message}${stretch}` };
  };
  const options: Options<CsvRecord, string[]> = {
    bom: true,
    // Wrong field counts are reported by the importer with the header's width, rather than thrown.
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      const at = typeof error?.lines === 'number' ? error.lines : lastEnd + 1;
      broken ??= { line: lastEnd + 1, message: error?.message ?? 'unreadable record', lastSeen: at };
      broken.lastSeen = Math.max(broken.lastSeen, at);
      return undefined;
    },
    on_record: (fields, context) => {
      // context.lines is where the record ends; quoted line breaks inside it say how far back it starts.
      const line = context.lines - fields.reduce((n, field) => n + countLineBreaks(field), 0);
      const record: CsvRecord = { line, unreadable: unreadable(line) };
      lastEnd = context.lines;
      if (!(fields.length === 1 && fields[0].trim() === '')) record.fields = fields;
      return record;
    },
  };
  // The typings only allow on_record to return arrays unless `columns` is set; ours returns CsvRecord.
  const parser = parse(options as unknown as Options);
  pipeline(fs.createReadStream(filePath), iconv.decodeStream(encoding), normaliseLineEndings(), parser, () => {
    // Errors reach the loop below through the parser, which pipeline destroys with them.
  });
  for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
  const trailing = unreadable();
  if (trailing) yield { line: trailing.line, unreadable: trailing };
}

function countLineBreaks(field: string): number {
  let count = 0;
  for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * CRLF and CR become LF before parsing: csv-parse counts a CRLF inside a quoted field as two lines,
 * which would shift every line number after it.
 */
function normaliseLineEndings(): Transform {
  let pendingCr = false;
  return new Transform({
    decodeStrings: false,
    transform(chunk: string | Buffer, _encoding, done) {
      let text = (pendingCr ? '\r' : '') + chunk.toString();
      // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      done(null, text.replace(/\r\n?/g, '\n'));
    },
    flush(done) {
      done(null, pendingCr ? '\n' : undefined);
    },
  });
}

/**
 * One transaction per batch; if it fails, its rows are retried one by one so that only the offending rows are rejected.
 * Only the file's own columns are written: a column it lacks is not a column it empties.
 */
async function writeBatch(dataSource: DataSource, batch: readonly PendingRow[], fields: readonly GiasField[], report: ImportReport): Promise<void> {
  if (!batch.length) return;
  const write = (rows: readonly PendingRow[]) => dataSource.transaction((em) => upsertSchools(em, rows.map((row) => row.school), fields));
  try {
    count(report, await write(batch));
    return;
  } catch {
    // Retried below, where the row at fault is found.
  }
  for (const row of batch) {
    try {
      count(report, await write([row]));
    } catch (error) {
      // Data errors (class 22) and constraint violations (class 23) belong to the row; anything else
      // (connection lost, timeout, schema out of date) would fail every row, so it stops the import.
      const sqlState = String((error as { code?: unknown }).code ?? '');
      if (!/^2[23]/.test(sqlState)) throw error;
      report.rejected.push({ line: row.line, reason: `refused by the database: ${(error as Error).message}` });
    }
  }
}

function count(report: ImportReport, counts: UpsertCounts): void {
  report.inserted += counts.inserted;
  report.updated += counts.updated;
  report.unchanged += counts.unchanged;
}
