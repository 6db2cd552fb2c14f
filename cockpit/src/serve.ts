import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the page lives on the gateway's origin, beside `/graphql`. */
export const COCKPIT_PATH = '/cockpit';

/** The bundle `npm run build` writes (the same folder whether this module runs from src or dist). */
export const COCKPIT_PUBLIC_DIR = path.join(__dirname, '..', 'dist', 'public');

/**
 * The page loads nothing but its own files and talks only to `/graphql` on the same origin. Inline styles
 * stay allowed because ECharts writes its tooltips as HTML with style attributes.
 */
export const COCKPIT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.graphql': 'text/plain; charset=utf-8',
};

/** Pre-compressed beside the file by the build; fonts are compressed already. */
const GZIPPED = new Set(['.html', '.js', '.css']);

/** esbuild names every asset `<name>-<hash>.<ext>`: such a file never changes under its name. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

export type CockpitHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * A request handler for `/cockpit/…`: answers it (returns true) or leaves it to the caller (returns
 * false). The page (`index.html`) is revalidated on every load; hashed assets are cached for a year.
 */
export function createCockpitHandler(publicDir: string = COCKPIT_PUBLIC_DIR): CockpitHandler {
  const root = path.resolve(publicDir);
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== COCKPIT_PATH && !pathname.startsWith(`${COCKPIT_PATH}/`)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (pathname === COCKPIT_PATH) {
      // relative asset URLs in the page need the trailing slash
      const query = (req.url ?? '').slice(pathname.length);
      res.writeHead(301, { location: `${COCKPIT_PATH}/${query}` }).end();
      return true;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(COCKPIT_PATH.length + 1)) || 'index.html';
    } catch {
      res.writeHead(400).end();
      return true;
    }
    const file = path.resolve(root, relative);
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(root + path.sep) || !type) {
      notFound(res);
      return true;
    }
    void sendFile(req, res, file, type);
    return true;
  };
}

/** The handler over the bundle built into `cockpit/dist/public`. */
export const serveCockpit: CockpitHandler = createCockpitHandler();

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, type: string) {
  const extension = path.extname(file);
  const gzip = GZIPPED.has(extension) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const source = gzip ? `${file}.gz` : file;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(source);
  } catch {
    notFound(res, extension === '.html');
    return;
  }
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (gzip) headers['content-encoding'] = 'gzip';
  if (extension === '.html') {
    headers['content-security-policy'] = COCKPIT_CSP;
    headers['referrer-policy'] = 'no-referrer';
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['content-length'] = String(stat.size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(source)
    .on('error', () => res.destroy())
    .pipe(res);
}

function notFound(res: ServerResponse, pageMissing = false) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(
    pageMissing
      ? 'The cockpit is not built: run `npm run build -w cockpit` (or `npm run build`).\n'
      : 'Not found\n',
  );
}
