import { createHash } from 'node:crypto';
import { PedExArticleDocument, PedExListDocument } from '../operations/generated/pedex/graphql';
import manifest from '../operations/generated/pedex/persisted-documents.json';
import { loadConfig } from '../src/config';
import { loadManifest } from '../src/ops/persisted-documents';
import { AppServer, createServer } from '../src/server';
import { addMember, createAlliance, createSchool } from './factories';
import { seedResearch } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { createTestDatabase, TestDatabase } from './helpers/database';
import { GraphQLBody, listen } from './helpers/http';
import { silentLogger, verifyTestToken } from './helpers/server';
import { MembershipRole } from '../src/modules/users/user-enums';

/**
 * README, "PedEx: caching and persisted documents"; SECURITY.md D4. The PedEx site's documents are
 * run by hash over GET, anonymously, with a public Cache-Control and an ETag; anything else an
 * anonymous caller sends in production is refused; signed-in callers and private answers are untouched.
 */
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
const ARTICLE = hashOf(PedExArticleDocument);
const LIST = hashOf(PedExListDocument);
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe('PedEx over HTTP: public caching and persisted documents', () => {
  let db: TestDatabase;
  let production: AppServer;
  let development: AppServer;
  let prod: Awaited<ReturnType<typeof listen>>;
  let dev: Awaited<ReturnType<typeof listen>>;
  let coordinator: TestUser;
  let slug: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.dataSource.manager;
    const alliance = await createAlliance(em, { slug: 'cachers' });
    const school = await createSchool(em);
    await addMember(em, alliance, school);
    const lead = await createPerson(em, alliance);
    const { published } = await seedResearch(em, alliance, lead, school, 'CACHE');
    slug = published.slug!;
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    production = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [], ANONYMOUS_PERSISTED_ONLY: true, PEDEX_CACHE_MAX_AGE: 120 }, logger: silentLogger, verifyToken: verifyTestToken });
    development = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'development', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken });
    prod = await listen(production);
    dev = await listen(development);
  });
  afterAll(async () => {
    await production?.stop();
    await development?.stop();
    await db?.drop();
  });

  const get = (base: string, params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    return fetch(`${base}/graphql?${search}`, { headers: { ...PREFLIGHT, ...headers } });
  };
  const codes = (body: GraphQLBody) => body.errors?.map((e) => e.extensions?.code);
  const auth = () => ({ authorization: `Bearer ${coordinator.token}` });

  it('writes a manifest of the PedEx documents, each keyed by the sha256 of its text', () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const [id, text] of entries) expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining([ARTICLE, LIST]));
    expect(() => loadManifest({ 'sha256:00': '{ __typename }' })).toThrow(/not the sha256/);
  });

  it('runs a persisted document by hash over GET, anonymously, with a public Cache-Control and an ETag; If-None-Match gets 304', async () => {
    const response = await get(prod.base, { documentId: ARTICLE, variables: { slug } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors).toBeUndefined();
    expect(body.data.publishedResearchProject).toMatchObject({ slug, title: expect.any(String) });
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('vary')).toMatch(/Authorization/);
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();

    // As a CDN revalidates (fetch would add `Cache-Control: no-cache` to a conditional request, which asks for the body).
    const revalidate = { 'if-none-match': etag!, 'cache-control': 'max-age=0' };
    const again = await get(prod.base, { documentId: ARTICLE, variables: { slug } }, revalidate);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Other variables, another body, another ETag.
    const other = await get(prod.base, { documentId: ARTICLE, variables: { slug: 'no-such-article' } }, revalidate);
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ data: { publishedResearchProject: null } });
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it("takes Apollo's persisted-query extension too; anonymous callers by GET only, signed-in ones by POST too", async () => {
    const apq = await get(prod.base, { extensions: { persistedQuery: { version: 1, sha256Hash: ARTICLE.slice('sha256:'.length) } }, variables: { slug } });
    expect(apq.status).toBe(200);
    expect(((await apq.json()) as GraphQLBody).data.publishedResearchProject.slug).toBe(slug);
    const anonymousPost = await prod.post({ documentId: LIST, variables: { first: 5 } });
    expect(anonymousPost.status).toBe(400);
    expect(codes((await anonymousPost.json()) as GraphQLBody)).toEqual(['BAD_REQUEST']);
    const signedIn = await prod.post({ documentId: LIST, variables: { first: 5 } }, auth());
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as GraphQLBody).errors).toBeUndefined();
  });

  it('refuses an anonymous query sent as text in production with PERSISTED_QUERY_REQUIRED, over GET and POST', async () => {
    const text = (manifest as Record<string, string>)[ARTICLE];
    for (const response of [await get(prod.base, { query: text, variables: { slug } }), await prod.post({ query: text, variables: { slug } })]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(codes((await response.json()) as GraphQLBody)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    }
    // Text with a persisted-query hash beside it is still text.
    const both = await prod.post({ query: text, variables: { slug }, extensions: { persistedQuery: { version: 1, sha256Hash: ARTICLE.slice(7) } } });
    expect(codes((await both.json()) as GraphQLBody)).toEqual(['PERSISTED_QUERY_REQUIRED']);
  });

  it('refuses an unknown or malformed hash with PERSISTED_QUERY_NOT_FOUND, and never registers a document', async () => {
    const unknown = `sha256:${'0'.repeat(64)}`;
    for (const documentId of [unknown, 'sha256:nothex', '{ __typename }', '']) {
      const response = await get(prod.base, { documentId });
      expect(response.status).toBe(400);
      expect(codes((await response.json()) as GraphQLBody)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
    expect(codes((await (await get(prod.base, { documentId: unknown }, auth())).json()) as GraphQLBody)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    // A signed-in caller sending text with its hash (how Apollo's automatic persisted queries register) registers nothing.
    const query = '{ alliances { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const registered = await prod.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }, auth());
    expect(registered.status).toBe(200);
    for (const params of [{ documentId: `sha256:${sha256Hash}` }, { extensions: { persistedQuery: { version: 1, sha256Hash } } }]) {
      expect(codes((await (await get(prod.base, params)).json()) as GraphQLBody)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
  });

  it('lets signed-in callers send any document; their answers stay private, no-store, also for a persisted document', async () => {
    const post = await prod.post({ query: '{ viewer { user { email } } conferenceEvents { totalCount } }' }, auth());
    expect(post.status).toBe(200);
    expect(((await post.json()) as GraphQLBody).errors).toBeUndefined();
    expect(post.headers.get('cache-control')).toBe('private, no-store');

    const byHash = await get(prod.base, { documentId: ARTICLE, variables: { slug } }, auth());
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as GraphQLBody).data.publishedResearchProject.slug).toBe(slug);
    expect(byHash.headers.get('cache-control')).toBe('private, no-store');
  });

  it('still refuses mutations over GET', async () => {
    const mutation = 'mutation { createConferenceEvent(input: { name: "x", heldOn: "2026-07-01" }) { event { id } } }';
    expect((await get(prod.base, { query: mutation }, auth())).status).toBe(405);
    expect((await get(dev.base, { query: mutation })).status).toBe(405);
  });

  it('keeps an anonymous answer with an error private, no-store', async () => {
    const badVariables = await get(prod.base, { documentId: ARTICLE, variables: { slug: 42 } });
    expect(badVariables.status).toBe(400);
    expect(badVariables.headers.get('cache-control')).toBe('private, no-store');
  });

  it('in development takes anonymous text: public when it reads only anonymous fields without errors, private otherwise', async () => {
    expect(loadConfig({}).ANONYMOUS_PERSISTED_ONLY).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toMatchObject({ ANONYMOUS_PERSISTED_ONLY: true, PEDEX_CACHE_MAX_AGE: 300 });

    const programme = await get(dev.base, { query: 'query($s: String!) { publishedConferenceProgramme(allianceSlug: $s) { name sessions { presentations { projectSlug } } } }', variables: { s: 'cachers' } });
    expect(programme.status).toBe(200);
    const body = (await programme.json()) as GraphQLBody;
    expect(body.data.publishedConferenceProgramme[0].sessions[0].presentations).toEqual([{ projectSlug: slug }]);
    expect(programme.headers.get('cache-control')).toBe('public, max-age=300');

    // A staff field beside it: refused, so the answer is private.
    const mixed = await get(dev.base, { query: '{ publishedConferenceProgramme(allianceSlug: "cachers") { name } alliances { totalCount } }' });
    expect(codes((await mixed.json()) as GraphQLBody)).toEqual(['UNAUTHENTICATED']);
    expect(mixed.headers.get('cache-control')).toBe('private, no-store');
    // Introspection is not public data either.
    const typename = await get(dev.base, { query: '{ __type(name: "Query") { name } }' });
    expect(typename.headers.get('cache-control')).toBe('private, no-store');
  });
});
