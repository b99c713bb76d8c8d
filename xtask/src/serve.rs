//! `cargo xtask serve`: installs what is missing, then serves the page with live rebuilds.

use crate::command::{self, repo_root, step, tool};
use crate::install;

/// Where the development build goes, under `target/` (ignored by git). Not `dist/`: that is the
/// release build `cargo xtask build` makes, with the engine module in `dist/engine/`, which the
/// example portal and the browser tests serve. Trunk empties its output folder on every build,
/// so serving into `dist/` would throw that build away.
const SERVE_DIST: [&str; 2] = ["target", "serve-dist"];

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`serve` takes no arguments (got `{extra}`)"));
    }
    install::for_page()?;
    let dist = SERVE_DIST
        .iter()
        .fold(repo_root(), |path, part| path.join(part));
    step(&format!(
        "Serving the page at http://127.0.0.1:8080 (built into {}, Ctrl-C stops it)",
        SERVE_DIST.join("/")
    ));
    command::run(
        tool("trunk")
            .args([
                "serve",
                "--address",
                "127.0.0.1",
                "--port",
                "8080",
                "--dist",
            ])
            .arg(&dist),
        "trunk serve",
    )
}
