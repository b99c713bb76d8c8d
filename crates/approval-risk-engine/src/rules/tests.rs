//! Every rule proves itself: its examples fire it, its counterexamples do not, its prose is
//! complete, and the safer alternative it suggests scores lower than the step it replaces.

use super::all;
use crate::words::Last;
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
        assert!(!rule.examples.is_empty(), "{} has no examples", rule.id());
        for example in rule.examples {
            if !fired(example, rule.id()) {
                failures.push(format!("{}: should fire on {example:?}", rule.id()));
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
            rule.id()
        );
        for counter in rule.counterexamples {
            if fired(counter, rule.id()) {
                failures.push(format!("{}: should stay quiet on {counter:?}", rule.id()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let mut ids: Vec<&str> = all().map(|r| r.id()).collect();
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
        assert!(rule.title().len() >= 10, "{}: title too short", rule.id());
        assert!(
            rule.why().len() >= 60,
            "{}: why should say what is lost and who notices",
            rule.id()
        );
        assert!(
            !rule.safer().is_empty(),
            "{}: no safer alternative",
            rule.id()
        );
        assert!(
            !rule.instead().is_empty(),
            "{}: no concrete safer step",
            rule.id()
        );
        assert!(
            (2..=3).contains(&rule.questions().len()),
            "{}: two or three questions",
            rule.id()
        );
        for q in rule.questions() {
            assert!(
                q.ends_with('?'),
                "{}: question {q:?} is not a question",
                rule.id()
            );
        }
    }
}

/// The card's shape (DESIGN.md, "The card"): a rule's `why` is at most two sentences and 20
/// words, its `safer` at most 20 words, its consequence a clause of at most 11 words that ends
/// the headline without naming any object, and its title at most 8 words.
#[test]
fn rule_prose_fits_the_card() {
    let mut failures = Vec::new();
    for rule in all() {
        let sentences = rule
            .why()
            .split_inclusive(['.', '?', '!'])
            .filter(|piece| {
                // A full stop inside a name (`pg_dump.sql`, `v1.2`) does not end a sentence.
                let rest = &rule.why()[rule.why().find(piece).unwrap_or(0) + piece.len()..];
                rest.is_empty() || rest.starts_with(' ')
            })
            .count();
        if sentences > 2 {
            failures.push(format!("{}: why has {sentences} sentences", rule.id()));
        }
        let why_words = rule.why().split_whitespace().count();
        if why_words > 20 {
            failures.push(format!("{}: why has {why_words} words", rule.id()));
        }
        let safer_words = rule.safer().split_whitespace().count();
        if safer_words > 20 {
            failures.push(format!("{}: safer has {safer_words} words", rule.id()));
        }
        let title_words = rule.title().split_whitespace().count();
        if title_words > 8 || rule.title().contains('(') {
            failures.push(format!("{}: title {:?} is long", rule.id(), rule.title()));
        }
        let c = rule.consequence();
        let words = c.split_whitespace().count();
        if !(2..=11).contains(&words) {
            failures.push(format!("{}: consequence has {words} words", rule.id()));
        }
        if c.ends_with('.') || c.contains(['{', '}', '"']) || c.starts_with(char::is_uppercase) {
            failures.push(format!(
                "{}: consequence {c:?} is not a lower-case clause",
                rule.id()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Principle 6: a safer alternative is safer. Each rule's suggestion, assessed on its own as a
/// plan step, must score strictly lower than the rule's worst example.
/// Cards copy rule prose without a placeholder as written (`explain::filled`), where text with
/// one is split into sentences and joined with single spaces: both read the same only if the
/// prose is trimmed and spaced once.
#[test]
fn rule_prose_is_trimmed_and_spaced_once() {
    for rule in all() {
        let texts = [rule.why(), rule.consequence(), rule.safer(), rule.title()]
            .into_iter()
            .chain(rule.questions().iter());
        for text in texts {
            assert!(
                text.trim() == text && !text.contains("  "),
                "{}: {text:?} has stray spaces",
                rule.id()
            );
        }
    }
}

#[test]
fn safer_alternatives_score_lower() {
    let mut failures = Vec::new();
    for rule in all() {
        let worst = rule
            .examples
            .iter()
            .flat_map(|e| assess(e, &Options::default()).steps)
            .flat_map(|s| s.findings)
            .filter(|f| f.rule == rule.id())
            .map(|f| f.decision)
            .max()
            .unwrap_or(Decision::Proceed);
        if worst == Decision::Proceed {
            continue;
        }
        let instead = rule.instead().replace("{target}", "old-data");
        let got = assess(&instead, &Options::default()).verdict;
        if got >= worst {
            failures.push(format!(
                "{}: instead {instead:?} is {got}, example is {worst}",
                rule.id()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every plan the project keeps: the fixtures, the held-out eval plans, and each rule's
/// examples and counterexamples as one-step plans.
fn every_plan() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plans = Vec::new();
    for dir in [root.join("tests/fixtures"), root.join("../../eval/plans")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "expect") || !path.is_file() {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                plans.push((path.display().to_string(), text));
            }
        }
    }
    assert!(plans.len() > 60, "the fixtures and eval plans are found");
    for rule in all() {
        for text in rule.examples.iter().chain(rule.counterexamples) {
            plans.push((rule.id().to_string(), text.to_string()));
        }
    }
    plans
}

/// The names a card may hold that look like identifiers: `snake_case` words, and values in
/// single quotes inside code.
fn identifiers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        let inner = word.trim_matches('_');
        if inner.contains('_') && inner.chars().any(char::is_alphabetic) {
            out.push(inner.to_string());
        }
    }
    // A quoted value that is a plain word is data (`'expired'`); program syntax in quotes
    // (`'{.spec.replicas}'`, `'s/old/new/'`) is not a name. Addresses in a command (a URL, a
    // host and port, an ARN, an IP address) are names too: a pasted example must not point
    // somewhere the plan never named.
    for (n, code) in text.split('`').enumerate() {
        if n % 2 == 1 {
            for token in code.split_whitespace() {
                let token = token.trim_matches(|c: char| "'\",;()".contains(c));
                let value = token.split_once('=').map_or(token, |(_, v)| v);
                let port = value.split_last(b':').is_some_and(|(host, p)| {
                    !host.is_empty() && !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())
                });
                let ip = value
                    .split(['.', '/'])
                    .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                    .count()
                    >= 4;
                if value.contains("://") || value.starts_with("arn:") || port || ip {
                    out.push(value.to_string());
                }
            }
            for (k, value) in code.split('\'').enumerate() {
                if k % 2 == 1
                    && !value.is_empty()
                    && value
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                {
                    out.push(value.to_string());
                }
            }
        }
    }
    out
}

/// The words the catalogue itself uses (program names, settings, functions): a card may use
/// them whatever the plan says.
fn catalogue_words() -> String {
    let mut words = String::new();
    for rule in all() {
        for text in [rule.title(), rule.why(), rule.consequence(), rule.safer()]
            .into_iter()
            .chain(rule.questions().iter())
        {
            words.push_str(text);
            words.push('\n');
        }
    }
    // Names of the programs' own catalogues and settings that the catalogue's examples use.
    words.push_str(
        "information_schema role_table_grants privilege_type table_name slot_name restart_lsn \
         list_queues list_exchanges list_connections include_defaults idx_scan cluster_status \
         identity_policy stripe_api_key",
    );
    words.to_ascii_lowercase()
}

/// Issue 13: a card names only what the plan names (or a name derived from one, such as
/// `orders_backup`), says nothing twice, and leads escalate and block steps with a headline of
/// at most 30 words.
#[test]
fn cards_name_only_what_the_plan_names_and_say_it_once() {
    let vocabulary = catalogue_words();
    let mut failures = Vec::new();
    for (name, text) in every_plan() {
        let lower = text.to_ascii_lowercase();
        let assessment = assess(&text, &Options::default());
        for step in &assessment.steps {
            let card = [step.headline.as_str(), &step.explanation, &step.safer]
                .into_iter()
                .chain(step.questions.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\n");
            for id in identifiers(&card) {
                // A long name is shortened on a card ("arn:aws:sns:…"): its shown part must be
                // the plan's.
                let id_lower = id.trim_end_matches('…').to_ascii_lowercase();
                let derived = ["_backup", "_old", "_retired", "_archive", "_new", "_copy"]
                    .iter()
                    .find_map(|suffix| id_lower.strip_suffix(suffix))
                    .is_some_and(|stem| lower.contains(stem));
                // PostgreSQL's own catalogue names and AWS-managed policies belong to the
                // programs, not to any plan.
                let program_word =
                    id_lower.starts_with("pg_") || id_lower.starts_with("arn:aws:iam::aws:policy/");
                if !lower.contains(&id_lower)
                    && !vocabulary.contains(&id_lower)
                    && !derived
                    && !program_word
                {
                    failures.push(format!(
                        "{name} step {}: invented `{id}` in {card:?}",
                        step.index
                    ));
                }
            }
            let mut sentences: Vec<String> = Vec::new();
            for sentence in step
                .explanation
                .split_inclusive(". ")
                .chain(step.safer.split_inclusive(". "))
                .map(|s| s.trim().trim_end_matches('.').to_ascii_lowercase())
                .filter(|s| s.len() > 20)
            {
                if sentences.contains(&sentence) {
                    failures.push(format!(
                        "{name} step {}: says twice {sentence:?}",
                        step.index
                    ));
                }
                sentences.push(sentence);
            }
            for (i, q) in step.questions.iter().enumerate() {
                if step.questions[..i].contains(q) {
                    failures.push(format!("{name} step {}: asks twice {q:?}", step.index));
                }
            }
            if step.decision >= Decision::Escalate {
                let words = step.headline.split_whitespace().count();
                if !(3..=30).contains(&words) {
                    failures.push(format!(
                        "{name} step {}: headline of {words} words: {:?}",
                        step.index, step.headline
                    ));
                }
            }
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A rule is found by its id whether its text holds its prose (native builds) or only its id
/// (the wasm builds, whose prose ships apart), and never by the start of a longer id.
#[test]
fn a_rule_is_found_by_its_id_with_or_without_its_prose() {
    assert!(super::opens_with_id(
        "prose.unclear\u{1f}The tool cannot tell",
        "prose.unclear"
    ));
    assert!(super::opens_with_id("prose.unclear", "prose.unclear"));
    assert!(!super::opens_with_id("prose.unclear-x", "prose.unclear"));
    assert!(!super::opens_with_id(
        "prose.unclear-x\u{1f}Title",
        "prose.unclear"
    ));
    assert!(super::find("prose.unclear").is_some());
    assert!(super::find("prose.unclea").is_none());
}
