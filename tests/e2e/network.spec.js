// Local only: after the page's own files, not one request, whatever the person does.
// @ts-check
const { test, expect } = require('@playwright/test');
const { watch, open, settled, typePlan, pastePlan } = require('./helpers');
const { planOf } = require('./plans');

test('nothing leaves the page: every feature used, no request after load', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const seen = await watch(page);
  await open(page);
  await page.waitForLoadState('networkidle');
  seen.loaded = true;

  await typePlan(page, '1. List the files in the repo');
  await pastePlan(page, planOf(30));
  await page.locator('#context-target').selectOption('production');
  await page.locator('#context-credentials').selectOption('admin');
  await page.locator('#context-freeze').check();
  await page.locator('#plan-format').selectOption('markdown');
  await settled(page);
  await page.locator('#filter-attention').check();
  await page.locator('.strip-bar').first().click();
  await page.locator('mark[data-rule]').first().click();
  await page.locator('#theme-select').selectOption('dark');
  await Promise.all([page.waitForEvent('download'), page.locator('#export-markdown').click()]);
  await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  await page.locator('#share-copy').click();
  await page.locator('#plan-file').setInputFiles({ name: 'p.txt', mimeType: 'text/plain', buffer: Buffer.from('git status\n') });
  await expect(page.locator('[data-step-index]')).toHaveCount(1);
  await page.locator('#plan-clear').click();
  await settled(page);
  await page.waitForTimeout(300);

  expect(seen.afterLoad, 'requests made after the page loaded').toEqual([]);
  const origin = new URL(baseURL ?? '').origin;
  const foreign = seen.requests.filter((url) => new URL(url).origin !== origin);
  expect(foreign, 'requests to anywhere but the page itself').toEqual([]);
  expect(seen.requests.length, 'the page loaded its own files').toBeGreaterThan(1);
  expect(seen.errors).toEqual([]);
});
