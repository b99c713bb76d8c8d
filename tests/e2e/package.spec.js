// The engine as an npm package (`cargo xtask package`, issue 18): packed with `npm pack` and
// installed from the tarball into an empty project, as a front-end team would, with no Rust
// anywhere. It must import in Node.js, block `rm -rf /`, say "nothing to assess" for an empty
// plan, return what the schema it ships describes, and its types must compile a portal's code
// (package/portal.ts) with each of that file's expected errors found.
//
// `cargo xtask test` makes the package from the build it has just tested; by hand, run `cargo
// xtask package` first (E2E_PACKAGE names another folder).
// @ts-check
const { test, expect } = require('@playwright/test');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { assessmentErrors } = require('./schema');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = path.resolve(process.env.E2E_PACKAGE ?? path.join(ROOT, 'target', 'npm', 'approval-risk-engine'));
const ENGINE_VERSION = /^version = "(.+)"$/m.exec(
  fs.readFileSync(path.join(ROOT, 'crates', 'approval-risk-engine', 'Cargo.toml'), 'utf8'),
)?.[1];

/** Runs `program` and returns its standard output; fails the test with its output otherwise. */
function run(program, args, cwd, input = undefined) {
  const result = spawnSync(program, args, { cwd, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

test.describe('the npm package', () => {
  // npm pack and install take a few seconds each.
  test.setTimeout(120_000);
  /** An empty project with the package installed from its tarball. */
  let consumer = '';
  /** What the tarball holds. */
  let packed = [];

  test.beforeAll(() => {
    expect(fs.existsSync(path.join(PACKAGE, 'package.json')), `${PACKAGE}: run cargo xtask package first`).toBe(true);
    consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-risk-consumer-'));
    const [{ filename, files }] = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', consumer], PACKAGE),
    );
    packed = files.map((file) => file.path).sort();
    fs.writeFileSync(
      path.join(consumer, 'package.json'),
      JSON.stringify({ name: 'a-portal', private: true, type: 'module' }),
    );
    // --offline: the package has no dependencies, so installing it must need no registry.
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${filename}`], consumer);
  });

  test.afterAll(() => {
    if (consumer) fs.rmSync(consumer, { recursive: true, force: true });
  });

  test('ships the module, the wasm, the types, the schemas and a README, runs nothing on install', () => {
    expect(packed).toEqual([
      'README.md',
      'approval-risk.d.ts',
      'approval-risk.js',
      'engine.js',
      'engine_bg.wasm',
      'package.json',
      'schema/approval-risk-v1.schema.json',
      'schema/messages-v1.schema.json',
    ]);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(consumer, 'node_modules', 'approval-risk-engine', 'package.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({
      name: 'approval-risk-engine',
      version: ENGINE_VERSION,
      type: 'module',
      license: 'MIT',
      types: './approval-risk.d.ts',
    });
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    const readme = fs.readFileSync(path.join(PACKAGE, 'README.md'), 'utf8');
    expect(readme).toContain('npm pack');
    expect(readme).toMatch(/"empty": true` means "nothing to assess", never "approved"/);
  });

  test("imports in Node.js: assess('rm -rf /') blocks, and an empty plan is nothing to assess", () => {
    const script = `
      import { readFile } from 'node:fs/promises';
      import { assess, ready } from 'approval-risk-engine';
      let early = 'no error';
      try { assess('ls'); } catch (error) { early = error.message; }
      const wasm = new URL(import.meta.resolve('approval-risk-engine/engine_bg.wasm'));
      await ready(await readFile(wasm));
      const schema = new URL(import.meta.resolve('approval-risk-engine/schema/approval-risk-v1.schema.json'));
      console.log(JSON.stringify({
        early,
        block: assess('rm -rf /'),
        empty: assess(''),
        withContext: assess('1. Restart the api pods.', { context: { target: 'prod' } }),
        schemaId: JSON.parse(await readFile(schema, 'utf8')).$id,
      }));
    `;
    const out = JSON.parse(run('node', ['--input-type=module', '-'], consumer, script));
    expect(out.early).toMatch(/await ready\(\) before assess\(\)/);
    expect(out.block.verdict).toBe('block');
    expect(out.block.deciding_steps).toEqual([1]);
    expect(out.block.engine.version).toBe(ENGINE_VERSION);
    expect(out.empty).toMatchObject({ empty: true, verdict: 'proceed', steps: [] });
    expect(out.withContext.context.target).toBe('production');
    for (const name of ['block', 'empty', 'withContext']) expect(assessmentErrors(out[name]), name).toEqual([]);
    expect(out.schemaId).toMatch(/approval-risk-v1\.schema\.json$/);
  });

  test("its types compile a portal's code and catch its mistakes", () => {
    fs.copyFileSync(path.join(__dirname, 'package', 'portal.ts'), path.join(consumer, 'portal.ts'));
    const tsc = path.join(__dirname, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--target', 'es2022',
        '--module', 'nodenext',
        '--moduleResolution', 'nodenext',
        '--lib', 'es2022,dom',
        'portal.ts',
      ],
      { cwd: consumer, encoding: 'utf8' },
    );
    // tsc reports an unused @ts-expect-error as an error too, so this holds both directions.
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
