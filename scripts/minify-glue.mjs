// Minifies the page's wasm-bindgen glue in a release build and keeps its integrity hash right,
// and minifies the loader (boot.js) and the worker's script beside it.
// Trunk's own minifier cannot parse the glue (it warns "Failed to minify JS" and leaves it
// whole), so `cargo xtask build` runs this after Trunk: terser (installed into .tools/ by
// `cargo xtask build`'s install step) minifies the module, and the `sha384-...` Trunk wrote
// for it into the page is replaced by the new file's, so the browser still checks it.
//
// usage: node scripts/minify-glue.mjs DIST [PAGE]   (PAGE: the HTML file in DIST, index.html
// unless given; Trunk builds one page per run, each into a folder of its own)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const { minify } = createRequire(join(root, '.tools', 'package.json'))('terser');

const sha384 = (bytes) => createHash('sha384').update(bytes).digest('base64');
const indexPath = join(dist, process.argv[3] ?? 'index.html');
let index = readFileSync(indexPath, 'utf8');
// The glue is the one hashed .js beside the wasm of the same name.
const glues = readdirSync(dist).filter(
  (name) => name.endsWith('.js') && readdirSync(dist).includes(name.replace(/\.js$/, '_bg.wasm')),
);
if (glues.length !== 1) {
  console.error(`minify-glue: expected one wasm-bindgen glue file in ${dist}, found ${glues.length}`);
  process.exit(1);
}
const path = join(dist, glues[0]);
const before = readFileSync(path, 'utf8');
const { code } = await minify(before, { module: true, compress: true, mangle: true });
const oldHash = `sha384-${sha384(before)}`;
if (!index.includes(oldHash)) {
  console.error(`minify-glue: ${indexPath} has no integrity ${oldHash} for ${glues[0]}`);
  process.exit(1);
}
writeFileSync(path, code);
index = index.replaceAll(oldHash, `sha384-${sha384(code)}`);
writeFileSync(indexPath, index);
console.log(`    ${glues[0]}: ${before.length} -> ${code.length} bytes`);

// The loader and the worker's script are copied into the page as written, comments and all;
// no integrity hash names them, so they are minified in place.
for (const name of ['boot.js', 'worker.js']) {
  const file = join(dist, name);
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const { code: small } = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(file, small);
  console.log(`    ${name}: ${source.length} -> ${small.length} bytes`);
}
