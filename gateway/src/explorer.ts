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
{
  regions(level: COUNTY) {
    code
    name
    children { code name }
  }
}
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>县域治理图谱 · GraphQL Explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css" />
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, isHeadersEditorEnabled: true, shouldPersistHeaders: true }),
  );
</script>
</body>
</html>`;

export function serveExplorer(pathname: string, res: ServerResponse): boolean {
  if (pathname === '/explorer' || pathname === '/explorer/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
    return true;
  }
  const asset = ASSETS[pathname.replace(/^\/explorer\//, '')];
  if (!pathname.startsWith('/explorer/') || !asset) return false;
  res.writeHead(200, {
    'content-type': `${asset.type}; charset=utf-8`,
    'cache-control': 'public, max-age=86400',
  });
  fs.createReadStream(asset.file).pipe(res);
  return true;
}
