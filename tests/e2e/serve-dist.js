// Serves dist/ as a production host would (docs/hosting.md): each file's precompressed twin
// (`file.gz`, written by `cargo xtask build`) to a browser that accepts gzip, with the file's
// own type. `cargo xtask bench-web` measures the page through it, so the download it reports
// is the bytes that cross the network. Plain Node.js, nothing to install.
//
//   node tests/e2e/serve-dist.js --port 4180 [--host 127.0.0.1] [--dir dist]

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option('port', '4180'));
const host = option('host', '127.0.0.1');
const root = path.resolve(option('dir', path.join(__dirname, '..', '..', 'dist')));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function send(response, status, headers, body) {
  response.writeHead(status, headers);
  response.end(body);
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://dist.invalid');
  let relative = decodeURIComponent(url.pathname);
  if (relative.endsWith('/')) relative += 'index.html';
  const file = path.join(root, relative);
  // Nothing outside dist/, whatever the path says.
  if (!file.startsWith(root + path.sep) || relative.split(/[\\/]/).includes('..')) {
    send(response, 403, {}, '');
    return;
  }
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const headers = {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    vary: 'Accept-Encoding',
  };
  fs.readFile(`${file}.gz`, (missing, packed) => {
    if (gzip && !missing) {
      send(response, 200, { ...headers, 'content-encoding': 'gzip' }, packed);
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) send(response, 404, { 'content-type': 'text/plain' }, 'Not found.\n');
      else send(response, 200, headers, body);
    });
  });
});

server.listen(port, host, () => {
  console.log(`dist/ at http://${host}:${port}/ (from ${root}, precompressed files where present)`);
});
