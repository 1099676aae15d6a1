import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The query editor: GraphiQL 3 from the npm registry, served by the API itself (no CDN, no outside
 * fonts: its stylesheet carries them), with a header editor for the bearer token and X-Alliance-Id,
 * the schema's docs and autocompletion. GET /graphql from a browser (Accept: text/html, no query)
 * gets the page; everything else there is GraphQL. For analysts (issue 12, item 6): the example
 * queries of docs/analysts.md (operations/analyst/examples) one click away, and a token field whose
 * viewer's memberships fill the acting-alliance menu (sent as X-Alliance-Id).
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
};

/** The installed package's folder (their `exports` maps do not list these prebuilt files). */
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The page loads nothing but its own origin's scripts and styles, and talks to its own origin only. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Alliance Graph: query editor</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css">
<link rel="stylesheet" href="/explorer/explorer.css">
</head>
<body>
<header id="explorer-bar">
<label for="explorer-token">Token</label>
<input id="explorer-token" type="password" autocomplete="off" placeholder="Paste your token, then Enter">
<label for="explorer-alliance">Acting alliance</label>
<select id="explorer-alliance"><option value="">(enter a token)</option></select>
<span id="explorer-status" role="status"></span>
</header>
<div id="explorer-main">
<nav id="explorer-examples" aria-label="Example queries"><h2>Analysts' examples</h2></nav>
<div id="explorer">Loading the query editor…</div>
</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/start.js"></script>
</body>
</html>
`;

const CSS = [
  'html, body { height: 100%; margin: 0; }',
  'body { display: flex; flex-direction: column; font: 14px system-ui, sans-serif; }',
  '#explorer-bar { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.6rem; border-bottom: 1px solid #ddd; }',
  '#explorer-bar input { flex: 0 1 24rem; }',
  '#explorer-main { flex: 1; display: flex; min-height: 0; }',
  '#explorer-examples { width: 15rem; overflow: auto; border-right: 1px solid #ddd; padding: 0.4rem; }',
  '#explorer-examples h2 { font-size: 0.9rem; margin: 0.2rem 0 0.4rem; }',
  '#explorer-examples button { display: block; width: 100%; text-align: left; margin: 0 0 0.3rem; padding: 0.3rem; cursor: pointer; }',
  '#explorer { flex: 1; min-width: 0; }',
].join('\n') + '\n';

/** The analysts' example queries, each file's first comment line its title (docs/analysts.md, the same eleven). */
export interface ExplorerExample {
  name: string;
  title: string;
  document: string;
}

/** The project's folder: the nearest one up with a package.json (src/ops, or dist/src/ops when built). */
function projectDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function loadExamples(folder = path.join(projectDir(), 'operations', 'analyst', 'examples')): ExplorerExample[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = fs.readFileSync(path.join(folder, file), 'utf8');
      const title = /^#\s*(.+)$/m.exec(document)?.[1].trim() ?? file;
      return { name: /(query|mutation)\s+(\w+)/.exec(document)?.[2] ?? file, title, document };
    });
}

/** Runs in the browser. Headers left as their template (an empty bearer, an empty alliance) are not sent. */
const START = `(function () {
  var url = window.location.origin + window.location.pathname;
  var base = GraphiQL.createFetcher({ url: url });
  // The bar's token and alliance, sent when the header editor does not name its own.
  var bar = { token: '', alliance: '' };
  function has(headers, name) {
    return Object.keys(headers).some(function (key) { return key.toLowerCase() === name; });
  }
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers);
    Object.keys(headers).forEach(function (name) {
      var value = String(headers[name] == null ? '' : headers[name]).trim();
      if (!value || /^Bearer$/i.test(value) || /^Bearer\\s*<.*>$/i.test(value)) delete headers[name];
    });
    if (bar.token && !has(headers, 'authorization')) headers.Authorization = 'Bearer ' + bar.token;
    if (bar.alliance && !has(headers, 'x-alliance-id')) headers['X-Alliance-Id'] = bar.alliance;
    return base(params, Object.assign({}, options, { headers: headers }));
  }
  var tokenInput = document.getElementById('explorer-token');
  var allianceSelect = document.getElementById('explorer-alliance');
  var status = document.getElementById('explorer-status');
  function option(value, label) {
    var element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    return element;
  }
  // The viewer's memberships fill the alliance menu; one membership is picked at once.
  function useToken() {
    var token = tokenInput.value.trim().replace(/^Bearer /i, '');
    bar.token = token;
    bar.alliance = '';
    allianceSelect.replaceChildren(option('', token ? '(loading…)' : '(enter a token)'));
    status.textContent = '';
    if (!token) return;
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify({ query: '{ viewer { user { email } isPlatformAdmin memberships { role alliance { id slug name } } } }' }),
    })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        var viewer = result.data && result.data.viewer;
        if (!viewer) throw new Error((result.errors && result.errors[0] && result.errors[0].message) || 'no viewer');
        var memberships = viewer.memberships;
        allianceSelect.replaceChildren(option('', memberships.length ? '(choose an alliance)' : '(no membership)'));
        memberships.forEach(function (m) {
          allianceSelect.appendChild(option(m.alliance.slug, m.alliance.name + ' (' + m.role + ')'));
        });
        if (memberships.length === 1) {
          allianceSelect.value = memberships[0].alliance.slug;
          bar.alliance = allianceSelect.value;
        }
        status.textContent = 'Signed in as ' + viewer.user.email + '.';
      })
      .catch(function (error) {
        allianceSelect.replaceChildren(option('', '(enter a token)'));
        status.textContent = 'That token did not work: ' + error.message;
      });
  }
  tokenInput.addEventListener('change', useToken);
  tokenInput.addEventListener('keydown', function (event) { if (event.key === 'Enter') useToken(); });
  allianceSelect.addEventListener('change', function () { bar.alliance = allianceSelect.value; });
  // The analysts' examples: one click loads one into the query editor.
  var list = document.getElementById('explorer-examples');
  fetch('/explorer/examples.json')
    .then(function (response) { return response.json(); })
    .then(function (examples) {
      examples.forEach(function (example) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = example.title;
        button.title = example.name;
        button.setAttribute('data-example', example.name);
        button.addEventListener('click', function () {
          var editor = document.querySelector('.graphiql-query-editor .CodeMirror');
          if (editor) editor.CodeMirror.setValue(example.document);
        });
        list.appendChild(button);
      });
    });
  var defaultHeaders = JSON.stringify({ Authorization: 'Bearer ', 'X-Alliance-Id': '' }, null, 2);
  var defaultQuery = [
    '# Paste a token after "Bearer " in Headers below (npm run -s token -- --email coordinator@romero.demo),',
    '# and an alliance slug or id in X-Alliance-Id if you are a member of several. Then run (Ctrl-Enter).',
    '# Or paste it in the Token field above and pick the acting alliance there; the examples on the left load with a click.',
    '# The schema (docs, autocompletion) reloads with the settings button, or Shift-Ctrl-R.',
    '{',
    '  viewer {',
    '    user { email }',
    '    actingRole',
    '    actingAlliance { name }',
    '  }',
    '}',
    '',
  ].join('\\n');
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultHeaders: defaultHeaders,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      inputValueDeprecation: true,
      schemaDescription: true,
    }),
  );
})();
`;

export function explorerRouter(): express.Router {
  const router = express.Router();
  const files = new Map(Object.entries(ASSETS).map(([name, asset]) => [name, { file: path.join(packageDir(asset.pkg), asset.file), type: asset.type }]));
  const sendText = (res: express.Response, type: string, body: string) => {
    res.setHeader('Content-Type', `${type}; charset=utf-8`);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(body);
  };
  router.get('/graphql', (req, res, next) => {
    // A browser's page load; GraphQL over GET (a query string) and API clients go on to Apollo.
    if (Object.keys(req.query).length || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    sendText(res, 'text/html', PAGE);
  });
  router.get('/explorer/start.js', (_req, res) => sendText(res, 'text/javascript', START));
  router.get('/explorer/explorer.css', (_req, res) => sendText(res, 'text/css', CSS));
  const examples = JSON.stringify(loadExamples());
  router.get('/explorer/examples.json', (_req, res) => sendText(res, 'application/json', examples));
  router.get('/explorer/:name', (req, res, next) => {
    const asset = files.get(req.params.name);
    if (!asset) return next();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(asset.file, { headers: { 'Content-Type': `${asset.type}; charset=utf-8`, 'Cache-Control': 'public, max-age=3600' }, root: path.parse(asset.file).root });
  });
  return router;
}
