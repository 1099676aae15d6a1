import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { signToken } from '../src/auth/tokens';
import { post } from './http-load';
import { graphqlRequest } from './reference';
import { REFERENCE_QUERIES } from './reference';
import { readScaleMark } from './scale/scale-mark';

/**
 * `node dist/bench/profile.js --query nested [--requests 40] [--connections 1]`: a CPU profile of the
 * API serving one reference query on the scale dataset (DATABASE_URL), summarised by where the time
 * goes. The raw .cpuprofile is kept for Chrome's DevTools.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['graphql-jit (compiled execution)', /graphql-jit|^(anonymous|query)$|compiled/],
  ['graphql-js', /node_modules\/graphql\//],
  ['graphql-shield / middleware', /graphql-shield|graphql-middleware/],
  ['type-graphql', /type-graphql/],
  ['TypeORM', /typeorm/],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-types|postgres-date|postgres-array)\//],
  ['dataloader', /dataloader/],
  ['Apollo Server', /@apollo/],
  ['express / http', /express|body-parser|node:_http|node:http|raw-body|router/],
  ['JSON', /JSON|^stringify$|^parse$/],
  ['the API (src)', /\/dist\/src\//],
  ['Node internals', /^node:/],
  ['idle', /^\(idle\)$/],
  ['program / native', /^\((program|root)\)$/],
];

function categorise(frame: ProfileNode['callFrame']): string {
  const text = `${frame.url} ${frame.functionName}`;
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(program)' || frame.functionName === '(root)') return 'program / native';
  for (const [name, pattern] of CATEGORIES) if (pattern.test(frame.url) || pattern.test(text)) return name;
  return frame.url ? 'other JavaScript' : 'native / builtins';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { query: { type: 'string', default: 'nested' }, requests: { type: 'string', default: '40' }, connections: { type: 'string', default: '1' }, variant: { type: 'string', default: '' } } });
  const url = process.env.DATABASE_URL;
  if (!url || !(await readScaleMark(url))) throw new Error('DATABASE_URL must name a database built by npm run seed:scale');
  const q = REFERENCE_QUERIES.find((r) => r.key === values.query);
  if (!q) throw new Error(`--query must be one of ${REFERENCE_QUERIES.map((r) => r.key).join(', ')}`);
  const db = new Client({ connectionString: url });
  await db.connect();
  const { rows } = await db.query<{ id: string }>("SELECT id FROM users WHERE email = 'admin@scale-01.scale.invalid'");
  await db.end();
  const secret = randomBytes(32).toString('base64url');
  const token = await signToken(secret, rows[0].id, { ttl: '1h' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-profile-'));
  const options = values.variant === 'graphql-js' ? { executor: 'graphql-js' } : {};
  const profileFile = path.join(dir, 'api.cpuprofile');
  const child = spawn(process.execPath, [path.join(__dirname, 'serve-api.js')], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_DATABASE_URL: url, BENCH_JWT_SECRET: secret, BENCH_OPTIONS: JSON.stringify(options), BENCH_PROFILE_FILE: profileFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const apiUrl = (JSON.parse(line) as { url: string }).url;
  const total = Number(values.requests);
  const connections = Number(values.connections);
  // Warm-up outside the profile: module loading, compilation and the JIT's first passes.
  for (let i = 0; i < 10; i++) await post(apiUrl, graphqlRequest(q, token));
  child.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 200));
  let sent = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < total) {
        sent++;
        const answer = await post(apiUrl, graphqlRequest(q, token));
        if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
      }
    }),
  );
  const elapsed = Date.now() - started;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  if (!fs.existsSync(profileFile)) throw new Error('no profile written');
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const category = categorise(frame);
    if (category === 'idle') continue;
    busy += micros;
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const pct = (x: number) => `${((x / busy) * 100).toFixed(1)}%`;
  console.log(`CPU profile of the API serving "${q.name}": ${total} requests, ${connections} connection(s), ${elapsed} ms wall, ${(busy / 1000 / total).toFixed(1)} ms busy main thread per request`);
  console.log('\n| Where | Share of busy main thread |\n| --- | --: |');
  for (const [name, micros] of [...categories].sort((a, b) => b[1] - a[1])) console.log(`| ${name} | ${pct(micros)} |`);
  console.log('\nTop functions by self time:');
  for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(micros).padStart(6)}  ${name}`);
  console.log(`\nprofile: ${profileFile}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
