// Regenerates docs/training.png, the README's picture of a revealed training exercise, from the
// release build: `cargo xtask build`, then `python3 -m http.server 4180 --bind 127.0.0.1
// --directory dist` in one shell and `node tests/e2e/training-screenshot.js` in another. The
// trainee's choices are fixed (the step that recreates production let through, the rest
// reviewed), so the picture shows every kind of comparison the reveal makes. With SHOTS=DIR it
// also writes what a trainer sees: facilitator mode mid-exercise, and a set's handout as
// printed (pictures to look at, not for the README).
const { chromium } = require('@playwright/test');
const path = require('path');

const PAGE = process.env.PAGE_URL || 'http://127.0.0.1:4180/';

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
  await page.goto(`${PAGE}?view=training`);
  await page.locator('[data-exercise="kiro-delete-recreate"] button').click();
  const steps = await page.locator('.exercise-step').count();
  for (let step = 1; step <= steps; step += 1) {
    const text = await page.locator(`#exercise-step-${step}-text`).innerText();
    const choice = /recreate the production/.test(text) ? 'proceed' : /^(Read|Compare)/.test(text) ? 'proceed' : 'review';
    await page.locator(`#exercise-step-${step}-${choice}`).check();
  }
  await page.locator('#training-reveal').click();
  await page.locator('#exercise-result-title').waitFor();
  // The focus ring on the result's heading is for keyboard users, not for the picture.
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur());
  const out = path.join(__dirname, '..', '..', 'docs', 'training.png');
  await page.locator('#training-view').screenshot({ path: out });
  console.log(`wrote ${out}`);

  const shots = process.env.SHOTS;
  if (shots) {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${PAGE}#exercise=gitlab-wrong-host&facilitator=1`);
    await page.locator('.exercise-step').first().waitFor();
    await page.locator('#exercise-step-1 .tally-button[data-act="more"][data-decision="proceed"]').click();
    await page.keyboard.press('r');
    await page.keyboard.press('n');
    for (let i = 0; i < 5; i += 1) await page.locator('#exercise-step-2 .tally-button[data-act="more"][data-decision="escalate"]').click();
    await page.locator('#exercise-step-2 .tally-button[data-act="more"][data-decision="review"]').click();
    await page.keyboard.press('r');
    await page.locator('.answer-key summary').click();
    await page.screenshot({ path: path.join(shots, 'facilitator.png'), fullPage: true });
    // The facilitated exercise is still under way; a reload would reopen it.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${PAGE}?view=training`);
    await page.locator('.set[data-set="30"] [data-act="handout"]').click();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, 'handout-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${PAGE}?view=training`);
    await page.locator('#training-large').check();
    await page.locator('[data-exercise="kiro-delete-recreate"] button').click();
    for (let step = 1; step <= steps; step += 1) await page.locator(`#exercise-step-${step}-escalate`).check();
    await page.locator('#training-reveal').click();
    await page.locator('#exercise-result-title').waitFor();
    await page.screenshot({ path: path.join(shots, 'projector-reveal.png') });
    console.log(`wrote pictures into ${shots}`);
  }
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
