// The engine as an ES module (dist/engine/, issue 7): imported in the browser by the example
// portal, it must return exactly what `approval-risk assess --format json` prints for the same
// plan and options, and refuse bad options with an Error naming the field.
// @ts-check
const { test, expect } = require('@playwright/test');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { AT_LEAST_ESCALATE, watch } = require('./helpers');

const ROOT = path.resolve(__dirname, '..', '..');
const PORTAL_PAGE = `http://127.0.0.1:4181/?explainer=${encodeURIComponent('http://127.0.0.1:4180/')}`;
const POLICY_FILE = path.join(ROOT, 'examples', 'policy.json');

/** The CLI's JSON for `plan`, through cargo (which builds the CLI the first time). Exit status 3
 * is a verdict at or above --fail-on, not a failure. */
function cli(plan, args = []) {
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '--package', 'approval-risk-cli', '--', 'assess', '-', '--format', 'json', ...args],
    { cwd: ROOT, input: plan, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0 && run.status !== 3) {
    throw new Error(`approval-risk exited with ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

// Each case: a plan, the module's options, and the same options as CLI flags.
const CASES = [
  {
    name: 'the Kiro plan, no options',
    plan:
      '1. Check the current state of the Cost Explorer service in us-east-1.\n' +
      '2. Delete and recreate the production environment from the template.\n' +
      '3. Verify the service is healthy.\n',
    options: undefined,
    args: [],
  },
  {
    name: 'terraform destroy with the whole context given',
    plan: '1. Run `terraform destroy -auto-approve` in the billing workspace.\n2. Tell #ops it is done → café.\n',
    options: { context: { target: 'production', credentials: 'admin', change_freeze: true } },
    args: ['--target', 'production', '--credentials', 'admin', '--change-freeze'],
  },
  {
    name: 'a shell script read as shell, with the example policy',
    plan: 'pg_dump billing-db > /tmp/billing.sql\npsql billing-db -c "DROP TABLE invoices;"\ngit push --force origin main\n',
    options: { format: 'shell', policy: JSON.parse(fs.readFileSync(POLICY_FILE, 'utf8')) },
    args: ['--input-format', 'shell', '--policy', POLICY_FILE],
  },
];

test.describe('the engine module', () => {
  // The first call may build the CLI.
  test.setTimeout(300_000);

  test('returns the same assessment as the CLI for the same plan and options', async ({ page }) => {
    const seen = await watch(page);
    await page.goto(PORTAL_PAGE);
    // The portal's own button runs the module: a plan with terraform destroy escalates.
    await page.locator('#run-module').click();
    await expect(page.locator('#module-verdict')).toHaveAttribute('data-verdict', AT_LEAST_ESCALATE);

    for (const { name, plan, options, args } of CASES) {
      const fromModule = await page.evaluate(
        async ({ plan, options }) => {
          const engine = await import('./engine/approval-risk.js');
          await engine.ready();
          return engine.assess(plan, options);
        },
        { plan, options },
      );
      const fromCli = cli(plan, args);
      expect(fromModule, name).toEqual(fromCli);
      expect(fromModule.steps.length, name).toBeGreaterThan(0);
    }

    // The options reached the engine: the same plan reads differently without them.
    const [, withContext] = CASES;
    const bare = await page.evaluate(async (plan) => {
      const engine = await import('./engine/approval-risk.js');
      return engine.assess(plan);
    }, withContext.plan);
    expect(bare.context).toEqual({ target: 'unknown', credentials: 'unknown', change_freeze: false });
    expect(bare).not.toEqual(cli(withContext.plan, withContext.args));

    // What a portal records beside a decision (issue 18): the deciding steps, their headline and
    // the engine, the same as the CLI's; and an empty plan is nothing to assess, never a pass.
    const [kiro] = CASES;
    const decided = await page.evaluate(async (plan) => (await import('./engine/approval-risk.js')).assess(plan), kiro.plan);
    expect(decided.deciding_steps).toEqual([2]);
    expect(decided.headline).toBe(decided.steps[1].headline);
    expect(decided.engine.catalogue).toMatch(/^[0-9a-f]{16}$/);
    expect(decided.engine).toEqual(cli(kiro.plan).engine);
    const empty = await page.evaluate(async () => (await import('./engine/approval-risk.js')).assess('  \n'));
    expect(empty.empty).toBe(true);
    expect(empty.deciding_steps).toEqual([]);
    expect(empty).toEqual(cli('  \n'));
    expect(seen.errors).toEqual([]);
  });

  test('bad arguments throw an Error naming what is wrong, and nothing panics', async ({ page }) => {
    await page.goto(PORTAL_PAGE);
    const reasons = await page.evaluate(async () => {
      const engine = await import('./engine/approval-risk.js');
      const attempt = (...args) => {
        try {
          engine.assess(...args);
          return 'no error';
        } catch (error) {
          return error instanceof Error ? error.message : `not an Error: ${error}`;
        }
      };
      const early = attempt('ls');
      await engine.ready();
      return {
        early,
        plan: attempt(42),
        options: attempt('ls', 'production'),
        target: attempt('ls', { context: { target: 'moon' } }),
        field: attempt('ls', { contxt: {} }),
        policy: attempt('ls', { policy: { version: 1, disabled_rules: ['no.such-rule'] } }),
        // After all of that the engine still answers.
        after: engine.assess('1. rm -rf /').verdict,
      };
    });
    expect(reasons.early).toMatch(/await ready\(\)/);
    expect(reasons.plan).toBe('approval-risk: plan: expected a string, found a number');
    expect(reasons.options).toBe('approval-risk: options: expected an object, found a string');
    expect(reasons.target).toMatch(/^approval-risk: options\.context\.target: expected one of unknown, development/);
    expect(reasons.field).toMatch(/^approval-risk: options\.contxt: unknown field; the fields are format, context, policy$/);
    expect(reasons.policy).toMatch(/^approval-risk: options\.policy\.disabled_rules\[0\]: no rule has the id `no\.such-rule`/);
    expect(reasons.after).toBe('block');
  });
});
