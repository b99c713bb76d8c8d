// Playwright runs the release build in dist/ (made by `cargo xtask build`) in Debian's
// Chromium. Playwright's own browser download is blocked on these machines, so the config
// points at /usr/bin/chromium, with the flags every Chromium in this project is started with.
//
// Three servers: the page itself, the example portal (examples/portal, with the engine module
// from dist/engine/) on a second origin, and a third origin for the embedding tests. E2E_DIST points both
// at another build of dist/ (a path relative to this folder), for trying a change without
// replacing the shared one.
// @ts-check
const { defineConfig } = require('@playwright/test');

const PORT = 4180;
// Another port is another origin: the portal embeds the page across origins, as real ones do.
const PORTAL_PORT = 4181;
// A third origin, any other site: a directory listing is a page with no script of its own.
const THIRD_PORT = 4182;
const DIST = process.env.E2E_DIST ?? '../../dist';

module.exports = defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  // Two cores: one browser at a time keeps timings steady.
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // A plain static server: the page must work from any host of files, with no help.
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ${DIST}`,
      url: `http://127.0.0.1:${PORT}/index.html`,
      reuseExistingServer: false,
      // python's server logs every request to stderr; the test report says what matters.
      stderr: 'ignore',
      timeout: 30_000,
    },
    {
      command: `node ../../examples/portal/serve.js --port ${PORTAL_PORT} --engine ${DIST}/engine`,
      url: `http://127.0.0.1:${PORTAL_PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `python3 -m http.server ${THIRD_PORT} --bind 127.0.0.1 --directory ../../examples`,
      url: `http://127.0.0.1:${THIRD_PORT}/`,
      reuseExistingServer: false,
      stderr: 'ignore',
      timeout: 30_000,
    },
  ],
});
