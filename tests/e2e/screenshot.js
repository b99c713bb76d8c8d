// Regenerates the README's screenshots in docs/ from the release build: `cargo xtask build`,
// then `python3 -m http.server 4180 --bind 127.0.0.1 --directory dist` in one shell and
// `node tests/e2e/screenshot.js` in another. Each is what a first visit shows in one screen,
// in both themes, at desktop and phone width; one more shows the step cards.
const { chromium } = require('@playwright/test');
const path = require('path');

const SHOTS = [
  { name: 'page-desktop-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'page-desktop-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  { name: 'page-phone-light', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { name: 'page-phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
  { name: 'page-steps-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark', scrollTo: '[data-step-index="2"]' },
];

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
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: shot.viewport, colorScheme: shot.colorScheme });
    await page.goto(process.env.PAGE_URL || 'http://127.0.0.1:4180/');
    await page.locator('[data-verdict]').waitFor();
    if (shot.scrollTo) {
      await page.locator(shot.scrollTo).evaluate((card) => card.scrollIntoView({ block: 'start' }));
    }
    const out = path.join(__dirname, '..', '..', 'docs', `${shot.name}.png`);
    await page.screenshot({ path: out });
    await page.close();
    console.log(`wrote ${out}`);
  }
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
