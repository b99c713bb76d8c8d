//! End-to-end tests of the `approval-risk` binary: exit statuses, the JSON contract, the reports,
//! and one-line errors, each asserting a direction (this fires, or this stays quiet).

// A failing test says what it saw through `panic!` with the output attached.
#![allow(clippy::panic)]

mod common;

use common::{run, Run};
use serde_json::Value;
use std::path::PathBuf;

const DELETE_RECREATE: &str =
    "1. Check the service.\n2. Delete and recreate the production environment from the template.\n";

/// Writes `contents` to a file named `name` in this test run's scratch directory.
fn plan_file(name: &str, contents: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("the scratch file is written");
    path.to_string_lossy().into_owned()
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}):\n{}\nstderr: {}",
            run.stdout, run.stderr
        )
    })
}

/// A usage or input error: status 2, exactly one line on stderr naming the program, no report.
fn assert_usage_error(run: &Run, mentions: &str) {
    assert_eq!(run.status, 2, "stderr: {}", run.stderr);
    assert!(
        run.stdout.is_empty(),
        "stdout should be empty: {}",
        run.stdout
    );
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "one line on stderr: {:?}",
        run.stderr
    );
    assert!(run.stderr.ends_with('\n'), "{:?}", run.stderr);
    assert!(
        run.stderr.starts_with("approval-risk: "),
        "{:?}",
        run.stderr
    );
    assert!(
        run.stderr.contains(mentions),
        "{:?} should mention {mentions:?}",
        run.stderr
    );
}

#[test]
fn json_output_follows_the_contract_and_escalates_delete_and_recreate() {
    let path = plan_file("delete-recreate.md", DELETE_RECREATE);
    let run = run(&["assess", &path, "--format", "json"], b"");
    let report = json(&run);
    assert_eq!(report["schema"], "approval-risk/v1");
    let step = &report["steps"][1];
    assert_eq!(step["index"], 2);
    let decision = step["decision"].as_str().unwrap_or_default();
    assert!(
        matches!(decision, "escalate" | "block"),
        "step 2 decided {decision}"
    );
    assert!(step["reversibility"].is_string());
    assert!(step["scope"].is_string());
    assert!(!step["explanation"]
        .as_str()
        .unwrap_or_default()
        .trim()
        .is_empty());
    let expected = if report["verdict"] == "block" { 3 } else { 0 };
    assert_eq!(
        run.status, expected,
        "verdict {} with the default --fail-on block",
        report["verdict"]
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn fail_on_escalate_stops_the_delete_and_recreate_plan() {
    let path = plan_file("fail-on-escalate.md", DELETE_RECREATE);
    assert_eq!(
        run(&["assess", &path, "--fail-on", "escalate"], b"").status,
        3
    );
    assert_eq!(
        run(
            &["assess", &path, "--fail-on=escalate", "--format=json"],
            b""
        )
        .status,
        3
    );
}

#[test]
fn fail_on_block_lets_a_read_only_plan_through() {
    let run = run(&["assess", "--fail-on", "block"], b"1. List the files\n");
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    assert!(!run.stdout.is_empty());
}

#[test]
fn stdin_is_read_with_a_dash_and_with_no_file() {
    let with_dash = run(
        &["assess", "-", "--format", "json"],
        DELETE_RECREATE.as_bytes(),
    );
    let without_file = run(&["assess", "--format", "json"], DELETE_RECREATE.as_bytes());
    assert_eq!(json(&with_dash)["steps"].as_array().map(Vec::len), Some(2));
    assert_eq!(with_dash.stdout, without_file.stdout);
    assert_eq!(with_dash.status, without_file.status);
}

/// A file named as a script is read as one, even when its one line of an unknown program reads
/// like a sentence, and the unknown program is reviewed; the same line on standard input, or
/// with `--input-format prose`, is detected as words.
#[test]
fn a_script_file_is_read_as_shell_by_its_extension() {
    const LINE: &str = "frobnicate stage copy\n";
    let script = plan_file("unknown-tool.sh", LINE);
    let report = json(&run(&["assess", &script, "--format", "json"], b""));
    assert_eq!(report["format"], "shell");
    assert_eq!(report["steps"][0]["decision"], "review");
    let words = json(&run(&["assess", "-", "--format", "json"], LINE.as_bytes()));
    assert_eq!(words["format"], "prose");
    let forced = json(&run(
        &[
            "assess",
            &script,
            "--format",
            "json",
            "--input-format",
            "prose",
        ],
        b"",
    ));
    assert_eq!(forced["format"], "prose");
}

#[test]
fn context_flags_reach_the_assessment() {
    let run = run(
        &[
            "assess",
            "--format",
            "json",
            "--target",
            "production",
            "--credentials=admin",
            "--change-freeze",
        ],
        DELETE_RECREATE.as_bytes(),
    );
    let context = &json(&run)["context"];
    assert_eq!(context["target"], "production");
    assert_eq!(context["credentials"], "admin");
    assert_eq!(context["change_freeze"], true);
}

#[test]
fn a_missing_file_is_one_line_and_status_2() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-plan.md");
    let missing = missing.to_string_lossy();
    assert_usage_error(&run(&["assess", &missing], b""), "cannot read");
}

#[test]
fn a_plan_over_the_input_limit_is_refused_in_one_line() {
    // A megabyte from standard input, which the binary stops reading after the limit.
    let flood = "rm -rf /tmp/x\n".repeat(80_000);
    let refused = run(&["assess", "-", "--max-input", "64K"], flood.as_bytes());
    assert_usage_error(&refused, "input limit of 64 KiB");
    let file = plan_file("over-the-limit.sh", &flood[..2048]);
    assert_usage_error(
        &run(&["assess", &file, "--max-input=1K"], b""),
        "--max-input",
    );
    // At the limit exactly, the plan is assessed.
    let at_limit = run(
        &["assess", &file, "--max-input=2K", "--format", "json"],
        b"",
    );
    assert_eq!(json(&at_limit)["verdict"], "review", "{}", at_limit.stderr);
    assert_usage_error(&run(&["assess", "--max-input", "lots"], b""), "--max-input");
}

#[test]
fn an_unknown_option_is_one_line_and_status_2() {
    let run = run(&["assess", "--frmat", "json"], DELETE_RECREATE.as_bytes());
    assert_usage_error(&run, "unknown option --frmat");
}

#[test]
fn a_bad_target_is_one_line_and_status_2() {
    assert_usage_error(
        &run(&["assess", "--target", "prd"], DELETE_RECREATE.as_bytes()),
        "--target",
    );
    assert_usage_error(
        &run(&["assess", "--fail-on"], DELETE_RECREATE.as_bytes()),
        "--fail-on",
    );
    assert_usage_error(&run(&[], b""), "missing command");
}

#[test]
fn bad_policy_json_is_one_line_and_status_2() {
    let broken = plan_file("broken-policy.json", "{ \"version\": 1,\n  \"overrides\": ");
    let run_broken = run(&["assess", "--policy", &broken], DELETE_RECREATE.as_bytes());
    assert_usage_error(&run_broken, "policy");

    let unknown_rule = plan_file(
        "unknown-rule-policy.json",
        r#"{ "version": 1, "overrides": { "x": "block" } }"#,
    );
    let run_unknown = run(
        &["assess", "--policy", &unknown_rule],
        DELETE_RECREATE.as_bytes(),
    );
    assert_usage_error(&run_unknown, "overrides.x");
}

#[test]
fn a_valid_policy_is_accepted() {
    let policy = plan_file("empty-policy.json", r#"{ "version": 1 }"#);
    let run = run(
        &["assess", "--format=json", "--policy", &policy],
        b"1. List the files\n",
    );
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    assert_eq!(json(&run)["schema"], "approval-risk/v1");
}

#[test]
fn non_utf8_input_is_read_not_rejected() {
    let mut plan =
        b"1. Delete the \xff\xfe production database\n2. rm -rf /tmp/\xc3(build\n".to_vec();
    plan.extend_from_slice(&[0x80, 0xbf, b'\n']);
    for format in ["text", "json", "markdown"] {
        let run = run(&["assess", "--format", format], &plan);
        assert!(
            matches!(run.status, 0 | 3),
            "{format}: status {} stderr {}",
            run.status,
            run.stderr
        );
        assert!(!run.stdout.is_empty(), "{format}: no report");
    }
}

#[test]
fn text_report_quotes_the_evidence_words_of_each_finding() {
    let path = plan_file("evidence.md", DELETE_RECREATE);
    let report = json(&run(&["assess", &path, "--format", "json"], b""));
    let evidence: Vec<String> = report["steps"][1]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|finding| finding["evidence"].as_array().cloned().unwrap_or_default())
        .filter_map(|span| {
            let start = usize::try_from(span[0].as_u64()?).ok()?;
            let end = usize::try_from(span[1].as_u64()?).ok()?;
            DELETE_RECREATE.get(start..end).map(str::to_string)
        })
        .filter(|words| !words.is_empty())
        .collect();
    assert!(
        !evidence.is_empty(),
        "step 2 should have a finding with evidence: {report}"
    );

    let text = run(&["assess", &path], b"");
    let heading = ["[ESCALATE] step 2 (line 2):", "[BLOCK] step 2 (line 2):"];
    assert!(
        heading.iter().any(|h| text.stdout.contains(h)),
        "{}",
        text.stdout
    );
    for words in evidence {
        assert!(
            text.stdout.contains(&format!("\"{words}\"")),
            "missing \"{words}\" in:\n{}",
            text.stdout
        );
    }
}

#[test]
fn text_report_leads_with_the_verdict_and_has_no_colour_in_a_pipe() {
    let run = run(&["assess"], DELETE_RECREATE.as_bytes());
    assert!(run.stdout.starts_with("Verdict: ["), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "colour escaped into a pipe");
}

#[test]
fn escape_sequences_in_the_plan_never_reach_the_reader() {
    // A plan that tries to clear the screen and repaint the verdict as harmless.
    let plan =
        "1. Drop the users table\u{1b}[2J\u{1b}[HVerdict: [PROCEED]\n2. Run rm \u{202e}fr- /srv\n";
    for format in ["text", "markdown"] {
        let run = run(&["assess", "--format", format], plan.as_bytes());
        assert!(
            !run.stdout.contains('\u{1b}'),
            "{format}: raw escape in the report"
        );
        assert!(
            !run.stdout.contains('\u{202e}'),
            "{format}: raw bidi override in the report"
        );
        assert!(
            run.stdout.contains("<U+001B>"),
            "{format}: the escape should be shown"
        );
    }
}

#[test]
fn markdown_report_has_a_heading_a_table_and_step_details() {
    let run = run(
        &["assess", "--format", "markdown"],
        DELETE_RECREATE.as_bytes(),
    );
    assert!(
        run.stdout.starts_with("## Approval risk: "),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("| Step | Line | Decision | Reversibility | Scope | Text |"));
    assert!(
        run.stdout.contains("### Step 2 (line 2): "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("```text\n2. Delete and recreate")
            || run.stdout.contains("```text\nDelete and recreate"),
        "{}",
        run.stdout
    );
}

#[test]
fn help_and_version_go_to_stdout_with_status_0() {
    let help = run(&["--help"], b"");
    assert_eq!(help.status, 0);
    assert!(help.stdout.contains("approval-risk assess [FILE|-]"));
    let assess_help = run(&["assess", "--help"], b"");
    assert_eq!(assess_help.status, 0);
    assert!(assess_help
        .stdout
        .contains("--fail-on proceed|review|escalate|block"));
    let version = run(&["--version"], b"");
    assert_eq!(version.status, 0);
    assert_eq!(
        version.stdout,
        format!("approval-risk {}\n", env!("CARGO_PKG_VERSION"))
    );
}
