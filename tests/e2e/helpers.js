// What the browser tests share: opening the page, typing a plan as a person would, waiting for
// the assessment, and recording requests, console errors and CSP violations.
// @ts-check
const { expect } = require('@playwright/test');

const AT_LEAST_ESCALATE = /^(escalate|block)$/;

/** Records console errors, uncaught exceptions, CSP violations and every request (the page's
 * and its worker's: a listener on the context sees both). */
async function watch(page) {
  const seen = { errors: [], requests: [], afterLoad: [], loaded: false };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`exception: ${error.message}`));
  page.context().on('request', (request) => {
    const url = request.url();
    // blob: and data: URLs are the page's own memory (an export being saved), not traffic.
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    seen.requests.push(url);
    if (seen.loaded) seen.afterLoad.push(url);
  });
  // A CSP violation is reported to the page as an event as well as to the console; listening
  // to the event too means a violation cannot slip through as a mere warning.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return seen;
}

/** Opens the page (optionally at a fragment) and waits for its first verdict. */
async function open(page, fragment = '') {
  await page.goto(`/${fragment}`);
  await expect(page.locator('[data-verdict]')).toBeVisible();
}

/** Waits until the shown assessment is for the text as it is now. */
async function settled(page) {
  await expect(page.locator('.result-pane')).toHaveAttribute('aria-busy', 'false');
}

/** Replaces the plan by typing it key by key, and waits until it has been assessed. */
async function typePlan(page, text) {
  const input = page.locator('#plan-input');
  await input.fill('');
  await input.pressSequentially(text);
  await settled(page);
  const lastLine = text.trim().split('\n').pop()?.replace(/^\d+\.\s*/, '') ?? '';
  await expect(page.locator('.step-text').last()).toContainText(lastLine);
}

/** Replaces the plan at once, as a paste would. */
async function pastePlan(page, text) {
  await page.locator('#plan-input').fill(text);
  await settled(page);
}

/** Presses Tab until `selector` has focus (failing after `limit` presses), so a test walks the
 * page in its real tab order, as a keyboard user would. */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

module.exports = { AT_LEAST_ESCALATE, watch, open, settled, typePlan, pastePlan, tabTo };
