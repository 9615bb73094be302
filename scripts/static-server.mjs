// A minimal static file server for the export in out/, as any static host would serve it.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function fileFor(root, urlPath) {
  let clean;
  try {
    clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  } catch {
    return null;
  }
  for (const candidate of [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)]) {
    if (candidate !== root && !candidate.startsWith(root + sep)) continue;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Starts serving `root` on 127.0.0.1:`port`; resolves once listening. */
export function startStaticServer({ root = 'out', port = 3000 } = {}) {
  const dir = resolve(root);
  statSync(join(dir, 'index.html'));
  const server = createServer((req, res) => {
    const file = fileFor(dir, req.url ?? '/');
    const target = file ?? join(dir, '404.html');
    const headers = { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' };
    // HTML and the service worker must revalidate so updates are seen; hashed assets never change.
    headers['Cache-Control'] = target.includes(`${sep}_next${sep}static${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(file ? 200 : 404, headers);
    createReadStream(target).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}
