import 'reflect-metadata';
import { englishDate } from '../common/academic-year';
import { createLogger } from '../common/logger';
import { loadConfig, loadEnvFile } from '../config';
import { connectDatabase } from '../database/connect';
import { runReviewSweep } from '../modules/designations/review-sweep';

const USAGE = 'usage: npm run jobs:sweep [-- --today YYYY-MM-DD]';

/**
 * Runs the review sweep once, now, outside the queue: what the daily job does, for an operator who
 * will not wait for 02:15. Shares a running `npm start`'s database; safe beside a running sweep.
 */
async function main(args: string[]): Promise<number> {
  let today = englishDate();
  if (args.length) {
    if (args.length !== 2 || args[0] !== '--today' || !/^\d{4}-\d{2}-\d{2}$/.test(args[1]) || Number.isNaN(Date.parse(args[1]))) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    today = args[1];
  }
  loadEnvFile();
  const config = loadConfig();
  const database = await connectDatabase(config, createLogger('warn', 2, { command: 'jobs:sweep' }), { shareRunning: true, tool: true });
  try {
    const { opened } = await runReviewSweep(database.dataSource, today);
    process.stdout.write(`review sweep for ${today}: ${opened} review(s) opened\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
