// Embedding (issue 7, docs/embedding.md): the example portal (examples/portal, served on a
// second origin) embeds the page and talks to it with postMessage. The page must answer the
// portal, ignore every other origin without a word, refuse malformed requests with a reason,
// and announce its height so the frame fits it.
// @ts-check
const { test, expect } = require('@playwright/test');
const { AT_LEAST_ESCALATE, watch } = require('./helpers');

const PAGE = 'http://127.0.0.1:4180';
const PORTAL = 'http://127.0.0.1:4181';
// A third origin: some other site (a directory listing, see playwright.config.js).
const THIRD = 'http://127.0.0.1:4182';
const PORTAL_PAGE = `${PORTAL}/?explainer=${encodeURIComponent(`${PAGE}/`)}`;

/** Records, in the page, every message the embedded explainer sends it. Installed before the
 * page's own scripts run, so `ready` is seen too. */
async function recordMessages(page) {
  await page.addInitScript((explainer) => {
    // @ts-ignore
    window.__fromExplainer = [];
    window.addEventListener('message', (event) => {
      // @ts-ignore
      if (event.origin === explainer) window.__fromExplainer.push(event.data);
    });
  }, PAGE);
}

/** The messages recorded so far, optionally only those of one type. */
async function messages(page, type) {
  // @ts-ignore
  const all = await page.evaluate(() => window.__fromExplainer);
  return type ? all.filter((message) => message?.type === type) : all;
}

/** Posts `message` from the portal to its explainer frame, to the explainer's origin. */
async function postToFrame(page, message, selector = '#explainer') {
  await page.evaluate(
    ({ message, selector, origin }) => {
      const frame = /** @type {HTMLIFrameElement} */ (document.querySelector(selector));
      frame.contentWindow?.postMessage(message, origin);
    },
    { message, selector, origin: PAGE },
  );
}

const LONG_PLAN = Array.from(
  { length: 14 },
  (_, i) => `${i + 1}. Delete the old snapshots of volume vol-${1000 + i} in production with \`aws ec2 delete-snapshot\`.`,
).join('\n');

test('the portal sends a plan and gets the assessment back: a terraform destroy escalates', async ({ page }) => {
  const seen = await watch(page);
  await recordMessages(page);
  await page.goto(PORTAL_PAGE);

  // The portal's own reading of the reply.
  await expect(page.locator('#frame-verdict')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);
  await expect(page.locator('#approval')).toContainText('second approver');

  const [ready] = await messages(page, 'approval-risk:ready');
  expect(ready).toEqual({ type: 'approval-risk:ready', version: 1 });
  const [result] = await messages(page, 'approval-risk:result');
  expect(result.id).toBe('cr-2291-1');
  expect(result.assessment.schema).toBe('approval-risk/v1');
  expect(result.assessment.verdict).toMatch(AT_LEAST_ESCALATE);
  expect(result.assessment.context.target).toBe('production');
  const destroy = result.assessment.steps.find((step) => step.text.includes('terraform destroy'));
  expect(destroy?.decision).toMatch(AT_LEAST_ESCALATE);

  // The frame shows the same plan and verdict, in the compact view.
  const frame = page.frameLocator('#explainer');
  await expect(frame.locator('#plan-input')).toHaveValue(/terraform destroy -auto-approve/);
  await expect(frame.locator('#verdict')).toHaveAttribute('data-verdict', result.assessment.verdict);
  await expect(frame.locator('#context-target')).toHaveValue('production');
  await expect(frame.locator('.step-card')).toHaveCount(3);
  await expect(frame.locator('.page-header')).toBeHidden();
  await expect(frame.locator('#show-rules')).toBeHidden();
  await expect(frame.locator('.page-footer')).toBeHidden();
  // The strip of steps stays; the grid of the risk model is the approver's page's.
  await expect(frame.locator('.strip-bar')).toHaveCount(3);
  await expect(frame.locator('.grid')).toHaveCount(0);

  // A plan that only reads stays below escalate: the answer follows the plan.
  await page.locator('#plan').fill('1. List the files in the build folder with `ls -la build/`.');
  await page.locator('#send').click();
  await expect(page.locator('#frame-verdict')).toHaveAttribute('data-verdict', /^(proceed|review)$/);
  await expect(frame.locator('#verdict')).toHaveAttribute('data-verdict', /^(proceed|review)$/);

  // Nothing went anywhere but the two origins' own files, and nothing broke.
  const origins = new Set(seen.requests.map((url) => new URL(url).origin));
  expect([...origins].sort()).toEqual([PAGE, PORTAL]);
  expect(seen.errors).toEqual([]);
});

test("a third origin's messages are ignored and never answered", async ({ page }) => {
  await recordMessages(page);
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${THIRD}/`);
  // Two frames on the third origin: one whose allow-list names only the portal, and, as a
  // control that the recorder would see an answer, one that names the third origin too.
  await page.evaluate(
    ({ page, portal, third }) => {
      for (const [id, origins] of [
        ['portal-only', portal],
        ['control', `${portal},${third}`],
      ]) {
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.src = `${page}/?embed=1&origins=${encodeURIComponent(origins)}`;
        document.body.append(frame);
      }
    },
    { page: PAGE, portal: PORTAL, third: THIRD },
  );
  const ignored = page.frameLocator('#portal-only');
  const control = page.frameLocator('#control');
  await expect(ignored.locator('#verdict')).toBeVisible();
  await expect(control.locator('#verdict')).toBeVisible();

  const request = { type: 'approval-risk:assess', id: 'third-1', plan: '1. Run `terraform destroy -auto-approve`.' };
  await postToFrame(page, request, '#portal-only');
  await postToFrame(page, { ...request, id: 'control-1' }, '#control');
  await expect.poll(() => messages(page, 'approval-risk:result')).toHaveLength(1);
  // Wait well past the control's answer for anything from the frame that must stay quiet.
  await page.waitForTimeout(1500);
  const all = await messages(page);
  expect(all.filter((message) => message.id === 'third-1')).toEqual([]);
  expect(all.filter((message) => message.type === 'approval-risk:ready')).toHaveLength(1);
  expect((await messages(page, 'approval-risk:result'))[0].id).toBe('control-1');

  // Whoever wires up the portal is told why in the ignored frame's console, once, naming the
  // origin and the allow-list; the sender itself was told nothing.
  const hints = warnings.filter((text) => text.includes('allow-list'));
  expect(hints).toHaveLength(1);
  expect(hints[0]).toContain(THIRD);
  expect(hints[0]).toContain(PORTAL);
  // The ignored frame still shows nothing; the control shows the plan it was sent.
  await expect(ignored.locator('#plan-input')).toHaveValue('');
  await expect(ignored.locator('.step-card')).toHaveCount(0);
  await expect(control.locator('.step-card')).toHaveCount(1);
});

test('a malformed message gets an error with its reason, and the frame keeps working', async ({ page }) => {
  const seen = await watch(page);
  await recordMessages(page);
  await page.goto(PORTAL_PAGE);
  await expect(page.locator('#frame-verdict')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);

  await postToFrame(page, { type: 'approval-risk:assess', id: 'bad-plan', plan: 42 });
  await postToFrame(page, { type: 'approval-risk:assess', id: 'bad-context', plan: 'ls', context: { target: 'moon' } });
  await postToFrame(page, 'assess this, please');
  await expect.poll(() => messages(page, 'approval-risk:error')).toHaveLength(3);
  const errors = await messages(page, 'approval-risk:error');
  expect(errors[0]).toEqual({
    type: 'approval-risk:error',
    version: 1,
    id: 'bad-plan',
    reason: 'plan: expected a string, found a number',
  });
  expect(errors[1].id).toBe('bad-context');
  expect(errors[1].reason).toMatch(/^context\.target: expected one of unknown, development, staging, production/);
  expect(errors[2].id).toBeUndefined();
  expect(errors[2].reason).toMatch(/^expected an object .* found a string$/);
  // None of them was taken for a plan.
  expect((await messages(page, 'approval-risk:result')).length).toBe(1);

  await postToFrame(page, { type: 'approval-risk:assess', id: 'good', plan: '1. Drop the table `users` in production.' });
  await expect.poll(async () => (await messages(page, 'approval-risk:result')).map((m) => m.id)).toEqual([
    'cr-2291-1',
    'good',
  ]);
  await expect(page.frameLocator('#explainer').locator('#plan-input')).toHaveValue(/Drop the table/);
  expect(seen.errors).toEqual([]);
});

test('the frame follows the height of its content', async ({ page }) => {
  await recordMessages(page);
  await page.goto(PORTAL_PAGE);
  await expect(page.locator('#frame-verdict')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);
  const iframe = page.locator('#explainer');
  // The frame's inner height (its border is the portal's).
  const frameHeight = () => iframe.evaluate((element) => element.clientHeight);
  // The portal sets the frame to the announced height; wait for the last one to land.
  await expect.poll(frameHeight).toBe(
    (await messages(page, 'approval-risk:height')).at(-1).height,
  );
  const short = await frameHeight();

  await page.locator('#plan').fill(LONG_PLAN);
  await page.locator('#send').click();
  await expect(page.frameLocator('#explainer').locator('.step-card')).toHaveCount(14);
  await expect.poll(frameHeight).toBeGreaterThan(short + 400);
  const tall = await frameHeight();
  // It fits: the page inside needs no scrolling of its own.
  const inner = page.frames().find((frame) => frame.url().startsWith(`${PAGE}/`));
  const needed = await inner?.evaluate(() => document.documentElement.scrollHeight);
  expect(needed).toBeLessThanOrEqual(Math.ceil(tall) + 1);

  // And it shrinks back: the height follows the content both ways, it does not only grow.
  await page.locator('#plan').fill('1. Restart the billing worker in staging.');
  await page.locator('#send').click();
  await expect(page.frameLocator('#explainer').locator('.step-card')).toHaveCount(1);
  await expect.poll(frameHeight).toBeLessThan(tall - 400);
});

/** A page on the third origin with one explainer frame that answers it, at `query`. */
async function frameOnThirdOrigin(page, query) {
  await recordMessages(page);
  await page.goto(`${THIRD}/`);
  await page.evaluate(
    ({ page, third, query }) => {
      const frame = document.createElement('iframe');
      frame.id = 'explainer';
      frame.src = `${page}/?embed=1&origins=${encodeURIComponent(third)}${query}`;
      document.body.append(frame);
    },
    { page: PAGE, third: THIRD, query },
  );
  await expect.poll(() => messages(page, 'approval-risk:ready')).toHaveLength(1);
  return page.frameLocator('#explainer');
}

test('a read-only frame shows the plan and lets nothing in it be changed, shared or exported', async ({ page }) => {
  const frame = await frameOnThirdOrigin(page, '&readonly=1');
  await postToFrame(page, { type: 'approval-risk:assess', id: 'ro-1', plan: '1. Run `terraform destroy -auto-approve` in production.' });
  await expect.poll(() => messages(page, 'approval-risk:result')).toHaveLength(1);
  await expect(frame.locator('#plan-input')).toHaveValue(/terraform destroy/);
  await expect(frame.locator('#plan-input')).not.toBeEditable();
  await expect(frame.locator('#plan-file')).toBeHidden();
  await expect(frame.locator('#plan-clear')).toBeHidden();
  await expect(frame.locator('#context-target')).toBeDisabled();
  await expect(frame.locator('#share-link')).toHaveCount(0);
  await expect(frame.locator('#export-json')).toHaveCount(0);
  await expect(frame.locator('.step-card')).toHaveCount(1);
  // Nothing the approver can do there changes the result, so the portal is never told of one.
  await page.waitForTimeout(500);
  expect(await messages(page, 'approval-risk:changed')).toEqual([]);
});

test('a context change in an editable frame reaches the portal with the new result', async ({ page }) => {
  const frame = await frameOnThirdOrigin(page, '');
  await expect(frame.locator('#plan-input')).toBeEditable();
  // A small plan, assessed on the frame's main thread.
  await postToFrame(page, { type: 'approval-risk:assess', id: 'ed-1', plan: '1. Run `terraform destroy -auto-approve`.' });
  await expect.poll(() => messages(page, 'approval-risk:result')).toHaveLength(1);
  // The portal keeps the record: the frame offers the JSON and print, not a Markdown report.
  await expect(frame.locator('#export-json')).toBeVisible();
  await expect(frame.locator('#export-markdown')).toHaveCount(0);
  expect(await messages(page, 'approval-risk:changed')).toEqual([]);
  await frame.locator('#context-target').selectOption('development');
  await expect.poll(() => messages(page, 'approval-risk:changed')).toHaveLength(1);
  const [changed] = await messages(page, 'approval-risk:changed');
  expect(changed.version).toBe(1);
  expect(changed.id).toBeUndefined();
  expect(changed.assessment.schema).toBe('approval-risk/v1');
  expect(changed.assessment.context.target).toBe('development');
  // A plan costly enough for the worker: its new result comes from there.
  const big = '1. Run `rm -rf /srv/cache/x` on the build host.\n'.repeat(120);
  await postToFrame(page, { type: 'approval-risk:assess', id: 'ed-2', plan: big });
  await expect.poll(() => messages(page, 'approval-risk:result'), { timeout: 10_000 }).toHaveLength(2);
  await expect(frame.locator('.result-pane')).toHaveAttribute('aria-busy', 'false');
  expect(await messages(page, 'approval-risk:changed')).toHaveLength(1);
  await frame.locator('#context-target').selectOption('production');
  await expect.poll(() => messages(page, 'approval-risk:changed'), { timeout: 10_000 }).toHaveLength(2);
  const second = (await messages(page, 'approval-risk:changed'))[1];
  expect(second.assessment.context.target).toBe('production');
  expect(second.assessment.steps).toHaveLength(120);
});

test('an empty plan from the portal is nothing to assess, in the reply and in the frame', async ({ page }) => {
  const frame = await frameOnThirdOrigin(page, '');
  await postToFrame(page, { type: 'approval-risk:assess', id: 'empty-1', plan: '   \n' });
  await expect.poll(() => messages(page, 'approval-risk:result')).toHaveLength(1);
  const [result] = await messages(page, 'approval-risk:result');
  expect(result.assessment.empty).toBe(true);
  expect(result.assessment.deciding_steps).toEqual([]);
  await expect(frame.locator('.verdict-advice')).toHaveText('Nothing to assess.');
  await expect(frame.locator('#verdict')).toHaveAttribute('data-empty', 'true');
});

test("the portal's policy holds for a plan assessed in the frame's worker as on its main thread", async ({ page }) => {
  const frame = await frameOnThirdOrigin(page, '');
  const policy = { version: 1, protected: ['billing-db'], overrides: { 'git.force-push': 'block' } };
  const tail = 'git push --force origin release\nkubectl rollout restart deployment/billing-db -n shop\n';
  // Small: assessed at once on the frame's main thread.
  await postToFrame(page, { type: 'approval-risk:assess', id: 'policy-small', plan: tail, policy });
  // Over the 4 KB the main thread takes: assessed in the worker, which must be given the policy.
  const big = 'git status\n'.repeat(500) + tail;
  await postToFrame(page, { type: 'approval-risk:assess', id: 'policy-big', plan: big, policy });
  await expect.poll(() => messages(page, 'approval-risk:result'), { timeout: 10_000 }).toHaveLength(2);
  const results = await messages(page, 'approval-risk:result');
  for (const id of ['policy-small', 'policy-big']) {
    const { assessment } = results.find((r) => r.id === id);
    const push = assessment.steps.find((s) => s.text.startsWith('git push --force'));
    const restart = assessment.steps.find((s) => s.text.includes('billing-db'));
    expect(push.decision, id).toBe('block');
    expect(restart.decision, id).toMatch(/escalate|block/);
    expect(restart.findings.flatMap((f) => f.adjustments ?? []).some((a) => a.kind === 'policy'), id).toBe(true);
  }
  await expect(frame.locator('.result-pane')).toHaveAttribute('aria-busy', 'false');
  await expect(frame.locator('#verdict')).toHaveAttribute('data-verdict', 'block');
});
