// Training mode: the incident library, an exercise played with the keyboard alone and scored
// against the tool, an exercise made from any plan and opened from its link, and the view on a
// projector, a phone, and in both themes.
// @ts-check
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { AT_LEAST_ESCALATE, watch, open, settled, pastePlan, tabTo } = require('./helpers');

const DECISIONS = ['proceed', 'review', 'escalate', 'block'];


/** Opens the training view from the address, as a trainer's bookmark would. */
async function openTraining(page) {
  await page.goto('/?view=training');
  await expect(page.locator('#training-view')).toBeVisible();
}

/** Chooses `pick(step)` for every step of the open exercise with the keyboard alone (Tab into
 * each radio group, Space, then the arrow keys), reveals, and returns the tool's decisions. */
async function playWithKeyboard(page, pick) {
  const steps = await page.locator('.exercise-step').count();
  expect(steps).toBeGreaterThanOrEqual(2);
  for (let step = 1; step <= steps; step += 1) {
    const choice = pick(step);
    await tabTo(page, `#exercise-step-${step}-proceed`);
    await page.keyboard.press('Space');
    for (let k = 0; k < DECISIONS.indexOf(choice); k += 1) await page.keyboard.press('ArrowRight');
    await expect(page.locator(`#exercise-step-${step}-${choice}`)).toBeChecked();
  }
  await tabTo(page, '#training-reveal');
  await page.keyboard.press('Enter');
  await expect(page.locator('#exercise-result-title')).toBeFocused();
  return page.locator('.exercise-step').evaluateAll((items) => items.map((item) => item.getAttribute('data-tool-decision') ?? ''));
}

/** The session score's numbers. */
async function sessionScore(page) {
  const score = page.locator('#training-score');
  const read = async (name) => Number(await score.getAttribute(`data-${name}`));
  return { rounds: await read('rounds'), steps: await read('steps'), matched: await read('matched'), laxer: await read('laxer'), missed: await read('missed') };
}

test('an incident exercise played with the keyboard: decisions hidden, then compared, scored and explained', async ({ page }) => {
  const seen = await watch(page);
  await openTraining(page);
  await expect(page.locator('#show-training')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#training-title')).toBeFocused();
  expect(await page.locator('[data-exercise]').count()).toBeGreaterThanOrEqual(10);
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '0');
  await expect(page.locator('#training-score')).toHaveAttribute('role', 'status');

  // The Kiro exercise, opened from the list with the keyboard.
  const kiro = '[data-exercise="kiro-delete-recreate"]';
  await tabTo(page, `${kiro} button`);
  await page.keyboard.press('Enter');
  await expect(page.locator('#exercise-title')).toBeFocused();
  await expect(page.locator('.exercise-context')).toContainText('credentials are broad');
  // Before the reveal nothing gives the tool's decisions away.
  await expect(page.locator('.exercise-round [data-tool-decision]')).toHaveCount(0);
  await expect(page.locator('.exercise-round .badge')).toHaveCount(0);
  await expect(page.locator('.exercise-step legend').first()).toHaveText('Step 1');
  await expect(page.locator('#exercise-step-1-escalate')).toHaveAccessibleName('escalate');

  // Revealing too early points at the first step without a choice.
  await tabTo(page, '#training-reveal');
  await page.keyboard.press('Enter');
  await expect(page.locator('.exercise-hint')).toHaveText('Choose a decision for step 1 first.');
  await expect(page.locator('#exercise-step-1-proceed')).toBeFocused();
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '0');

  // First round: approve everything.
  const tool = await playWithKeyboard(page, () => 'proceed');
  expect(tool.every((decision) => DECISIONS.includes(decision))).toBe(true);
  expect(tool.some((decision) => AT_LEAST_ESCALATE.test(decision)), `the plan has a step to escalate: ${tool}`).toBe(true);
  for (const [i, decision] of tool.entries()) {
    const item = page.locator(`.exercise-step[data-step="${i + 1}"]`);
    // The trainee's choice beside the tool's, and the tool's explanation.
    await expect(item.locator('.exercise-calls .badge')).toHaveText([/proceed/i, new RegExp(decision, 'i')]);
    await expect(item.locator('.explanation')).not.toBeEmpty();
    const call = decision === 'proceed' ? 'matched' : AT_LEAST_ESCALATE.test(decision) ? 'missed' : 'laxer';
    await expect(item).toHaveAttribute('data-call', call);
  }
  const proceeds = tool.filter((decision) => decision === 'proceed').length;
  const escalates = tool.filter((decision) => AT_LEAST_ESCALATE.test(decision)).length;
  expect(await sessionScore(page)).toEqual({ rounds: 1, steps: tool.length, matched: proceeds, laxer: tool.length - proceeds, missed: escalates });
  await expect(page.locator('#training-score')).toContainText(`${proceeds} of ${tool.length} steps matched the tool.`);
  await expect(page.locator('#training-score')).toContainText('Less cautious than the tool');
  await expect(page.locator('.training-lax')).toContainText(`${escalates} of them escalated or blocked by the tool`);
  await expect(page.locator('.exercise-score')).toHaveAttribute('data-full', 'false');
  // What really happened, and where it is reported.
  await expect(page.locator('.training-account')).toContainText('13 hours');
  const source = page.locator('.training-source a');
  await expect(source).toHaveAttribute('href', /^https:\/\//);
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');

  // Second round of the same exercise, choosing exactly what the tool decides: full marks, and
  // the session adds both rounds up.
  await tabTo(page, '.exercise-next .button >> text=All exercises');
  await page.keyboard.press('Enter');
  await expect(page.locator(kiro)).toHaveAttribute('data-done', 'true');
  await tabTo(page, `${kiro} button`);
  await page.keyboard.press('Enter');
  const again = await playWithKeyboard(page, (step) => tool[step - 1]);
  expect(again).toEqual(tool);
  await expect(page.locator('.exercise-score')).toHaveAttribute('data-full', 'true');
  await expect(page.locator('.exercise-score')).toContainText(`${tool.length} of ${tool.length} steps matched the tool. Full marks.`);
  await expect(page.locator('.training-lax')).toHaveCount(0);
  await expect(page.locator('.exercise-step[data-call]:not([data-call="matched"])')).toHaveCount(0);
  expect(await sessionScore(page)).toEqual({ rounds: 2, steps: 2 * tool.length, matched: proceeds + tool.length, laxer: tool.length - proceeds, missed: escalates });
  await expect(page.locator('#training-score')).toContainText(`2 exercises: ${proceeds + tool.length} of ${2 * tool.length} steps`);

  // Leaving training for the plan and coming back keeps the session's score.
  await page.locator('#show-training').click();
  await expect(page.locator('#training-view')).toHaveCount(0);
  await expect(page.locator('#plan-input')).toBeVisible();
  await page.locator('#show-training').click();
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '2');
  // Rules and training replace each other.
  await page.locator('#show-rules').click();
  await expect(page.locator('#rules-view')).toBeVisible();
  await expect(page.locator('#training-view')).toHaveCount(0);
  await page.locator('#show-training').click();
  await expect(page.locator('#training-view')).toBeVisible();
  await expect(page.locator('#rules-view')).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test('"Make an exercise" turns the plan on the page into a link that opens straight into that exercise', async ({ page, browser, baseURL }) => {
  await open(page);
  const plan = '1. Back up the orders database.\n2. Run `kubectl delete deployment api`.\n3. Delete and recreate the production environment.\n';
  await pastePlan(page, plan);
  await page.locator('#context-target').selectOption('production');
  await settled(page);
  const decisions = await page.locator('[data-step-index]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-decision') ?? ''));
  const link = (await page.locator('#make-exercise').getAttribute('href')) ?? '';
  const url = new URL(link);
  expect(url.origin + url.pathname).toBe(`${baseURL}/`);
  expect(url.search, 'nothing in the query: servers see queries').toBe('');
  expect(url.hash).toMatch(/^#v=1&plan=[A-Za-z0-9_-]+&target=production&exercise=1$/);

  // A trainee opens the link in a fresh browser: the exercise starts at once.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const seen = await watch(other);
  await other.goto(link);
  await expect(other.locator('.exercise-round[data-exercise="shared"]')).toBeVisible();
  await expect(other.locator('#exercise-title')).toBeFocused();
  await expect(other.locator('.exercise-context')).toContainText('the target is production');
  await expect(other.locator('.exercise-step')).toHaveCount(decisions.length);
  await expect(other.locator('.exercise-step-text').last()).toHaveText('Delete and recreate the production environment.');
  await expect(other.locator('[data-tool-decision]')).toHaveCount(0);
  for (const [i, decision] of decisions.entries()) await other.locator(`#exercise-step-${i + 1}-${decision}`).check();
  await other.locator('#training-reveal').click();
  // The reveal shows the same decisions the page gave the plan.
  expect(await other.locator('.exercise-step').evaluateAll((items) => items.map((item) => item.getAttribute('data-tool-decision')))).toEqual(decisions);
  await expect(other.locator('.exercise-score')).toHaveAttribute('data-full', 'true');
  await expect(other.locator('#training-score')).toHaveAttribute('data-matched', String(decisions.length));
  await expect(other.locator('.training-account')).toContainText('no incident is behind it');
  expect(seen.requests.filter((request) => request.includes('plan='))).toEqual([]);
  expect(seen.errors).toEqual([]);
  await fresh.close();

  // Followed on the page itself, the link opens the exercise too.
  await page.locator('#make-exercise').click();
  await expect(page.locator('.exercise-round[data-exercise="shared"]')).toBeVisible();
  await expect(page.locator('#show-training')).toHaveAttribute('aria-expanded', 'true');
});

test('large type for a projector, a phone width, and axe in both themes', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openTraining(page);
  await page.locator('[data-exercise="replit-code-freeze"] button').tap();
  await expect(page.locator('.exercise-context')).toContainText('a change freeze is on');
  const size = () => page.locator('.exercise-step-text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await page.locator('#training-large').check();
  await expect(page.locator('#training-view')).toHaveAttribute('data-large', 'true');
  expect(await size()).toBeGreaterThan(before * 1.2);
  for (const item of await page.locator('.exercise-step').all()) await item.locator('input[value="escalate"]').check();
  await page.locator('#training-reveal').tap();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page, 'nothing overflows sideways, even in large type').toBeLessThanOrEqual(widths.view);

  // axe on every state of the view, in both themes: every rule for WCAG 2.0 to 2.2, A and AA,
  // and its best practices.
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const axe = async (label) => {
    const results = await new AxeBuilder({ page }).withTags(tags).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await axe('light, revealed');
  await page.locator('.exercise-next .button >> text=All exercises').tap();
  await axe('light, library');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('dark, library');
  await page.locator('[data-exercise="replit-code-freeze"] button').tap();
  await axe('dark, exercise');
  for (const item of await page.locator('.exercise-step').all()) await item.locator('input[value="block"]').check();
  await page.locator('#training-reveal').tap();
  await axe('dark, revealed');
  await context.close();
});
