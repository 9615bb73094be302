// Serves the static export in out/ on localhost, the way any static host would.
// Usage: node scripts/serve.mjs [--port 3000] [--dir out]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(opt('dir', 'out'));
const port = Number(opt('port', process.env.PORT ?? 3000));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function fileFor(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const candidates = [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)];
  for (const c of candidates) {
    if (!c.startsWith(root)) continue;
    try {
      if (statSync(c).isFile()) return c;
    } catch {}
  }
  return null;
}

try {
  statSync(join(root, 'index.html'));
} catch {
  console.error(`No build found in ${root}. Run "npm run build" first.`);
  process.exit(1);
}

const server = createServer((req, res) => {
  const file = fileFor(req.url ?? '/');
  const target = file ?? join(root, '404.html');
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  const headers = { 'Content-Type': type };
  // The service worker and HTML must revalidate so updates are noticed; hashed assets are immutable.
  if (target.includes(`${join(root, '_next', 'static')}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  else headers['Cache-Control'] = 'no-cache';
  res.writeHead(file ? 200 : 404, headers);
  createReadStream(target).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`CISM & CISSP study is running at http://localhost:${port}/`);
});
