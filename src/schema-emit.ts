import fs from 'node:fs';
import path from 'node:path';
import { printSdl } from './schema';

const target = path.join(__dirname, '..', '..', 'schema', 'schema.graphql');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, printSdl());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
