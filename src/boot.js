// Starts the WebAssembly app without an inline script, so the page's Content-Security-Policy
// can forbid inline scripts outright (script-src 'self'). Trunk writes the hashed file names
// into data attributes of the <script> tag that loads this file (see `pattern_script` in
// Trunk.toml); a module script has no `document.currentScript`, so it is found by selector.

// The theme a person chose last time, applied before the app draws anything so the page
// never flashes in the other one. Storage can be refused (a sandboxed frame): then the
// system's theme stands.
try {
  const theme = localStorage.getItem('approval-risk-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // No storage: nothing to apply.
}

// Training is a page of its own (training.html), so the approver's page never downloads it.
// Addresses that asked this page for training still work: `?view=training`, an exercise link
// (`#...&exercise=1`) and a library exercise (`#exercise=<id>`) go there before the app starts,
// and so does an exercise link pasted into the address bar of an open page.
const asksForExercise = (hash) =>
  hash.replace(/^#/, '').split('&').some((pair) => pair.startsWith('exercise='));
if (document.documentElement.dataset.page !== 'training') {
  const wantsTraining = location.search.replace(/^\?/, '').split('&').includes('view=training');
  if (wantsTraining || asksForExercise(location.hash)) {
    location.replace(`training.html${location.search}${location.hash}`);
    // Nothing else starts: the page is being replaced.
    await new Promise(() => {});
  }
  addEventListener('hashchange', () => {
    if (asksForExercise(location.hash)) location.replace(`training.html${location.hash}`);
  });
}

// The marks let `cargo xtask bench-web` say where the time to the first verdict goes.
performance.mark('boot');
const tag = document.querySelector('script[data-app-js][data-app-wasm]');
const { default: init } = await import(tag.dataset.appJs);
performance.mark('glue-loaded');
await init({ module_or_path: tag.dataset.appWasm });
performance.mark('app-started');
