// Serves the example portal: this folder at /, and the engine module that `cargo xtask build`
// put in dist/engine/ at /engine/, so the portal imports it from its own origin, as a real
// portal would host its copy. Plain Node.js, nothing to install.
//
//   node examples/portal/serve.js [--port 8090] [--host 127.0.0.1] [--engine dist/engine]
//
// Then open http://127.0.0.1:8090/ with the explainer served at http://127.0.0.1:8080/
// (`cargo xtask serve`), or point the portal elsewhere with ?explainer=<address>.

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option('port', '8090'));
const host = option('host', '127.0.0.1');
const roots = {
  '/engine/': path.resolve(option('engine', path.join(__dirname, '..', '..', 'dist', 'engine'))),
  '/': __dirname,
};
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://portal.invalid');
  const [prefix, root] = Object.entries(roots).find(([at]) => url.pathname.startsWith(at));
  const relative = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
  const file = path.join(root, relative);
  // Nothing outside the two folders, whatever the path says.
  if (!file.startsWith(root + path.sep) || relative.split(/[\\/]/).includes('..')) {
    response.writeHead(403).end();
    return;
  }
  fs.readFile(file, (error, body) => {
    if (error) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(prefix === '/engine/' ? 'The engine module is built by `cargo xtask build`.\n' : 'Not found.\n');
      return;
    }
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(body);
  });
});

server.listen(port, host, () => {
  console.log(`Example portal at http://${host}:${port}/ (engine module from ${roots['/engine/']})`);
});
