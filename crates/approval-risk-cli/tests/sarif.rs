//! `--format sarif`: the log validates against the SARIF 2.1.0 schema, results carry the right
//! levels, regions and rule links, and fingerprints survive lines added above a finding.
//!
//! The schema itself (OASIS, `sarif-schema-2.1.0.json` from oasis-tcs/sarif-spec) is vendored
//! with its licence in `tests/sarif/`; `SARIF_SCHEMA` may point at another copy.

// A failing test says what it saw through `panic!` with the output attached.
#![allow(clippy::panic)]

mod common;

use common::{repo_root, run, scratch, Run};
use serde_json::Value;
use std::path::PathBuf;

const RULES_URL: &str = "https://example.org/approval-risk/docs/rules.md";

/// A plan whose risky words sit after characters that are wider in UTF-8 than in UTF-16.
const PLAN: &str = "# Clean-up — café 𝄞\n\n1. List the files with `ls -la`\n2. Run `rm -rf /srv/data` to free space\n3. Then `terraform destroy -auto-approve` in infra/\n";

fn sarif(run: &Run) -> Value {
    assert!(
        matches!(run.status, 0 | 3),
        "status {}: {}",
        run.status,
        run.stderr
    );
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}): {}", run.stdout))
}

fn assess_sarif(dir: &std::path::Path, files: &[&str]) -> Value {
    let mut args = vec!["assess", "--format", "sarif", "--rules-url", RULES_URL];
    args.extend_from_slice(files);
    sarif(&common::run_in(&args, b"", Some(dir)))
}

fn schema_path() -> Option<PathBuf> {
    let from_env = std::env::var_os("SARIF_SCHEMA").map(PathBuf::from);
    let vendored =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    from_env
        .into_iter()
        .chain([vendored])
        .find(|path| path.is_file())
}

/// Validates `log` against the SARIF 2.1.0 schema, panicking with the errors; `false` when the
/// schema is not available.
fn validate(log: &Value) -> bool {
    match check(log) {
        Ok(()) => true,
        Err(error) => panic!("the SARIF log does not validate: {error}\n{log:#}"),
    }
}

/// The schema's verdict on `log`.
fn check(log: &Value) -> Result<(), String> {
    // The schema is vendored: a checkout without it is broken, not a reason to skip.
    let Some(path) = schema_path() else {
        panic!("the SARIF schema is missing from tests/sarif/");
    };
    let text = std::fs::read_to_string(&path).expect("the schema is read");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let location = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    // Formats (`uri` for helpUri, `uri-reference` for locations) are checked too.
    compiler.enable_format_assertions();
    compiler
        .add_resource(location, schema)
        .unwrap_or_else(|error| panic!("the schema loads: {error}"));
    let index = compiler
        .compile(location, &mut schemas)
        .unwrap_or_else(|error| panic!("the schema compiles: {error}"));
    schemas
        .validate(log, index)
        .map_err(|error| format!("{error:#}"))
}

#[test]
fn the_schema_check_rejects_a_broken_log() {
    let dir = scratch("sarif-broken");
    std::fs::write(dir.join("plan.md"), PLAN).expect("written");
    let mut log = assess_sarif(&dir, &["plan.md"]);
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = Value::from("docs/rules.md#x");
    let error = check(&log).expect_err("a broken log is rejected");
    assert!(
        error.contains("level") || error.contains("fatal"),
        "{error}"
    );
}

#[test]
fn the_log_validates_and_has_one_result_per_finding_above_proceed() {
    let dir = scratch("sarif-validates");
    std::fs::write(dir.join("plan one.md"), PLAN).expect("written");
    let log = assess_sarif(&dir, &["plan one.md"]);
    validate(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(rules.len() > 300, "the whole catalogue: {}", rules.len());
    let results = run["results"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    assert!(ids.contains(&"fs.rm-recursive"), "{ids:?}");
    assert!(ids.contains(&"iac.terraform-destroy"), "{ids:?}");
    for result in &results {
        let decision = result["properties"]["decision"]
            .as_str()
            .unwrap_or_default();
        let level = result["level"].as_str().unwrap_or_default();
        let expected = match decision {
            "block" | "escalate" => "error",
            "review" => "warning",
            other => panic!("a {other} finding should not be a result"),
        };
        assert_eq!(level, expected, "{result}");
        let index = result["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(!result["message"]["text"]
            .as_str()
            .unwrap_or_default()
            .is_empty());
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "plan%20one.md"
        );
    }
}

#[test]
fn regions_point_at_the_evidence_in_utf16_columns() {
    let dir = scratch("sarif-regions");
    std::fs::write(dir.join("plan.md"), PLAN).expect("written");
    let log = assess_sarif(&dir, &["plan.md"]);
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let destroy = results
        .iter()
        .find(|r| r["ruleId"] == "iac.terraform-destroy")
        .unwrap_or_else(|| panic!("no terraform result: {log}"));
    let region = &destroy["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 5, "{region}");
    let line = PLAN.lines().nth(4).unwrap_or_default();
    let start = region["startColumn"].as_u64().unwrap_or(0) as usize;
    let end = region["endColumn"].as_u64().unwrap_or(0) as usize;
    // The line is ASCII, so UTF-16 columns are byte columns here: the region is inside the
    // command and starts at its `terraform`.
    assert!(
        start >= 1 && end > start && end <= line.len() + 1,
        "{region}"
    );
    assert!(
        line[start - 1..end - 1].starts_with("terraform"),
        "{}",
        &line[start - 1..end - 1]
    );
    // A result on the line after the heading's "—", "é" and "𝄞": still the right line.
    let rm = results
        .iter()
        .find(|r| r["ruleId"] == "fs.rm-recursive")
        .unwrap_or_else(|| panic!("no rm result: {log}"));
    assert_eq!(
        rm["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
}

#[test]
fn help_uris_lead_to_the_rule_s_heading_in_rules_md() {
    let dir = scratch("sarif-help");
    std::fs::write(dir.join("plan.md"), PLAN).expect("written");
    let log = assess_sarif(&dir, &["plan.md"]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let rm = rules
        .iter()
        .find(|rule| rule["id"] == "fs.rm-recursive")
        .unwrap_or_else(|| panic!("fs.rm-recursive is not in the catalogue"));
    assert_eq!(rm["helpUri"], format!("{RULES_URL}#fsrm-recursive"));
    assert!(!rm["shortDescription"]["text"]
        .as_str()
        .unwrap_or_default()
        .is_empty());
    assert!(!rm["fullDescription"]["text"]
        .as_str()
        .unwrap_or_default()
        .is_empty());
    // docs/rules.md has the heading the anchor names (GitHub drops the dot).
    let reference = std::fs::read_to_string(repo_root().join("docs/rules.md")).expect("read");
    assert!(reference.contains("\n### fs.rm-recursive\n"));
    assert!(reference.contains("(#fsrm-recursive)"));
}

#[test]
fn fingerprints_survive_lines_added_above() {
    let dir = scratch("sarif-fingerprints");
    std::fs::write(dir.join("plan.md"), PLAN).expect("written");
    let moved = format!("Notes from the call.\n\n{PLAN}");
    std::fs::write(dir.join("moved.md"), &moved).expect("written");
    let prints = |file: &str| -> Vec<(String, String, u64)> {
        let log = assess_sarif(&dir, &[file]);
        log["runs"][0]["results"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap_or_default().to_string(),
                    r["partialFingerprints"]["approvalRisk/v1"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap_or(0),
                )
            })
            .collect()
    };
    let before = prints("plan.md");
    let after = prints("moved.md");
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((rule, print, line), (rule_after, print_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(rule, rule_after);
        assert_eq!(
            print, print_after,
            "{rule} moved from line {line} to {line_after}"
        );
        assert_eq!(line + 2, *line_after);
    }
    // And a second run of the same file gives the same prints.
    assert_eq!(before, prints("plan.md"));
}

#[test]
fn several_plans_go_into_one_log_and_stdin_has_no_location() {
    let dir = scratch("sarif-several");
    std::fs::write(dir.join("a.md"), "1. rm -rf /srv/data\n").expect("written");
    std::fs::write(dir.join("b.md"), "1. List the files\n").expect("written");
    let log = assess_sarif(&dir, &["a.md", "b.md"]);
    validate(&log);
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    let from_stdin = sarif(&run(
        &["assess", "--format", "sarif"],
        b"rm -rf /srv/data\n",
    ));
    validate(&from_stdin);
    let result = &from_stdin["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "fs.rm-recursive");
    assert!(result.get("locations").is_none(), "{result}");
    // A plan with nothing to say is a valid log with no results.
    let quiet = sarif(&run(&["assess", "--format", "sarif"], b"ls\n"));
    validate(&quiet);
    assert_eq!(
        quiet["runs"][0]["results"].as_array().map(Vec::len),
        Some(0)
    );
}
