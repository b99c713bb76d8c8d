//! The GitHub Action's entry script (`scripts/action.sh`), run directly with fake `GITHUB_*`
//! variables and the built binary: the job summary is exactly the Markdown report, SARIF is
//! written when asked, and the step fails at `fail-on`.

// A failing test says what it saw through `panic!` with the output attached.
#![allow(clippy::panic)]

mod common;

use common::{repo_root, run_in, scratch};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const ESCALATES: &str =
    "1. Check the service.\n2. Delete and recreate the production environment from the template.\n";
const READS: &str = "1. List the files\n2. Show the git log\n";

struct Action {
    status: i32,
    stdout: String,
    summary: String,
    output: String,
}

/// Runs the entry script in `dir` with `inputs` as INPUT_* variables.
fn action(dir: &Path, inputs: &[(&str, &str)]) -> Action {
    let summary = dir.join("summary.md");
    let output = dir.join("output.txt");
    let _ = std::fs::remove_file(&summary);
    let _ = std::fs::remove_file(&output);
    let mut command = Command::new("bash");
    command
        .arg(repo_root().join("scripts/action.sh"))
        .current_dir(dir)
        .env("APPROVAL_RISK_BIN", env!("CARGO_BIN_EXE_approval-risk"))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &output)
        .env("GITHUB_ACTIONS", "true");
    for (name, value) in inputs {
        command.env(format!("INPUT_{name}"), value);
    }
    let result = command.output().expect("bash runs the script");
    Action {
        status: result.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&result.stdout).into_owned(),
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        output: std::fs::read_to_string(&output).unwrap_or_default(),
    }
}

fn plans(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("plans/infra")).expect("made");
    std::fs::write(dir.join("plans/infra/rebuild.md"), ESCALATES).expect("written");
    std::fs::write(dir.join("plans/readme-plan.md"), READS).expect("written");
    std::fs::write(dir.join("notes.md"), "1. rm -rf /\n").expect("written");
    dir
}

fn markdown(dir: &Path, file: &str) -> String {
    run_in(&["assess", file, "--format", "markdown"], b"", Some(dir)).stdout
}

#[test]
fn the_job_summary_is_the_markdown_report_of_each_plan() {
    let dir = plans("action-summary");
    let run = action(&dir, &[("PLANS", "plans/**/*.md")]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    // Sorted, each once, and notes.md (outside the glob) left alone.
    let expected =
        markdown(&dir, "plans/infra/rebuild.md") + &markdown(&dir, "plans/readme-plan.md");
    assert_eq!(run.summary, expected);
    assert!(run.output.contains("plans=2"), "{}", run.output);
    assert!(run.output.contains("at-or-above=0"), "{}", run.output);
}

#[test]
fn the_step_fails_at_fail_on() {
    let dir = plans("action-fail-on");
    let run = action(&dir, &[("PLANS", "plans/**/*.md"), ("FAIL_ON", "escalate")]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("::error file=plans/infra/rebuild.md::"),
        "{}",
        run.stdout
    );
    assert!(run.output.contains("at-or-above=1"), "{}", run.output);
    // The same plans pass a gate at block.
    assert_eq!(action(&dir, &[("PLANS", "plans/**/*.md")]).status, 0);
}

#[test]
fn sarif_is_written_when_asked() {
    let dir = plans("action-sarif");
    let run = action(
        &dir,
        &[
            ("PLANS", "plans/**/*.md notes.md"),
            ("SARIF", "approval-risk.sarif"),
            (
                "RULES_URL",
                "https://github.com/acme/approval-risk/blob/v1/docs/rules.md",
            ),
        ],
    );
    // notes.md blocks (`rm -rf /`), so the step fails, and the SARIF log is written all the same
    // for the upload step that follows.
    assert_eq!(run.status, 1, "{}", run.stdout);
    let text = std::fs::read_to_string(dir.join("approval-risk.sarif")).expect("SARIF written");
    let log: Value = serde_json::from_str(&text).expect("SARIF is JSON");
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"notes.md"), "{uris:?}");
    assert!(uris.contains(&"plans/infra/rebuild.md"), "{uris:?}");
    assert!(text.contains("blob/v1/docs/rules.md#fsrm-recursive"));
}

#[test]
fn a_glob_that_matches_nothing_fails() {
    let dir = plans("action-no-match");
    let run = action(&dir, &[("PLANS", "plans/**/*.yaml")]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("no plan file matches"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_context_inputs_reach_the_assessment() {
    let dir = scratch("action-context");
    std::fs::write(dir.join("plan.md"), "1. Restart the web deployment\n").expect("written");
    let calm = action(&dir, &[("PLANS", "plan.md"), ("FAIL_ON", "escalate")]);
    let frozen = action(
        &dir,
        &[
            ("PLANS", "plan.md"),
            ("FAIL_ON", "escalate"),
            ("CHANGE_FREEZE", "true"),
        ],
    );
    assert_eq!(calm.status, 0, "{}", calm.summary);
    assert_eq!(frozen.status, 1, "{}", frozen.summary);
}

#[test]
fn the_pre_commit_script_reports_each_file_and_fails_at_block() {
    let dir = plans("pre-commit");
    let script = repo_root().join("scripts/pre-commit.sh");
    let result = Command::new("bash")
        .arg(&script)
        .args(["plans/readme-plan.md", "notes.md"])
        .current_dir(&dir)
        .env("APPROVAL_RISK_BIN", env!("CARGO_BIN_EXE_approval-risk"))
        .output()
        .expect("bash runs the script");
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert_eq!(result.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("== plans/readme-plan.md") && stdout.contains("== notes.md"));
    let calm = Command::new("bash")
        .arg(&script)
        .arg("plans/readme-plan.md")
        .current_dir(&dir)
        .env("APPROVAL_RISK_BIN", env!("CARGO_BIN_EXE_approval-risk"))
        .output()
        .expect("bash runs the script");
    assert_eq!(calm.status.code(), Some(0));
}
