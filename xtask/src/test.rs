//! `cargo xtask test`: everything, in the order a failure is cheapest to find: native tests of
//! every crate, the page's wasm tests in headless Chromium, the release build (with its size
//! budget) and the npm package made from it, then Playwright against that build and package.

use crate::build;
use crate::command::{self, cargo, repo_root, step, tool};
use crate::install;
use crate::package;
use std::path::PathBuf;

/// Flags every Chromium started by the tests gets: no sandbox (containers run as root), no
/// GPU, and none of the background traffic that would break the "no network" checks.
pub const CHROMIUM_ARGS: [&str; 6] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
];

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`test` takes no arguments (got `{extra}`)"));
    }
    install::for_test()?;

    step("Native tests of every crate (cargo test --workspace)");
    command::run(cargo().args(["test", "--workspace"]), "native tests")?;

    step("The page's wasm tests in headless Chromium");
    let capabilities = webdriver_capabilities()?;
    command::run(
        cargo()
            .args([
                "test",
                "-p",
                "approval-risk-web",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &capabilities),
        "wasm tests",
    )?;

    build::release()?;
    // package.spec.js installs and imports it.
    package::from_built(&build::engine_dir())?;

    step("Browser tests of the release build (Playwright, tests/e2e)");
    command::run(
        tool("npx")
            .args(["playwright", "test"])
            .current_dir(repo_root().join("tests").join("e2e"))
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        "Playwright tests",
    )?;

    println!("\nAll tests passed.");
    Ok(())
}

/// The WebDriver capabilities for wasm-bindgen-test-runner: Debian's Chromium with the flags
/// above. Written under target/ so the repository root stays clean.
fn webdriver_capabilities() -> Result<PathBuf, String> {
    let dir = repo_root().join("target").join("webdriver");
    std::fs::create_dir_all(&dir)
        .map_err(|error| format!("creating {}: {error}", dir.display()))?;
    let path = dir.join("webdriver.json");
    let args: Vec<serde_json::Value> = CHROMIUM_ARGS
        .iter()
        .map(|flag| serde_json::Value::from(flag.trim_start_matches('-')))
        .collect();
    let capabilities = serde_json::json!({
        "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args }
    });
    std::fs::write(&path, capabilities.to_string())
        .map_err(|error| format!("writing {}: {error}", path.display()))?;
    Ok(path)
}
