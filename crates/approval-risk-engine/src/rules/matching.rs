//! How declared shapes are matched: commands by program, subcommands and flags; SQL by
//! keywords; prose by verb, object and negation. Each match returns its evidence spans.

use super::{CommandPattern, ProsePattern, SqlPattern};
use crate::model::{Decision, Reversibility, Scope};
use crate::prose::{after_determiner, find_all, hits_near, is_negated, Token};
use crate::shell::{Arg, Command};
use crate::span::Span;
use crate::sql::SqlWord;
use crate::words::Join;
use crate::words::Words;

/// What a rule found: the words that show it, the target it names, and any axis the rule
/// decided from the specifics (a `rm -rf /` is not a `rm -rf build`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hit {
    pub evidence: Vec<Span>,
    pub target: Option<String>,
    pub reversibility: Option<Reversibility>,
    pub scope: Option<Scope>,
    pub floor: Option<Decision>,
    /// A sentence about the specifics, added to the explanation.
    pub note: Option<String>,
    /// A safer step built for this hit, in place of the rule's `instead` template when the
    /// template would not fit it (empty: no example fits, so none is given).
    pub instead: Option<String>,
}

impl Hit {
    pub fn at(evidence: Vec<Span>) -> Hit {
        Hit {
            evidence,
            ..Hit::default()
        }
    }

    /// A hit on one span. Not inlined: rules build hits in some two hundred places, and each
    /// inlined allocation costs the page's download more than the call costs the engine.
    #[inline(never)]
    pub fn on(span: Span) -> Hit {
        Hit::at(vec![span])
    }

    /// A hit on three spans (not inlined, as `on`).
    #[inline(never)]
    pub fn three(first: Span, second: Span, third: Span) -> Hit {
        Hit::at(vec![first, second, third])
    }

    /// Adds the sentence about the specifics. Not inlined: rules write notes in some hundred and
    /// forty places, and each assignment in place carries the code that drops the old value.
    #[inline(never)]
    pub fn set_note(&mut self, note: impl Into<Option<String>>) {
        self.note = note.into();
    }

    /// Adds a sentence written out in full (`set_note` takes one put together): the copy is
    /// made here, once, rather than where each of some ninety rules writes one.
    #[inline(never)]
    pub fn note(&mut self, text: &str) {
        self.note = Some(text.to_string());
    }

    /// Adds a sentence with one name put in where `{}` stands: what `format!` with one
    /// argument does, written here once rather than at each of some sixty rules.
    #[inline(never)]
    pub fn note_with(&mut self, template: &str, value: &str) {
        self.note = Some(crate::words::fill(template, value));
    }

    /// Names what the hit acts on, copied from a name the rule has (`set_target` takes a
    /// name it made, or none); not inlined, as `note`.
    #[inline(never)]
    pub fn target(&mut self, name: &str) {
        self.target = Some(name.to_string());
    }

    /// Names what the hit acts on (not inlined, as `set_note`).
    #[inline(never)]
    pub fn set_target(&mut self, target: impl Into<Option<String>>) {
        self.target = target.into();
    }

    /// Names what the hit acts on by the argument that names it, if there is one (not
    /// inlined, as `set_note`).
    #[inline(never)]
    pub fn target_of(&mut self, arg: Option<&Arg>) {
        self.target = arg.map(|a| a.value.clone());
    }

    /// Gives the safer step built for this hit (not inlined, as `set_note`).
    #[inline(never)]
    pub fn set_instead(&mut self, instead: impl Into<Option<String>>) {
        self.instead = instead.into();
    }

    /// A hit on two spans (not inlined, as `on`).
    #[inline(never)]
    pub fn pair(first: Span, second: Span) -> Hit {
        Hit::at(vec![first, second])
    }
}

/// Flags of each program that take a value, so the value is not read as a subcommand.
fn takes_value(program: &str, flag: &str) -> bool {
    let list: Words = match program {
        "git" => words!["-C", "-c", "--git-dir", "--work-tree", "--namespace"],
        "kubectl" | "oc" => words![
            "-n",
            "--namespace",
            "--context",
            "--kubeconfig",
            "--cluster",
            "--user",
            "-s",
            "--server",
            "--token",
            "--as",
        ],
        "helm" => words!["-n", "--namespace", "--kube-context", "--kubeconfig"],
        "aws" => words![
            "--region",
            "--profile",
            "--output",
            "--endpoint-url",
            "--query",
            "--cli-read-timeout",
            "--ca-bundle",
        ],
        "gcloud" => words![
            "--project",
            "--account",
            "--configuration",
            "--format",
            "--verbosity",
            "--impersonate-service-account",
        ],
        "az" => words!["--subscription", "--output", "-o", "--query"],
        "docker" | "podman" => words!["-H", "--host", "--context", "-c", "--config", "--log-level"],
        "terraform" | "tofu" => words![],
        "npm" | "pnpm" | "yarn" => words!["--prefix", "-w", "--workspace", "--registry"],
        "cargo" => words!["--manifest-path", "-Z", "--config"],
        "redis-cli" => words!["-h", "-p", "-a", "-n", "-u", "--user", "--pass"],
        "mongo" | "mongosh" => words![
            "--host",
            "--port",
            "-u",
            "-p",
            "--username",
            "--password",
            "--authenticationDatabase",
        ],
        "gh" => words!["-R", "--repo"],
        "restic" => words![
            "-r",
            "--repo",
            "-p",
            "--password-file",
            "--cache-dir",
            "-o",
            "--option",
        ],
        "borg" | "borgbackup" => words!["--remote-path", "--rsh", "--lock-wait"],
        "velero" => words!["-n", "--namespace", "--kubecontext", "--kubeconfig"],
        "op" => words!["--account", "--vault", "--session"],
        "doppler" => words!["--project", "-p", "--config", "-c", "--token"],
        "systemctl" => words!["-H", "--host", "-M", "--machine"],
        _ => words![],
    };
    list.contains(&flag)
}

/// Arguments that are neither flags nor the value of a flag for which `takes` says yes.
fn operands_by(command: &Command, takes: impl Fn(&str) -> bool) -> Vec<&Arg> {
    let mut out = Vec::new();
    let mut skip_next = false;
    for arg in &command.args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if arg.value.starts_with('-') && arg.value.len() > 1 {
            skip_next = !arg.value.contains('=') && takes(&arg.value);
            continue;
        }
        out.push(arg);
    }
    out
}

/// Positional arguments with the values of known value-taking flags left out.
pub fn positionals(command: &Command) -> Vec<&Arg> {
    operands_by(command, |flag| takes_value(&command.program, flag))
}

/// Arguments that are neither flags nor the values of the listed flags, for rules that know
/// their tool's value-taking flags better than the shared table.
pub fn operands(command: &Command, value_flags: Words) -> Vec<&Arg> {
    operands_by(command, |flag| value_flags.contains(&flag))
}

/// Does `arg` carry `flag`? Long flags match `--x` and `--x=v`; a one-letter flag also matches
/// inside a cluster of short flags (`-r` in `-rf`); single-dash long flags (`-auto-approve`)
/// match exactly or with `=`.
pub fn flag_matches(arg: &str, flag: &str) -> bool {
    if arg == flag {
        return true;
    }
    if flag.len() > 2
        && arg
            .strip_prefix(flag)
            .is_some_and(|rest| rest.starts_with('='))
    {
        return true;
    }
    let letter = flag
        .strip_prefix('-')
        .filter(|l| l.len() == 1 && !l.starts_with('-'));
    match (letter, arg.strip_prefix('-')) {
        (Some(letter), Some(cluster)) => {
            !cluster.starts_with('-')
                && cluster.len() <= 5
                && cluster.chars().all(|c| c.is_ascii_alphabetic())
                && cluster.contains(letter)
        }
        _ => false,
    }
}

/// Programs whose options are single-dash words (`find -type`, `terraform -destroy`), which
/// must not be read as clusters of one-letter flags.
const SINGLE_DASH_WORDS: Words = words![
    "find",
    "terraform",
    "tofu",
    "terragrunt",
    "java",
    "go",
    "gcc",
    "clang",
    "ffmpeg",
    "ffprobe",
    "openssl",
    "dig",
    "qemu-system-x86_64",
    "xcodebuild",
    "iptables",
    "ip6tables",
    "tc",
    "mongod",
    "mongo",
    "mongosh",
    "@resource",
];

/// Does `arg` carry `flag` for this command? As `flag_matches`, without short-flag clusters for
/// programs whose options are single-dash words.
pub fn command_flag(command: &Command, arg: &str, flag: &str) -> bool {
    is_flag(single_dash_words(command), arg, flag)
}

/// Whether the program spells long options with one dash (`find -delete`), so `-delete` is one
/// option and not the letters d, e, l, e, t, e.
fn single_dash_words(command: &Command) -> bool {
    // A cmdlet's parameters are words (`-Type`), never clusters of one-letter flags.
    SINGLE_DASH_WORDS.contains(&command.program)
        || super::powershell::verb_noun_lower(&command.program)
}

fn is_flag(single_dash_words: bool, arg: &str, flag: &str) -> bool {
    if single_dash_words {
        arg == flag
            || (flag.len() > 2 && arg.strip_prefix(flag).is_some_and(|r| r.starts_with('=')))
    } else {
        flag_matches(arg, flag)
    }
}

pub fn find_flag(command: &Command, flags: Words) -> Option<&Arg> {
    let single = single_dash_words(command);
    command.args.iter().find(|a| {
        flags
            .iter()
            .any(|f| could_be_flag(&a.value, f) && is_flag(single, &a.value, f))
    })
}

/// A quick test that rules out most pairs before `is_flag`: every way an argument can give a
/// flag (equal, `--flag=value`, a cluster `-rf` of one-letter flags) starts with the same
/// byte, and a long flag (`--force`) is given only by an argument with two dashes, a short one
/// only by an argument without.
fn could_be_flag(arg: &str, flag: &str) -> bool {
    let (a, f) = (arg.as_bytes(), flag.as_bytes());
    match (a, f) {
        ([a0, a1, ..], [f0, f1, ..]) => a0 == f0 && ((*a1 == b'-') == (*f1 == b'-')),
        _ => a.first() == f.first(),
    }
}

/// The first argument that is `flag` (see [`find_flag`]).
pub fn find_one_flag<'a>(command: &'a Command, flag: &str) -> Option<&'a Arg> {
    let single = single_dash_words(command);
    command
        .args
        .iter()
        .find(|a| is_flag(single, &a.value, flag))
}

/// The value of `--flag value` or `--flag=value`.
pub fn flag_value<'a>(command: &'a Command, flag: &str) -> Option<&'a Arg> {
    let at = command.args.iter().position(|a| {
        a.value == flag
            || a.value
                .strip_prefix(flag)
                .is_some_and(|r| r.starts_with('='))
    })?;
    let arg = &command.args[at];
    if arg.value.len() > flag.len() {
        Some(arg)
    } else {
        command.args.get(at + 1)
    }
}

fn glob_matches(value: &str, pattern: &str) -> bool {
    match (pattern.strip_prefix('*'), pattern.strip_suffix('*')) {
        (Some(suffix), _) if !suffix.contains('*') => value.ends_with(suffix),
        (_, Some(prefix)) => value.starts_with(prefix),
        _ => value == pattern,
    }
}

/// A command shape with its program and leading subcommand words, as a table would say it.
#[inline(never)]
pub fn shape(programs: Words, subcommands: &'static [Words]) -> CommandPattern {
    CommandPattern {
        programs,
        subcommands,
        ..CommandPattern::ANY
    }
}

/// The value of `--flag value` or `--flag=value` (or `-Xvalue` for a one-letter flag) for the
/// first of `flags` present, with the span of the word that holds it.
pub fn option_value(command: &Command, flags: Words) -> Option<(&str, Span)> {
    flags.iter().find_map(|flag| {
        if flag.len() == 2 {
            if let Some(arg) = command.args.iter().find(|a| {
                a.value.len() > 2 && a.value.starts_with(flag) && !a.value.starts_with("--")
            }) {
                let rest = &arg.value[2..];
                return Some((rest.strip_prefix('=').unwrap_or(rest), arg.span));
            }
        }
        let arg = flag_value(command, flag)?;
        let text = arg
            .value
            .strip_prefix(flag)
            .and_then(|rest| rest.strip_prefix('='))
            .unwrap_or(&arg.value);
        Some((text, arg.span))
    })
}

pub fn match_command(pattern: &CommandPattern, command: &Command) -> Option<Hit> {
    if !pattern.programs.iter().any(|p| *p == command.program) {
        return None;
    }
    let words = positionals(command);
    let mut evidence = vec![command.program_span];
    for (i, alternatives) in pattern.subcommands.iter().enumerate() {
        let word = words.get(i)?;
        if !alternatives
            .iter()
            .any(|a| a.eq_ignore_ascii_case(&word.value))
        {
            return None;
        }
        evidence.push(word.span);
    }
    if !pattern.flags_any.is_empty() {
        evidence.push(find_flag(command, pattern.flags_any)?.span);
    }
    for flag in pattern.flags_all {
        evidence.push(find_one_flag(command, flag)?.span);
    }
    if find_flag(command, pattern.flags_none).is_some() {
        return None;
    }
    let rest = &words[pattern.subcommands.len().min(words.len())..];
    if !pattern.args_any.is_empty() {
        let arg = rest
            .iter()
            .find(|a| pattern.args_any.iter().any(|p| glob_matches(&a.value, p)))?;
        evidence.push(arg.span);
    }
    let target = match pattern.target_flag {
        Some(flag) => flag_value(command, flag).map(|a| flag_arg_value(a, flag)),
        // A cloud CLI's first words are its service and operation (`aws rds modify-...`), not
        // what it acts on; without declared subcommands the target is the value of its
        // identifier flag.
        None if pattern.subcommands.is_empty()
            && words!["aws", "gcloud", "az", "doctl"].contains(command.program.as_str()) =>
        {
            identifier_flag(command)
        }
        None => rest.first().map(|a| a.value.clone()),
    };
    Some(Hit {
        evidence,
        target,
        ..Hit::default()
    })
}

/// The value of the first flag that names the resource a cloud CLI acts on
/// (`--db-instance-identifier`, `--table-name`, `--stack-name`, `--instance-ids`, `--name`).
fn identifier_flag(command: &Command) -> Option<String> {
    let args = &command.args;
    args.iter().enumerate().find_map(|(i, arg)| {
        let (name, inline) = match arg.value.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg.value.as_str(), None),
        };
        let names = name.starts_with("--")
            && (name.ends_with("-identifier")
                || name.ends_with("-name")
                || name.ends_with("-id")
                || name.ends_with("-ids")
                || name == "--name"
                || name == "--id");
        if !names {
            return None;
        }
        match inline {
            Some(value) => Some(value.to_string()),
            None => args
                .get(i + 1)
                .filter(|next| !next.value.starts_with('-'))
                .map(|next| next.value.clone()),
        }
    })
}

fn flag_arg_value(arg: &Arg, flag: &str) -> String {
    arg.value
        .strip_prefix(flag)
        .and_then(|r| r.strip_prefix('='))
        .unwrap_or(&arg.value)
        .to_string()
}

pub fn match_sql(pattern: &SqlPattern, words: &[SqlWord]) -> Option<Hit> {
    let start = pattern
        .starts
        .iter()
        .find(|seq| seq.len() <= words.len() && seq.iter().zip(words).all(|(k, w)| w.text == *k))?;
    if pattern
        .lacks
        .iter()
        .any(|k| words.iter().any(|w| w.text == *k))
    {
        return None;
    }
    let mut evidence: Vec<Span> = words[..start.len()].iter().map(|w| w.span).collect();
    if !pattern.contains.is_empty() {
        let found = words
            .iter()
            .find(|w| pattern.contains.contains(&w.text.as_str()))?;
        evidence.push(found.span);
    }
    let after = pattern
        .target_after
        .and_then(|keyword| words.iter().position(|w| w.text == keyword))
        .map_or(start.len(), |at| at + 1);
    let target = words
        .iter()
        .skip(after)
        .find(|w| {
            !words!["if", "exists", "not", "only", "from", "table", "cascade", "all"]
                .contains(w.text.as_str())
        })
        .map(|w| w.raw.clone());
    Some(Hit {
        evidence: merge(evidence),
        target,
        ..Hit::default()
    })
}

pub fn match_prose(pattern: &ProsePattern, tokens: &[Token]) -> Option<Hit> {
    let verbs = find_all(tokens, pattern.verbs);
    // Objects and companions are found once for the step, and each verb looks only at those
    // within its window: a step of many verbs costs its length, not verbs times length.
    let mut objects: Option<Vec<(usize, usize)>> = None;
    let mut also: Option<Vec<(usize, usize)>> = None;
    let mut unless: Option<Vec<(usize, usize)>> = None;
    for (start, end) in verbs {
        if tokens[start].data
            || (tokens[start].listed && !after_light_verb(tokens, start))
            || is_negated(tokens, start)
            || (pattern.leading && !leads_clause(tokens, start))
        {
            continue;
        }
        // A one-word verb after a determiner is a noun ("check the refund status", "the
        // delete button"), unless a light verb makes the act of it ("issue a refund").
        if end - start == 1 && after_determiner(tokens, start) && !after_light_verb(tokens, start) {
            continue;
        }
        let clause = tokens[start].clause;
        if !pattern.unless.is_empty()
            && unless
                .get_or_insert_with(|| find_all(tokens, pattern.unless))
                .iter()
                .any(|(s, _)| tokens[*s].clause == clause)
        {
            continue;
        }
        let mut evidence = vec![tokens[start].span.cover(tokens[end - 1].span)];
        let mut target = None;
        if !pattern.objects.is_empty() {
            let objects = objects.get_or_insert_with(|| find_all(tokens, pattern.objects));
            let object = hits_near(objects, start, pattern.window)
                .iter()
                .copied()
                // An amount that closes the verb's own phrase ("send $5,000") is its object.
                .filter(|(s, _)| {
                    tokens[*s].clause == clause
                        && (!(start..end).contains(s)
                            || (*s + 1 == end
                                && *s > start
                                && tokens[*s].text.starts_with(&['$', '£', '€'][..])))
                })
                // After the verb before it; a phrase ("every customer") before a single
                // word ("campaign"), which says less; then the nearest.
                .min_by_key(|(s, e)| (*s < start, e - s == 1, s.abs_diff(start)));
            let Some((os, oe)) = object else {
                continue;
            };
            if !(start..end).contains(&os) {
                evidence.push(tokens[os].span.cover(tokens[oe - 1].span));
            }
            target = Some(format!("the {}", object_phrase(tokens, os, oe)));
        }
        if !pattern.also.is_empty() {
            let also = also.get_or_insert_with(|| {
                find_all(tokens, pattern.also)
                    .into_iter()
                    .filter(|(s, _)| !is_negated(tokens, *s))
                    .collect()
            });
            // "Post in #inc-2291 that the status page shows ...": a team channel right after the
            // verb is where the message goes, and what follows it is what the message says.
            let channel = tokens
                .get(end)
                .is_some_and(|t| words!["in", "to", "on", "into"].contains(t.text.as_str()))
                && tokens.get(end + 1).is_some_and(|t| t.text.starts_with('#'));
            let content = |s: usize| channel && s > end;
            let &(also_start, also_end) = also
                .iter()
                .find(|(s, _)| !(start..end).contains(s) && !content(*s))?;
            evidence.push(tokens[also_start].span.cover(tokens[also_end - 1].span));
        }
        crate::order::sort_by_rank(&mut evidence, |s| crate::order::by_position(*s));
        return Some(Hit {
            evidence,
            target,
            ..Hit::default()
        });
    }
    None
}

/// Does the word at `index` start an instruction: first in its clause, or after a subject, a
/// modal or a joining word ("we will email", "then email", "should notify")?
fn leads_clause(tokens: &[Token], index: usize) -> bool {
    const LEAD_INS: Words = words![
        "to",
        "will",
        "shall",
        "should",
        "must",
        "can",
        "could",
        "would",
        "may",
        "might",
        "please",
        "then",
        "and",
        "also",
        "we",
        "i",
        "we'll",
        "i'll",
        "agent",
        "first",
        "next",
        "now",
        "finally",
        "immediately",
        "directly",
        "automatically",
        "personally",
        "just",
    ];
    match index.checked_sub(1).and_then(|before| tokens.get(before)) {
        None => true,
        Some(before) => {
            before.clause != tokens[index].clause
                || LEAD_INS.contains(before.text.as_str())
                || after_light_verb(tokens, index)
        }
    }
}

/// Is the word at `index` the noun of a light verb that leads its clause ("create a refund",
/// "issue refunds", "send the campaign", a tool named `create_refund`)? The act is the noun's:
/// creating a refund is refunding.
fn after_light_verb(tokens: &[Token], index: usize) -> bool {
    const LIGHT_VERBS: Words = words![
        "create", "issue", "process", "make", "submit", "initiate", "trigger", "execute",
        "schedule", "start", "place", "perform", "launch",
    ];
    const BETWEEN: Words = words!["a", "an", "the", "new", "full", "partial", "this", "that"];
    const AFTER: Words = words!["of", "for", "to", "on", "from", "against", "with", "in", "now"];
    let clause = tokens[index].clause;
    // The noun must be what is made, not a word describing something else ("create a refund
    // policy"): the clause ends after it, or a preposition, an amount or an id follows.
    let head = match tokens.get(index + 1) {
        None => true,
        Some(next) => {
            next.clause != clause
                || AFTER.contains(next.text.as_str())
                || next
                    .text
                    .contains(|c: char| c.is_ascii_digit() || c == '_' || c == '$')
        }
    };
    if !head {
        return false;
    }
    let mut at = index;
    for _ in 0..3 {
        let Some(before) = at.checked_sub(1).and_then(|b| tokens.get(b)) else {
            return false;
        };
        if before.clause != clause {
            return false;
        }
        at -= 1;
        if LIGHT_VERBS.contains(before.text.as_str()) {
            return leads_clause(tokens, at);
        }
        if !BETWEEN.contains(before.text.as_str()) {
            return false;
        }
    }
    false
}

/// The object with the qualifier in front of it ("production environment", "users table").
fn object_phrase(tokens: &[Token], start: usize, end: usize) -> String {
    let from = if start > 0
        && !words![
            "from", "to", "in", "on", "of", "for", "with", "into", "at", "by", "and", "or", "the",
            "a", "an", "this", "that", "all", "every", "our", "its", "their", "it"
        ]
        .contains(tokens[start - 1].text.as_str())
        && tokens[start - 1].clause == tokens[start].clause
    {
        start - 1
    } else {
        start
    };
    tokens[from..end]
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .joined(" ")
}

/// Sorts spans and joins those that touch, so evidence reads as whole phrases.
pub fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    crate::order::sort_by_rank(&mut spans, |s| crate::order::by_position(*s));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end + 1 && span.start >= last.start => {
                *last = last.cover(span)
            }
            _ => out.push(span),
        }
    }
    out
}
