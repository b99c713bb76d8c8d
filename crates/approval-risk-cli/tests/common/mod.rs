//! What the integration tests share: running the built binary with arguments and stdin.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Run {
    /// The exit status; -1 when the process was killed by a signal.
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args`, feeding `stdin`, and waits for it.
pub fn run(args: &[&str], stdin: &[u8]) -> Run {
    run_in(args, stdin, None)
}

/// As `run`, in the directory `dir` when given.
pub fn run_in(args: &[&str], stdin: &[u8], dir: Option<&Path>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_approval-risk"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("the binary starts");
    if let Some(mut pipe) = child.stdin.take() {
        // The binary may exit before reading (a usage error), which closes the pipe; that is fine.
        let _ = pipe.write_all(stdin);
    }
    let output = child.wait_with_output().expect("the binary finishes");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A fresh scratch directory for one test, under the target's test scratch space.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the scratch directory is made");
    dir
}

/// The crate's own directory (`crates/approval-risk-cli`).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's root.
pub fn repo_root() -> PathBuf {
    crate_dir().join("../..")
}
