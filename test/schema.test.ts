import fs from 'node:fs';
import path from 'node:path';
import { printSdl } from '../src/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing types)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSdl());
  });
});
