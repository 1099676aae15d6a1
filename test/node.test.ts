import { randomUUID } from 'node:crypto';
import { AreasOfExpertiseDocument, NodeDocument, NodesDocument } from '../operations/generated/graphql';
import { toGlobalId } from '../src/common/global-id';
import { NODE_LOADERS } from '../src/modules/node/node.resolver';
import { getSchema } from '../src/schema';
import { isObjectType } from 'graphql';
import { startTestServer, TestServer } from './helpers/server';

describe('Relay nodes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  it('has a loader for every type that implements Node', () => {
    const schema = getSchema();
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name);
    expect(nodeTypes.sort()).toEqual(Object.keys(NODE_LOADERS).sort());
  });

  it('round-trips an id of every Node type through node(id)', async () => {
    const membership = await t.db.dataSource.query(`SELECT id FROM alliance_school_memberships LIMIT 1`);
    const ids = {
      School: (await t.db.dataSource.query(`SELECT id FROM schools WHERE urn = '990001'`))[0].id,
      Alliance: (await t.db.dataSource.query(`SELECT id FROM alliances WHERE slug = 'romero'`))[0].id,
      SchoolMembership: membership[0].id,
      AreaOfExpertise: (await t.db.dataSource.query(`SELECT id FROM areas_of_expertise WHERE code = 'MATHS'`))[0].id,
    };
    for (const [type, id] of Object.entries(ids)) {
      const { data, errors } = await t.execute(NodeDocument, { id: toGlobalId(type, id) });
      expect(errors).toBeUndefined();
      expect(data!.node).toMatchObject({ __typename: type, id: toGlobalId(type, id) });
    }
  });

  it('gives null, not an error, for random, malformed and mistyped ids', async () => {
    const school = (await t.db.dataSource.query(`SELECT id FROM schools LIMIT 1`))[0].id;
    for (const id of [toGlobalId('School', randomUUID()), 'garbage', '', toGlobalId('Nope', school), toGlobalId('Alliance', school)]) {
      const { data, errors } = await t.execute(NodeDocument, { id });
      expect(errors).toBeUndefined();
      expect(data!.node).toBeNull();
    }
  });

  it('gives nodes(ids) in order, null for each miss', async () => {
    const [a, b] = (await t.db.dataSource.query(`SELECT id FROM alliances ORDER BY slug LIMIT 2`)).map((r: { id: string }) => toGlobalId('Alliance', r.id));
    const { data } = await t.execute(NodesDocument, { ids: [b, toGlobalId('Alliance', randomUUID()), a] });
    expect(data!.nodes.map((n) => n?.id ?? null)).toEqual([b, null, a]);
  });

  it('never shows a row uuid as an id', async () => {
    const { data } = await t.execute(AreasOfExpertiseDocument, {});
    const ids = data!.areasOfExpertise.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(29);
    expect(ids.some((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(false);
  });

  it('keeps the alliances own labels as aliases of the canonical areas', async () => {
    const { data } = await t.execute(AreasOfExpertiseDocument, {});
    const byCode = new Map(data!.areasOfExpertise.edges.map((e) => [e.node.code, e.node]));
    expect(byCode.get('MOST_ABLE')!.aliases).toContain('More Able');
    expect(byCode.get('CLOSING_THE_GAP')!.aliases).toContain('Diminishing the Difference');
    expect(byCode.get('EARLY_YEARS')!.aliases).toContain('EYFS');
    expect(new Set([...byCode.values()].map((a) => a.heading))).toEqual(new Set(['LEADERSHIP_AND_MANAGEMENT', 'PUPIL_ACHIEVEMENT', 'QUALITY_OF_TEACHING', 'BEHAVIOUR_AND_SAFETY']));
  });
});
