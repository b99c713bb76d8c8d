// Playwright runs the release build in dist/ (made by `cargo xtask build`) in Debian's
// Chromium. Playwright's own browser download is blocked on these machines, so the config
// points at /usr/bin/chromium, with the flags every Chromium in this project is started with.
// @ts-check
const { defineConfig } = require('@playwright/test');

const PORT = 4180;

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
  webServer: {
    // A plain static server: the page must work from any host of files, with no help.
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../../dist`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    // python's server logs every request to stderr; the test report says what matters.
    stderr: 'ignore',
    timeout: 30_000,
  },
});
