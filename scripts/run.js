#!/usr/bin/env node
'use strict';
/**
 * Development launcher: `node scripts/run.js src/main.js [args]` compiles with tsc only when dist/ is
 * older than the sources, then runs the compiled entry point in this same process. One process, so a
 * process manager's SIGTERM reaches the API itself (npm runs this with `exec`-like `sh -c`), and
 * `npm run token` costs no compile when nothing changed. Production runs dist/ directly
 * (`npm run start:prod`), without this file's tsc.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run.js <entry under dist/, e.g. src/main.js> [args]\n');
  process.exit(2);
}
const stamp = path.join(root, 'dist', '.tsbuildinfo');
const compiled = path.join(root, 'dist', entry);

/** The newest modification time of what the build reads. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(p)) visit(path.join(p, child));
    } else if (/\.(ts|json)$/.test(p)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const part of ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) visit(path.join(root, part));
  return newest;
}

/** When the build was last checked (the stamp), or 0 when the entry point is missing. */
function builtAt() {
  try {
    return fs.existsSync(compiled) ? fs.statSync(stamp).mtimeMs : 0;
  } catch {
    return 0;
  }
}

if (process.env.SKIP_BUILD !== '1' && builtAt() < newestSource()) {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    if (!fs.existsSync(compiled)) {
      process.stderr.write(`dist/${entry} is missing and TypeScript is not installed (dev dependencies omitted): run \`npm run build\` where they are installed, or \`npm ci\`.\n`);
      process.exit(1);
    }
    process.stderr.write(`warning: dist/ is older than the sources and TypeScript is not installed; running the old build\n`);
  }
  if (tsc) {
    // An incremental build does not re-emit a deleted output: without the entry point, start afresh.
    if (!fs.existsSync(compiled)) fs.rmSync(stamp, { force: true });
    // The compiler's output goes to stderr: a tool's stdout carries its result alone (the token).
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: ['ignore', 2, 2] });
    } catch {
      process.stderr.write('the build failed (above); nothing was started\n');
      process.exit(1);
    }
    // tsc leaves unchanged files untouched; the stamp says when the build was last checked.
    const now = new Date();
    fs.utimesSync(stamp, now, now);
  }
}

// Started by a command (npm) that then dies, even by SIGKILL: stop in order rather than run on unattended.
const parent = process.ppid;
if (parent !== 1) {
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

process.argv = [process.argv[0], compiled, ...args];
require(compiled);
