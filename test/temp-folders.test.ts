import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sweepStaleTempFolders } from '../src/database/embedded-postgres';

describe('leftover temp folders of killed runs', () => {
  it('are removed after an hour when no PostgreSQL runs in them; fresh ones stay', () => {
    const prefix = `alliance-graph-sweep-${process.pid}-`;
    const make = (name: string, ageMs: number, pid?: number) => {
      const dir = path.join(os.tmpdir(), `${prefix}${name}`);
      fs.mkdirSync(path.join(dir, 'pg'), { recursive: true });
      if (pid) fs.writeFileSync(path.join(dir, 'pg', 'postmaster.pid'), `${pid}\n${path.join(dir, 'pg')}\n0\n5999\n`);
      const when = new Date(Date.now() - ageMs);
      fs.utimesSync(dir, when, when);
      return dir;
    };
    const stale = make('stale', 2 * 3600_000);
    const staleWithDeadServer = make('dead', 2 * 3600_000, 2 ** 22 + 12345);
    const fresh = make('fresh', 60_000);
    try {
      const removed = sweepStaleTempFolders([prefix]);
      expect(removed.sort()).toEqual([staleWithDeadServer, stale].sort());
      expect(fs.existsSync(fresh)).toBe(true);
    } finally {
      for (const dir of [stale, staleWithDeadServer, fresh]) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
