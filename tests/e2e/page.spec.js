// The release page as a person meets it: first visit, typing, and what it must never do
// (talk to the network, log errors, break its own Content-Security-Policy).
// @ts-check
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

const AT_LEAST_ESCALATE = /^(escalate|block)$/;

/** Records console errors, uncaught exceptions, CSP violations and every request. */
async function watch(page) {
  const seen = { errors: [], requests: [], afterLoad: [], loaded: false };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    seen.requests.push(request.url());
    if (seen.loaded) seen.afterLoad.push(request.url());
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

/** Opens the page and waits until the app has rendered its first verdict. */
async function open(page) {
  await page.goto('/');
  await expect(page.locator('[data-verdict]')).toBeVisible();
}

/** Clears the plan, types a new one key by key, and waits until it has been assessed. */
async function typePlan(page, text) {
  const input = page.locator('#plan-input');
  await input.fill('');
  await input.pressSequentially(text);
  await expect(page.locator('.result-pane')).toHaveAttribute('aria-busy', 'false');
  const lastLine = text.trim().split('\n').pop().replace(/^\d+\.\s*/, '');
  await expect(page.locator('.step-text').last()).toContainText(lastLine);
}

test('a first visit shows the example plan, assessed at escalate or above', async ({ page }) => {
  await open(page);
  await expect(page.locator('#plan-input')).toHaveValue(/Delete and recreate the production environment/);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);
  await expect(page.locator('[data-step-index]')).toHaveCount(3);
  const recreate = page.locator('[data-step-index="2"]');
  await expect(recreate).toHaveAttribute('data-decision', AT_LEAST_ESCALATE);
  // The decision is in words on the card, not only in its colour.
  const decision = await recreate.getAttribute('data-decision');
  await expect(recreate.locator('.badge')).toHaveText(decision ?? '');
  await expect(recreate).toContainText('Delete and recreate the production environment');
});

test('typing a harmless plan proceeds; typing rm -rf / escalates or blocks', async ({ page }) => {
  await open(page);
  await typePlan(page, '1. List the files in the repo');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'proceed');
  await expect(page.locator('[data-step-index]')).toHaveCount(1);

  await typePlan(page, 'rm -rf /');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);
  await expect(page.locator('[data-step-index="1"]')).toHaveAttribute('data-decision', AT_LEAST_ESCALATE);
});

test('nothing leaves the page: no request after load, and only its own files before', async ({ page, baseURL }) => {
  const seen = await watch(page);
  await open(page);
  await page.waitForLoadState('networkidle');
  seen.loaded = true;

  await typePlan(page, '1. List the files in the repo');
  await typePlan(page, 'terraform destroy -auto-approve');
  await expect(page.locator('[data-verdict]')).not.toHaveAttribute('data-verdict', 'proceed');

  expect(seen.afterLoad, 'requests made after the page loaded').toEqual([]);
  const origin = new URL(baseURL ?? '').origin;
  const foreign = seen.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(foreign, 'requests to anywhere but the page itself').toEqual([]);
  expect(seen.requests.length, 'the page loaded its own files').toBeGreaterThan(1);
});

test('no console errors or CSP violations, first visit and while typing', async ({ page }) => {
  const seen = await watch(page);
  await open(page);
  await typePlan(page, 'rm -rf /');
  await page.waitForLoadState('networkidle');
  expect(seen.errors).toEqual([]);
});

test('the Content-Security-Policy is in force and forbids inline scripts', async ({ page }) => {
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  // The app runs, so the loader is not an inline script the policy would have blocked.
  const inline = await page.locator('script:not([src])').count();
  expect(inline, 'inline <script> elements in the built page').toBe(0);
});

for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
  test(`no accessibility violations (axe, WCAG A/AA) in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}
