import path from 'node:path';
import express from 'express';

/**
 * The query editor: GraphiQL 3 from the npm registry, served by the API itself (no CDN, no outside
 * fonts: its stylesheet carries them), with a header editor for the bearer token and X-Alliance-Id,
 * the schema's docs and autocompletion. GET /graphql from a browser (Accept: text/html, no query)
 * gets the page; everything else there is GraphQL.
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
<div id="explorer">Loading the query editor…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/start.js"></script>
</body>
</html>
`;

const CSS = 'html, body, #explorer { height: 100%; margin: 0; }\n';

/** Runs in the browser. Headers left as their template (an empty bearer, an empty alliance) are not sent. */
const START = `(function () {
  var url = window.location.origin + window.location.pathname;
  var base = GraphiQL.createFetcher({ url: url });
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers);
    Object.keys(headers).forEach(function (name) {
      var value = String(headers[name] == null ? '' : headers[name]).trim();
      if (!value || /^Bearer$/i.test(value) || /^Bearer\\s*<.*>$/i.test(value)) delete headers[name];
    });
    return base(params, Object.assign({}, options, { headers: headers }));
  }
  var defaultHeaders = JSON.stringify({ Authorization: 'Bearer ', 'X-Alliance-Id': '' }, null, 2);
  var defaultQuery = [
    '# Paste a token after "Bearer " in Headers below (npm run -s token -- --email coordinator@romero.demo),',
    '# and an alliance slug or id in X-Alliance-Id if you are a member of several. Then run (Ctrl-Enter).',
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
  router.get('/explorer/:name', (req, res, next) => {
    const asset = files.get(req.params.name);
    if (!asset) return next();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(asset.file, { headers: { 'Content-Type': `${asset.type}; charset=utf-8`, 'Cache-Control': 'public, max-age=3600' }, root: path.parse(asset.file).root });
  });
  return router;
}
