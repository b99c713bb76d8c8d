// Access: the keyboard alone, a phone, both themes, screen-reader labels and axe.
// @ts-check
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { AT_LEAST_ESCALATE, open, settled, pastePlan, tabTo } = require('./helpers');
const { planOf } = require('./plans');


/** The focused element shows a visible focus ring. */
async function expectVisibleFocus(page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(/** @type {Element} */ (document.activeElement));
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test('keyboard only: type a plan, set the context, follow the verdict to a step and a word', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#verdict')).toBeFocused();

  await tabTo(page, '#plan-input');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1. List the files.\n2. Run `kubectl delete deployment api`.');
  await settled(page);
  await expect(page.locator('[data-step-index]')).toHaveCount(2);

  await tabTo(page, '#context-target');
  await expectVisibleFocus(page);
  // A select changes with the arrow keys alone: unknown -> development -> staging -> production.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#context-target')).toHaveValue('production');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);

  await tabTo(page, '.verdict-deciding a >> nth=0');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-step-index="2"]')).toBeFocused();
  await expectVisibleFocus(page);

  await tabTo(page, '[data-step-index="2"] mark[data-rule] >> nth=0');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveClass(/finding/);

  // The strip is one Tab stop; the arrow keys move along it.
  await tabTo(page, '.strip-bar >> nth=0');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.strip-bar').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-step-index="2"]')).toBeFocused();

  await tabTo(page, '#filter-attention');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-step-index]')).toHaveCount(1);
  await tabTo(page, '#theme-select');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('controls have labels a screen reader can announce', async ({ page }) => {
  await open(page);
  for (const [selector, name] of [
    ['#plan-input', "The agent's plan"],
    ['#plan-format', 'Read as'],
    ['#context-target', 'Target environment'],
    ['#context-credentials', "The agent's credentials"],
    ['#context-freeze', 'A change freeze is in force'],
    ['#theme-select', 'Theme'],
  ]) {
    await expect(page.locator(selector)).toHaveAccessibleName(name);
  }
  await expect(page.getByRole('region', { name: 'Verdict' })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Step 2: (escalate|block)$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Step 2: (escalate|block)$/ })).toBeVisible();
});

test('at phone width nothing overflows sideways and the verdict is near the top', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await open(page);
  await pastePlan(page, planOf(12));
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const verdict = await page.locator('[data-verdict]').boundingBox();
  expect(verdict?.y ?? 9999, 'the verdict starts within two screens').toBeLessThan(2 * 844);
  for (const card of await page.locator('[data-step-index]').all()) {
    const box = await card.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  await page.locator('[data-step-index="2"] mark[data-rule]').first().tap();
  await expect(page.locator(':focus')).toHaveClass(/finding/);
  await context.close();
});

test('the theme follows the system, and a chosen one stays after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.locator('#theme-select').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(dark);
  await page.reload();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('#theme-select')).toHaveValue('light');
  await page.locator('#theme-select').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await background()).toBe(dark);
});

for (const theme of /** @type {const} */ (['light', 'dark'])) {
  test(`axe finds nothing serious or critical in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await open(page);
    // A plan that draws every part: patterns, marks, adjustments, several decisions.
    await pastePlan(page, planOf(10));
    await page.locator('.verdict-summary summary').click();
    // Every rule axe has for WCAG 2.0 to 2.2, A and AA, and its best practices.
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const results = await new AxeBuilder({ page }).withTags(tags).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
