//! `cargo xtask package`: the engine module as an npm package in
//! `target/npm/approval-risk-engine/`, so a front-end team installs it (from the folder, or a
//! tarball made with `npm pack`) without the Rust toolchain.

use crate::build;
use crate::command::{repo_root, step};
use crate::install;
use std::path::{Path, PathBuf};

/// The package's name on npm, and its folder's.
const NAME: &str = "approval-risk-engine";
/// The module's files as `build::engine_module` writes them.
const MODULE_FILES: [&str; 4] = [
    "approval-risk.js",
    "approval-risk.d.ts",
    "engine.js",
    "engine_bg.wasm",
];
/// What stands in the package.json template for the engine's version.
const VERSION_MARK: &str = "$ENGINE_VERSION";
/// The contract's schemas, shipped so a portal can validate what it receives.
const SCHEMAS: [&str; 2] = ["approval-risk-v1.schema.json", "messages-v1.schema.json"];

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`package` takes no arguments (got `{extra}`)"));
    }
    install::for_engine()?;
    let out = fresh_folder()?;
    build::engine_module(&out)?;
    complete(&out)
}

/// The package made from an engine module already built (`dist/engine/` after `cargo xtask
/// build`), so `cargo xtask test` packs the very files it has just tested instead of building
/// them a second time.
pub fn from_built(engine: &Path) -> Result<(), String> {
    let out = fresh_folder()?;
    step(&format!(
        "The engine module as an npm package into {} (from {})",
        shown(&out),
        shown(engine)
    ));
    for file in MODULE_FILES {
        copy(&engine.join(file), &out.join(file))?;
    }
    complete(&out)
}

/// The package's own files in the repository: its package.json template and its README.
fn npm_source() -> PathBuf {
    repo_root()
        .join("crates")
        .join("approval-risk-wasm")
        .join("npm")
}

/// Where the package goes. Under the repository's `target/` (ignored by git) whatever
/// `CARGO_TARGET_DIR` says, so the tests and the README can name it.
fn folder() -> PathBuf {
    repo_root().join("target").join("npm").join(NAME)
}

/// The package's folder, emptied: a file left from an older package must not ship in this one.
fn fresh_folder() -> Result<PathBuf, String> {
    let out = folder();
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|error| format!("emptying {}: {error}", out.display()))?;
    }
    std::fs::create_dir_all(&out)
        .map_err(|error| format!("creating {}: {error}", out.display()))?;
    Ok(out)
}

/// Adds what makes the module a package: the schemas, package.json and the README.
fn complete(out: &Path) -> Result<(), String> {
    let root = repo_root();
    let schemas = out.join("schema");
    std::fs::create_dir_all(&schemas)
        .map_err(|error| format!("creating {}: {error}", schemas.display()))?;
    for schema in SCHEMAS {
        copy(
            &root.join("docs").join("schema").join(schema),
            &schemas.join(schema),
        )?;
    }
    copy(&npm_source().join("README.md"), &out.join("README.md"))?;
    let path = out.join("package.json");
    std::fs::write(&path, manifest(&engine_version()?)?)
        .map_err(|error| format!("writing {}: {error}", path.display()))?;
    println!(
        "    {} (npm pack in that folder makes a tarball)",
        shown(out)
    );
    Ok(())
}

/// package.json: the template beside the README, with the engine crate's version filled in.
/// The template is a file rather than built here so that its keys stay in the order people
/// read (and that `exports` needs: `types` before `default`). It has no `scripts` and no
/// dependencies: installing runs nothing and fetches nothing. `exports` names every file a
/// caller may reach (the wasm, for Node and for bundlers that want its path; the schemas), so
/// nothing else in the folder becomes an API by accident.
fn manifest(version: &str) -> Result<String, String> {
    let path = npm_source().join("package.json");
    let template = std::fs::read_to_string(&path)
        .map_err(|error| format!("reading {}: {error}", path.display()))?;
    if template.matches(VERSION_MARK).count() != 1 {
        return Err(format!(
            "{} must hold {VERSION_MARK} once, where the engine's version goes",
            path.display()
        ));
    }
    let text = template.replace(VERSION_MARK, version);
    serde_json::from_str::<serde_json::Value>(&text)
        .map_err(|error| format!("{} is not JSON: {error}", path.display()))?;
    Ok(text)
}

/// The engine crate's version, which the package carries too, so the `engine.version` in an
/// assessment names the package it came from.
fn engine_version() -> Result<String, String> {
    let path = repo_root()
        .join("crates")
        .join("approval-risk-engine")
        .join("Cargo.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("reading {}: {error}", path.display()))?;
    text.lines()
        .take_while(|line| !line.starts_with('[') || line.trim() == "[package]")
        .find_map(|line| {
            line.strip_prefix("version = \"")
                .and_then(|rest| rest.strip_suffix('"'))
        })
        .map(str::to_string)
        .ok_or_else(|| format!("{} has no version under [package]", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|error| format!("copying {} to {}: {error}", from.display(), to.display()))
}

/// A path relative to the repository, as the README names it.
fn shown(path: &Path) -> String {
    path.strip_prefix(repo_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_the_engine_crates() {
        let version = engine_version().expect("the engine crate has a version");
        assert!(
            version.split('.').count() == 3
                && version.split('.').all(|part| part.parse::<u32>().is_ok()),
            "{version}"
        );
    }

    #[test]
    fn the_manifest_runs_nothing_on_install_and_ships_what_it_exports() {
        let text = manifest("1.2.3").expect("the template reads");
        let manifest: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(manifest["name"], NAME);
        assert_eq!(manifest["version"], "1.2.3");
        assert_eq!(manifest["type"], "module");
        assert_eq!(manifest["license"], "MIT");
        assert!(manifest.get("scripts").is_none());
        assert!(manifest.get("dependencies").is_none());
        let files = manifest["files"].as_array().expect("a list of files");
        for file in MODULE_FILES {
            assert!(files.iter().any(|listed| listed == file), "{file} ships");
        }
        let exports = manifest["exports"].as_object().expect("an exports map");
        for schema in SCHEMAS {
            assert!(exports.contains_key(&format!("./schema/{schema}")));
        }
        // Conditions are tried in order: the types must come before the catch-all.
        let main = &text[text.find("\".\": {").expect("a main export")..];
        assert!(main.find("\"types\"") < main.find("\"default\""));
    }
}
