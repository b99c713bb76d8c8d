// The worker that assesses big plans off the main thread (see src/worker.rs). It runs the same
// wasm as the page: the page posts the glue's URL and the module it already compiled, so
// nothing is downloaded twice. Loading the glue starts the app's `main`, which finds no window
// and answers messages instead of drawing a page.
self.onmessage = async (event) => {
  const [kind, glue, module] = event.data;
  if (kind !== 'init') return;
  self.onmessage = null;
  const { default: init } = await import(glue);
  await init({ module_or_path: module });
};
