// The release page as a person meets it: the first verdict, typing and pasting, the evidence,
// the pictures, the filter, and what it must never do (talk to the network, log errors, break
// its own Content-Security-Policy).
// @ts-check
const { test, expect } = require('@playwright/test');
const { AT_LEAST_ESCALATE, watch, open, settled, typePlan, pastePlan } = require('./helpers');
const { planOf } = require('./plans');

test('a first visit shows the example plan, assessed at escalate or above, with its reason', async ({ page }) => {
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
  // The banner says what to do, why in one sentence, the counts, and links the deciding step.
  await expect(page.locator('.verdict-advice')).toContainText('Do not approve');
  await expect(page.locator('.verdict-reason')).toContainText('Because of step 2');
  await expect(page.locator('.counts')).toContainText('1 escalate');
  await page.locator('.verdict-deciding a', { hasText: 'step 2' }).click();
  await expect(recreate).toBeFocused();
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

test('the live region announces the verdict when it changes', async ({ page }) => {
  await open(page);
  const live = page.locator('#verdict-announcement');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(/^Verdict: (escalate|block)\./);
  await typePlan(page, '1. List the files in the repo');
  await expect(live).toHaveText('Verdict: proceed. 1 step: 1 proceed.');
});

test('a highlighted word leads to the finding that explains it', async ({ page }) => {
  await open(page);
  const mark = page.locator('[data-step-index="2"] mark[data-rule]').first();
  await expect(mark).toHaveText('Delete');
  const rule = await mark.getAttribute('data-rule');
  const title = await mark.getAttribute('title');
  await mark.click();
  const finding = page.locator(':focus');
  await expect(finding).toHaveClass(/finding/);
  await expect(finding).toHaveAttribute('data-rule', rule ?? '');
  // The mark's hover text is the rule's title, which heads the explanation it leads to.
  const heading = await finding.locator('.finding-head strong').textContent();
  expect(title).toContain(heading);
  await expect(finding).toContainText('Because of');
  // The words that raised the step (a production name) are marked too, and say so.
  const raised = page.locator('[data-step-index="2"] mark[data-kind="adjustment"]');
  await expect(raised).toHaveText('production');
  await expect(raised).toHaveAttribute('title', /raised: It names production/);
});

test('plan patterns are shown across the steps they join, with links to each', async ({ page }) => {
  await open(page);
  const pattern = page.locator('.patterns .pattern').first();
  await expect(pattern).toHaveAttribute('data-rule', /^plan\./);
  await expect(pattern.locator('.badge')).toHaveText(/proceed|review|escalate|block/);
  await expect(page.locator('[data-step-index="2"] .step-patterns')).toContainText('Across steps');
  await pattern.locator('a').first().click();
  await expect(page.locator('[data-step-index="2"]')).toBeFocused();
});

test('the strip and the grid place every step and lead to its card', async ({ page }) => {
  await open(page);
  const bars = page.locator('.strip-bar');
  await expect(bars).toHaveCount(3);
  await expect(bars.nth(1)).toHaveAttribute('aria-label', /^Step 2: (escalate|block)$/);
  await bars.nth(1).click();
  await expect(page.locator('[data-step-index="2"]')).toBeFocused();
  // Step 2 sits in its cell of the grid, with the decision written in the cell.
  const decision = await page.locator('[data-step-index="2"]').getAttribute('data-decision');
  const rev = await page.locator('[data-step-index="2"] .axis-term').first().textContent();
  const scope = await page.locator('[data-step-index="2"] .axis-term').nth(1).textContent();
  const cell = page.locator(`[data-cell="${rev?.replace(/[() ]/g, '')}-${scope?.replace(/[() ]/g, '')}"]`);
  await expect(cell.locator('.cell-decision')).toHaveText(decision ?? '');
  await cell.locator('a', { hasText: '2' }).click();
  await expect(page.locator('[data-step-index="2"]')).toBeFocused();
});

test('a step raised above its grid cell by a pattern is marked there, and one that is not is not', async ({ page }) => {
  await open(page);
  await pastePlan(page, '1. Turn off deletion protection on orders-prod.\n2. Delete the orders-prod database.\n');
  // Step 1 alone is a review (it can be switched back on); switching a net off before a delete
  // raises it to escalate, which its cell cannot show.
  await expect(page.locator('[data-step-index="1"]')).toHaveAttribute('data-decision', 'escalate');
  const raised = page.locator('.grid a[href="#step-1"]');
  await expect(raised.locator('.raised')).toHaveText('↑');
  await expect(raised).toHaveAttribute('title', /Raised to escalate/);
  await expect(page.locator('.grid a[href="#step-2"] .raised')).toHaveCount(0);
});

test('"only those that need attention" keeps escalate and block cards', async ({ page }) => {
  await open(page);
  await pastePlan(page, planOf(10));
  await expect(page.locator('[data-step-index]')).toHaveCount(10);
  await page.locator('#filter-attention').check();
  const cards = page.locator('[data-step-index]');
  await expect(cards.first()).toBeVisible();
  for (const decision of await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-decision')))) {
    expect(decision).toMatch(AT_LEAST_ESCALATE);
  }
  expect(await cards.count()).toBeLessThan(10);
  await page.locator('#filter-attention').uncheck();
  await expect(cards).toHaveCount(10);
});

test('a long plan pages its cards; a bar for a later step turns to its page', async ({ page }) => {
  await open(page);
  await pastePlan(page, planOf(150));
  await expect(page.locator('.pager').first()).toContainText('Cards 1–100 of 150');
  await expect(page.locator('[data-step-index]')).toHaveCount(100);
  await page.locator('.strip-bar').last().click();
  await expect(page.locator('.pager').first()).toContainText('Cards 101–150 of 150');
  await expect(page.locator(':focus')).toHaveAttribute('data-step-index', /^1[0-5]\d$/);
});

test('the format selector overrides detection and a file can be opened or cleared', async ({ page }) => {
  await open(page);
  await page.locator('#plan-file').setInputFiles({
    name: 'plan.sh',
    mimeType: 'text/x-shellscript',
    buffer: Buffer.from('git push --force origin main\nkubectl delete namespace payments\n'),
  });
  await expect(page.locator('#plan-input')).toHaveValue(/kubectl delete namespace payments/);
  await expect(page.locator('[data-step-index]')).toHaveCount(2);
  await expect(page.locator('.verdict-context')).toContainText('Read as shell');
  await page.locator('#plan-format').selectOption('prose');
  await expect(page.locator('.verdict-context')).toContainText('Read as prose');
  await page.locator('#plan-clear').click();
  await expect(page.locator('#plan-input')).toHaveValue('');
  await expect(page.locator('#plan-input')).toBeFocused();
  await expect(page.locator('.verdict-reason')).toContainText('No steps found');
  // Nothing was assessed, so nothing is called safe to approve (issue 18).
  await expect(page.locator('.verdict-advice')).toHaveText('Nothing to assess.');
  await expect(page.locator('#verdict')).toHaveAttribute('data-empty', 'true');
  await expect(page.locator('#verdict .badge')).toHaveText('nothing to assess');
  // An empty transcript, detected as JSON, holds no step either.
  await page.locator('#plan-format').selectOption('auto');
  await pastePlan(page, '{"tool_calls": []}');
  await expect(page.locator('.verdict-advice')).toHaveText('Nothing to assess.');
});

test('a dropped file is read, not opened', async ({ page }) => {
  await open(page);
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['DROP TABLE users;\n'], 'cleanup.sql', { type: 'application/sql' }));
    return data;
  });
  await page.locator('#plan-input').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.locator('#plan-input')).toHaveValue('DROP TABLE users;\n');
  await expect(page.locator('[data-step-index]')).toHaveCount(1);
  await expect(page).toHaveURL(/\/$/);
});

test('a paste too big for the main thread is assessed in the worker; clear gives editing back', async ({ page }) => {
  const seen = await watch(page);
  await open(page);
  await page.waitForLoadState('networkidle');
  seen.loaded = true;
  await page.evaluate(() => {
    const step = '1. Run `kubectl --context prod delete namespace payments` and then `rm -rf /srv/data`.\n';
    const data = new DataTransfer();
    data.setData('text/plain', step.repeat(Math.ceil(400_000 / step.length)));
    const area = document.querySelector('#plan-input');
    area?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.counts')).toContainText(/4,\d{3} escalate|4,\d{3} block/, { timeout: 60_000 });
  await settled(page);
  await expect(page.locator('#plan-input')).toHaveJSProperty('readOnly', true);
  await expect(page.locator('#plan-status')).toContainText('only the start is shown');
  await expect(page.locator('[data-step-index]')).toHaveCount(100);
  await expect(page.locator('#share-link')).toHaveCount(0);
  await page.locator('#filter-attention').check();
  await expect(page.locator('.pager').first()).toContainText('Cards 1–100 of');
  await page.locator('#plan-clear').click();
  await expect(page.locator('#plan-input')).toHaveJSProperty('readOnly', false);
  await expect(page.locator('.verdict-reason')).toContainText('No steps found');
  expect(seen.afterLoad, 'the worker needs no request after load').toEqual([]);
  expect(seen.errors).toEqual([]);
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
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  // The app runs, so the loader is not an inline script the policy would have blocked.
  const inline = await page.locator('script:not([src])').count();
  expect(inline, 'inline <script> elements in the built page').toBe(0);
});

test('print keeps the verdict and the cards and drops the controls', async ({ page }) => {
  await open(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#plan-input')).toBeHidden();
  await expect(page.locator('#export-markdown')).toBeHidden();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await expect(page.locator('[data-step-index="2"]')).toBeVisible();
});
