// The rule catalogue: reached from the header, searched as you type, and back to the plan.
// @ts-check
const { test, expect } = require('@playwright/test');
const { watch, open } = require('./helpers');

test('the Rules view lists the catalogue and a search narrows it to the rule asked for', async ({ page }) => {
  const seen = await watch(page);
  await open(page);
  const toggle = page.locator('#show-rules');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(page.locator('#rules-view')).toBeVisible();
  await expect(page.locator('#plan-input')).toBeHidden();
  // The view opens at its search box, and the list is capped to keep the page light.
  const search = page.locator('#rules-search');
  await expect(search).toBeFocused();
  expect(await page.locator('[data-rule-id]').count()).toBeLessThanOrEqual(50);

  await search.pressSequentially('force-push');
  const rule = page.locator('[data-rule-id="git.force-push"]');
  await expect(rule).toBeVisible();
  expect(await page.locator('[data-rule-id]').count()).toBeLessThan(10);
  // Both axes in words, why it matters and what to do instead. (Further reading is in
  // docs/rules.md; the page leaves the links out of its download.)
  await expect(rule.locator('.axis dd')).toHaveCount(2);
  await expect(rule.locator('.explanation')).not.toBeEmpty();
  await expect(rule.locator('.safer')).toContainText('Safer:');

  // The same button leads back to the plan, which is as it was.
  await toggle.click();
  await expect(page.locator('#rules-view')).toHaveCount(0);
  await expect(page.locator('#plan-input')).toHaveValue(/Delete and recreate the production environment/);
  expect(seen.errors).toEqual([]);
});
