// Regenerates docs/training.png, the README's picture of a revealed training exercise, from the
// release build: `cargo xtask build`, then `python3 -m http.server 4180 --bind 127.0.0.1
// --directory dist` in one shell and `node tests/e2e/training-screenshot.js` in another. The
// trainee's choices are fixed (one step let through that the tool escalates), so the picture
// shows every kind of comparison the reveal makes.
const { chromium } = require('@playwright/test');
const path = require('path');

const CHOICES = ['proceed', 'proceed', 'review', 'review'];

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
  await page.goto(`${process.env.PAGE_URL || 'http://127.0.0.1:4180/'}?view=training`);
  await page.locator('[data-exercise="kiro-delete-recreate"] button').click();
  for (const [i, choice] of CHOICES.entries()) await page.locator(`#exercise-step-${i + 1}-${choice}`).check();
  await page.locator('#training-reveal').click();
  await page.locator('#exercise-result-title').waitFor();
  // The focus ring on the result's heading is for keyboard users, not for the picture.
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur());
  const out = path.join(__dirname, '..', '..', 'docs', 'training.png');
  await page.locator('#training-view').screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
