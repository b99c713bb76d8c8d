//! `cargo xtask docs`: regenerates `docs/rules.md` and the prose the wasm builds ship
//! (`crates/approval-risk-engine/src/rules/prose.bin`) from the rule declarations. The
//! generators are unit tests of the engine (rule examples exist only in test builds), run with
//! `UPDATE_DOCS`.

use crate::command::{self, cargo, repo_root, step};

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`docs` takes no arguments (got `{extra}`)"));
    }
    step("Regenerating docs/rules.md and rules/prose.bin from the rule declarations");
    command::run(
        cargo()
            .current_dir(repo_root())
            .env("UPDATE_DOCS", "1")
            .args([
                "test",
                "-q",
                "-p",
                "approval-risk-engine",
                "--lib",
                "--",
                "rules::reference",
                "rules::shipped",
            ]),
        "regenerate docs/rules.md and rules/prose.bin",
    )?;
    println!("    wrote docs/rules.md and crates/approval-risk-engine/src/rules/prose.bin");
    Ok(())
}
