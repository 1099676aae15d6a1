import { chromium, Browser } from 'playwright-core';
import { loadExamples } from '../src/ops/explorer';
import { createServer, AppServer } from '../src/server';
import { signToken } from '../src/auth/tokens';
import { loadDemoData } from '../src/demo/load-demo-data';
import { User } from '../src/modules/users/user.entity';
import { createTestDatabase, TestDatabase } from './helpers/database';
import { listen } from './helpers/http';
import { silentLogger, verifyTestToken } from './helpers/server';
import { TEST_JWT_SECRET } from './factories/users';

/**
 * The query editor works with no internet access: GraphiQL from the npm registry, served by the API.
 * Driven in Debian's Chromium (`.ci/run` installs it); every request the page makes must stay on 127.0.0.1.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The page's own globals, in the functions page.evaluate runs there (this project compiles without the DOM library). */
declare const document: { querySelector(selector: string): { CodeMirror: CodeMirror; textContent: string | null } | null };
interface CodeMirror {
  setValue(value: string): void;
  getValue(): string;
  setCursor(line: number, ch: number): void;
}

describe('the query editor', () => {
  let db: TestDatabase;
  let server: AppServer;
  let base: string;
  let token: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.transaction((em) => loadDemoData(em));
    server = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'development', CORS_ORIGINS: [], EXPLORER: true }, logger: silentLogger, verifyToken: verifyTestToken });
    base = (await listen(server)).base;
    const user = await db.dataSource.getRepository(User).findOneByOrFail({ email: 'coordinator@romero.demo' });
    token = await signToken(TEST_JWT_SECRET, user.id, { ttl: '1h' });
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('is a page for browsers, with a strict content security policy, and GraphQL for everyone else', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';.*connect-src 'self'/);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of html.match(/\/explorer\/[\w.-]+/g)!) expect((await fetch(`${base}${asset}`)).status).toBe(200);
    // A JSON client (and GraphQL over GET with a query) still reaches GraphQL.
    const json = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('is off in production unless EXPLORER turns it on', async () => {
    const off = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken });
    try {
      const { base: offBase } = await listen(off);
      const response = await fetch(`${offBase}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type')).not.toMatch(/^text\/html/);
      expect(await response.text()).not.toMatch(/GraphiQL|graphiql/);
      expect((await fetch(`${offBase}/explorer/graphiql.min.js`)).status).toBe(404);
    } finally {
      await off.stop();
    }
  });

  describe('in headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    }, 60_000);
    afterAll(() => browser?.close());

    it('loads the schema, shows docs and completions, runs a query with a token and X-Alliance-Id, and calls no outside host', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: string[] = [];
      const sentHeaders: Record<string, string>[] = [];
      page.on('request', (request) => {
        requests.push(request.url());
        if (request.method() === 'POST') sentHeaders.push(request.headers());
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${base}/graphql`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      // Docs: the schema was introspected (the full standard query) and the root type is browsable.
      await page.click('button[aria-label="Show Documentation Explorer"]');
      await page.waitForSelector('.graphiql-doc-explorer >> text=Query', { timeout: 20_000 });

      // The token and the acting alliance go in the header editor.
      await page.click('button:has-text("Headers")');
      await page.evaluate((headers) => {
        document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')!.CodeMirror.setValue(headers);
      }, JSON.stringify({ Authorization: `Bearer ${token}`, 'X-Alliance-Id': 'romero' }));

      // Autocompletion in the query editor.
      const query = page.locator('.graphiql-query-editor .CodeMirror');
      await query.click();
      await page.evaluate(() => {
        const editor = document.querySelector('.graphiql-query-editor .CodeMirror')!.CodeMirror;
        editor.setValue('{\n  \n}');
        editor.setCursor(1, 2);
      });
      await page.keyboard.type('vie');
      await page.waitForSelector('.CodeMirror-hints >> text=viewer', { timeout: 10_000 });
      await page.keyboard.press('Escape');

      await page.evaluate(() => {
        document.querySelector('.graphiql-query-editor .CodeMirror')!.CodeMirror.setValue('{ viewer { user { email } actingRole actingAlliance { slug } } }');
      });
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(() => /coordinator@romero\.demo/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), undefined, { timeout: 20_000 });
      const result = await page.locator('.graphiql-response').textContent();
      expect(result).toContain('ALLIANCE_ADMIN');
      expect(result).toContain('"slug": "romero"');
      expect(sentHeaders.at(-1)).toMatchObject({ authorization: `Bearer ${token}`, 'x-alliance-id': 'romero' });
      // Before the token was set, the template's empty bearer was not sent.
      expect(sentHeaders[0].authorization).toBeUndefined();

      expect(errors).toEqual([]);
      expect(requests.length).toBeGreaterThan(4);
      const outside = requests.filter((url) => !url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
      expect(outside).toEqual([]);
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await context.close();
    }, 60_000);

    it("runs an analyst's example: token in the bar, the alliance picked from the viewer's memberships, the example one click away (issue 12, item 6)", async () => {
      const analyst = await db.dataSource.getRepository(User).findOneByOrFail({ email: 'analyst@romero.demo' });
      const analystToken = await signToken(TEST_JWT_SECRET, analyst.id, { ttl: '1h' });
      const example = loadExamples().find((e) => e.name === 'AnalystStaffByLocalAuthority')!;
      expect(loadExamples()).toHaveLength(11);

      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: string[] = [];
      const sentHeaders: Record<string, string>[] = [];
      page.on('request', (request) => {
        requests.push(request.url());
        if (request.method() === 'POST') sentHeaders.push(request.headers());
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${base}/graphql`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      await page.waitForSelector('#explorer-examples button:nth-of-type(11)', { timeout: 10_000 });
      expect(await page.locator('#explorer-examples button').count()).toBe(11);

      // The token in the bar; the viewer's one membership fills the alliance menu, and is picked.
      await page.fill('#explorer-token', analystToken);
      await page.press('#explorer-token', 'Enter');
      await page.waitForSelector('#explorer-alliance option[value="romero"]', { state: 'attached', timeout: 10_000 });
      await page.selectOption('#explorer-alliance', 'romero');
      expect(await page.locator('#explorer-status').textContent()).toContain('analyst@romero.demo');

      // One click loads the example into the editor; running it answers with the alliance's suppressed counts.
      await page.click(`#explorer-examples button[data-example="${example.name}"]`);
      expect(await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror')!.CodeMirror.getValue())).toBe(example.document);
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(() => /"peopleStatistics"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), undefined, { timeout: 20_000 });
      const result = JSON.parse(await page.evaluate(() => document.querySelector('.graphiql-response .CodeMirror')!.CodeMirror.getValue()));
      expect(result.errors).toBeUndefined();
      expect(result.data.peopleStatistics.total).toBeGreaterThan(0);
      expect(result.data.peopleStatistics.groups).toContainEqual({ localAuthority: { code: '331', name: 'Coventry' }, count: expect.any(Number), suppressed: false });
      expect(sentHeaders.at(-1)).toMatchObject({ authorization: `Bearer ${analystToken}`, 'x-alliance-id': 'romero' });

      expect(errors).toEqual([]);
      const outside = requests.filter((url) => !url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
      expect(outside).toEqual([]);
      await context.close();
    }, 60_000);
  });
});
