//! Every rule proves itself: its examples fire it, its counterexamples do not, its prose is
//! complete, and the safer alternative it suggests scores lower than the step it replaces.

use super::all;
use crate::{assess, Decision, Options};

fn fired(text: &str, id: &str) -> bool {
    assess(text, &Options::default())
        .steps
        .iter()
        .any(|s| s.findings.iter().any(|f| f.rule == id))
}

#[test]
fn every_example_fires_its_rule() {
    let mut failures = Vec::new();
    for rule in all() {
        assert!(!rule.examples.is_empty(), "{} has no examples", rule.id);
        for example in rule.examples {
            if !fired(example, rule.id) {
                failures.push(format!("{}: should fire on {example:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_counterexample_fires_its_rule() {
    let mut failures = Vec::new();
    for rule in all() {
        assert!(
            !rule.counterexamples.is_empty(),
            "{} has no counterexamples",
            rule.id
        );
        for counter in rule.counterexamples {
            if fired(counter, rule.id) {
                failures.push(format!("{}: should stay quiet on {counter:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let mut ids: Vec<&str> = all().map(|r| r.id).collect();
    for id in &ids {
        let (domain, name) = id.split_once('.').unwrap_or(("", ""));
        assert!(
            !domain.is_empty() && !name.is_empty(),
            "{id} is not domain.name"
        );
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'),
            "{id}"
        );
    }
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate rule ids");
}

#[test]
fn every_rule_explains_itself() {
    for rule in all() {
        assert!(rule.title.len() >= 10, "{}: title too short", rule.id);
        assert!(
            rule.why.len() >= 60,
            "{}: why should say what is lost and who notices",
            rule.id
        );
        assert!(!rule.safer.is_empty(), "{}: no safer alternative", rule.id);
        assert!(
            !rule.instead.is_empty(),
            "{}: no concrete safer step",
            rule.id
        );
        assert!(
            (1..=4).contains(&rule.questions.len()),
            "{}: 1-4 questions",
            rule.id
        );
        for q in rule.questions {
            assert!(
                q.ends_with('?'),
                "{}: question {q:?} is not a question",
                rule.id
            );
        }
    }
}

/// Principle 6: a safer alternative is safer. Each rule's suggestion, assessed on its own as a
/// plan step, must score strictly lower than the rule's worst example.
#[test]
fn safer_alternatives_score_lower() {
    let mut failures = Vec::new();
    for rule in all() {
        let worst = rule
            .examples
            .iter()
            .flat_map(|e| assess(e, &Options::default()).steps)
            .flat_map(|s| s.findings)
            .filter(|f| f.rule == rule.id)
            .map(|f| f.decision)
            .max()
            .unwrap_or(Decision::Proceed);
        if worst == Decision::Proceed {
            continue;
        }
        let instead = rule.instead.replace("{target}", "old-data");
        let got = assess(&instead, &Options::default()).verdict;
        if got >= worst {
            failures.push(format!(
                "{}: instead {instead:?} is {got}, example is {worst}",
                rule.id
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
