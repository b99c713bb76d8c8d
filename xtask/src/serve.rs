//! `cargo xtask serve`: installs what is missing, then serves the page with live rebuilds.

use crate::command::{self, step, tool};
use crate::install;

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`serve` takes no arguments (got `{extra}`)"));
    }
    install::for_page()?;
    step("Serving the page at http://127.0.0.1:8080 (Ctrl-C stops it)");
    command::run(
        tool("trunk").args(["serve", "--address", "127.0.0.1", "--port", "8080"]),
        "trunk serve",
    )
}
