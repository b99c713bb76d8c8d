// Context, share links and exports: what an approver changes, passes on and files.
// @ts-check
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const { watch, open, settled, pastePlan } = require('./helpers');

const DELETE_API = 'kubectl delete deployment api\n';

test('changing the context re-scores at once and the explanation says why', async ({ page }) => {
  await open(page);
  await pastePlan(page, DELETE_API);
  const verdict = page.locator('[data-verdict]');
  const card = page.locator('[data-step-index="1"]');

  await page.locator('#context-target').selectOption('development');
  await expect(verdict).toHaveAttribute('data-verdict', 'review');
  await expect(card.locator('.adjustment[data-kind="context"]')).toContainText('You set the target to development');

  await page.locator('#context-target').selectOption('production');
  await expect(verdict).toHaveAttribute('data-verdict', 'escalate');
  await expect(card.locator('.adjustment[data-kind="context"]')).toContainText('You set the target to production');

  // A freeze is about shared systems: on staging it escalates the same deletion.
  await page.locator('#context-target').selectOption('staging');
  await expect(verdict).toHaveAttribute('data-verdict', 'review');
  await page.locator('#context-freeze').check();
  await expect(verdict).toHaveAttribute('data-verdict', 'escalate');
  await expect(card).toContainText('A change freeze is on');
  await page.locator('#context-freeze').uncheck();
  await expect(verdict).toHaveAttribute('data-verdict', 'review');

  // Admin credentials make a development target no protection.
  await page.locator('#context-target').selectOption('development');
  await expect(verdict).toHaveAttribute('data-verdict', 'review');
  await page.locator('#context-credentials').selectOption('admin');
  await expect(verdict).toHaveAttribute('data-verdict', 'escalate');
  await expect(card).toContainText('admin credentials');
  await expect(page.locator('.verdict-context')).toContainText('target development, credentials admin');
});

test('a share link carries plan and context in the fragment only, and opens to the same assessment', async ({ page, browser, baseURL }) => {
  await open(page);
  const plan = '1. Back up the orders database.\n2. Run `kubectl delete deployment api`.\n3. Delete and recreate the production environment.\n';
  await pastePlan(page, plan);
  await page.locator('#context-target').selectOption('staging');
  await page.locator('#context-credentials').selectOption('broad');
  await page.locator('#context-freeze').check();
  await settled(page);
  await expect(page.locator('#share-note')).toContainText('The link contains the whole plan');
  const link = await page.locator('#share-link').getAttribute('href');
  const url = new URL(link ?? '');
  expect(url.origin + url.pathname).toBe(`${baseURL}/`);
  expect(url.search, 'nothing in the query: servers see queries').toBe('');
  expect(url.hash).toMatch(/^#v=1&plan=[A-Za-z0-9_-]+&target=staging&credentials=broad&freeze=1$/);

  const before = {
    verdict: await page.locator('[data-verdict]').getAttribute('data-verdict'),
    decisions: await page.locator('[data-step-index]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-decision'))),
    reason: await page.locator('.verdict-reason').textContent(),
  };

  // A colleague opens the link in a fresh browser: no shared storage, nothing but the URL.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const seen = await watch(other);
  await other.goto(link ?? '');
  await expect(other.locator('[data-verdict]')).toHaveAttribute('data-verdict', before.verdict ?? '');
  await expect(other.locator('#plan-input')).toHaveValue(plan);
  await expect(other.locator('#context-target')).toHaveValue('staging');
  await expect(other.locator('#context-credentials')).toHaveValue('broad');
  await expect(other.locator('#context-freeze')).toBeChecked();
  expect(await other.locator('[data-step-index]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-decision')))).toEqual(before.decisions);
  await expect(other.locator('.verdict-reason')).toHaveText(before.reason ?? '');
  // The fragment never reached the server: every request the page made is fragment-free.
  expect(seen.requests.filter((request) => request.includes('plan='))).toEqual([]);
  expect(seen.errors).toEqual([]);
  await fresh.close();
});

test('a damaged share link says so and shows the example instead', async ({ page }) => {
  await open(page, '#v=1&plan=AAAA!');
  await expect(page.locator('.notice')).toContainText('could not be read');
  await expect(page.locator('#plan-input')).toHaveValue(/Delete and recreate/);
});

test('export as Markdown gives the engine report, for a ticket or a pull request', async ({ page }) => {
  await open(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-markdown').click()]);
  expect(download.suggestedFilename()).toBe('approval-risk.md');
  const markdown = fs.readFileSync((await download.path()) ?? '', 'utf8');
  const verdict = await page.locator('[data-verdict]').getAttribute('data-verdict');
  expect(markdown.startsWith(`## Approval risk: ${verdict?.toUpperCase()}\n`)).toBe(true);
  expect(markdown).toContain('| Step | Line | Decision | Reversibility | Scope | Text |');
  expect(markdown).toContain('### Step 2 (line 2): ');
  expect(markdown).toContain('```text\nDelete and recreate the production environment');
});

test('export as JSON gives the approval-risk/v1 contract, spans into the plan as typed', async ({ page }) => {
  await open(page);
  await pastePlan(page, DELETE_API);
  await page.locator('#context-target').selectOption('production');
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  expect(download.suggestedFilename()).toBe('approval-risk.json');
  const report = JSON.parse(fs.readFileSync((await download.path()) ?? '', 'utf8'));
  expect(report.schema).toBe('approval-risk/v1');
  expect(report.verdict).toBe(await page.locator('[data-verdict]').getAttribute('data-verdict'));
  expect(report.context).toEqual({ target: 'production', credentials: 'unknown', change_freeze: false });
  expect(report.steps).toHaveLength(1);
  const [start, end] = report.steps[0].span;
  expect(DELETE_API.slice(start, end)).toBe(report.steps[0].text);
  for (const finding of report.steps[0].findings) {
    for (const [from, to] of finding.evidence) expect(DELETE_API.slice(from, to).length).toBeGreaterThan(0);
  }
});

test('exports of a plan held by the worker come from the worker, whole', async ({ page }) => {
  await open(page);
  const count = await page.evaluate(() => {
    const step = '1. Run `git push --force origin main`.\n';
    const plan = step.repeat(Math.ceil(300_000 / step.length));
    const data = new DataTransfer();
    data.setData('text/plain', plan);
    document.querySelector('#plan-input')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return plan.split('\n').length - 1;
  });
  await expect(page.locator('.counts')).toContainText(/\d,\d{3}/, { timeout: 60_000 });
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const report = JSON.parse(fs.readFileSync((await download.path()) ?? '', 'utf8'));
  expect(report.steps).toHaveLength(count);
});
