//! Snapshot review of every plan in `tests/fixtures/`: each is assessed with default options and
//! rendered as an approver would read it, so the explanations are reviewed as text, not code.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test -p approval-risk-engine --test snapshots`,
//! then read every changed `.snap` file before accepting it.

// A test reports failure by panicking; the workspace's `clippy::panic` lint is meant for the
// engine, which must never panic on any input.
#![allow(clippy::panic)]

use approval_risk_engine::report::{Adjustment, AdjustmentKind};
use approval_risk_engine::{assess, Assessment, Options, Span};
use std::fmt::Write as _;
use std::path::Path;

/// Renders an assessment compactly: the verdict first, then one block per step with the words
/// that triggered each finding, then the cross-step patterns. Evidence is printed as the input's
/// own text under the span, so a span that points at the wrong words shows up in review.
fn render(input: &str, assessment: &Assessment) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "format: {}", assessment.format);
    let _ = writeln!(out, "verdict: {}", assessment.verdict.as_str());
    let _ = writeln!(out, "summary: {}", assessment.summary);
    for step in &assessment.steps {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "step {} (line {}): {} | {} | {}",
            step.index,
            step.line,
            step.decision.as_str(),
            step.reversibility.as_str(),
            step.scope.as_str()
        );
        let _ = writeln!(
            out,
            "  text: {}",
            indent_continuation(&step.text, "        ")
        );
        if step.text != slice(input, step.span) {
            let _ = writeln!(out, "  !! step text is not &input[span]");
        }
        if !step.shown.is_empty() {
            let _ = writeln!(
                out,
                "  shown: {}",
                indent_continuation(&step.shown, "         ")
            );
        }
        for finding in &step.findings {
            let _ = writeln!(
                out,
                "  finding {} [{}; {}, {}]: {}",
                finding.rule,
                finding.decision.as_str(),
                finding.reversibility.as_str(),
                finding.scope.as_str(),
                evidence(input, &finding.evidence)
            );
            for adjustment in &finding.adjustments {
                let _ = writeln!(out, "    {}", adjustment_line(input, adjustment));
            }
        }
        let _ = writeln!(out, "  headline: {}", step.headline);
        let _ = writeln!(out, "  explanation: {}", step.explanation);
        let _ = writeln!(out, "  safer: {}", step.safer);
        for question in &step.questions {
            let _ = writeln!(out, "  ? {question}");
        }
    }
    if !assessment.patterns.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "patterns:");
    }
    for pattern in &assessment.patterns {
        let steps: Vec<String> = pattern.steps.iter().map(usize::to_string).collect();
        let _ = writeln!(
            out,
            "  {} [{}] steps {}: {}",
            pattern.rule,
            pattern.decision.as_str(),
            steps.join(", "),
            pattern.title
        );
        let _ = writeln!(out, "    why: {}", pattern.why);
        if !pattern.safer.is_empty() {
            let _ = writeln!(out, "    safer: {}", pattern.safer);
        }
    }
    out
}

/// The text under a span; a span off character boundaries is shown as such, not hidden.
fn slice(input: &str, span: Span) -> &str {
    input
        .get(span.start..span.end)
        .unwrap_or("<span off char boundary>")
}

fn evidence(input: &str, spans: &[Span]) -> String {
    if spans.is_empty() {
        return String::from("(no evidence)");
    }
    spans
        .iter()
        .map(|s| format!("`{}`", slice(input, *s).replace('\n', "⏎")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn adjustment_line(input: &str, adjustment: &Adjustment) -> String {
    let kind = match adjustment.kind {
        AdjustmentKind::Amplifier => "+ amplifier",
        AdjustmentKind::Mitigation => "- mitigation",
        AdjustmentKind::Context => "~ context",
        AdjustmentKind::Policy => "~ policy",
    };
    if adjustment.evidence.is_empty() {
        format!("{kind}: {}", adjustment.note)
    } else {
        format!(
            "{kind}: {} <- {}",
            adjustment.note,
            evidence(input, &adjustment.evidence)
        )
    }
}

/// Multi-line step text (heredocs, fenced blocks) stays aligned under its label.
fn indent_continuation(text: &str, pad: &str) -> String {
    text.lines().collect::<Vec<_>>().join(&format!("\n{pad}"))
}

fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn check(name: &str) {
    let path = fixtures_dir().join(name);
    let input = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()));
    let assessment = assess(&input, &Options::default());
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    settings.set_input_file(&path);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, render(&input, &assessment)));
}

/// One test per fixture, so one changed explanation does not hide the others' results.
macro_rules! fixtures {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*
        const LISTED: &[&str] = &[$($file),*];
    };
}

fixtures! {
    amazon_q_wipe_prompt => "amazon-q-wipe-prompt.md",
    backup_before_drop => "backup-before-drop.md",
    claude_code_tool_use_transcript => "claude-code-tool-use-transcript.json",
    cloudformation_change_set => "cloudformation-change-set.json",
    customer_email_blast => "customer-email-blast.md",
    docker_build_script => "docker-build-script.sh",
    find_delete_old_logs => "find-delete-old-logs.sh",
    gemini_mkdir_then_wildcard_move => "gemini-mkdir-then-wildcard-move.sh",
    generic_tool_calls => "generic-tool-calls.jsonl",
    git_history_rewrite => "git-history-rewrite.sh",
    git_reset_hard_local => "git-reset-hard-local.sh",
    gitlab_rm_rf_primary => "gitlab-rm-rf-primary.sh",
    heredoc_into_psql => "heredoc-into-psql.sh",
    iam_privilege_widening => "iam-privilege-widening.sh",
    injected_pre_approved_claims => "injected-pre-approved-claims.md",
    kiro_delete_recreate_environment => "kiro-delete-recreate-environment.md",
    kiro_tasks_checklist => "kiro-tasks-checklist.md",
    kubectl_cleanup => "kubectl-cleanup.sh",
    mcp_tools_call => "mcp-tools-call.json",
    mixed_prose_fenced_blocks => "mixed-prose-fenced-blocks.md",
    openai_tool_calls_transcript => "openai-tool-calls-transcript.json",
    package_release => "package-release.md",
    rds_protection_off_then_delete => "rds-protection-off-then-delete.sh",
    readonly_investigation => "readonly-investigation.md",
    replit_drop_production_db_during_freeze => "replit-drop-production-db-during-freeze.md",
    routine_deploy => "routine-deploy.md",
    s3_capacity_command => "s3-capacity-command.md",
    scale_down_for_maintenance => "scale-down-for-maintenance.md",
    secrets_rotation => "secrets-rotation.md",
    sql_cleanup_without_where => "sql-cleanup-without-where.sql",
    sql_migration_with_where => "sql-migration-with-where.sql",
    ssh_bash_c_wrapper => "ssh-bash-c-wrapper.sh",
    staging_volume_delete_api => "staging-volume-delete-api.json",
    terraform_destroy_stale_state => "terraform-destroy-stale-state.sh",
    terraform_plan_replacements => "terraform-plan-replacements.txt",
    terraform_show_json => "terraform-show-json.json",
    unicode_lookalike_terraform_destroy => "unicode-lookalike-terraform-destroy.sh",
    unseen_script_and_pipe_to_shell => "unseen-script-and-pipe-to-shell.sh",
    vague_cleanup_old_stuff => "vague-cleanup-old-stuff.md",
}

/// A fixture dropped into the folder without a line above would never be reviewed.
#[test]
fn every_fixture_has_a_snapshot_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "add each fixture to the `fixtures!` list in tests/snapshots.rs (and only real files)"
    );
    assert!(
        listed.len() >= 32,
        "issue 3 asks for at least 30 realistic plans"
    );
}
