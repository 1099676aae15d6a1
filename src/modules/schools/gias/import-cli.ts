import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createLogger } from '../../../common/logger';
import { ConfigError, loadConfig, loadEnvFile } from '../../../config';
import { connectDatabase, Database } from '../../../database/connect';
import { migrate } from '../../../database/migrate';
import { EmbeddedPostgresError } from '../../../database/embedded-postgres';
import { assertReadableFile, GIAS_ENCODINGS, GiasEncoding, GiasFileError, ImportProgress, ImportReport, importGias } from './gias-import';

const USAGE = `Usage: npm run import:gias -- <edubasealldataYYYYMMDD.csv> [--encoding utf8|windows-1252]

Imports a DfE "Get Information about Schools" establishment file into the schools register,
matching schools by URN. Importing the same file again changes nothing.

  --encoding  the file's encoding; detected when omitted (UTF-8, or Windows-1252 for older files)
  --help      show this text

Exit status: 0 imported (any rejected rows are listed), 1 the import could not run, 2 bad usage.
`;

const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

type Arguments = { file: string; encoding?: GiasEncoding } | { help: true } | { error: string };

function parseArguments(argv: string[]): Arguments {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { encoding: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) return { help: true };
    if (positionals.length !== 1) return { error: positionals.length ? 'give one file only' : 'no file given' };
    const encoding = values.encoding;
    if (encoding !== undefined && !(GIAS_ENCODINGS as readonly string[]).includes(encoding)) {
      return { error: `--encoding must be ${GIAS_ENCODINGS.join(' or ')}, not "${encoding}"` };
    }
    return { file: positionals[0], encoding: encoding as GiasEncoding | undefined };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  if ('help' in args) {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  if ('error' in args) {
    process.stderr.write(`import:gias: ${args.error}\n\n${USAGE}`);
    return EXIT.usage;
  }

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write(`\n${signal}: stopping after the current batch (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const progress = progressLine(process.stderr);
  let database: Database | undefined;
  let step = 'Configuration';
  try {
    loadEnvFile();
    const config = loadConfig();
    step = 'Import';
    await assertReadableFile(args.file);
    // Logs go to stderr: stdout carries the report.
    const logger = createLogger(config.LOG_LEVEL, 2, { command: 'import:gias' });
    step = 'Database connection';
    database = await connectDatabase(config, logger, { shareRunning: true, tool: true });
    step = 'Migrations';
    const applied = await migrate(database.dataSource);
    if (applied.length) process.stderr.write(`Applied ${applied.length} pending migration(s).\n`);
    step = 'Import';
    const report = await importGias(database.dataSource, args.file, {
      encoding: args.encoding,
      signal: controller.signal,
      onProgress: progress.update,
    });
    progress.clear();
    process.stdout.write(formatReport(args.file, report));
    return report.interrupted ? EXIT.interrupted : EXIT.ok;
  } catch (error) {
    progress.clear();
    const known = error instanceof GiasFileError || error instanceof ConfigError || error instanceof EmbeddedPostgresError;
    const detail = known || step !== 'Import' ? (error as Error).message : ((error as Error).stack ?? String(error));
    process.stderr.write(`import:gias: ${step} failed: ${detail}\n`);
    if (controller.signal.aborted) process.stderr.write('Interrupted: batches committed before the interruption are kept.\n');
    return controller.signal.aborted ? EXIT.interrupted : EXIT.failed;
  } finally {
    await database?.close().catch((error: unknown) => process.stderr.write(`import:gias: closing the database failed: ${String(error)}\n`));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** One line on a terminal, rewritten in place; nothing at all when stderr is a file or a pipe. */
function progressLine(stream: NodeJS.WriteStream) {
  let lastWrite = 0;
  let shown = false;
  return {
    update(p: ImportProgress) {
      if (!stream.isTTY || Date.now() - lastWrite < 100) return;
      lastWrite = Date.now();
      shown = true;
      stream.write(`\r\x1b[2KImporting: ${n(p.rows)} rows read, ${n(p.inserted)} inserted, ${n(p.updated)} updated, ${n(p.unchanged)} unchanged, ${n(p.rejected)} rejected`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function formatReport(file: string, report: ImportReport): string {
  const lines = [
    `GIAS import of ${file} (${report.encoding === 'utf8' ? 'UTF-8' : 'Windows-1252'}, ${report.encodingDetected ? 'detected' : 'as given'})${report.interrupted ? ': INTERRUPTED' : ''}`,
    `  rows read  ${n(report.rows).padStart(8)}`,
    `  inserted   ${n(report.inserted).padStart(8)}`,
    `  updated    ${n(report.updated).padStart(8)}`,
    `  unchanged  ${n(report.unchanged).padStart(8)}`,
    `  rejected   ${n(report.rejected.length).padStart(8)}`,
  ];
  if (report.firstNonUtf8Line !== undefined) {
    lines.push(
      '',
      `Read as Windows-1252 because line ${n(report.firstNonUtf8Line)} is not valid UTF-8.`,
      'If the rest of the file is UTF-8, its accented names were misread: fix that line, or import again with --encoding utf8.',
    );
  }
  if (report.missingColumns.length) {
    lines.push('', `Columns not in this file (existing schools keep their values; new schools have them empty): ${report.missingColumns.join(', ')}`);
  }
  if (report.rejected.length) lines.push('', 'Rejected rows:', ...report.rejected.map((r) => `  line ${r.line}: ${r.reason}`));
  if (report.interrupted) lines.push('', 'Interrupted: the rest of the file was not read; batches committed before the interruption are kept.');
  return `${lines.join('\n')}\n`;
}

const n = (value: number) => value.toLocaleString('en-GB');

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
