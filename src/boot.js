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

// Portals' frames are served by a page of their own too (embed.html: the app with the
// embedding protocol compiled in and the approver's header, footer and rule catalogue left
// out), so neither page downloads what only the other shows. An address that asks for
// embedding (`?embed=1`, which the app reads the same way) goes to embed.html, one that does
// not goes to the approver's page, each with its whole address; `replace` keeps the frame's
// history as it was. Nothing else starts while the page is replaced.
const embedded = new URLSearchParams(location.search).get('embed') === '1';
const page = document.documentElement.dataset.page;
if ((page === undefined && embedded) || (page === 'embed' && !embedded)) {
  location.replace(`${embedded ? 'embed' : 'index'}.html${location.search}${location.hash}`);
  await new Promise(() => {});
}

// The marks let `cargo xtask bench-web` say where the time to the first verdict goes.
performance.mark('boot');
const tag = document.querySelector('script[data-app-js][data-app-wasm]');
const { default: init } = await import(tag.dataset.appJs);
performance.mark('glue-loaded');
try {
  await init({ module_or_path: tag.dataset.appWasm });
} catch (error) {
  // A browser that cannot compile the engine (one older than WebAssembly SIMD, which every
  // major browser has had since 2023) gets a sentence instead of an empty page.
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  note.textContent =
    'This browser could not start the Approval Risk Explainer: it needs WebAssembly with SIMD, ' +
    'in every major browser since 2023. Use a current browser, or the command line: ' +
    'approval-risk assess plan.txt';
  document.body.append(note);
  throw error;
}
performance.mark('app-started');
