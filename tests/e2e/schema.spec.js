// The contract's JSON Schemas (docs/schema/, issue 18) held against real outputs: the CLI's
// `--format json` on every plan in eval/plans and the engine's fixtures, the ES module's
// `assess` in a page, and every message the embedded frame sends to a portal (and every
// request the example portal sends it). A schema that only ever saw hand-written examples
// would drift from what the engine writes; these outputs are the ones portals get.
//
// The last test turns real outputs into broken ones and expects each to be rejected, so a
// schema that accepts anything cannot pass here.
// @ts-check
const { test, expect } = require('@playwright/test');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { assessmentErrors, fromFrameErrors, messageErrors, requestErrors } = require('./schema');

const ROOT = path.resolve(__dirname, '..', '..');
const PAGE = 'http://127.0.0.1:4180';
const PORTAL = 'http://127.0.0.1:4181';
const PORTAL_PAGE = `${PORTAL}/?explainer=${encodeURIComponent(`${PAGE}/`)}`;
const POLICY_FILE = path.join(ROOT, 'examples', 'policy.json');
const ENGINE_VERSION = /^version = "(.+)"$/m.exec(
  fs.readFileSync(path.join(ROOT, 'crates', 'approval-risk-engine', 'Cargo.toml'), 'utf8'),
)?.[1];

/** Every plan the project keeps as a file: the held-out eval plans (not their expectations)
 * and the engine's snapshot fixtures, which between them cover every format the engine reads. */
function planFiles() {
  const inFolder = (folder, keep) =>
    fs
      .readdirSync(folder)
      .filter(keep)
      .sort()
      .map((name) => path.join(folder, name));
  return [
    ...inFolder(path.join(ROOT, 'eval', 'plans'), (name) => !name.endsWith('.expect')),
    ...inFolder(path.join(ROOT, 'crates', 'approval-risk-engine', 'tests', 'fixtures'), () => true),
  ];
}

/** The CLI's binary, built by cargo if it is not yet (cargo says where its target directory
 * is, which CARGO_TARGET_DIR may have moved). Running the binary itself, not `cargo run`, keeps
 * a hundred runs to seconds. */
function cliBinary() {
  const build = spawnSync('cargo', ['build', '--quiet', '--package', 'approval-risk-cli'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
  const metadata = spawnSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return path.join(JSON.parse(metadata.stdout).target_directory, 'debug', 'approval-risk');
}

/** `approval-risk assess --format json` on `input` (a file, or `-` with `stdin`). Exit status 3
 * is a verdict at or above --fail-on, not a failure. */
function cliJson(binary, input, args = [], stdin = undefined) {
  const run = spawnSync(binary, ['assess', input, '--format', 'json', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 3) {
    throw new Error(`approval-risk assess ${input} exited with ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

/** Checks what the schema leaves optional (for older outputs) or cannot say: this build writes
 * the newer fields, stamps its own crate's version, and its deciding steps are steps of the
 * plan, named exactly when something raised the verdict. */
function expectCurrentFields(assessment, name) {
  expect(assessment.engine?.version, name).toBe(ENGINE_VERSION);
  expect(assessment.deciding_steps, name).toBeDefined();
  expect(assessment.headline, name).toBeDefined();
  const raised = assessment.verdict !== 'proceed';
  expect(assessment.deciding_steps.length > 0, `${name}: deciding steps`).toBe(raised);
  expect(assessment.headline.length > 0, `${name}: headline`).toBe(raised);
  for (const index of assessment.deciding_steps) {
    expect(index, name).toBeLessThanOrEqual(assessment.steps.length);
  }
}

test.describe('the approval-risk/v1 schema', () => {
  // The first run may build the CLI.
  test.setTimeout(300_000);

  test("holds for the CLI's JSON on every plan in eval/plans and the engine's fixtures", () => {
    const binary = cliBinary();
    const files = planFiles();
    expect(files.length).toBeGreaterThan(90);
    const formats = new Set();
    for (const file of files) {
      const name = path.relative(ROOT, file);
      const assessment = cliJson(binary, file);
      expect(assessmentErrors(assessment), name).toEqual([]);
      expect(assessment.steps.length, `${name} has steps`).toBeGreaterThan(0);
      expectCurrentFields(assessment, name);
      formats.add(assessment.format);
    }
    // With a plan read as Terraform that is no `terraform plan` output, the plans cover every
    // format the schema lists, so no value of the enum is untried.
    const forced = cliJson(binary, '-', ['--input-format', 'terraform'], 'resource "aws_s3_bucket" "logs" {}\n');
    expect(assessmentErrors(forced)).toEqual([]);
    formats.add(forced.format);
    expect([...formats].sort()).toEqual([
      'cloudformation',
      'json',
      'markdown',
      'prose',
      'shell',
      'sql',
      'terraform',
      'terraform-json',
      'terraform-plan',
    ]);

    // The whole context, a policy, and a plan with nothing in it (the `empty` state).
    const withEverything = cliJson(binary, files.find((file) => file.endsWith('.sql')) ?? '', [
      '--target',
      'production',
      '--credentials',
      'admin',
      '--change-freeze',
      '--policy',
      POLICY_FILE,
    ]);
    expect(assessmentErrors(withEverything)).toEqual([]);
    expect(withEverything.context).toEqual({ target: 'production', credentials: 'admin', change_freeze: true });
    const empty = cliJson(binary, '-', [], '   \n');
    expect(assessmentErrors(empty)).toEqual([]);
    expect(empty).toMatchObject({ empty: true, verdict: 'proceed', steps: [] });
  });

  test("holds for the engine module's assess() in a page", async ({ page }) => {
    await page.goto(PORTAL_PAGE);
    const plans = planFiles().map((file) => ({
      name: path.relative(ROOT, file),
      plan: fs.readFileSync(file, 'utf8'),
    }));
    plans.push({ name: 'an empty plan', plan: '' });
    const results = await page.evaluate(
      async ({ plans, policy }) => {
        const engine = await import('./engine/approval-risk.js');
        await engine.ready();
        const options = { context: { target: 'staging', credentials: 'scoped' }, policy };
        return plans.map(({ name, plan }, i) => ({
          name,
          // Every other plan with options, so both paths through them are seen.
          assessment: engine.assess(plan, i % 2 ? options : undefined),
        }));
      },
      { plans, policy: JSON.parse(fs.readFileSync(POLICY_FILE, 'utf8')) },
    );
    expect(results).toHaveLength(plans.length);
    for (const { name, assessment } of results) {
      expect(assessmentErrors(assessment), name).toEqual([]);
      expectCurrentFields(assessment, name);
    }
    expect(results.at(-1)?.assessment.empty).toBe(true);
  });

  test('holds for every message the frame sends, and the portal\'s requests hold too', async ({ page }) => {
    // Every frame of the page records what it receives: the portal records the explainer's
    // messages, and the explainer's frame records the portal's requests.
    await page.addInitScript(
      ({ page, portal }) => {
        // @ts-ignore
        window.__received = [];
        window.addEventListener('message', (event) => {
          const from = window.location.origin === portal ? page : portal;
          // @ts-ignore
          if (event.origin === from) window.__received.push(event.data);
        });
      },
      { page: PAGE, portal: PORTAL },
    );
    await page.goto(PORTAL_PAGE);
    // @ts-ignore
    const received = () => page.evaluate(() => window.__received);
    await expect.poll(async () => (await received()).some((m) => m?.type === 'approval-risk:result')).toBe(true);

    const post = (message) =>
      page.evaluate(
        ({ message, origin }) => {
          const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('explainer'));
          frame.contentWindow?.postMessage(message, origin);
        },
        { message, origin: PAGE },
      );
    // Errors with and without an id, an empty plan, a plan with every option, and one long
    // enough (over 64 KB) to be assessed in the frame's worker, whose reply is built apart.
    await post({ type: 'approval-risk:assess', id: 'bad-plan', plan: 42 });
    await post({ type: 'approval-risk:assess', id: 7, plan: 'ls', context: { target: 'moon' } });
    await post('assess this, please');
    await post({ type: 'approval-risk:assess', id: 'empty', plan: '' });
    await post({
      type: 'approval-risk:assess',
      id: 'everything',
      plan: 'pg_dump billing-db > /tmp/billing.sql\npsql billing-db -c "DROP TABLE invoices;"\n',
      format: 'shell',
      context: { target: 'prod', credentials: 'admin', change_freeze: true },
      policy: fs.readFileSync(POLICY_FILE, 'utf8'),
    });
    const long = Array.from({ length: 2400 }, (_, i) => `rm -rf /srv/cache/shard-${i}/tmp`).join('\n');
    expect(long.length).toBeGreaterThan(64 * 1024);
    await post({ type: 'approval-risk:assess', id: 'long', plan: long });
    await expect
      .poll(async () => (await received()).filter((m) => m?.type === 'approval-risk:result').map((m) => m.id), {
        timeout: 30_000,
      })
      .toEqual(expect.arrayContaining(['cr-2291-1', 'empty', 'everything', 'long']));
    // The approver changes the context in the (editable) frame: the portal is told.
    await page.frameLocator('#explainer').locator('#context-target').selectOption('staging');
    await expect
      .poll(async () => (await received()).filter((m) => m?.type === 'approval-risk:changed').length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    const messages = await received();
    const types = new Set(messages.map((m) => m?.type));
    expect([...types].sort()).toEqual([
      'approval-risk:changed',
      'approval-risk:error',
      'approval-risk:height',
      'approval-risk:ready',
      'approval-risk:result',
    ]);
    for (const message of messages) {
      expect(fromFrameErrors(message), JSON.stringify(message).slice(0, 200)).toEqual([]);
      expect(messageErrors(message)).toEqual([]);
      if (message.assessment) expectCurrentFields(message.assessment, `${message.type} ${message.id}`);
    }
    const changed = messages.filter((m) => m.type === 'approval-risk:changed').at(-1);
    expect(changed.assessment.context.target).toBe('staging');
    expect(messages.filter((m) => m.type === 'approval-risk:error').map((m) => m.id)).toEqual(['bad-plan', 7, undefined]);
    expect(messages.find((m) => m.id === 'empty')?.assessment.empty).toBe(true);

    // The example portal's own requests, as the frame received them, are what the schema says
    // a request is (the ones posted above by hand include malformed ones on purpose).
    const explainer = page.frames().find((frame) => frame.url().startsWith(PAGE));
    // @ts-ignore
    const requests = await explainer?.evaluate(() => window.__received);
    const fromPortal = (requests ?? []).filter((m) => typeof m?.id === 'string' && m.id.startsWith('cr-2291-'));
    expect(fromPortal.length).toBeGreaterThan(0);
    for (const request of fromPortal) expect(requestErrors(request)).toEqual([]);
  });

  test('rejects outputs and messages that break the contract', () => {
    const binary = cliBinary();
    const real = cliJson(binary, path.join(ROOT, 'crates', 'approval-risk-engine', 'tests', 'fixtures', 'rds-protection-off-then-delete.sh'));
    expect(assessmentErrors(real)).toEqual([]);
    expect(real.patterns.length, 'the fixture has a pattern to break').toBeGreaterThan(0);
    expect(real.steps[0].findings.length, 'and findings').toBeGreaterThan(0);

    /** `real` after `change`, which edits a deep copy in place. */
    const broken = (change) => {
      const copy = structuredClone(real);
      change(copy);
      return copy;
    };
    const mutations = {
      'no verdict': (a) => delete a.verdict,
      'a verdict that is not a decision': (a) => (a.verdict = 'approve'),
      'another schema': (a) => (a.schema = 'approval-risk/v2'),
      'a format the engine never writes': (a) => (a.format = 'auto'),
      'a context without the freeze': (a) => delete a.context.change_freeze,
      'a target by its short form': (a) => (a.context.target = 'prod'),
      'steps as an object': (a) => (a.steps = {}),
      'a step numbered from 0': (a) => (a.steps[0].index = 0),
      'a span of three numbers': (a) => (a.steps[0].span = [0, 1, 2]),
      'a negative span': (a) => (a.steps[0].span = [-1, 4]),
      'a step without a headline': (a) => delete a.steps[0].headline,
      'questions as one string': (a) => (a.steps[0].questions = 'Is there a backup?'),
      'a scope the model lacks': (a) => (a.steps[0].scope = 'global'),
      'a finding without its rule': (a) => delete a.steps[0].findings[0].rule,
      'evidence as offsets': (a) => (a.steps[0].findings[0].evidence = [3, 5]),
      'an adjustment of no known kind': (a) => (a.steps[0].findings[0].adjustments = [{ kind: 'bonus', note: 'x' }]),
      'a pattern joining no step': (a) => (a.patterns[0].steps = []),
      'an empty plan with steps': (a) => (a.empty = true),
      'empty as a string': (a) => (a.empty = 'true'),
      'a deciding step numbered from 0': (a) => (a.deciding_steps = [0]),
      'a deciding step twice': (a) => (a.deciding_steps = [1, 1]),
      'a headline that is not text': (a) => (a.headline = 3),
      'an engine without its catalogue': (a) => (a.engine = { version: '0.1.0' }),
    };
    for (const [name, change] of Object.entries(mutations)) {
      expect(assessmentErrors(broken(change)), name).not.toEqual([]);
    }
    // The contract is additive: a field this schema does not know yet is no error, and the
    // three newest fields, well formed, are accepted.
    expect(assessmentErrors(broken((a) => (a.reviewed_by = 'someone')))).toEqual([]);
    expect(
      assessmentErrors(
        broken((a) => {
          a.deciding_steps = [1, 2];
          a.headline = 'Turns off deletion protection.';
          a.engine = { version: '0.1.0', catalogue: '0123456789abcdef' };
        }),
      ),
    ).toEqual([]);

    const result = { type: 'approval-risk:result', version: 1, id: 'cr-1', assessment: real };
    const changed = { type: 'approval-risk:changed', version: 1, assessment: real };
    expect(fromFrameErrors(result)).toEqual([]);
    expect(fromFrameErrors(changed)).toEqual([]);
    const badMessages = {
      'a result without an id': { ...result, id: undefined },
      'a result of version 2': { ...result, version: 2 },
      'a result carrying a broken assessment': { ...result, assessment: broken((a) => delete a.steps) },
      'a change that names a request': { ...changed, id: 'cr-1' },
      'a change with the assessment under another name': { type: 'approval-risk:changed', version: 1, result: real },
      'a height in words': { type: 'approval-risk:height', version: 1, height: 'tall' },
      'a fractional height': { type: 'approval-risk:height', version: 1, height: 10.5 },
      'an error of two lines': { type: 'approval-risk:error', version: 1, reason: 'plan:\nbad' },
      'an error without a reason': { type: 'approval-risk:error', version: 1, id: 3 },
      'a message of no known type': { type: 'approval-risk:hello', version: 1 },
    };
    for (const [name, message] of Object.entries(badMessages)) {
      expect(fromFrameErrors(JSON.parse(JSON.stringify(message))), name).not.toEqual([]);
    }

    const request = { type: 'approval-risk:assess', id: 1, plan: 'ls' };
    expect(requestErrors(request)).toEqual([]);
    expect(requestErrors({ ...request, format: null, context: { target: 'prod', change_freeze: null }, policy: '{}' })).toEqual([]);
    const badRequests = {
      'a misspelt field': { ...request, contxt: {} },
      'a misspelt context field': { ...request, context: { change_freze: true } },
      'a plan that is a number': { ...request, plan: 42 },
      'no id': { type: 'approval-risk:assess', plan: 'ls' },
      'an id that is an object': { ...request, id: {} },
      'a target on the moon': { ...request, context: { target: 'moon' } },
      'a policy of version 2': { ...request, policy: { version: 2 } },
      'a policy list over its bound': { ...request, policy: { version: 1, protected: Array(1001).fill('db') } },
      'an override that is not a decision': { ...request, policy: { version: 1, overrides: { 'git.force-push': 'allow' } } },
      'a plan over the limit': { ...request, plan: 'x'.repeat(262_145) },
    };
    for (const [name, message] of Object.entries(badRequests)) {
      expect(requestErrors(message), name).not.toEqual([]);
      expect(messageErrors(message), name).not.toEqual([]);
    }
  });
});
