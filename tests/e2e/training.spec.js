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
  // Training is a page of its own: the old address sends the trainer there.
  await expect(page).toHaveURL(/\/training\.html\?view=training$/);
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

  // Leaving training for the plan and coming back keeps the session's score: the training
  // page keeps it in local storage.
  await page.locator('#show-training').click();
  await expect(page.locator('#plan-input')).toBeVisible();
  await expect(page.locator('#training-view')).toHaveCount(0);
  await page.locator('#show-training').click();
  await expect(page.locator('#training-view')).toBeVisible();
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '2');
  // The rules are the plan page's view; training is not on that page at all.
  await page.locator('#show-training').click();
  await page.locator('#show-rules').click();
  await expect(page.locator('#rules-view')).toBeVisible();
  await expect(page.locator('#training-view')).toHaveCount(0);
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
  await expect(page).toHaveURL(/\/training\.html#v=1&plan=/);
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

// Issue 18: a trainer leading a room, progress across a reload, a set on paper, and a custom
// exercise framed by its trainer.

/** The tool's decision as a facilitator sees it revealed on a step. */
const A_DECISION = /^(proceed|review|escalate|block)$/;

test('a facilitated exercise walked with the keyboard alone: a step at a time, the answer held until R, the room\'s tally, N to go on', async ({ page }) => {
  const seen = await watch(page);
  await openTraining(page);
  await expect(page.locator('#training-title')).toBeFocused();
  await tabTo(page, '#training-facilitator');
  await page.keyboard.press('Space');
  await expect(page.locator('#training-view')).toHaveAttribute('data-facilitator', 'true');

  // The library: titles that give nothing away, a level and a time, and three sets.
  const kiro = page.locator('[data-exercise="kiro-delete-recreate"]');
  await expect(kiro.locator('.exercise-open')).toHaveText('Stale totals on a dashboard');
  await expect(kiro.locator('.exercise-meta')).toContainText('starter, 5 min');
  expect(await page.locator('.set').evaluateAll((sets) => sets.map((set) => set.getAttribute('data-set')))).toEqual(['15', '30', '45']);
  await tabTo(page, '[data-exercise="kiro-delete-recreate"] button');
  await page.keyboard.press('Enter');
  await expect(page.locator('#exercise-title')).toBeFocused();
  await expect(page.locator('#exercise-title')).toHaveText('Stale totals on a dashboard');
  await expect(page.locator('.exercise-keys')).toContainText('N shows the next step');

  // One step on screen, its answer held; the answer key is there, closed.
  await expect(page.locator('.exercise-step')).toHaveCount(1);
  await expect(page.locator('[data-tool-decision]')).toHaveCount(0);
  await expect(page.locator('.answer-key')).toHaveCount(1);
  await expect(page.locator('.answer-key .trainer-note')).toBeHidden();
  const steps = await page.locator('.answer-key ol li').count();
  expect(steps).toBeGreaterThanOrEqual(3);

  // A key press in a text field is typing, never a step or a reveal.
  await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.id = 'probe';
    probe.setAttribute('aria-label', 'probe');
    document.querySelector('#training-view')?.append(probe);
  });
  await page.locator('#probe').focus();
  await page.keyboard.type('nr');
  await expect(page.locator('#probe')).toHaveValue('nr');
  await expect(page.locator('.exercise-step')).toHaveCount(1);
  await expect(page.locator('[data-tool-decision]')).toHaveCount(0);
  await page.evaluate(() => document.querySelector('#probe')?.remove());

  // The room's hands on step 1, counted with the keyboard.
  const first = page.locator('#exercise-step-1');
  await tabTo(page, '#exercise-step-1 .tally-button[data-decision="review"][data-act="more"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(first.locator('.tally-item[data-decision="review"] .tally-count')).toHaveText('2');

  // R reveals step 1 with nobody having chosen: the headline first, the explanation folded.
  await page.keyboard.press('r');
  await expect(first).toHaveAttribute('data-tool-decision', A_DECISION);
  await expect(first.locator('.exercise-calls')).toContainText('Room:');
  await expect(first.locator('.exercise-headline')).not.toBeEmpty();
  await expect(first.locator('.explanation')).toBeHidden();
  await expect(first.locator('.tally-button').first()).toBeDisabled();

  // N and R for every other step; the last R ends the round.
  for (let step = 2; step <= steps; step += 1) {
    await page.keyboard.press('n');
    const item = page.locator(`#exercise-step-${step}`);
    await expect(item).toBeFocused();
    await expect(item).not.toHaveAttribute('data-tool-decision');
    await page.keyboard.press('r');
    await expect(item).toHaveAttribute('data-tool-decision', A_DECISION);
  }
  await expect(page.locator('#exercise-result-title')).toBeFocused();
  await expect(page.locator('#exercise-title')).toHaveText('Fix a bug by recreating the environment');
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '1');
  await expect(page.locator('#training-score')).toHaveAttribute('data-steps', '1');

  // After the reveal, N opens the next exercise.
  await page.keyboard.press('n');
  await expect(page.locator('.exercise-round')).toHaveAttribute('data-exercise', 'replit-code-freeze');
  await expect(page.locator('#exercise-title')).toBeFocused();
  await expect(page.locator('.exercise-step')).toHaveCount(1);
  expect(seen.errors).toEqual([]);
});

test('progress survives a reload: the score, the exercise under way and its choices; it exports as CSV and resets', async ({ page }) => {
  const seen = await watch(page);
  await openTraining(page);
  await page.locator('[data-exercise="force-push-main"] button').click();
  const steps = await page.locator('.exercise-step').count();
  for (let step = 1; step <= steps; step += 1) await page.locator(`#exercise-step-${step}-block`).check();
  await page.locator('#training-reveal').click();
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '1');
  const before = await sessionScore(page);
  // The next one, left half done.
  await page.locator('.exercise-next .button >> text=Next exercise').click();
  const current = await page.locator('.exercise-round').getAttribute('data-exercise');
  await page.locator('#exercise-step-1-review').check();

  const stored = await page.evaluate(() => localStorage.getItem('approval-risk-training') ?? '');
  expect(stored).toContain('done force-push-main ');
  expect(stored).toContain(`current ${current} r`);
  expect(stored, 'ids and choices, never a plan').not.toContain('git');

  await page.reload();
  await expect(page.locator('.exercise-round')).toHaveAttribute('data-exercise', current ?? '');
  await expect(page.locator('#exercise-step-1-review')).toBeChecked();
  expect(await sessionScore(page)).toEqual(before);

  // Back in the library, the done mark stays, and the results download as CSV.
  await page.locator('.exercise-round > .button[data-act="leave"]').click();
  await expect(page.locator('[data-exercise="force-push-main"]')).toHaveAttribute('data-done', 'true');
  const download = page.waitForEvent('download');
  await page.locator('#training-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('training-results.csv');
  const csv = require('fs').readFileSync(await file.path(), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('round,exercise,title,step,choice,tool,call');
  expect(csv.length).toBe(1 + steps);
  expect(csv[1]).toMatch(/^1,force-push-main,"Push rejected\? Force it",1,block,(proceed|review|escalate|block),(matched|stricter)$/);

  // Reset forgets it all, for good.
  await page.locator('#training-reset').click();
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '0');
  await expect(page.locator('[data-exercise="force-push-main"]')).toHaveAttribute('data-done', 'false');
  await page.reload();
  await expect(page.locator('#training-score')).toHaveAttribute('data-rounds', '0');
  await expect(page.locator('.exercise-round')).toHaveCount(0);

  // A library exercise's own link opens it, from the list or pasted into the address bar.
  await expect(page.locator('[data-exercise="gitlab-wrong-host"] .exercise-link')).toHaveAttribute('href', '#exercise=gitlab-wrong-host');
  await page.locator('[data-exercise="gitlab-wrong-host"] .exercise-link').click();
  await expect(page.locator('.exercise-round')).toHaveAttribute('data-exercise', 'gitlab-wrong-host');
  await page.goto('/#exercise=force-push-main');
  await expect(page.locator('.exercise-round')).toHaveAttribute('data-exercise', 'force-push-main');
  expect(seen.errors).toEqual([]);
});

test('a set prints as a handout (plans, boxes, a line to write on, no answers) and as an answer sheet', async ({ page }) => {
  await openTraining(page);
  await page.locator('.set[data-set="15"] [data-act="handout"]').click();
  const sheet = page.locator('#training-sheet');
  await expect(sheet).toHaveAttribute('data-sheet', 'handout');
  await expect(page.locator('#sheet-title')).toBeFocused();
  await expect(sheet.locator('.sheet-exercise')).toHaveCount(3);
  // The Print button opens the browser's print view.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.locator('#sheet-print').click();
  expect(await page.evaluate(() => window.printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('h4').first()).toHaveText('1. The push was rejected');
  const handout = sheet.locator('.sheet-text').first();
  await expect(handout).toBeVisible();
  await expect(handout).toContainText('git push --force origin main');
  await expect(handout).toContainText('☐ proceed   ☐ review   ☐ escalate   ☐ block');
  await expect(handout).toContainText('Why: ____');
  await expect(handout).not.toContainText(/Step 1: (proceed|review|escalate|block)/);
  for (const hidden of ['#sheet-print', '#training-score', '.training-head', '.page-header']) await expect(page.locator(hidden)).toBeHidden();

  await page.emulateMedia({ media: 'screen' });
  await page.locator('.sheet-controls .button >> text=All exercises').click();
  await page.locator('.set[data-set="15"] [data-act="answers"]').click();
  await expect(sheet).toHaveAttribute('data-sheet', 'answers');
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.locator('h4').first()).toHaveText('1. Push rejected? Force it');
  const answers = sheet.locator('.sheet-text').first();
  await expect(answers).toContainText(/Step \d: (escalate|block)\. /);
  await expect(answers).not.toContainText('☐');
  await expect(page.locator('.trainer-note')).toHaveCount(0);
});

test('a custom exercise link carries its title, story and debrief, and shows the trainer\'s note only in facilitator mode', async ({ page, browser }) => {
  await open(page);
  await pastePlan(page, '1. Read the logs.\n2. Run `terraform destroy -auto-approve` in infra/.\n');
  await page.locator('.exercise-maker summary').click();
  const texts = {
    title: 'Friday teardown',
    story: 'The preview for PR 214 is still up; the agent offers to tidy up.',
    debrief: 'Which workspace was selected? Nothing in the plan says.',
    note: 'Press on step 2: no workspace named.',
  };
  for (const [name, text] of Object.entries(texts)) await page.locator(`#maker-${name}`).fill(text);
  const link = (await page.locator('#make-exercise').getAttribute('href')) ?? '';
  expect(new URL(link).hash).toMatch(/&exercise=1&title=[\w-]+&story=[\w-]+&debrief=[\w-]+&note=[\w-]+$/);
  expect(link).not.toContain('workspace');

  // A trainee: the title, the story, then the debrief after the reveal; no note anywhere.
  const trainee = await browser.newContext();
  const other = await trainee.newPage();
  const seen = await watch(other);
  await other.goto(link);
  await expect(other.locator('#exercise-title')).toHaveText(texts.title);
  await expect(other.locator('.exercise-story')).toHaveText(texts.story);
  await expect(other.locator('.answer-key')).toHaveCount(0);
  await expect(other.getByText(texts.note)).toHaveCount(0);
  const steps = await other.locator('.exercise-step').count();
  for (let step = 1; step <= steps; step += 1) await other.locator(`#exercise-step-${step}-escalate`).check();
  await other.locator('#training-reveal').click();
  await expect(other.locator('.training-account')).toHaveText(texts.debrief);
  await expect(other.getByText(texts.note)).toHaveCount(0);
  expect(seen.errors).toEqual([]);
  await trainee.close();

  // The trainer, with facilitator=1 on the same link: the note is in the answer key.
  const trainer = await browser.newContext();
  const lead = await trainer.newPage();
  await lead.goto(`${link}&facilitator=1`);
  await expect(lead.locator('#training-view')).toHaveAttribute('data-facilitator', 'true');
  await lead.locator('.answer-key summary').click();
  await expect(lead.locator('.trainer-note')).toHaveText(texts.note);
  await trainer.close();
});
