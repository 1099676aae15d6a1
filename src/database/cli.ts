import 'reflect-metadata';
import { loadConfig, loadEnvFile } from '../config';
import { createLogger } from '../common/logger';
import { connectDatabase } from './connect';
import { migrate, revertLast } from './migrate';

const USAGE = 'usage: npm run db:migrate | npm run db:revert';

/** `migrate` applies every pending migration; `revert` undoes the last one. Shares a running `npm start`'s database. */
async function main(command: string | undefined): Promise<number> {
  if (command !== 'migrate' && command !== 'revert') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  const database = await connectDatabase(config, createLogger('warn', 2, { command: `db:${command}` }), { shareRunning: true, tool: true });
  try {
    if (command === 'migrate') {
      const applied = await migrate(database.dataSource);
      process.stdout.write(applied.length ? applied.map((m) => `applied ${m.name}\n`).join('') : 'nothing to apply: every migration is applied\n');
    } else {
      const reverted = await revertLast(database.dataSource);
      process.stdout.write(reverted ? `reverted ${reverted}\n` : 'nothing to revert: no migration is applied\n');
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
