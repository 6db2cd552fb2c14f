import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

/**
 * A GraphQL explorer served from the deployment itself (GraphiQL and React from node_modules): it works
 * on a government network with no internet. Development mode only.
 */
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'graphiql.min.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'react.production.min.js': {
    file: path.join(packageDir('react'), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
};

const DEFAULT_QUERY = `# 县域治理图谱 — the county governance graph
# Paste a token from \`npm start\` into the Headers tab: {"Authorization": "Bearer …"}
# (kept in this tab's memory only: reload the page and it is gone)
{
  regions(level: COUNTY) {
    code
    name
    children { code name }
  }
}
`;

/**
 * Tokens pasted into the Headers tab stay in this page's memory: GraphiQL's storage (tabs, queries,
 * headers) is a Map that dies with the tab, never localStorage, where any script or later user could
 * read a token.
 */
const SCRIPT = `const memory = new Map();
const storage = {
  getItem: (key) => (memory.has(key) ? memory.get(key) : null),
  setItem: (key, value) => memory.set(key, String(value)),
  removeItem: (key) => memory.delete(key),
  clear: () => memory.clear(),
  get length() { return memory.size; },
};
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    storage,
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }),
);
`;

const STYLE = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

/**
 * Only this deployment's own scripts and style sheets (no inline script or style element, no eval; tried
 * in Chromium: GraphiQL runs without a violation); fonts are the data: URLs inside graphiql.min.css; it
 * may call only this origin and cannot be framed.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>县域治理图谱 · GraphQL Explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css" />
<link rel="stylesheet" href="/explorer/explorer.css" />
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>`;

const OWN: Record<string, { body: string; type: string }> = {
  'explorer.js': { body: SCRIPT, type: 'text/javascript' },
  'explorer.css': { body: STYLE, type: 'text/css' },
};

const SECURITY_HEADERS = {
  'content-security-policy': EXPLORER_CSP,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export function serveExplorer(pathname: string, res: ServerResponse): boolean {
  if (pathname === '/explorer' || pathname === '/explorer/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
    res.end(PAGE);
    return true;
  }
  if (!pathname.startsWith('/explorer/')) return false;
  const name = pathname.slice('/explorer/'.length);
  const own = OWN[name];
  if (own) {
    res.writeHead(200, { 'content-type': `${own.type}; charset=utf-8`, ...SECURITY_HEADERS });
    res.end(own.body);
    return true;
  }
  const asset = ASSETS[name];
  if (!asset) return false;
  res.writeHead(200, {
    'content-type': `${asset.type}; charset=utf-8`,
    'cache-control': 'public, max-age=86400',
    ...SECURITY_HEADERS,
  });
  fs.createReadStream(asset.file).pipe(res);
  return true;
}
