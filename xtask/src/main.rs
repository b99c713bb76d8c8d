//! `cargo xtask`: the project's developer commands, written in Rust so they need no installs
//! of their own. Each command installs what it needs first, skipping what is already there.

mod bench;
mod bench_web;
mod build;
mod command;
mod complexity;
mod docs;
mod eval;
mod eval_plans;
mod fuzz;
mod install;
mod package;
mod serve;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [args]

commands:
  serve   install what is missing, then serve the page at http://127.0.0.1:8080
  build   release build of the page into dist/, with its gzip size against the budget
  package the engine module as an npm package in target/npm/approval-risk-engine/
  test    everything: native tests, wasm tests in headless Chromium, release build, Playwright
  docs    regenerate docs/rules.md from the rule declarations
  eval    score the engine on the public labelled data and on eval/plans (--plans-only)
  bench   time the engine, then hostile shapes at growing sizes (--no-complexity skips them)
  bench-web  measure the page in headless Chromium against its budgets (first verdict,
             re-score, longest task during a 5 MB paste, download size)
  fuzz    run the fuzz targets for a set time each, with a per-input time limit
          (--seconds N, TARGET...)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((name, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match name.as_str() {
        "serve" => serve::run(rest),
        "build" => build::run(rest),
        "package" => package::run(rest),
        "test" => test::run(rest),
        "docs" => docs::run(rest),
        "eval" => eval::run(rest),
        "bench" => bench::run(rest),
        "bench-web" => bench_web::run(rest),
        "fuzz" => fuzz::run(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("xtask: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {name} failed: {message}");
            ExitCode::FAILURE
        }
    }
}
