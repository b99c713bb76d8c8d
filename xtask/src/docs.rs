//! `cargo xtask docs`: regenerates `docs/rules.md` from the rule declarations. The generator is
//! a unit test of the engine (rule examples exist only in test builds), run with `UPDATE_DOCS`.

use crate::command::{self, cargo, repo_root, step};

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`docs` takes no arguments (got `{extra}`)"));
    }
    step("Regenerating docs/rules.md from the rule declarations");
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
                "rules::reference",
            ]),
        "regenerate docs/rules.md",
    )?;
    println!("    wrote docs/rules.md");
    Ok(())
}
