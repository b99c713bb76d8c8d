// The approval risk engine as an ES module, for portals that want the assessment without the
// page. `cargo xtask build` copies this file into dist/engine/ beside the wasm-bindgen glue
// (`engine.js`) and the optimised wasm (`engine_bg.wasm`); types are in approval-risk.d.ts and
// the contract in docs/embedding.md.
//
//   import { assess, ready } from './engine/approval-risk.js';
//   await ready();
//   const assessment = assess(planText, { context: { target: 'production' } });
//
// Loading is split from assessing on purpose: the wasm is fetched and compiled once, from the
// same folder as this file (a request to your own origin, nothing else), and every assess()
// after that is a plain synchronous call that returns the `approval-risk/v1` object.

import init, { assess as assessInWasm } from './engine.js';

let loading = null;
let loaded = false;

/** Fetches and compiles the engine once; later calls return the same promise. A failed load
 * (the file missing, a CSP without 'wasm-unsafe-eval') rejects, and the next call tries again.
 *
 * `wasm` is for where `engine_bg.wasm` cannot be fetched from beside this file: Node.js (whose
 * fetch does not read file: URLs; pass the file's bytes) or a bundler that moved the file (pass
 * its URL). Its bytes, a URL, a Response or a compiled WebAssembly.Module all do; leave it out
 * in a browser. */
export function ready(wasm) {
  if (loading === null) {
    loading = init(wasm === undefined ? undefined : { module_or_path: wasm }).then(
      () => {
        loaded = true;
      },
      (error) => {
        loading = null;
        throw new Error(`approval-risk: the engine could not be loaded: ${error?.message ?? error}`);
      },
    );
  }
  return loading;
}

/** Assesses `plan` with `options` ({format?, context?, policy?}) and returns the
 * `approval-risk/v1` assessment. Throws an Error naming the argument or field at fault. */
export function assess(plan, options) {
  if (!loaded) {
    throw new Error('approval-risk: the engine is not loaded yet; await ready() before assess()');
  }
  return assessInWasm(plan, options);
}
