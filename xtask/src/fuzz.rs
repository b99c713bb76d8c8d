//! `cargo xtask fuzz [--seconds N] [TARGET...]`: runs the fuzz targets in `fuzz/` for a set
//! time each, with a per-input time limit, so an input that is merely slow fails as surely as
//! one that panics (the plan's author is the party being checked; a hook that times out may
//! fail open). The corpus is kept in `fuzz/corpus/<target>` between runs; whatever fails is
//! written to `fuzz/artifacts/<target>` by libFuzzer, to be turned into a regression test.

use crate::command::{cargo, repo_root, step};
use std::process::Stdio;

const TARGETS: [&str; 4] = ["assess", "settings", "share_link", "embed_message"];
/// An input that takes longer than this is a failure: the engine reads a few kilobytes in
/// milliseconds, so a second is a super-linear path, not a slow machine.
const PER_INPUT_SECONDS: u32 = 1;
/// The most memory one input may use.
const RSS_LIMIT_MB: u32 = 2048;
/// Inputs up to this size: big enough for the shapes that grow with the input (repeated
/// verbs, deep nesting), small enough for millions of runs.
const MAX_LEN: u32 = 16 * 1024;

const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [TARGET...]

  --seconds N   how long each target runs (default 300)
  TARGET        one of assess, settings, share_link, embed_message (default: all)

Needs cargo-fuzz (`cargo install cargo-fuzz`) and the nightly toolchain's flags;
RUSTC_BOOTSTRAP=1 lets the stable toolchain accept the flags cargo-fuzz passes.";

pub fn run(args: &[String]) -> Result<(), String> {
    let mut seconds: u32 = 300;
    let mut targets: Vec<&str> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--seconds needs a number")?
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            name => match TARGETS.iter().find(|t| **t == name) {
                Some(target) => targets.push(target),
                None => return Err(format!("unknown target `{name}`\n{USAGE}")),
            },
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    let fuzz_dir = repo_root().join("fuzz");
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for target in targets {
        step(&format!(
            "Fuzzing `{target}` for {seconds} s (an input over {PER_INPUT_SECONDS} s or {RSS_LIMIT_MB} MB fails)"
        ));
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let output = cargo()
            .current_dir(&fuzz_dir)
            .env("RUSTC_BOOTSTRAP", "1")
            // The crates fuzzed have no `unsafe` code, so AddressSanitizer would find nothing
            // the Rust checks do not, and it halves the executions per second: run without it.
            .args(["fuzz", "run", "--release", "--sanitizer", "none", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-timeout={PER_INPUT_SECONDS}"))
            .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
            .arg(format!("-max_len={MAX_LEN}"))
            .arg("-print_final_stats=1")
            .stdout(Stdio::inherit())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| {
                format!("cannot run cargo fuzz (install it with `cargo install cargo-fuzz`): {e}")
            })?;
        let log = String::from_utf8_lossy(&output.stderr);
        let executed = log
            .lines()
            .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
            .map(|n| n.trim().to_string())
            .unwrap_or_else(|| "?".to_string());
        let corpus_size = std::fs::read_dir(&corpus).map(|d| d.count()).unwrap_or(0);
        let outcome = if output.status.success() {
            "no failure"
        } else {
            failed.push(target);
            // The end of libFuzzer's log says what failed and where the input was saved.
            for line in log
                .lines()
                .rev()
                .take(30)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                eprintln!("    {line}");
            }
            "FAILED (see fuzz/artifacts)"
        };
        report.push(format!(
            "  {target:<14} {executed:>12} executions  {corpus_size:>6} corpus inputs  {outcome}"
        ));
    }
    println!("\nfuzzing, {seconds} s per target:");
    for line in &report {
        println!("{line}");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzzing found failures in {}", failed.join(", ")))
    }
}
