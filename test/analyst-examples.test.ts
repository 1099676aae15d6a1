import fs from 'node:fs';
import path from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse, print } from 'graphql';
import * as generated from '../operations/generated/graphql';
import { signToken } from '../src/auth/tokens';
import { TEST_JWT_SECRET, TestUser } from './factories/users';
import { startTestServer, TestServer } from './helpers/server';

/**
 * Issue 12, items 5 and 9: the example queries of docs/analysts.md are the documents of
 * operations/analyst/examples (typed by codegen), and each runs as a demo analyst with real data:
 * an alliance's analyst, or the platform analyst for the platform's (AnalystPlatform…).
 */
const EXAMPLES = path.join(__dirname, '..', 'operations', 'analyst', 'examples');
const GUIDE = path.join(__dirname, '..', 'docs', 'analysts.md');

const examples = fs
  .readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((file) => ({ file, document: parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) }));
const operationOf = (document: DocumentNode) => document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
const nameOf = (document: DocumentNode) => operationOf(document).name!.value;

/** The ```graphql blocks of the guide, in order. */
function guideDocuments(): DocumentNode[] {
  const text = fs.readFileSync(GUIDE, 'utf8');
  return [...text.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((match) => parse(match[1]));
}

/** Every leaf value in the answer, and whether some list in it has items (what "real data" means: not only nulls and empty lists). */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return value === null || value === undefined ? [] : [value];
}

function hasItems(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return !!value && typeof value === 'object' && Object.values(value).some(hasItems);
}

describe("the analysts' example queries (docs/analysts.md, operations/analyst/examples)", () => {
  let t: TestServer;
  let analyst: TestUser;
  let platformAnalyst: TestUser;
  const demoUser = async (email: string) => {
    const [row] = await t.db.dataSource.query(`SELECT id, display_name AS "displayName" FROM users WHERE email = $1`, [email]);
    return { user: row, token: await signToken(TEST_JWT_SECRET, row.id) } as TestUser;
  };
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
    analyst = await demoUser('analyst@romero.demo');
    platformAnalyst = await demoUser('analyst@platform.demo');
  });
  afterAll(() => t.close());

  it('are eleven named queries, the same in the guide as in operations/analyst/examples', () => {
    expect(examples).toHaveLength(11);
    for (const { document } of examples) {
      expect(document.definitions).toHaveLength(1);
      expect(operationOf(document).operation).toBe('query');
      expect(nameOf(document)).toMatch(/^Analyst[A-Z]\w+$/);
    }
    expect(guideDocuments().map((d) => print(d))).toEqual(examples.map(({ document }) => print(document)));
    // Typed by codegen (`npm run codegen`): each has its generated document, the same one.
    for (const { document } of examples) {
      const typed = (generated as Record<string, unknown>)[`${nameOf(document)}Document`] as DocumentNode | undefined;
      expect(typed && print(typed)).toBe(print(document));
    }
  });

  it.each(examples.map((e) => [e.file, e.document] as const))('%s runs as analyst@romero.demo (the platform analyst for the platform), with data', async (_file, document) => {
    const platform = nameOf(document).startsWith('AnalystPlatform');
    const result = await t.execute(print(document), {}, platform ? { as: platformAnalyst } : { as: analyst, alliance: 'romero' });
    if (process.env.SHOW) console.log(JSON.stringify(result, null, 1));
    expect(result.errors).toBeUndefined();
    // A group too small to show keeps its dimension (its figures are null): the demo's deployments are all such groups.
    expect(leaves(result.data).length).toBeGreaterThanOrEqual(3);
    expect(hasItems(result.data)).toBe(true);
  });
});
