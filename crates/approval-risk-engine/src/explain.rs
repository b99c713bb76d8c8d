//! Plain-language explanations, built from the rules' prose and the step's own words: one
//! paragraph per step, a safer alternative, questions to ask, and a summary of the plan.

use crate::assess::{Assessed, Raised, Scored, StepWork};
use crate::model::{Decision, Reversibility, Scope};
use crate::report::{Assessment, Engine, Finding, PatternReport, StepReport, SCHEMA};
use crate::rules::Action;
use crate::words::Join;
use crate::words::Words;
use crate::Options;

/// Quotes the step's own words, shortened for a sentence.
fn quote(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().joined(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    crate::words::fill("{}…", cut.trim_end())
}

/// "step 2", "steps 1 and 2", "steps 1, 2 and 5".
pub fn steps_label(steps: &[usize]) -> String {
    match steps {
        [] => String::new(),
        [one] => format!("step {one}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|s| s.to_string()).collect();
            format!("steps {} and {last}", rest.joined(", "))
        }
    }
}

/// "steps 1, 2 and 5", or the first three and how many more: a summary names a handful.
fn few_steps(steps: &[usize]) -> String {
    const SHOWN: usize = 3;
    if steps.len() <= SHOWN + 1 {
        return steps_label(steps);
    }
    let first: Vec<String> = steps[..SHOWN].iter().map(|s| s.to_string()).collect();
    format!(
        "steps {} and {} more",
        first.joined(", "),
        steps.len() - SHOWN
    )
}

/// The text with its first letter in capitals. Every text given here is the engine's own
/// English prose, so ASCII case is enough (and spares the page Unicode's case tables).
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Where the step reaches, as the headline says it in one or two words.
fn reach_word(top: &Scored) -> &'static str {
    match top.scope {
        Scope::Production if top.raised.contains(&Raised::UnnamedEnvironment) => {
            "production assumed"
        }
        Scope::Production => "production",
        Scope::Organization => "organisation-wide",
        Scope::Shared => "shared",
        Scope::Local => "local",
        Scope::None => "",
    }
}

/// A target fit to stand in a sentence or a command as a name: one short word as written (a
/// phrase such as "the environment" describes the thing rather than naming it), and not a
/// command substitution, a glob placeholder or a template.
fn nameable(target: &str) -> bool {
    let target = target.trim();
    !target.is_empty()
        && target.len() <= 60
        && !target.contains(char::is_whitespace)
        && !target.contains(&['`', '$'][..])
        && !target.contains("$(")
        && !target.contains("{}")
}

/// Whether a command writes a file through a redirection (`> out.txt`, a heredoc to a path):
/// a reading program that does is not "only reading".
fn writes_a_file(command: &crate::shell::Command) -> bool {
    command.writes.iter().any(|w| w.value != "/dev/null")
}

/// The step's target, when it can be named.
fn target_of(top: &Scored) -> Option<&str> {
    top.hit
        .target
        .as_deref()
        .map(str::trim)
        .filter(|t| nameable(t))
}

/// One sentence of at most 30 words: what the step does to what, and what is lost or who is
/// reached. Built from the deciding finding's rule (its title and consequence), the step's own
/// target and where it reaches.
pub fn headline(work: &StepWork, patterns: &[PatternReport]) -> String {
    let Some(top) = work.top() else {
        // A step that is only part of a pattern leads with the pattern.
        if let Some(pattern) = raising_pattern(work, patterns) {
            let consequence = crate::rules::find(&pattern.rule)
                .map(|r| r.consequence())
                .unwrap_or("");
            return sentence(
                &crate::words::fill(
                    "Part of a risky sequence: {}",
                    &pattern.title.to_ascii_lowercase(),
                ),
                consequence,
            );
        }
        return if work.commands.iter().any(|c| !crate::rules::is_read_only(c)) {
            "No risky change found: what it changes is easy to undo.".to_string()
        } else if work.commands.iter().any(writes_a_file) {
            "Writes a local file; nothing else changes.".to_string()
        } else if work.commands.is_empty() && work.step.prose {
            "Nothing in it changes anything that is hard to undo.".to_string()
        } else {
            "Only reads or inspects: nothing changes.".to_string()
        };
    };
    if top.rule.id() == "plan.claims" {
        return "The plan vouches for its own safety, which changes nothing in the assessment."
            .to_string();
    }
    let mut named: Vec<String> = Vec::new();
    if let Some(target) = target_of(top) {
        named.push(format!("`{}`", quote(target, 40)));
    }
    let reach = reach_word(top);
    if !reach.is_empty() {
        named.push(reach.to_string());
    }
    let lead = if named.is_empty() {
        top.rule.title().to_string()
    } else {
        format!("{} ({})", top.rule.title(), named.joined(", "))
    };
    sentence(&lead, top.rule.consequence())
}

/// `lead: consequence.`, kept to 30 words by dropping the consequence if it must.
fn sentence(lead: &str, consequence: &str) -> String {
    let words = lead.split_whitespace().count() + consequence.split_whitespace().count();
    if consequence.is_empty() || words > 30 {
        crate::words::fill("{}.", lead.trim_end_matches('.'))
    } else {
        crate::words::fill2("{}: {}.", lead, consequence.trim_end_matches('.'))
    }
}

/// The pattern that raised this step above its own findings, if one did.
fn raising_pattern<'a>(
    work: &StepWork,
    patterns: &'a [PatternReport],
) -> Option<&'a PatternReport> {
    let own = work
        .findings
        .iter()
        .map(|f| f.decision)
        .max()
        .unwrap_or(Decision::Proceed);
    work.patterns
        .iter()
        .filter(|(_, d)| *d > own)
        .max_by_key(|(_, d)| *d)
        .and_then(|(i, _)| patterns.get(*i))
}

/// The step a pattern is told on: the last step it joins, where the sequence completes. The
/// other steps it joins link there.
pub fn told_at(pattern: &PatternReport) -> usize {
    pattern.steps.last().copied().unwrap_or(0)
}

/// The sentences that say what plan patterns add to a step: the whole story on the step where
/// the pattern is told, a pointer on the others.
fn pattern_sentences(
    work: &StepWork,
    patterns: &[PatternReport],
    own: Decision,
    index: usize,
) -> Vec<String> {
    let mut parts = Vec::new();
    let mut told: Vec<&str> = Vec::new();
    for (at, pattern_decision) in &work.patterns {
        let Some(pattern) = patterns.get(*at) else {
            continue;
        };
        // The same sequence found twice through this step (two deletes, one recreate) is
        // told once.
        if told.contains(&pattern.rule.as_str()) {
            continue;
        }
        told.push(&pattern.rule);
        let raises = *pattern_decision > own;
        let title = pattern.title.to_ascii_lowercase();
        let home = told_at(pattern);
        if home == index {
            let joined = if pattern.steps.len() > 1 {
                crate::words::fill(" ({})", &steps_label(&pattern.steps))
            } else {
                String::new()
            };
            // The pattern's reasoning is told here only where it decides this step; otherwise
            // its title says enough, and the plan's list of sequences holds the rest.
            let mut part = crate::words::fill2("Across the plan{}: {}.", &joined, &title);
            if raises {
                part.push_str(&crate::words::fill2(
                    " {} That makes this step {}.",
                    &pattern.why,
                    pattern_decision.as_str(),
                ));
            }
            parts.push(part);
        } else if raises {
            parts.push(format!(
                "Part of a sequence told at step {} ({}), which makes this step {}.",
                home,
                title,
                pattern_decision.as_str()
            ));
        } else {
            parts.push(format!("Part of a sequence told at step {home}: {title}."));
        }
    }
    parts
}

/// The explanation under the headline: why this reversibility and scope, what raised it, what
/// the plan does about it. The headline already says what the step does; the axes are shown
/// beside it, so they are not restated here.
pub fn step(work: &StepWork, patterns: &[PatternReport], index: usize) -> String {
    let Some(top) = work.top() else {
        if work.patterns.is_empty() {
            let changes = work
                .commands
                .iter()
                .any(|c| !crate::rules::is_read_only(c) || writes_a_file(c));
            return if changes {
                "No rule finds a change here that is hard to undo or reaches beyond the agent's workspace, so it is safe to approve."
            } else {
                "Nothing changes, so it is safe to approve."
            }
            .to_string();
        }
        let mut parts =
            vec!["On its own this step changes nothing that is hard to undo.".to_string()];
        parts.extend(pattern_sentences(work, patterns, Decision::Proceed, index));
        return parts.joined(" ");
    };
    let mut parts: Vec<String> = Vec::new();
    if top.rule.id() == "plan.claims" {
        parts.push(top.rule.why().to_string());
        parts.push("Claims like this change nothing in the assessment.".to_string());
    } else {
        parts.push(top.rule.why().to_string());
    }
    if let Some(note) = &top.hit.note {
        parts.push(note.clone());
    }
    for adjustment in &top.adjustments {
        parts.push(adjustment.note.clone());
    }
    let own = top.decision;
    if top.hit.floor.or(top.rule.floor) == Some(Decision::Block) && own == Decision::Block {
        parts.push("This shape is blocked in any context.".to_string());
    }
    let mut others: Vec<String> = Vec::new();
    for f in work.findings.iter().filter(|f| !std::ptr::eq(*f, top)) {
        if f.rule.id() == top.rule.id() {
            continue;
        }
        let line = if f.rule.id() == "plan.claims" {
            "the plan vouches for itself, which changes nothing".to_string()
        } else {
            format!(
                "{} ({})",
                f.rule.title().to_ascii_lowercase(),
                f.decision.as_str()
            )
        };
        if !others.contains(&line) {
            others.push(line);
        }
    }
    if !others.is_empty() {
        let more = others.len().saturating_sub(2);
        others.truncate(2);
        let tail = if more > 0 {
            format!("; {more} more below")
        } else {
            String::new()
        };
        parts.push(crate::words::fill2(
            "Also: {}{}.",
            &others.joined("; "),
            &tail,
        ));
    }
    parts.extend(pattern_sentences(work, patterns, own, index));
    parts.joined(" ")
}

/// A target name that can be put into a command without changing its meaning.
fn usable_in_a_command(target: &str) -> bool {
    !target.is_empty()
        && !target.contains(&['*', '?', '[', '{', '}', '$', '`', ' ', '\'', '"'][..])
        && !target.ends_with('/')
}

/// The sentences of a rule's text, each with its final punctuation.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut in_code = false;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'`' => in_code = !in_code,
            b'.' | b'?' | b'!' if !in_code && bytes.get(i + 1).is_none_or(|n| *n == b' ') => {
                out.push(text[start..=i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Whether `{target}` stands inside a code span of `text` (a command to paste).
fn target_in_code(text: &str) -> bool {
    let mut in_code = false;
    let mut rest = text;
    while let Some(i) = rest.find(&['`', '{'][..]) {
        if rest[i..].starts_with('`') {
            in_code = !in_code;
        } else if rest[i..].starts_with("{target}") && in_code {
            return true;
        }
        rest = &rest[i + 1..];
    }
    false
}

/// A rule's text with `{target}` filled in. Without a nameable target, a sentence that would put
/// the placeholder into a command is left out (a command naming "it" cannot be pasted), and
/// elsewhere the placeholder becomes "it".
fn filled(text: &str, target: Option<&str>) -> String {
    // Most questions and advice have no placeholder: they are the text as written (the
    // catalogue's prose is trimmed, with single spaces between sentences).
    if !text.as_bytes().contains(&b'{') {
        return text.to_string();
    }
    match target {
        Some(target) => {
            // The S3 CLI names a bucket two ways: `s3://bucket/prefix` for `aws s3`, the bare
            // name for `aws s3api --bucket`. A step's URL goes into `--bucket` as its name.
            let text = match target.strip_prefix("s3://") {
                Some(rest) => {
                    let bucket = rest.split('/').next().unwrap_or(rest);
                    text.replace(
                        "--bucket {target}",
                        &crate::words::fill("--bucket {}", bucket),
                    )
                }
                None => text.to_string(),
            };
            text.replace("{target}", target)
        }
        None => sentences(text)
            .into_iter()
            .filter(|s| !target_in_code(s))
            .map(|s| s.replace("{target}", "it"))
            .collect::<Vec<_>>()
            .joined(" "),
    }
}

/// The words of a question that say what it asks about, for telling two questions apart.
fn topic_words(lower: &str) -> Vec<&str> {
    const COMMON: Words = words![
        "which", "there", "this", "that", "these", "those", "what", "where", "when", "would",
        "could", "should", "does", "with", "from", "have", "about", "before", "after", "them",
        "their", "they", "will", "been", "into", "your", "exactly", "current", "fresh", "tested",
        "recent"
    ];
    lower
        .split(crate::words::not_alphanumeric)
        .filter(|w| w.len() >= 4 && !COMMON.contains(w))
        .map(|w| w.trim_end_matches('s'))
        .collect()
}

/// Whether a question or sentence is about a backup (taking, having or restoring one).
fn about_backup(text: &str) -> bool {
    mentions_backup(&text.to_ascii_lowercase())
}

/// `about_backup` of text already lower-cased.
fn mentions_backup(lower: &str) -> bool {
    words![
        "backup",
        "back up",
        "backed up",
        "snapshot",
        "dump",
        "restore",
        "copy",
        "copies",
        "saved"
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether a question asks where the step runs (which environment, database, cluster, account
/// or machine).
fn about_where(question: &str) -> bool {
    asks_where(&question.to_ascii_lowercase())
}

/// `about_where` of a question already lower-cased.
fn asks_where(lower: &str) -> bool {
    lower.starts_with("which ")
        && words![
            "environment",
            "database",
            "cluster",
            "account",
            "machine",
            "host",
            "context",
            "region",
            "project",
            "subscription"
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// What a question asks about, worked out once per question: each new question is compared
/// with every one already asked.
struct Topic {
    backup: bool,
    place: bool,
    /// The question lower-cased, and where its topic words are in it (one string per
    /// question rather than one per word).
    lower: String,
    words: Vec<std::ops::Range<usize>>,
}

impl Topic {
    fn of(question: &str) -> Topic {
        let lower = question.to_ascii_lowercase();
        let words = topic_words(&lower)
            .into_iter()
            .map(|word| {
                let start = word.as_ptr() as usize - lower.as_ptr() as usize;
                start..start + word.len()
            })
            .collect();
        Topic {
            backup: mentions_backup(&lower),
            place: asks_where(&lower),
            words,
            lower,
        }
    }

    fn words(&self) -> impl Iterator<Item = &str> + Clone {
        self.words.iter().map(|range| &self.lower[range.clone()])
    }

    /// Two questions ask the same thing when most of what they ask about is shared, or when
    /// both ask about a backup, or both ask where the step runs.
    fn same(&self, other: &Topic) -> bool {
        if (self.backup && other.backup) || (self.place && other.place) {
            return true;
        }
        let (a, b) = (&self.words, &other.words);
        if a.is_empty() || b.is_empty() {
            return false;
        }
        let shared = self
            .words()
            .filter(|w| other.words().any(|theirs| theirs == *w))
            .count();
        shared * 2 > a.len().min(b.len()) || shared * 3 >= a.len().max(b.len()) * 2
    }
}

/// A second question for a finding whose rule asks only one, from the kind of change it is.
fn fallback_question(action: Action) -> &'static str {
    match action {
        Action::Delete | Action::DeleteRecreate => {
            "Is there a current backup, and has anyone restored from it before?"
        }
        Action::Create => "Who owns it afterwards, and what does it cost while it exists?",
        Action::Change => "How is it rolled back if it misbehaves, and who watches it?",
        Action::Backup => "Where does the copy go, and who can read it?",
        Action::DisableSafety => "When is it switched back on, and who checks that it was?",
        Action::WidenPrivilege => "Who gains access, and when is it taken away again?",
        Action::Revoke => "What still uses it, and what breaks when it goes?",
        Action::Opaque => "What exactly does it run, and can you read it first?",
        Action::Publish => "Who receives it, and can it be taken back?",
    }
}

pub fn safer_and_questions(
    work: &StepWork,
    patterns: &[PatternReport],
    index: usize,
) -> (String, Vec<String>) {
    let Some(top) = work.top() else {
        let safer = raising_pattern(work, patterns)
            .map(|p| p.safer.clone())
            .unwrap_or_default();
        return (safer, Vec::new());
    };
    let target = target_of(top);
    let mut safer = filled(top.rule.safer(), target);
    let backed_up = top.raised.iter().find_map(|r| match r {
        Raised::BackedUp(step) => Some(*step),
        _ => None,
    });
    // Advice to back up first is not advice when the plan already does: say that it does. A
    // sentence that leads with the backup ("Take a snapshot first ...") is what the plan
    // already does; one that mentions it among other advice keeps the rest.
    if backed_up.is_some() {
        safer = sentences(&safer)
            .into_iter()
            .filter(|s| {
                let lead: String = s.split_whitespace().take(4).collect::<Vec<_>>().joined(" ");
                !about_backup(&lead)
            })
            .collect::<Vec<_>>()
            .joined(" ");
    }
    let example = match &top.hit.instead {
        Some(own) if !own.is_empty() => Some(own.clone()),
        Some(_) => None,
        // The rule's template is shown only when it names this step's own target: an example
        // about some other name would be invented.
        None if !top.rule.instead().is_empty()
            && top.rule.instead().contains("{target}")
            && target.is_some_and(usable_in_a_command) =>
        {
            Some(filled(top.rule.instead(), target))
        }
        None => None,
    };
    if let Some(example) = example {
        safer = if safer.is_empty() {
            crate::words::fill("Before it runs: `{}`", &example)
        } else {
            crate::words::fill2("{} For example: `{}`", &safer, &example)
        };
    }
    // A transaction the plan already checks before COMMIT is not advice to give again; what
    // it does not give is the old values once committed.
    if let Some(step) = top.raised.iter().find_map(|r| match r {
        Raised::Checked(step) => Some(*step),
        _ => None,
    }) {
        safer = sentences(&safer)
            .into_iter()
            .filter(|s| !s.contains("transaction"))
            .collect::<Vec<_>>()
            .joined(" ");
        safer.push_str(&format!("{}The plan already checks it at step {} before COMMIT; a copy of the rows first would also keep the old values once committed.", if safer.is_empty() { "" } else { " " }, step));
    }
    if let Some(step) = backed_up {
        safer.push_str(&format!("{}The plan already backs it up at step {}: check that the backup restores before this runs.", if safer.is_empty() { "" } else { " " }, step));
    }
    if top.rule.id() == "plan.claims" {
        safer.clear();
    }
    let mut questions: Vec<(String, Topic)> = Vec::new();
    let ask = |q: String, questions: &mut Vec<(String, Topic)>| {
        if q.trim().is_empty() {
            return;
        }
        let topic = Topic::of(&q);
        if !questions.iter().any(|(_, have)| have.same(&topic)) {
            questions.push((q, topic));
        }
    };
    // Where the plan backs up first, the backup question is whether that backup restores.
    if let Some(step) = top.raised.iter().find_map(|r| match r {
        Raised::BackedUp(step) => Some(*step),
        _ => None,
    }) {
        ask(
            format!("Has the backup from step {step} been checked to restore, and how long would a restore take?"),
            &mut questions,
        );
    }
    let unnamed = top.raised.contains(&Raised::UnnamedEnvironment);
    // A rule's own question about where it runs ("Which cluster and context is this?") says it
    // better than the general one.
    if unnamed && !top.rule.questions().iter().any(about_where) {
        ask(
            "Which environment does this run against?".to_string(),
            &mut questions,
        );
    }
    let backed_up = top.raised.iter().any(|r| matches!(r, Raised::BackedUp(_)));
    for q in top.rule.questions() {
        // The environment question belongs only where the step leaves the environment open.
        if !unnamed && q == "Which environment does this run against?" {
            continue;
        }
        // Whether there is a copy is answered where the plan makes one: the question above
        // asks whether it restores.
        if backed_up && about_backup(q) {
            continue;
        }
        ask(filled(q, target), &mut questions);
    }
    for finding in &work.findings {
        if std::ptr::eq(finding, top) || finding.rule.id() == top.rule.id() {
            continue;
        }
        if let Some(q) = finding.rule.questions().iter().next() {
            ask(filled(q, target_of(finding)), &mut questions);
        }
    }
    if questions.len() < 2 && top.rule.id() != "plan.claims" {
        ask(
            fallback_question(top.rule.action).to_string(),
            &mut questions,
        );
    }
    // A sequence's own advice ("grant only what the next step needs") is about the sequence,
    // not about this step's command: it replaces the step's advice where the sequence decides
    // the step and is told there, or where it blocks the plan outright (an injected
    // instruction: the fix is the plan's provenance, whatever the step does); elsewhere the
    // plan's list of sequences carries it.
    for (at, raised_to) in &work.patterns {
        if let Some(pattern) = patterns.get(*at) {
            let decides = *raised_to > top.decision
                && (told_at(pattern) == index || pattern.decision == Decision::Block);
            if safer.is_empty() || decides {
                safer = pattern.safer.clone();
            }
        }
    }
    let questions = questions.into_iter().take(4).map(|(q, _)| q).collect();
    (safer, questions)
}

pub fn summary(
    verdict: Decision,
    steps: &[StepReport],
    patterns: &[PatternReport],
    _options: &Options,
) -> String {
    if steps.is_empty() {
        return "No steps found: paste a plan (a numbered list, shell commands, SQL, or a tool-call transcript).".to_string();
    }
    let deciding: Vec<&StepReport> = steps.iter().filter(|s| s.decision == verdict).collect();
    let mut parts = Vec::new();
    if verdict == Decision::Proceed {
        parts.push(format!(
            "All {} step{} only read or make changes that are easy to undo.",
            steps.len(),
            if steps.len() == 1 { "" } else { "s" }
        ));
    } else if let Some(first) = deciding.first() {
        let headline = if first.headline.is_empty() {
            format!("\"{}\".", quote(&first.text, 60))
        } else {
            first.headline.clone()
        };
        parts.push(format!(
            "{}: step {}. {}",
            capitalised(verdict.as_str()),
            first.index,
            headline
        ));
        let rest: Vec<usize> = deciding.iter().skip(1).map(|s| s.index).collect();
        if !rest.is_empty() {
            parts.push(format!("Also {}: {}.", verdict.as_str(), few_steps(&rest)));
        }
    } else {
        parts.push(format!(
            "{}: decided by a sequence across steps.",
            capitalised(verdict.as_str())
        ));
    }
    // Each kind of sequence once, with the steps it was found at: the kinds are a handful, so
    // finding one is a short walk, and the steps are sorted once (a plan of thousands of steps
    // stays linear).
    let mut across: Vec<(&str, String, Vec<usize>)> = Vec::new();
    for pattern in patterns.iter().filter(|p| p.decision >= Decision::Escalate) {
        match across.iter_mut().find(|(rule, _, _)| *rule == pattern.rule) {
            Some((_, _, at)) => at.extend_from_slice(&pattern.steps),
            None => across.push((
                &pattern.rule,
                pattern.title.to_ascii_lowercase(),
                pattern.steps.clone(),
            )),
        }
    }
    if !across.is_empty() {
        let named: Vec<String> = across
            .iter_mut()
            .take(2)
            .map(|(_, title, at)| {
                crate::order::sort_numbers(at);
                at.dedup();
                crate::words::fill2("{} ({})", title, &few_steps(at))
            })
            .collect();
        parts.push(crate::words::fill("Across steps: {}.", &named.joined("; ")));
    }
    let counts = {
        let mut c = [0usize; 4];
        for s in steps {
            c[s.decision as usize] += 1;
        }
        c
    };
    let tally: Vec<String> = Decision::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| format!("{} {}", n, d.as_str()))
        .collect();
    parts.push(format!(
        "{} step{}: {}.",
        steps.len(),
        if steps.len() == 1 { "" } else { "s" },
        tally.joined(", ")
    ));
    parts.push(verdict.advice().to_string());
    parts.joined(" ")
}

/// The report of an assessed plan: every step's card, written from its findings and the plan
/// patterns, and the summary. The last stage: nothing reads what it writes.
pub(crate) fn report(input: &str, assessed: Assessed, options: &Options) -> Assessment {
    let Assessed {
        format,
        work,
        patterns,
    } = assessed;
    let reports: Vec<StepReport> = work
        .iter()
        .enumerate()
        .map(|(i, w)| report_step(input, i + 1, w, &patterns))
        .collect();
    let verdict = reports
        .iter()
        .map(|s| s.decision)
        .chain(patterns.iter().map(|p| p.decision))
        .max()
        .unwrap_or(Decision::Proceed);
    let summary = summary(verdict, &reports, &patterns, options);
    let (deciding_steps, headline) = deciding(verdict, &reports, &patterns);
    Assessment {
        schema: SCHEMA.to_string(),
        verdict,
        summary,
        deciding_steps,
        headline,
        engine: Engine::current(),
        format: format.as_str().to_string(),
        context: options.context,
        empty: reports.is_empty(),
        steps: reports,
        patterns,
    }
}

/// The steps that carry `verdict` and the headline a portal shows first (see the fields of
/// `Assessment`).
fn deciding(
    verdict: Decision,
    reports: &[StepReport],
    patterns: &[PatternReport],
) -> (Vec<usize>, String) {
    if verdict == Decision::Proceed {
        return (Vec::new(), String::new());
    }
    let mut steps: Vec<usize> = reports
        .iter()
        .filter(|s| s.decision == verdict)
        .map(|s| s.index)
        .chain(
            patterns
                .iter()
                .filter(|p| p.decision == verdict)
                .flat_map(|p| p.steps.iter().copied()),
        )
        .collect();
    crate::order::sort_numbers(&mut steps);
    steps.dedup();
    let headline = reports
        .iter()
        .find(|s| s.decision == verdict)
        .map(|s| s.headline.clone())
        .or_else(|| {
            patterns
                .iter()
                .find(|p| p.decision == verdict)
                .map(|p| p.title.clone())
        })
        .unwrap_or_default();
    (steps, headline)
}

fn report_step(
    input: &str,
    index: usize,
    work: &StepWork,
    patterns: &[PatternReport],
) -> StepReport {
    let decision = work.decision();
    let (reversibility, scope) = work
        .top()
        .map_or((Reversibility::Reversible, Scope::None), |f| {
            (f.reversibility, f.scope)
        });
    let mut findings: Vec<&Scored> = work.findings.iter().collect();
    // Most severe first (decision, then reversibility, then scope); ties keep their order.
    crate::order::sort_by_rank(&mut findings, |f| {
        !((f.decision as u64) << 16 | (f.reversibility as u64) << 8 | f.scope as u64)
    });
    let headline = headline(work, patterns);
    let explanation = step(work, patterns, index);
    let (safer, questions) = safer_and_questions(work, patterns, index);
    StepReport {
        index,
        line: work.step.line,
        span: work.step.span,
        text: work.step.span.slice(input).to_string(),
        decision,
        reversibility,
        scope,
        headline,
        explanation,
        safer,
        questions,
        findings: findings
            .into_iter()
            .map(|f| Finding {
                rule: f.rule.id().to_string(),
                title: f.rule.title().to_string(),
                why: match &f.hit.note {
                    Some(note) => crate::words::fill2("{} {}", f.rule.why(), note),
                    None => f.rule.why().to_string(),
                },
                reversibility: f.reversibility,
                scope: f.scope,
                decision: f.decision,
                evidence: f.hit.evidence.clone(),
                adjustments: f.adjustments.clone(),
            })
            .collect(),
        shown: String::new(),
        shown_evidence: Vec::new(),
    }
}
