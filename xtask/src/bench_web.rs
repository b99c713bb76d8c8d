//! `cargo xtask bench-web`: the page's budgets measured in headless Chromium (a benchmark, not
//! a test: it prints numbers against the budgets and fails only when it cannot measure).
//!
//! It builds the release page, serves `dist/` as a production host would (each file's
//! precompressed twin, `tests/e2e/serve-dist.js`), and runs `tests/e2e/bench.js` (Playwright),
//! which prints: navigation to the first verdict painted with a plan in the fragment, the same
//! on a throttled network with a cold cache, re-score of a 200-step plan after one keystroke,
//! the longest main-thread task while a 5 MB paste is assessed, and the bytes a first visit
//! downloads.

use crate::build;
use crate::command::{self, repo_root, step, tool};
use crate::install;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

pub fn run(args: &[String]) -> Result<(), String> {
    let skip_build = match args.first().map(String::as_str) {
        None => false,
        Some("--no-build") => true,
        Some(other) => {
            return Err(format!(
                "`bench-web` takes only --no-build (reuse dist/), got `{other}`"
            ))
        }
    };
    install::for_test()?;
    if !skip_build {
        build::release_unchecked()?;
    }
    let port = free_port()?;
    step(&format!(
        "Serving dist/ at http://127.0.0.1:{port} for the benchmark"
    ));
    let server = Server(
        tool("node")
            .arg(repo_root().join("tests").join("e2e").join("serve-dist.js"))
            .args(["--port", &port.to_string(), "--host", "127.0.0.1", "--dir"])
            .arg(repo_root().join("dist"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| format!("could not start the static server: {error}"))?,
    );
    wait_for(port)?;
    step("Measuring in headless Chromium (tests/e2e/bench.js)");
    let result = command::run(
        tool("node")
            .arg("bench.js")
            .current_dir(repo_root().join("tests").join("e2e"))
            .env("BENCH_URL", format!("http://127.0.0.1:{port}/"))
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        "the web benchmark",
    );
    drop(server);
    result
}

/// The static server, stopped when dropped, whichever way the benchmark ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nothing listens on, found by binding port 0 and letting it go.
fn free_port() -> Result<u16, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|error| format!("no free local port: {error}"))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|error| format!("no free local port: {error}"))
}

/// Waits until the server accepts connections (node takes a moment to start).
fn wait_for(port: u16) -> Result<(), String> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(15) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the static server on port {port} did not start"))
}
