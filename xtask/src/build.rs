//! `cargo xtask build`: the release page in `dist/`, the engine as an ES module in
//! `dist/engine/`, and what each costs to download (gzip); the budget judges the page alone.

use crate::command::{self, cargo, repo_root, step, tool};
use crate::install;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Everything the page downloads, gzip-compressed, must stay within this (DESIGN.md).
const BUDGET_BYTES: u64 = 300 * 1024;

/// Where the engine module goes, under dist/; not part of the page's download.
const ENGINE_DIR: &str = "engine";
/// wasm-opt's options beyond `-Oz`, the same as index.html gives Trunk for the page: Rust's
/// memory layout leaves the low kilobyte unused (so addresses fold into offsets), passes repeat
/// until nothing shrinks, and the producer and feature sections are dropped. About 2.3 KB of
/// gzip on the page, measured. After the first `-Oz`, the code is flattened and its control
/// flow rebuilt by the relooper, then optimised again: another 0.8 KB of gzip on the page and
/// 0.9 KB on the engine module (measured), for about 25 seconds more per module. Then a
/// whole-program analysis of which values reach each place (`--gufa`) lets a last `-Oz` drop
/// branches and calls that can never be taken: 1.1 KB of gzip on the page, measured. Last,
/// the functions are laid out by name, which puts each module's functions and each generic's
/// copies side by side, within reach of gzip's window of each other: 3.1 KB of gzip on the
/// frame, measured, for nothing at run time. Before all that, the effects of every function
/// are worked out once (`--generate-global-effects`), so that the optimiser may drop a call
/// whose result is unused and which has none; with that, a second round of flattening, local
/// common-subexpression elimination and relooping, and then merging functions that differ
/// only in constants, take another 0.35 KB off the page (measured; either alone made it
/// larger), for about 20 seconds more per module.
const WASM_OPT_PARAMS: [&str; 17] = [
    "--low-memory-unused",
    "--generate-global-effects",
    "--flatten",
    "--rereloop",
    "-Oz",
    "--gufa",
    "-Oz",
    "--flatten",
    "--local-cse",
    "--rereloop",
    "-Oz",
    "--merge-similar-functions",
    "-Oz",
    "--converge",
    "--reorder-functions-by-name",
    "--strip-producers",
    "--strip-target-features",
];
/// How the wasm of the page and the engine module is compiled: with the standard library
/// rebuilt so that a panic stops at once (`-Cpanic=immediate-abort`), and without the file,
/// line and column of every place that could panic (`-Zlocation-detail=none`). The engine
/// never panics by design, and a panic in the page aborts either way, so the panic messages,
/// their formatting code and ~1,700 source locations are bytes nobody reads: 21.5 KB of gzip
/// on the page, measured (16 KB from the rebuilt standard library, 5.5 KB from the locations).
/// The flags are unstable; `RUSTC_BOOTSTRAP=1` lets the stable toolchain the project pins
/// accept them (as for `cargo xtask fuzz`), and rebuilding the standard library needs the
/// `rust-src` component, which `install::for_page` adds. The standard library is also built
/// with its `optimize_for_size` feature, which picks its smaller implementations (sorting,
/// formatting): 5.1 KB of gzip off the engine module, measured. Both builds get the same
/// flags, so neither invalidates the other's cache. Last, the code may use WebAssembly's
/// 128-bit SIMD, which every major browser has run since 2023 (Safari 16.4; Chrome and Firefox
/// since 2021): LLVM then moves the engine's small structs (spans, words, findings) in one
/// instruction instead of several, 1.35 KB of gzip off the page, measured. A browser without
/// it cannot compile the module, and `src/boot.js` says so on the page.
///
/// The release profile itself is optimised for speed (`opt-level = 3` in `Cargo.toml`), for
/// the native command line that CI and agent hooks run; the browser's builds ask for size
/// here instead, where every byte is downloaded.
fn wasm_size_flags(command: &mut Command) -> &mut Command {
    command
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort \
             -Ctarget-feature=+simd128",
        )
}

/// Where `cargo xtask build` writes the engine module.
pub fn engine_dir() -> PathBuf {
    repo_root().join("dist").join(ENGINE_DIR)
}

/// The crate that is the engine module.
const ENGINE_CRATE: &str = "approval-risk-wasm";

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`build` takes no arguments (got `{extra}`)"));
    }
    install::for_page()?;
    release()
}

/// Builds `dist/` in release mode and reports its gzip size against the budget. Size is a
/// measurement to report, not a test to fail (the project measures budgets with benchmarks), so
/// an overrun is printed loudly and the build still succeeds.
pub fn release() -> Result<(), String> {
    let total = release_unchecked()?;
    if total <= BUDGET_BYTES {
        println!(
            "    the page is within the {} budget ({} to spare)",
            kilobytes(BUDGET_BYTES),
            kilobytes(BUDGET_BYTES - total)
        );
    } else {
        println!(
            "    OVER BUDGET: the page is {} gzip, {} over the {} budget",
            kilobytes(total),
            kilobytes(total - BUDGET_BYTES),
            kilobytes(BUDGET_BYTES)
        );
    }
    Ok(())
}

/// Builds `dist/` (the approver's page, the training page beside it, then the engine module in
/// `dist/engine/`) and prints every file's gzip size per page; returns the approver's page's
/// total without judging it, for `bench-web`, which reports the budget rather than stopping at
/// it.
pub fn release_unchecked() -> Result<u64, String> {
    let dist = repo_root().join("dist");
    // Trunk builds one page per run and empties its output folder first, so the pages beside
    // the approver's are built apart and copied in after it.
    let mut built = Vec::new();
    for page in OTHER_PAGES {
        let page_dist = repo_root().join("target").join(format!("{page}-dist"));
        step(&format!(
            "Release build of {page} (trunk build --release {page})"
        ));
        command::run(
            wasm_size_flags(tool("trunk").args(["build", page, "--release", "--dist"]))
                .arg(&page_dist),
            &format!("trunk build --release {page}"),
        )?;
        // Trunk names the page it built index.html, whatever its source was called.
        std::fs::rename(page_dist.join("index.html"), page_dist.join(page))
            .map_err(|error| format!("renaming {page}: {error}"))?;
        minify_glue(&page_dist, page)?;
        built.push(page_dist);
    }
    step("Release build of the page into dist/ (trunk build --release, wasm-opt -Oz)");
    command::run(
        wasm_size_flags(tool("trunk").args(["build", "--release"])),
        "trunk build --release",
    )?;
    minify_glue(&dist, "index.html")?;
    for page_dist in &built {
        copy_page(page_dist, &dist)?;
    }
    // After Trunk, which replaces dist/ as a whole.
    engine_module(&dist.join(ENGINE_DIR))?;

    // The budget is for what a visit to a page downloads: its HTML, the files it names and the
    // files no page names (the worker's script, loaded by the app). The engine module is
    // fetched only by portals that import it, so it is counted apart and never against a page.
    step("Precompressing dist/ with Zopfli (file.gz beside each file) and its download size");
    let mut files = Vec::new();
    collect_files(&dist, &mut files)?;
    files.retain(|file| file.extension().is_none_or(|ext| ext != "gz"));
    files.sort();
    let (engine, pages): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|file| file.starts_with(dist.join(ENGINE_DIR)));
    let mut page_total = 0;
    for page in std::iter::once("index.html").chain(OTHER_PAGES) {
        let own = page_files(&dist, page, &pages)?;
        println!("    {page} and what it loads:");
        let (total, on_the_fly) = list_sizes(&dist, &own)?;
        println!(
            "    {:>9} gzip total of {page} (served precompressed; {} where a server runs gzip -9 itself)",
            kilobytes(total),
            kilobytes(on_the_fly)
        );
        if page == "index.html" {
            page_total = total;
        } else if total > CEILING_BYTES {
            println!(
                "    OVER THE CEILING: {page} is {} gzip, over {}",
                kilobytes(total),
                kilobytes(CEILING_BYTES)
            );
        }
    }
    println!("    The engine module ({ENGINE_DIR}/, not downloaded by the pages):");
    let (engine_total, _) = list_sizes(&dist, &engine)?;
    println!(
        "    {:>9} gzip total of the engine module",
        kilobytes(engine_total)
    );
    Ok(page_total)
}

/// The pages beside the approver's, each built by a Trunk run of its own (see
/// `release_unchecked`): training mode, and the page for portals' frames (the app with the
/// embedding protocol compiled in). Neither is part of the approver's download.
const OTHER_PAGES: [&str; 2] = ["training.html", "embed.html"];

/// No page may download more than this (DESIGN.md); `BUDGET_BYTES` is the target.
const CEILING_BYTES: u64 = 400 * 1024;

/// Trunk's minifier cannot parse wasm-bindgen's glue; terser can (scripts/minify-glue.mjs,
/// which also rewrites the glue's integrity hash in the page).
fn minify_glue(dist: &Path, page: &str) -> Result<(), String> {
    command::run(
        tool("node")
            .arg(repo_root().join("scripts").join("minify-glue.mjs"))
            .arg(dist)
            .arg(page),
        "minifying the wasm-bindgen glue",
    )
}

/// Copies a page Trunk built elsewhere into `dist`. Its hashed files have names of their own;
/// the loader (`boot.js`) is the same file in both builds.
fn copy_page(from: &Path, dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(from, &mut files)?;
    for file in files {
        let name = file.strip_prefix(from).unwrap_or(&file);
        std::fs::copy(&file, dist.join(name))
            .map_err(|error| format!("copying {}: {error}", file.display()))?;
    }
    Ok(())
}

/// The files a visit to `page` downloads: the page, every file of `files` its HTML names, and
/// those no page names (the worker's script, which the app loads).
fn page_files(dist: &Path, page: &str, files: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let html_of = |name: &str| {
        std::fs::read_to_string(dist.join(name)).map_err(|error| format!("reading {name}: {error}"))
    };
    let html = html_of(page)?;
    let others: Vec<String> = files
        .iter()
        .filter(|file| file.extension().is_some_and(|ext| ext == "html"))
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .collect();
    // Trunk writes root-relative names (`/main-<hash>.css`), quoted or not once minified.
    let named_in = |text: &str, file: &Path| {
        file.file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| {
                let needle = format!("/{name}");
                text.match_indices(&needle).any(|(at, _)| {
                    text[at + needle.len()..]
                        .chars()
                        .next()
                        .is_none_or(|next| matches!(next, '"' | '\'' | ' ' | '>'))
                })
            })
    };
    Ok(files
        .iter()
        .filter(|file| {
            file.file_name().is_some_and(|name| name == page)
                || named_in(&html, file)
                || (file.extension().is_some_and(|ext| ext != "html")
                    && !others.iter().any(|other| named_in(other, file)))
        })
        .cloned()
        .collect())
}

/// Precompresses each file (see `precompress`), prints its gzip and raw size, named from
/// `dist`, and returns the gzip total, with the total `gzip -9` would give for comparison.
fn list_sizes(dist: &Path, files: &[PathBuf]) -> Result<(u64, u64), String> {
    let (mut total, mut on_the_fly) = (0, 0);
    for file in files {
        let raw = std::fs::metadata(file)
            .map_err(|error| format!("reading {}: {error}", file.display()))?
            .len();
        let gzip = precompress(file)?;
        total += gzip;
        on_the_fly += gzip_size(file)?;
        let name = file.strip_prefix(dist).unwrap_or(file).display();
        println!(
            "    {:>9} gzip  {:>9} raw  {name}",
            kilobytes(gzip),
            kilobytes(raw)
        );
    }
    Ok((total, on_the_fly))
}

/// The engine as an ES module for portals that want no UI (docs/embedding.md), into `out`
/// (`dist/engine/`, or the npm package's folder for `cargo xtask package`): the
/// `approval-risk-wasm` crate built for the browser, its wasm-bindgen glue for `<script
/// type="module">` (`--target web`), the wasm shrunk with the same wasm-opt the page gets, and
/// the hand-written wrapper and types copied from the crate.
pub fn engine_module(out: &Path) -> Result<(), String> {
    let shown = out.strip_prefix(repo_root()).unwrap_or(out);
    step(&format!(
        "The engine as an ES module into {}/ (cargo build, wasm-bindgen --target web, wasm-opt \
         -Oz)",
        shown.display()
    ));
    command::run(
        wasm_size_flags(cargo().args([
            "build",
            "--release",
            "--package",
            ENGINE_CRATE,
            "--target",
            "wasm32-unknown-unknown",
        ])),
        "building the engine module",
    )?;
    let built = target_dir()?
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{}.wasm", ENGINE_CRATE.replace('-', "_")));
    command::run(
        tool("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-name", "engine"])
            .arg("--out-dir")
            .arg(out)
            .arg(&built),
        "wasm-bindgen for the engine module",
    )?;
    let wasm = out.join("engine_bg.wasm");
    command::run(
        tool("wasm-opt")
            .arg("-Oz")
            .args(WASM_OPT_PARAMS)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm),
        "wasm-opt on the engine module",
    )?;
    let source = repo_root().join("crates").join(ENGINE_CRATE);
    for file in ["approval-risk.js", "approval-risk.d.ts"] {
        std::fs::copy(source.join(file), out.join(file)).map_err(|error| {
            format!(
                "copying {} into {}: {error}",
                source.join(file).display(),
                out.display()
            )
        })?;
    }
    Ok(())
}

/// Where cargo puts what it builds, as cargo itself says: `CARGO_TARGET_DIR` or a config file
/// may have moved it from `target/`.
fn target_dir() -> Result<PathBuf, String> {
    let output = cargo()
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .map_err(|error| format!("could not run cargo metadata: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("cargo metadata printed something other than JSON: {error}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| String::from("cargo metadata did not say where the target directory is"))
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|error| format!("reading {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|error| format!("reading {}: {error}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Writes `file.gz` beside `file`, compressed with Zopfli, and returns its size. Hosts that
/// serve a file's precompressed twin (nginx `gzip_static`, Caddy `precompressed`, see
/// docs/hosting.md) send these bytes; Zopfli spends seconds where gzip spends milliseconds to
/// find a smaller encoding of the same gzip format, which every browser reads.
///
/// Zopfli splits its output into blocks, each with its own Huffman codes fitted to that stretch
/// of the file; by default it stops at 15 blocks. A wasm module changes character every few
/// kilobytes (code, then rule prose, then tables), so letting it split as often as it finds
/// worthwhile takes 0.9 KB off each page's wasm (measured: 400,994 to 400,071 bytes for the
/// frame's), for about three seconds more per module. The limit is set to the largest value
/// rather than to 0: in this crate 0 means no splitting at all, not no limit. And it searches
/// each block's encoding 100 times rather than 15: another 0.17 KB off each page's wasm, for
/// about ten seconds more per module (measured on the frame's).
fn precompress(file: &Path) -> Result<u64, String> {
    let bytes =
        std::fs::read(file).map_err(|error| format!("reading {}: {error}", file.display()))?;
    let mut out = Vec::new();
    zopfli::compress(
        zopfli::Options {
            maximum_block_splits: u16::MAX,
            iteration_count: std::num::NonZeroU64::MIN.saturating_add(99),
            ..zopfli::Options::default()
        },
        zopfli::Format::Gzip,
        bytes.as_slice(),
        &mut out,
    )
    .map_err(|error| format!("compressing {}: {error}", file.display()))?;
    let mut name = file.as_os_str().to_owned();
    name.push(".gz");
    std::fs::write(&name, &out)
        .map_err(|error| format!("writing {}: {error}", Path::new(&name).display()))?;
    Ok(out.len() as u64)
}

/// The size of `file` after `gzip -9`, counted from gzip's output: what a server that
/// compresses each response itself would send, for comparison with the precompressed file.
fn gzip_size(file: &Path) -> Result<u64, String> {
    let bytes =
        std::fs::read(file).map_err(|error| format!("reading {}: {error}", file.display()))?;
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start gzip: {error}"))?;
    // Writing from a thread while reading stdout keeps a large file from filling both pipes.
    let mut stdin = child.stdin.take().ok_or("gzip has no stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(&bytes));
    let output = child
        .wait_with_output()
        .map_err(|error| format!("gzip: {error}"))?;
    writer
        .join()
        .map_err(|_| String::from("gzip writer thread failed"))?
        .map_err(|error| format!("writing to gzip: {error}"))?;
    if !output.status.success() {
        return Err(format!("gzip failed on {}", file.display()));
    }
    Ok(output.stdout.len() as u64)
}

fn kilobytes(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
