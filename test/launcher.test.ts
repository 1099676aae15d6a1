import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildOnce, root } from './helpers/run-api';

/** `npm start` and the tools go through scripts/run.js: no compiler when dist/ is current. */
describe('scripts/run.js', () => {
  beforeAll(() => buildOnce(), 240_000);

  it('runs a tool without compiling when dist/ is current, its stdout untouched', () => {
    const stamp = path.join(root, 'dist', '.tsbuildinfo');
    const builtBefore = fs.statSync(stamp).mtimeMs;
    const result = spawnSync(process.execPath, ['scripts/run.js', 'src/auth/token-cli.js'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    // The token CLI without --email prints its usage on stderr and exits 2; nothing on stdout.
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^usage: npm run -s token/);
    // No compile: the launcher touches the stamp after every build it runs.
    expect(fs.statSync(stamp).mtimeMs).toBe(builtBefore);
  });

  it('names what is missing', () => {
    const result = spawnSync(process.execPath, ['scripts/run.js'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: node scripts\/run\.js <entry/);
  });
});
