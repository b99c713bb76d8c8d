// Starts the WebAssembly app without an inline script, so the page's Content-Security-Policy
// can forbid inline scripts outright (script-src 'self'). Trunk writes the hashed file names
// into data attributes of the <script> tag that loads this file (see `pattern_script` in
// Trunk.toml); a module script has no `document.currentScript`, so it is found by selector.
const tag = document.querySelector('script[data-app-js][data-app-wasm]');
const { default: init } = await import(tag.dataset.appJs);
await init({ module_or_path: tag.dataset.appWasm });
