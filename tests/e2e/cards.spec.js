// The card as an approver reads it in the minute before yes (issue 13): the headline comes
// first, the details most approvers skip are collapsed but open from the keyboard, and a tool
// call from a JSON transcript is shown as the command it runs, with its words marked.
// @ts-check
const { test, expect } = require('@playwright/test');
const { AT_LEAST_ESCALATE, open, pastePlan, settled, tabTo } = require('./helpers');

test('a card leads with its badge and headline, before the axes and the text', async ({ page }) => {
  await open(page);
  const card = page.locator('[data-step-index="2"]');
  await expect(card).toHaveAttribute('data-decision', AT_LEAST_ESCALATE);
  const seen = await card.evaluate((article) => {
    const words = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const before = (a, b) => Boolean(a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
    const badge = article.querySelector('.badge');
    const headline = article.querySelector('.headline');
    const axes = article.querySelector('.axes');
    const text = article.querySelector('.step-text');
    return {
      card: words(article),
      badge: words(badge),
      heading: words(article.querySelector('h3')),
      headline: words(headline),
      order: before(badge, headline) && before(headline, axes) && before(axes, text),
    };
  });
  // The first words of the card are its badge, then its number and headline.
  expect(seen.card.startsWith(seen.badge)).toBe(true);
  expect(seen.card.slice(seen.badge.length).trim().startsWith('Step 2')).toBe(true);
  expect(seen.heading.startsWith('Step 2')).toBe(true);
  expect(seen.heading.endsWith(seen.headline)).toBe(true);
  expect(seen.headline.length).toBeGreaterThan(20);
  expect(seen.headline.split(' ').length).toBeLessThanOrEqual(30);
  expect(seen.order).toBe(true);
  // The verdict's reason is the deciding step's headline.
  await expect(page.locator('.verdict-reason')).toContainText(seen.headline);
});

test('the findings and rule ids are collapsed, and open from the keyboard', async ({ page }) => {
  await open(page);
  const card = page.locator('[data-step-index="2"]');
  const details = card.locator('details.card-details');
  await expect(details).not.toHaveAttribute('open', /.*/);
  await expect(card.locator('.rule-id').first()).toBeHidden();
  const summary = card.locator('details.card-details > summary');
  await tabTo(page, '[data-step-index="2"] details.card-details > summary');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', /.*/);
  await expect(card.locator('.rule-id').first()).toBeVisible();
});

test('a mark leads to its finding even while the details are closed', async ({ page }) => {
  await open(page);
  const card = page.locator('[data-step-index="2"]');
  await expect(card.locator('details.card-details')).not.toHaveAttribute('open', /.*/);
  await card.locator('mark[data-rule]').first().click();
  const finding = page.locator(':focus');
  await expect(finding).toHaveClass(/finding/);
  await expect(finding).toBeVisible();
});

test('a tool call from a JSON transcript shows the command it runs, decoded and marked', async ({ page }) => {
  await open(page);
  const plan = JSON.stringify([
    { tool: 'read_file', input: { path: 'README.md' } },
    { tool: 'shell', input: { command: 'psql "$PROD_DATABASE_URL" -c "DROP TABLE orders;"' } },
  ]);
  await pastePlan(page, plan);
  await settled(page);
  const card = page.locator('[data-step-index="2"]');
  await expect(card).toHaveAttribute('data-decision', AT_LEAST_ESCALATE);
  const text = card.locator('.step-text');
  await expect(text).toHaveAttribute('data-decoded', 'true');
  // What the approver reads is what runs: quotes as typed, no JSON escapes.
  await expect(text).toHaveText('psql "$PROD_DATABASE_URL" -c "DROP TABLE orders;"');
  await expect(text.locator('mark[data-rule]').first()).toBeVisible();
  await expect(card.locator('.step-decoded')).toBeVisible();
});
