//! Running the programs xtask drives: where they run, which PATH they see, how each step is
//! announced, and how a failure becomes one clear message.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (xtask lives one folder below it), so every command works from any
/// working directory.
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Where `cargo install` puts binaries. It comes first on PATH so that a tool installed a
/// moment ago is found even in a shell whose PATH lacks it.
pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// The project-local npm tools (wasm-opt from `binaryen`), kept out of the system.
pub fn local_tools_bin() -> PathBuf {
    repo_root().join(".tools").join("node_modules").join(".bin")
}

/// PATH for every child: local tools first (Trunk must find the new wasm-opt, not Debian's
/// old one), then cargo's binaries, then whatever the caller had.
pub fn tool_path() -> OsString {
    let mut entries = vec![local_tools_bin(), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        entries.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(entries).unwrap_or_default()
}

/// A command for `program`, run from the repository root with the tool PATH. Rust resolves
/// a bare program name through the child's PATH, so tools in `.tools` and cargo's bin are
/// found too.
pub fn tool(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(repo_root()).env("PATH", tool_path());
    command
}

/// The cargo that runs xtask, so a toolchain override applies to what xtask runs as well.
pub fn cargo() -> Command {
    let program = std::env::var("CARGO").unwrap_or_else(|_| String::from("cargo"));
    tool(&program)
}

/// Prints a step heading, so a long run shows where it is.
pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// Runs to completion with output on the terminal; a non-zero exit is an error naming `what`.
pub fn run(command: &mut Command, what: &str) -> Result<(), String> {
    println!("    $ {}", describe(command));
    let status = command
        .status()
        .map_err(|error| format!("{what}: could not start `{}`: {error}", program(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The trimmed standard output of a command that succeeded, or `None` when it is missing or
/// failed. Used to ask tools for their version.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

fn program(command: &Command) -> String {
    command.get_program().to_string_lossy().into_owned()
}

fn describe(command: &Command) -> String {
    let mut words = vec![program(command)];
    words.extend(
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned()),
    );
    words.join(" ")
}
