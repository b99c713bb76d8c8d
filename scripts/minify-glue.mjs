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
const { code: minified } = await minify(before, { module: true, compress: true, mangle: true });
const oldHash = `sha384-${sha384(before)}`;
if (!index.includes(oldHash)) {
  console.error(`minify-glue: ${indexPath} has no integrity ${oldHash} for ${glues[0]}`);
  process.exit(1);
}
const wasmName = glues[0].replace(/\.js$/, '_bg.wasm');
const wasmPath = join(dist, wasmName);
const wasmBefore = readFileSync(wasmPath);
const imported = shortenImports(wasmBefore, minified);
const exported = shortenExports(imported.wasm, imported.js);
const { wasm, js: code } = exported;
const renamed = imported.renamed + exported.renamed;
writeFileSync(path, code);
index = index.replaceAll(oldHash, `sha384-${sha384(code)}`);
if (renamed > 0) {
  writeFileSync(wasmPath, wasm);
  index = index.replaceAll(`sha384-${sha384(wasmBefore)}`, `sha384-${sha384(wasm)}`);
}
// The wasm's preload keeps no integrity hash. Chromium ignores one on a fetch preload (and
// says so on the console), and the glue fetches the module without one, so where a browser
// does check it the preload and the fetch differ and the module could be fetched twice.
index = index.replace(
  new RegExp(`(<link[^>]*${wasmName.replace(/[.]/g, '\\.')}[^>]*?) integrity="?sha384-[A-Za-z0-9+/=]+"?`),
  '$1',
);
writeFileSync(indexPath, index);
console.log(`    ${glues[0]}: ${before.length} -> ${code.length} bytes`);
console.log(
  `    ${wasmName}: ${imported.renamed} imports and ${exported.renamed} exports renamed, ${wasmBefore.length} -> ${wasm.length} bytes`,
);

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

// An unsigned LEB128 number in `bytes` at `at`: [value, the offset after it].
function readLebAt(bytes, at) {
  let value = 0;
  let scale = 1;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return [value, at];
}

// `n` as unsigned LEB128.
function leb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

// The section `id` of a wasm binary: where it starts (its id byte), where its content starts
// and ends; null when there is none.
function findSection(bytes, id) {
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = readLebAt(bytes, at + 1);
    if (bytes[at] === id) return { at, start, end: start + size };
    at = start + size;
  }
  return null;
}

// `bytes` with `section` (from `findSection`) holding `parts` instead.
function replaceSection(bytes, section, parts) {
  const content = Buffer.concat(parts);
  return Buffer.concat([
    bytes.subarray(0, section.at + 1),
    leb(content.length),
    content,
    bytes.subarray(section.end),
  ]);
}

// A wasm name at `at`: [the name, the offset after it].
function nameAt(bytes, at) {
  const [len, from] = readLebAt(bytes, at);
  return [bytes.subarray(from, from + len).toString('utf8'), from + len];
}

// The closure entry points the wasm exports to its glue (`wasm_bindgen_<hash>___convert__
// closures_____invoke...`, up to 150 characters each), shortened the same way. Only names the
// glue uses as properties (`x.name`) and nowhere else are renamed; the rest keep their names.
function shortenExports(bytes, js) {
  const unchanged = { wasm: bytes, js, renamed: 0 };
  const section = findSection(bytes, 7);
  if (!section) return unchanged;
  let [count, p] = readLebAt(bytes, section.start);
  const entries = [];
  for (let k = 0; k < count; k++) {
    let name;
    [name, p] = nameAt(bytes, p);
    const descStart = p;
    [, p] = readLebAt(bytes, descStart + 1);
    entries.push({ name, desc: bytes.subarray(descStart, p) });
  }
  if (p !== section.end) return unchanged;
  const property = (name) => new RegExp(`(?<=\\.)${name}(?![\\w$])`, 'g');
  const uses = (name) => (js.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g')) ?? []).length;
  let out = js;
  let renamed = 0;
  for (const e of entries) {
    const n = (js.match(property(e.name)) ?? []).length;
    if (!/^wasm_bindgen_\w+$/.test(e.name) || n === 0 || n !== uses(e.name)) continue;
    e.short = `_${renamed.toString(36)}`;
    out = out.replace(property(e.name), e.short);
    renamed++;
  }
  if (renamed === 0) return unchanged;
  const parts = [leb(entries.length)];
  for (const e of entries) {
    const name = Buffer.from(e.short ?? e.name, 'utf8');
    parts.push(leb(name.length), name, e.desc);
  }
  return { wasm: replaceSection(bytes, section, parts), js: out, renamed };
}

// The names the wasm imports from its glue, shortened in both files. wasm-bindgen names each
// import after the JavaScript it calls plus a 16-digit hash (`__wbg_set_onmessage_4565eb0e...`),
// and the wasm's import section and the glue's import object each spell all of them out: some
// ten kilobytes of names that compress badly, the hashes least of all. Each becomes a name of
// one or two letters, and the glue's module name `"./<crate>_bg.js"` becomes `"w"`. Anything
// unexpected (an import kind this reader does not know, a name the glue does not spell exactly
// once as a key) leaves both files as they were.
function shortenImports(bytes, js) {
  const unchanged = { wasm: bytes, js, renamed: 0 };
  const readLeb = (at) => readLebAt(bytes, at);
  const limits = (at) => {
    const flags = bytes[at];
    let [, next] = readLeb(at + 1);
    if (flags & 1) [, next] = readLeb(next);
    return next;
  };
  const section = findSection(bytes, 2);
  if (!section) return unchanged;
  let [count, p] = readLeb(section.start);
  const entries = [];
  for (let k = 0; k < count; k++) {
    let module;
    let field;
    [module, p] = nameAt(bytes, p);
    [field, p] = nameAt(bytes, p);
    const descStart = p;
    const kind = bytes[p++];
    if (kind === 0) [, p] = readLeb(p);
    else if (kind === 1) p = limits(p + 1);
    else if (kind === 2) p = limits(p);
    else if (kind === 3) p += 2;
    else return unchanged;
    entries.push({ module, field, desc: bytes.subarray(descStart, p) });
  }
  if (p !== section.end) return unchanged;
  const glueModule = entries.find((e) => /_bg\.js$/.test(e.module))?.module;
  const quotedModule = JSON.stringify(glueModule ?? '');
  if (!glueModule || js.split(quotedModule).length !== 2) return unchanged;
  const key = (name) => new RegExp(`(?<![\\w$])${name}(?=:)`, 'g');
  const fields = entries.filter((e) => e.module === glueModule).map((e) => e.field);
  if (fields.some((f) => !/^\w+$/.test(f) || (js.match(key(f)) ?? []).length !== 1)) {
    return unchanged;
  }
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const short = (n) => (n < 52 ? letters[n] : letters[Math.floor(n / 52) - 1] + letters[n % 52]);
  const names = new Map(fields.map((f, n) => [f, short(n)]));
  let out = js.replace(quotedModule, '"w"');
  for (const [field, name] of names) out = out.replace(key(field), name);
  const parts = [leb(entries.length)];
  for (const e of entries) {
    const ours = e.module === glueModule;
    const module = Buffer.from(ours ? 'w' : e.module, 'utf8');
    const field = Buffer.from(ours ? names.get(e.field) : e.field, 'utf8');
    parts.push(leb(module.length), module, leb(field.length), field, e.desc);
  }
  return { wasm: replaceSection(bytes, section, parts), js: out, renamed: names.size };
}
