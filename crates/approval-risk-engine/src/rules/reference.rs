//! The rule reference (`docs/rules.md`), generated from the declarations so it is never
//! written twice. A unit test keeps the committed file current.

use super::{all, Matcher, Reach, Rule};

fn reach(rule: &Rule) -> &'static str {
    match rule.reach {
        Reach::Environment => {
            "follows the environment the step names (an unnamed one counts as production)"
        }
        Reach::Host => "the machine the command runs on, in the environment the step names; account credentials do not widen it",
        Reach::Workspace => "the agent's workspace, raised when the step names production",
        Reach::Fixed => "fixed",
    }
}

fn reads(rule: &Rule) -> &'static str {
    match rule.matcher {
        Matcher::Command(_) | Matcher::CommandFn { .. } => "commands",
        Matcher::Sql(_) | Matcher::SqlFn(_) => "SQL statements",
        Matcher::Prose(_) => "steps written in words",
        Matcher::Builtin => "the whole plan (found by the engine itself)",
        Matcher::StepCommands => "the commands of one step together",
    }
}

fn domain(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

pub fn markdown() -> String {
    let rules: Vec<&Rule> = all().collect();
    let mut out = String::new();
    out.push_str("# Rule reference\n\n");
    out.push_str("Generated from the rule declarations in `crates/approval-risk-engine/src/rules/`; do not edit by hand.\n");
    out.push_str("Regenerate with `cargo xtask docs` (or `UPDATE_DOCS=1 cargo test -p approval-risk-engine --lib rules::reference`).\n\n");
    out.push_str(&format!("{} rules. Each states the axes it starts from; the engine then moves them with the environment the step names, amplifiers (`--force`, `--all`, production names), mitigations (dry runs, backups, recovery windows) and the approver's context, and says so in the explanation. Rule ids are permanent.\n\n", rules.len()));
    let mut domains: Vec<&str> = rules.iter().map(|r| domain(r.id())).collect();
    domains.dedup();
    domains.sort_unstable();
    domains.dedup();
    out.push_str("| domain | rules |\n|---|---|\n");
    for d in &domains {
        let ids: Vec<String> = rules
            .iter()
            .filter(|r| domain(r.id()) == *d)
            .map(|r| format!("[`{}`](#{})", r.id(), r.id().replace('.', "")))
            .collect();
        out.push_str(&format!("| `{d}` | {} |\n", ids.join(", ")));
    }
    for d in &domains {
        out.push_str(&format!("\n## `{d}`\n"));
        for rule in rules.iter().filter(|r| domain(r.id()) == *d) {
            out.push_str(&format!("\n### {}\n\n", rule.id()));
            out.push_str(&format!(
                "**{}.** Reads {}. Starts at reversibility `{}`, scope `{}` ({}).",
                rule.title(),
                reads(rule),
                rule.reversibility,
                rule.scope,
                reach(rule)
            ));
            if let Some(floor) = rule.floor {
                out.push_str(&format!(" Never below `{floor}`."));
            }
            out.push_str("\n\n");
            out.push_str(&format!(
                "*Headline.* {} (`target`, scope): {}.\n\n",
                rule.title(),
                rule.consequence()
            ));
            out.push_str(&format!("*Why it matters.* {}\n\n", rule.why()));
            out.push_str(&format!(
                "*Use instead.* {} For example: `{}`\n\n",
                rule.safer(),
                rule.instead().replace('`', "'")
            ));
            out.push_str("*Ask before approving.*\n");
            for q in rule.questions() {
                out.push_str(&format!("- {q}\n"));
            }
            if !rule.examples.is_empty() {
                out.push_str("\n*Fires on:*\n");
                for e in rule.examples {
                    out.push_str(&format!("- `{}`\n", one_line(e)));
                }
            }
            if !rule.counterexamples.is_empty() {
                out.push_str("\n*Stays quiet on:*\n");
                for e in rule.counterexamples {
                    out.push_str(&format!("- `{}`\n", one_line(e)));
                }
            }
            if !rule.references.is_empty() {
                out.push_str("\n*References:* ");
                let refs: Vec<String> = rule.references.iter().map(|r| format!("<{r}>")).collect();
                out.push_str(&refs.join(", "));
                out.push('\n');
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace('\n', "⏎").replace('`', "'")
}

#[cfg(test)]
mod tests {
    #[test]
    fn docs_rules_md_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
        let generated = super::markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).expect("write docs/rules.md");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/rules.md is stale: regenerate it with `cargo xtask docs` (or `UPDATE_DOCS=1 cargo test -p approval-risk-engine --lib rules::reference`)"
        );
    }
}
