//! `cargo xtask build`: the release page in `dist/`, and what it costs to download (gzip).

use crate::command::{self, repo_root, step, tool};
use crate::install;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Everything the page downloads, gzip-compressed, must stay within this (DESIGN.md).
const BUDGET_BYTES: u64 = 300 * 1024;

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
            "    within the {} budget ({} to spare)",
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

/// Builds `dist/` and prints every file's gzip size; returns the total without judging it,
/// for `bench-web`, which reports the budget rather than stopping at it.
pub fn release_unchecked() -> Result<u64, String> {
    step("Release build of the page into dist/ (trunk build --release, wasm-opt -Oz)");
    command::run(
        tool("trunk").args(["build", "--release"]),
        "trunk build --release",
    )?;

    step("Download size of dist/ (gzip -9)");
    let dist = repo_root().join("dist");
    let mut files = Vec::new();
    collect_files(&dist, &mut files)?;
    files.sort();
    let mut total = 0;
    for file in &files {
        let raw = std::fs::metadata(file)
            .map_err(|error| format!("reading {}: {error}", file.display()))?
            .len();
        let gzip = gzip_size(file)?;
        total += gzip;
        let name = file.strip_prefix(&dist).unwrap_or(file).display();
        println!(
            "    {:>9} gzip  {:>9} raw  {name}",
            kilobytes(gzip),
            kilobytes(raw)
        );
    }
    println!("    {:>9} gzip total", kilobytes(total));
    Ok(total)
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

/// The size of `file` after `gzip -9`, counted from gzip's output. gzip is on every machine
/// this runs on, which keeps xtask free of a compression crate.
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
