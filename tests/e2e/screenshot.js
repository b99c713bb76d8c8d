// Regenerates docs/screenshot.png from the release build: `cargo xtask build`, then
// `python3 -m http.server 4180 --bind 127.0.0.1 --directory dist` in one shell and
// `node tests/e2e/screenshot.js` in another.
const { chromium } = require('@playwright/test');
const path = require('path');

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 960 }, colorScheme: 'light' });
  await page.goto(process.env.PAGE_URL || 'http://127.0.0.1:4180/');
  await page.locator('[data-verdict]').waitFor();
  const out = path.join(__dirname, '..', '..', 'docs', 'screenshot.png');
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
  console.log(`wrote ${out}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
