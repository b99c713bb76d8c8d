// `cargo xtask bench-web`: measures the release page in headless Chromium against its budgets
// (DESIGN.md, "Budgets") and prints the numbers. A benchmark, not a test: it exits non-zero
// only when it cannot measure. Run through xtask, which builds and serves dist/ and sets
// BENCH_URL; by hand: serve dist/ and run `BENCH_URL=http://127.0.0.1:4180/ node bench.js`.
// @ts-check
const { chromium } = require('@playwright/test');
const zlib = require('zlib');
const { planOf } = require('./plans');

const URL_BASE = process.env.BENCH_URL || 'http://127.0.0.1:4180/';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// Cold starts on a two-core machine spread widely (the browser compiles the wasm on the same
// cores); nine runs give a median that moves little from one benchmark to the next.
const RUNS = 9;
// BENCH_ONLY=first|throttled|rescore|paste|size runs one measurement, for working on it.
const ONLY = process.env.BENCH_ONLY;
const runs = (name) => !ONLY || ONLY === name;
const KEYSTROKES = 10;
// The slow network a cold load is measured on: 10 Mbit/s each way, 40 ms round trip.
const THROTTLE = { latency: 40, downloadThroughput: 10_000_000 / 8, uploadThroughput: 10_000_000 / 8 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;
const verdictOf = (ok) => (ok ? 'within budget' : 'OVER BUDGET');

/** Resolves in the page when the assessment is current again (aria-busy back to false). */
async function settled(page) {
  await page.waitForFunction(
    () => document.querySelector('.result-pane')?.getAttribute('aria-busy') === 'false',
    null,
    { timeout: 120_000 },
  );
}

/** A share link for `plan`, made by the page itself (the codec lives in the wasm). */
async function shareLinkFor(browser, plan) {
  const page = await browser.newPage();
  await page.goto(URL_BASE);
  await page.locator('[data-verdict]').waitFor();
  await page.locator('#plan-input').fill(plan);
  await settled(page);
  await page.waitForFunction((n) => document.querySelectorAll('.strip-bar').length >= Math.min(n, 100), plan.split('\n').length - 1);
  const href = await page.locator('#share-link').getAttribute('href');
  await page.close();
  if (!href || !href.includes('#v=1&plan=')) throw new Error(`no share link (got ${href})`);
  return href;
}

/** Navigation start to the verdict on screen, in a fresh context (cold cache): when the
 * browser painted the verdict's sentence (Element Timing), and, for comparison, when the
 * banner entered the DOM (work after that, before the next paint, still delays what a person
 * sees). */
async function firstVerdict(browser, link, throttled = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttled) {
    // The browser's own network emulation: every response waits THROTTLE.latency ms and
    // arrives at THROTTLE's rate, as on a modest office or home connection.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  }
  await page.addInitScript(() => {
    const seen = () => {
      if (document.querySelector('[data-verdict]') && !window.__inDom) {
        window.__inDom = performance.now();
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier === 'verdict' && !window.__painted) {
          window.__painted = entry.renderTime || entry.loadTime;
        }
      }
    }).observe({ type: 'element', buffered: true });
  });
  await page.goto(link);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 30_000 });
  const { painted, inDom } = await page.evaluate(() => ({ painted: window.__painted, inDom: window.__inDom }));
  await page.locator('.strip-bar').first().waitFor();
  const steps = await page.locator('.strip-bar').count();
  await context.close();
  return { time: painted, inDom, steps };
}

/** One keystroke in a 200-step plan: from the end of the typing pause (the app's
 * `rescore-start` mark) to the DOM updated and laid out. */
async function rescore(browser, plan) {
  const page = await browser.newPage();
  await page.goto(URL_BASE);
  await page.locator('[data-verdict]').waitFor();
  await page.locator('#plan-input').fill(plan);
  await settled(page);
  const times = [];
  const engine = [];
  const longest = [];
  for (let i = 0; i < KEYSTROKES; i += 1) {
    // The caret goes to the end of line 40 + i, so each keystroke edits a different step.
    await page.evaluate((line) => {
      const area = /** @type {HTMLTextAreaElement} */ (document.querySelector('#plan-input'));
      let at = 0;
      for (let n = 0; n < line; n += 1) at = area.value.indexOf('\n', at) + 1;
      const end = area.value.indexOf('\n', at);
      area.focus();
      area.setSelectionRange(end, end);
      window.__done = new Promise((resolve) => {
        const pane = document.querySelector('.result-pane');
        const longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
        const observer = new MutationObserver(() => {
          if (pane?.getAttribute('aria-busy') !== 'false') return;
          document.body.getBoundingClientRect(); // include style and layout, not just script
          const end = performance.now();
          observer.disconnect();
          const start = performance.getEntriesByName('rescore-start').at(-1)?.startTime ?? end;
          const assessed = performance.getEntriesByName('rescore-assessed').at(-1)?.startTime ?? end;
          setTimeout(() => resolve({ took: end - start, engine: assessed - start, longest: Math.max(0, ...longTasks) }), 200);
        });
        observer.observe(/** @type {Node} */ (pane), { attributes: true, attributeFilter: ['aria-busy'] });
      });
    }, 40 + i);
    await page.keyboard.type('x');
    const result = await page.evaluate(() => window.__done);
    times.push(result.took);
    engine.push(result.engine);
    longest.push(result.longest);
  }
  await page.close();
  return { times, engine, longest };
}

/** Pastes a 5 MB plan (made in the page, so the transfer from Playwright is not measured)
 * and records every long task until the assessment is shown, plus a second after. */
async function bigPaste(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL_BASE);
  await page.locator('[data-verdict]').waitFor();
  await page.waitForLoadState('networkidle');
  const result = await page.evaluate(async () => {
    const step = '1. Delete and recreate the production environment, then `rm -rf /srv/data` and DROP TABLE users;\n';
    const plan = step.repeat(Math.floor(5_000_000 / step.length));
    const longTasks = [];
    // Let the page settle after building the string, then start counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector('#plan-input'));
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', plan);
    const start = performance.now();
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const pane = /** @type {Element} */ (document.querySelector('.result-pane'));
    await new Promise((resolve) => {
      const check = () => {
        const bars = document.querySelectorAll('.strip-bar').length;
        if (pane.getAttribute('aria-busy') === 'false' && bars > 100) resolve(undefined);
        else setTimeout(check, 50);
      };
      check();
    });
    const shown = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { shown, longest: Math.max(0, ...longTasks), count: longTasks.length, bytes: plan.length };
  });
  await context.close();
  return result;
}

/** Every response of a first visit (page, styles, scripts, wasm, the worker): the bytes that
 * crossed the network (the precompressed file, where the server sent one), and for comparison
 * what gzip -9 of the body would be. */
async function downloaded(browser) {
  const context = await browser.newContext();
  const bodies = new Map();
  context.on('response', async (response) => {
    try {
      const body = await response.body();
      await response.finished();
      const { responseBodySize } = await response.request().sizes();
      bodies.set(response.url(), { body, wire: responseBodySize });
    } catch {
      // A response without a body (a redirect) costs nothing to count.
    }
  });
  const page = await context.newPage();
  await page.goto(URL_BASE);
  await page.locator('[data-verdict]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const files = [...bodies].map(([url, { body, wire }]) => ({
    name: new URL(url).pathname,
    raw: body.length,
    wire,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
  }));
  await context.close();
  return files;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function reportFirstVerdict(browser) {
  // A plan as approvers share it (ten steps of every kind), and a long one for comparison.
  for (const steps of [10, 200]) {
    const link = await shareLinkFor(browser, planOf(steps));
    const firsts = [];
    const inDom = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await firstVerdict(browser, link);
      if (run.steps < Math.min(steps, 100)) throw new Error(`the linked plan was not restored (${run.steps} bars)`);
      firsts.push(run.time);
      inDom.push(run.inDom);
    }
    const first = median(firsts);
    console.log(
      `  navigation -> first verdict painted, ${steps}-step plan in the fragment (${kb(link.length)} link): ` +
        `${ms(first)} median of ${RUNS} (in the DOM at ${ms(median(inDom))}), cold cache ` +
        `(budget 300 ms: ${verdictOf(first <= 300)})`,
    );
  }
}

async function reportThrottled(browser) {
  const link = await shareLinkFor(browser, planOf(200));
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await firstVerdict(browser, link, true);
    times.push(run.time);
  }
  const first = median(times);
  console.log(
    `  cold load on a throttled network (${THROTTLE.downloadThroughput * 8 / 1e6} Mbit/s, ${THROTTLE.latency} ms ` +
      `round trip) -> first verdict painted, 200-step plan in the fragment: ${ms(first)} median of ${RUNS} ` +
      `(budget 1 s: ${verdictOf(first <= 1000)})`,
  );
}

async function reportRescore(browser) {
  const { times, engine, longest } = await rescore(browser, planOf(200));
  const typical = median(times);
  const worst = Math.max(...longest);
  console.log(
    `  re-score of a 200-step plan after one keystroke: ${ms(typical)} median, ${ms(Math.max(...times))} ` +
      `max of ${KEYSTROKES} (engine ${ms(median(engine))}, then render, style and layout; budget 16 ms: ` +
      `${verdictOf(typical <= 16)}); long tasks meanwhile: ${worst ? ms(worst) : 'none'}`,
  );
}

async function reportPaste(browser) {
  const paste = await bigPaste(browser);
  console.log(
    `  longest main-thread task during a ${(paste.bytes / 1e6).toFixed(1)} MB paste: ` +
      `${paste.count ? ms(paste.longest) : 'none over 50 ms'} (${paste.count} long tasks; budget 100 ms: ` +
      `${verdictOf(paste.longest <= 100)}); assessed and shown after ${(paste.shown / 1000).toFixed(1)} s`,
  );
}

async function reportSize(browser) {
  const files = await downloaded(browser);
  const total = files.reduce((sum, file) => sum + file.wire, 0);
  const onTheFly = files.reduce((sum, file) => sum + file.gzip, 0);
  console.log(
    `  downloaded by a first visit: ${kb(total)} as served (budget 300 KB: ${verdictOf(total <= 300 * 1024)}); ` +
      `${kb(onTheFly)} from a server that runs gzip -9 on each response`,
  );
  for (const file of files.sort((a, b) => b.wire - a.wire)) {
    console.log(
      `      ${kb(file.wire).padStart(9)} served  ${kb(file.gzip).padStart(9)} gzip -9  ${kb(file.raw).padStart(9)} raw  ${file.name}`,
    );
  }
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  console.log(`bench-web: ${URL_BASE} in headless Chromium (${browser.version()})`);
  if (runs('first')) await reportFirstVerdict(browser);
  if (runs('throttled')) await reportThrottled(browser);
  if (runs('rescore')) await reportRescore(browser);
  if (runs('paste')) await reportPaste(browser);
  if (runs('size')) await reportSize(browser);
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
