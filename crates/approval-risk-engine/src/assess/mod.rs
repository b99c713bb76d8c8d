//! Assessing a plan: split it into steps, read each step's commands, SQL and words, match
//! rules, place every finding on the two axes, follow what flows between steps and join steps
//! into plan patterns. It writes no card: `explain::report` does that last, from what this
//! returns, and nothing here calls back into it.

mod claims;
mod environment;
mod flows;
mod patterns;
mod place;
mod records;

use crate::model::{Decision, Reversibility, Scope};
use crate::plan::{self, CodeKind, Step};
use crate::prose::{self, after_determiner, find_all, is_negated, Token, CHANGE_VERBS};
use crate::report::Adjustment;
use crate::rules::{self, match_command, match_prose, match_sql, Action, Hit, Matcher, Rule};
use crate::shell::{parse_commands, Command, Input, ShellState};
use crate::span::Span;
use crate::sql;
use crate::words::Join;
use crate::words::Last;
use crate::words::Words;
use crate::Options;

pub(crate) use environment::Environment;

/// A rule's finding placed on the axes, before it becomes a report.
#[derive(Clone)]
pub(crate) struct Scored {
    pub rule: &'static Rule,
    pub hit: Hit,
    pub reversibility: Reversibility,
    pub scope: Scope,
    pub decision: Decision,
    pub adjustments: Vec<Adjustment>,
    /// The adjustments later stages act on, typed: the sentences in `adjustments` are for the
    /// approver, and no stage reads them back.
    pub raised: Vec<Raised>,
}

/// An adjustment that a later stage (patterns, the card) needs to recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Raised {
    /// The step names no environment, so it was taken to be production.
    UnnamedEnvironment,
    /// A change freeze raised it; a backup earlier in the plan does not undo that.
    ChangeFreeze,
    /// The plan backs up what this finding destroys at the given step (1-based) before it.
    BackedUp(usize),
    /// The plan changes these rows inside a transaction that the given step (1-based) checks
    /// before `COMMIT`, aborting unless the rows changed are the ones expected.
    Checked(usize),
    /// Found in what a tool returned to the agent: data the step read, not an act of its own.
    Returned,
    /// The approver set a development target and the step acts there: what it loses is the
    /// developers' own, rebuilt from code and seeds, so a loss there is reviewed, and the plan
    /// patterns about backups and recreation leave it alone.
    DevelopersOwn,
}

/// One step while it is being assessed.
pub(crate) struct StepWork {
    pub step: Step,
    pub findings: Vec<Scored>,
    pub commands: Vec<Command>,
    pub tokens: Vec<Token>,
    /// Every word of the step, code and quotes included: what claims about the plan are
    /// looked for in, without reading the plan's words a second time.
    pub all_tokens: Vec<Token>,
    pub environment: Environment,
    /// Raised by plan patterns: the pattern's index and decision.
    pub patterns: Vec<(usize, Decision)>,
}

impl StepWork {
    pub fn decision(&self) -> Decision {
        let own = self
            .findings
            .iter()
            .map(|f| f.decision)
            .max()
            .unwrap_or(Decision::Proceed);
        let joined = self
            .patterns
            .iter()
            .map(|(_, d)| *d)
            .max()
            .unwrap_or(Decision::Proceed);
        own.max(joined)
    }

    /// The finding that decides the step: highest decision, then the harder-to-undo, then the
    /// wider.
    pub fn top(&self) -> Option<&Scored> {
        self.findings.iter().max_by_key(|f| {
            (
                f.decision,
                f.rule.specificity(),
                f.reversibility,
                f.scope,
                std::cmp::Reverse(f.hit.evidence.first().map(|s| s.start)),
            )
        })
    }

    pub fn has_action(&self, action: Action) -> bool {
        self.findings.iter().any(|f| f.rule.action == action)
    }
}

/// A plan assessed: its format, every step's findings and the plan patterns, before any
/// card is written (`explain::report` writes them).
pub(crate) struct Assessed {
    pub format: plan::Format,
    pub work: Vec<StepWork>,
    pub patterns: Vec<crate::report::PatternReport>,
}

/// What a transcript's rewriting learned about the plan text it wrote (see
/// `transcript::Rewritten`); empty for a plan given as text.
#[derive(Default)]
pub(crate) struct Given<'a> {
    /// Spans that tools returned to the agent (data, read for instructions aimed at the
    /// agent).
    pub outside: &'a [Span],
    /// Spans of calls' filters whose matches an earlier read counted as many.
    pub counted: &'a [Span],
}

/// Assesses text that is already a plan (shell, SQL, prose or Markdown), with what a
/// transcript's rewriting knows about it.
pub(crate) fn assess_text(input: &str, options: &Options, given: &Given) -> Assessed {
    let (format, steps) = plan::split(input, options.format);
    let mut state = ShellState::default();
    let mut work: Vec<StepWork> = steps
        .into_iter()
        .map(|step| {
            let counted = given.counted.iter().find(|s| step.span.contains(**s));
            assess_step(input, step, &mut state, options, counted.copied())
        })
        .collect();
    let outside = given.outside;
    claims::attach(input, &mut work, outside, options);
    flows::follow(input, &mut work, outside, options);
    let patterns = patterns::find(input, &mut work);
    Assessed {
        format,
        work,
        patterns,
    }
}

/// A PowerShell deletion fed by a pipeline (`Get-ChildItem -Path X ... | Remove-Item`) and
/// naming no path of its own deletes from the folder the pipeline's first cmdlet lists: that
/// folder says what is lost (`rules::from_folder`). `pipeline` ends with the deleting command.
fn deletes_what_was_listed(pipeline: &[Command], hits: &mut [(&'static Rule, Hit, Option<usize>)]) {
    let Some((last, before)) = pipeline.split_last() else {
        return;
    };
    if !last.program.starts_with("remove-item") {
        return;
    }
    // Back along the pipe by the name of each command's source, past the commands inside a
    // filter's script block (`Where-Object { ... (Get-Date) ... }`), to the one fed by none.
    let mut from = match &last.input {
        Input::Pipe { from, .. } => from,
        _ => return,
    };
    let mut head = None;
    for command in before.iter().rev() {
        if command.program != *from {
            continue;
        }
        match &command.input {
            Input::Pipe { from: earlier, .. } => from = earlier,
            _ => {
                head = Some(command);
                break;
            }
        }
    }
    let Some(folder) = head.and_then(rules::listed_folder) else {
        return;
    };
    for (rule, hit, _) in hits.iter_mut() {
        if rule.action == Action::Delete && hit.target.is_none() {
            hit.evidence.push(folder.span);
            rules::from_folder(hit, folder);
        }
    }
}

fn assess_step(
    input: &str,
    step: Step,
    state: &mut ShellState,
    options: &Options,
    counted: Option<Span>,
) -> StepWork {
    // Words inside backticks are code, not prose, and so are those of a command a colon
    // introduces ("Delete my working files: rm -f /tmp/dsr-*.csv"); a command found after a
    // verb of running still reads as words too, since the sentence may say more than it.
    let code_spans: Vec<Span> = step
        .code
        .iter()
        .map(|c| c.span)
        .filter(|s| {
            let before = input.get(..s.start).unwrap_or_default();
            before.ends_with('`') || before.trim_end_of(b" *_").ends_with(':')
        })
        .collect();
    let all_tokens = prose::tokens(input, step.span, &[]);
    let environment = Environment {
        counted,
        ..Environment::of(&all_tokens, &options.policy)
    };
    let mut hits: Vec<(&'static Rule, Hit, Option<usize>)> = Vec::new();
    let mut commands = Vec::new();
    for code in &step.code {
        // A block of program code is read for the commands it runs and the files it deletes,
        // the way a heredoc given to an interpreter is.
        let parsed = match code.kind {
            CodeKind::Shell => parse_commands(input, code.span, state),
            CodeKind::Interpreted => {
                // The SQL it hands a database driver is judged as SQL.
                for statement in crate::shell::inline::sql_literals(input, code.span) {
                    sql_hits(input, statement, state, &mut hits);
                }
                crate::shell::inline::commands(input, code.span, state)
            }
            CodeKind::Sql => {
                sql_hits(input, code.span, state, &mut hits);
                continue;
            }
        };
        for (at, command) in parsed.iter().enumerate() {
            let before = hits.len();
            let index = commands.len() + at;
            let shown = command_hits(input, command, state, &mut hits, index);
            // `$users | Disable-ADAccount`: in PowerShell a variable at the head of a pipeline
            // hands its value to the next cmdlet; it runs nothing itself. So does a quoted
            // value or a list of them (`'C:\Logs','D:\Temp' | ForEach-Object { ... }`).
            let hands_on = command.args.is_empty()
                && (rules::is_variable_name(&command.program)
                    || command
                        .program_span
                        .slice(input)
                        .starts_with(&['\'', '"'][..]))
                && parsed.get(at + 1).is_some_and(|next| {
                    matches!(&next.input, Input::Pipe { from, .. } if *from == command.program)
                        && rules::verb_noun_lower(&next.program)
                });
            if hits.len() == before && !shown && !hands_on {
                if let Some((rule, hit, _)) = unmatched_command(input, command) {
                    hits.push((rule, hit, Some(index)));
                }
            }
            deletes_what_was_listed(&parsed[..=at], &mut hits[before..]);
        }
        commands.extend(parsed);
    }
    // A file whose text the step's words show ("Write `policy.json`: `{...}`"): a later
    // command handed it (`--policy file://policy.json`) is given that text.
    if step.prose {
        for (path, body) in files_shown(input, &step) {
            if state.scripts.len() >= 256 {
                state.scripts.remove(0);
            }
            state.scripts.push((path, body));
        }
    }
    // The project's own packages or build output deleted and made again later in the same step
    // (`rm -rf node_modules dist && npm ci`): nothing is lost that the step does not rebuild.
    for (rule, hit, at) in hits.iter_mut() {
        // Cheapest test first: most hits are no deletion of a command at all.
        let Some(at) = at.filter(|_| rule.action == Action::Delete) else {
            continue;
        };
        if !commands.get(at).is_some_and(rules::deletes_regenerated) {
            continue;
        }
        let remade = commands.iter().skip(at + 1).find(|c| rules::remakes(c));
        if let (Some(remade), Some(rebuilt)) = (remade, rules::find("fs.rebuilt-output")) {
            *rule = rebuilt;
            hit.reversibility = None;
            hit.scope = None;
            hit.set_instead(String::new());
            hit.note_with("`{}` makes it again.", remade.span.slice(input));
        }
    }
    // What the plan itself made earlier (a scratch folder, a dump, a container it started by
    // name) and nothing else, removed again: nothing that was there before the plan is lost.
    for (rule, hit, at) in hits.iter_mut() {
        let Some(at) = at.filter(|_| rule.action == Action::Delete) else {
            continue;
        };
        let maker = commands
            .get(at)
            .and_then(|command| made_by_plan(command, state));
        if let (Some(maker), Some(own)) = (maker, rules::find("fs.own-output")) {
            *rule = own;
            hit.reversibility = None;
            hit.scope = None;
            hit.floor = None;
            hit.set_instead(None);
            hit.note_with("The plan made it: `{}`.", maker.slice(input));
        }
    }
    // A request whose body is a file the plan wrote, and that body asks the API for a dry run
    // (`"dry_run": true`): the API answers with what it would do and changes nothing. The
    // file's text is the evidence, not the plan's words about it.
    for (rule, hit, at) in hits.iter_mut() {
        if rule.action != Action::Change {
            continue;
        }
        let Some(command) = at.and_then(|at| commands.get(at)) else {
            continue;
        };
        if let Some(asked) = asks_dry_run(input, command, state) {
            hit.reversibility = Some(crate::model::Reversibility::Reversible);
            hit.scope = Some(crate::model::Scope::None);
            hit.floor = None;
            hit.evidence.push(asked);
            hit.note_with(
                "Its body, a file the plan wrote, asks for a dry run (`{}`): nothing changes.",
                asked.slice(input),
            );
        }
    }
    // A fenced block under the step's words is configuration it installs: a CI workflow in one
    // is read for what it will run with.
    for block in &step.blocks {
        for (rule, hit) in rules::workflow_content(input, *block) {
            hits.push((rule, hit, None));
        }
    }
    // The step's words without its inline code and without what it quotes (a test's name, an
    // issue's title, what a comment says): the same tokens, filtered, not read again.
    let quoted = plan::quoted_spans(input, step.span);
    let mut tokens: Vec<Token> = if step.prose {
        all_tokens
            .iter()
            .filter(|t| !code_spans.iter().any(|k| k.contains(t.span)))
            .filter(|t| !quoted.iter().any(|q| q.contains(t.span)))
            .filter(|t| !step.blocks.iter().any(|b| b.contains(t.span)))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    if step.prose {
        mark_code_described(input, &mut tokens);
        let before = hits.len();
        for rule in &rules::index().prose {
            if let Matcher::Prose(pattern) = &rule.matcher {
                if let Some(mut hit) = match_prose(pattern, &tokens) {
                    // "Remove unused code", "clean up the unused imports": deleting or tidying
                    // code is work in the working copy, not a deletion somewhere else.
                    if matches!(rule.action, Action::Delete | Action::Opaque)
                        && acts_on_code_only(&tokens, &hit)
                    {
                        continue;
                    }
                    // "Reset the form state in `src/Form.tsx`": whatever the verb, the clause
                    // edits a source file of the working copy. Sending, granting or switching
                    // off a safety net stays what it is, wherever the words say it happens.
                    if matches!(
                        rule.action,
                        Action::Delete
                            | Action::DeleteRecreate
                            | Action::Change
                            | Action::Create
                            | Action::Revoke
                            | Action::Opaque
                    ) && verb_of(&tokens, &hit).is_some_and(|(verb, _)| {
                        edits_a_source_file(&tokens, prose::clause_of(&tokens, verb))
                    }) {
                        continue;
                    }
                    if rule.action == Action::Delete {
                        in_working_copy(input, &tokens, &mut hit);
                    }
                    hits.push((rule, hit, None));
                }
            }
        }
        // A step that both deletes and recreates is one finding, not three.
        if hits[before..]
            .iter()
            .any(|(r, _, _)| r.action == Action::DeleteRecreate)
        {
            let mut i = before;
            while i < hits.len() {
                if hits[i].0.action == Action::Delete && hits[i].0.id().starts_with("prose.") {
                    hits.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        // "Delete the branch protection": what is deleted is a safety net, and the finding
        // that says so is the step's, not a deletion of data on the same words. Only a safety
        // finding that weighs at least as much takes its place ("remove the old backups"
        // stays a deletion of data).
        let weight = |rule: &Rule| crate::model::decide(rule.reversibility, rule.scope);
        let safety: Vec<(Span, Decision)> = hits[before..]
            .iter()
            .filter(|(r, _, _)| r.action == Action::DisableSafety)
            .flat_map(|(r, h, _)| h.evidence.iter().map(|e| (*e, weight(r))))
            .collect();
        if !safety.is_empty() {
            let mut i = before;
            while i < hits.len() {
                let (rule, hit, _) = &hits[i];
                let same_words = hit.evidence.iter().any(|e| {
                    safety
                        .iter()
                        .any(|(s, w)| s.start < e.end && e.start < s.end && *w >= weight(rule))
                });
                if rule.action == Action::Delete && same_words {
                    hits.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        // Words that describe the step's own command ("Remove Jordan's home directory:
        // `ssh bastion-1 'sudo rm -rf /home/jordan.lee'`") are not a second deletion: what a
        // rule recognises in the command is what runs, judged where it runs.
        let family = |action: Action| match action {
            Action::DeleteRecreate => Action::Delete,
            other => other,
        };
        let described: Vec<Action> = hits[..before]
            .iter()
            .filter(|(rule, _, command)| command.is_some() && rule.specificity() == 2)
            .map(|(rule, _, _)| family(rule.action))
            .collect();
        if !described.is_empty() {
            let mut i = before;
            while i < hits.len() {
                if described.contains(&family(hits[i].0.action)) {
                    hits.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        if hits.is_empty() && step.code.is_empty() && !shows_file_written(input, &step) {
            if let Some(hit) = unmatched_prose(&tokens) {
                hits.push(hit);
            }
        }
    }
    let mut findings: Vec<Scored> = hits
        .into_iter()
        .filter(|(rule, _, _)| !options.policy.is_disabled(rule.id()))
        .map(|(rule, hit, command)| {
            let command = command.and_then(|i| commands.get(i));
            place::place(input, rule, hit, command, &tokens, &environment, options)
        })
        .collect();
    dedupe(&mut findings);
    StepWork {
        step,
        findings,
        commands,
        tokens,
        all_tokens,
        environment,
        patterns: Vec::new(),
    }
}

/// A step whose words name a working-copy file and end with a colon before a fenced block of
/// configuration, and say nothing after it ("Let Dependabot keep the pins current, in
/// `.github/dependabot.yml`:", "Make the platform team the code owners, in
/// `.github/CODEOWNERS`:"): the block is what the file will hold, and the words describe it.
/// Its verbs are the file's content, not acts (what the block configures is read apart, as a
/// workflow's is).
fn shows_file_written(input: &str, step: &crate::plan::Step) -> bool {
    /// Files a repository holds at its root or in `.github/` without an extension.
    const REPOSITORY_FILES: Words = words![
        "codeowners",
        "dockerfile",
        "makefile",
        "procfile",
        "gemfile",
        "jenkinsfile",
        ".gitignore",
        ".gitattributes",
        ".editorconfig",
        ".dockerignore",
    ];
    let (Some(first), Some(last)) = (step.blocks.first(), step.blocks.last()) else {
        return false;
    };
    let words = input.get(step.span.start..first.start).unwrap_or("");
    let after = input.get(last.end..step.span.end).unwrap_or("x");
    if !words.trim_end().ends_with(':') || !after.trim().is_empty() {
        return false;
    }
    words
        .split(&[' ', '\t', '\n', '\r', '`'][..])
        .map(|word| word.trim_end_matches(&[':', ',', '.', ';'][..]))
        .any(|word| {
            let name = word.after_last(b'/').to_ascii_lowercase();
            (is_workspace_file(word) && !word.starts_with(&['/', '~'][..]))
                || REPOSITORY_FILES.contains(name.as_str())
        })
}

/// Files a prose step shows the text of: a file name in inline code, a colon, and the text in
/// inline code right after it (`` `policy.json`: `{"Statement": ...}` ``), or in the first block
/// under the step when its words end with the colon. The path as written and the text's span.
fn files_shown(input: &str, step: &crate::plan::Step) -> Vec<(String, Span)> {
    let text = step.span.slice(input);
    // Every prose step passes here; only one with a colon can show a file's text.
    if !text.contains(':') {
        return Vec::new();
    }
    // Inline code spans: a backtick run of one, its text, the closing backtick.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(open) = text[at..].find('`').map(|i| at + i) {
        if bytes.get(open + 1) == Some(&b'`') {
            at = open + text[open..].find(|c| c != '`').unwrap_or(text.len() - open);
            continue;
        }
        let Some(close) = text[open + 1..].find('`').map(|i| open + 1 + i) else {
            break;
        };
        spans.push((open + 1, close));
        at = close + 1;
    }
    let names_file = |name: &str| {
        !name.is_empty()
            && !name.contains(char::is_whitespace)
            && !name.contains("://")
            && name
                .after_last(b'/')
                .split_last(b'.')
                .is_some_and(|(stem, ext)| !stem.is_empty() && (1..=5).contains(&ext.len()))
    };
    let mut out = Vec::new();
    for pair in spans.windows(2) {
        let ((a, b), (c, d)) = (pair[0], pair[1]);
        let between = &text[b + 1..c - 1];
        if between.trim() == ":" && names_file(&text[a..b]) && d > c {
            let start = step.span.start;
            out.push((text[a..b].to_string(), Span::new(start + c, start + d)));
        }
    }
    if let Some(block) = step.blocks.first() {
        let words = input.get(step.span.start..block.start).unwrap_or("");
        if words.trim_end().ends_with(':') {
            let before = block.start - step.span.start;
            if let Some(&(a, b)) = spans.iter().rev().find(|(_, b)| *b < before) {
                if names_file(&text[a..b]) {
                    out.push((text[a..b].to_string(), *block));
                }
            }
        }
    }
    out
}

/// Two findings of the same rule with the same evidence are one. Findings are grouped by a
/// hash of that key through the engine's one sort (see `order.rs`; a hash set would compile
/// another table into the page), so a step of thousands of commands costs their number, not
/// its square; only findings whose hashes agree are compared.
fn dedupe(findings: &mut Vec<Scored>) {
    use std::hash::{Hash, Hasher};
    if findings.len() < 2 {
        return;
    }
    let mut order: Vec<(u64, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut hasher = crate::words::QuickHasher::default();
            f.rule.id().hash(&mut hasher);
            f.hit.evidence.hash(&mut hasher);
            (hasher.finish(), i)
        })
        .collect();
    crate::order::sort_by_rank(&mut order, |(hash, _)| *hash);
    let same =
        |a: &Scored, b: &Scored| a.rule.id() == b.rule.id() && a.hit.evidence == b.hit.evidence;
    let mut keep = vec![true; findings.len()];
    let mut run = 0;
    while run < order.len() {
        let end = run
            + order[run..]
                .iter()
                .take_while(|(h, _)| *h == order[run].0)
                .count();
        // Stable: within a run the earliest finding comes first and is the one kept.
        for a in run..end {
            let first = order[a].1;
            if !keep[first] {
                continue;
            }
            for &(_, other) in &order[a + 1..end] {
                if keep[other] && same(&findings[first], &findings[other]) {
                    keep[other] = false;
                }
            }
        }
        run = end;
    }
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// Judges one command, and returns whether it runs a script the plan wrote (whose lines were
/// judged in its place, so it is not a script the plan does not show).
fn command_hits(
    input: &str,
    command: &Command,
    state: &mut ShellState,
    hits: &mut Vec<(&'static Rule, Hit, Option<usize>)>,
    command_index: usize,
) -> bool {
    let start = hits.len();
    if let Some(candidates) = rules::index().by_program.get(command.program.as_str()) {
        for rule in candidates {
            let hit = match &rule.matcher {
                Matcher::Command(pattern) => match_command(pattern, command),
                Matcher::CommandFn { check, .. } => check(command),
                _ => None,
            };
            if let Some(mut hit) = hit {
                if matches!(rule.action, Action::Delete | Action::DeleteRecreate) {
                    if let Some((at, bucket)) = rules::whole_bucket_if_empty(command) {
                        // As the plan writes it: the value may hold what a variable was set to.
                        let url = at.slice(input).trim_matches(&['"', '\''][..]);
                        hit.floor = Some(crate::model::Decision::Block);
                        hit.set_note(crate::words::fill2("If a variable in `{}` is empty, the path is `{}`: every object in the bucket goes.", url, bucket));
                    }
                }
                hits.push((rule, hit, Some(command_index)));
            }
        }
    }
    // What a file the system runs by itself is given (a cron line, a unit's ExecStart, a login
    // script) runs later: its commands are judged here, where the plan installs them. A CI
    // workflow written is read for what it will run with.
    let written = rules::written(command);
    if let Some((path, Some(body))) = written {
        for (rule, hit) in rules::workflow_content(input, body) {
            hits.push((rule, hit, Some(command_index)));
        }
        // The latest few hundred are kept: a plan that writes thousands of files must not make
        // every later command compare its name with all of them.
        if state.scripts.len() >= 256 {
            state.scripts.remove(0);
        }
        let path = path.value.trim_matches(&['"', '\''][..]).to_string();
        state.scripts.push((path, body));
    }
    let shown = runs_script(input, command, state, hits, (start, command_index));
    let code = embedded_code(input, command).into_iter().chain(
        rules::installed(input, command)
            .into_iter()
            .map(|span| (CodeKind::Shell, span)),
    );
    // What a database shell or a shell reads from `-c` or a heredoc is code of its own.
    for (kind, span) in code {
        match kind {
            CodeKind::Sql => sql_hits(input, span, state, hits),
            CodeKind::Shell | CodeKind::Interpreted => {
                let inner_commands = if kind == CodeKind::Shell {
                    parse_commands(input, span, state)
                } else {
                    for statement in crate::shell::inline::sql_literals(input, span) {
                        sql_hits(input, statement, state, hits);
                    }
                    crate::shell::inline::commands(input, span, state)
                };
                for inner in inner_commands {
                    // A line that feeds a database shell a file the plan wrote (`psql -f
                    // retention.sql` in a cron line) runs the statements in that file each time.
                    let written = sql_file(&inner).and_then(|f| Some((f, state.script_at(f)?)));
                    if let Some((file, at)) = written {
                        let body = state.scripts[at].1;
                        let first = hits.len();
                        sql_hits(input, body, &mut ShellState::default(), hits);
                        for (_, hit, _) in &mut hits[first..] {
                            hit.note_with("Each run executes `{}`, which the plan wrote; the statement is in that file.", file);
                        }
                    }
                    let before = hits.len();
                    let shown = command_hits(input, &inner, state, hits, command_index);
                    if hits.len() == before && !shown {
                        if let Some(hit) = unmatched_command(input, &inner) {
                            hits.push(hit);
                        }
                    }
                }
            }
        }
    }
    shown
}

/// The file a database shell is told to run (`psql -f x.sql`, `--file=x.sql`).
fn sql_file(command: &Command) -> Option<&str> {
    if !words!["psql", "mysql", "mariadb", "sqlite3", "cockroach"]
        .contains(command.program.as_str())
    {
        return None;
    }
    let args = &command.args;
    args.iter().enumerate().find_map(|(i, a)| {
        let v = a.value.as_str();
        v.strip_prefix("--file=").or_else(|| {
            (v == "-f" || v == "--file")
                .then(|| args.get(i + 1).map(|next| next.value.as_str()))
                .flatten()
        })
    })
}

/// A command that runs a file the plan wrote earlier (`/usr/local/sbin/prune`, `./fix.sh`,
/// `sh fix.sh`, a cron line naming it): the lines the plan wrote into it are what this command
/// does, judged here, in place of the command's own hits that say the script is unseen
/// (those from `start` on). The file is set aside while its own lines are read, so a script that
/// calls itself is read once.
fn runs_script(
    input: &str,
    command: &Command,
    state: &mut ShellState,
    hits: &mut Vec<(&'static Rule, Hit, Option<usize>)>,
    (start, command_index): (usize, usize),
) -> bool {
    // Every command passes here; most plans write no script at all.
    if state.scripts.is_empty() {
        return false;
    }
    if command.program == "ansible-playbook" {
        return runs_playbook(input, command, state, hits, command_index);
    }
    let shells = words!["sh", "bash", "zsh", "dash"].contains(command.program.as_str());
    let invoked = if shells {
        command.positionals().next().map(|a| a.value.as_str())
    } else {
        Some(
            command
                .program_span
                .slice(input)
                .trim_matches(&['"', '\''][..]),
        )
    };
    let Some(at) = invoked.and_then(|p| state.script_at(p)) else {
        return false;
    };
    let (path, body) = state.scripts.remove(at);
    // The script is in the plan after all: this command's "runs a script the plan does not
    // show" gives way to what its lines do.
    let mut index = 0;
    hits.retain(|(rule, _, _)| {
        index += 1;
        index <= start || !rule.id().starts_with("shell.unseen")
    });
    let before = hits.len();
    judge_lines(
        input,
        rules::script_lines(input, body),
        state,
        hits,
        command_index,
    );
    for (_, hit, _) in &mut hits[before..] {
        hit.evidence.insert(0, command.program_span);
        if hit.note.is_none() {
            hit.note_with(
                "It runs `{}`, which the plan wrote earlier; this line is in it.",
                &path,
            );
        }
    }
    state.scripts.insert(at, (path, body));
    true
}

/// Judges each command on `lines` (a script's or a playbook's, run by the command at
/// `command_index`) as a command of the step: the rules that match it, or the fallback.
fn judge_lines(
    input: &str,
    lines: Vec<Span>,
    state: &mut ShellState,
    hits: &mut Vec<(&'static Rule, Hit, Option<usize>)>,
    command_index: usize,
) {
    for line in lines {
        for inner in parse_commands(input, line, state) {
            let before = hits.len();
            let shown = command_hits(input, &inner, state, hits, command_index);
            if hits.len() == before && !shown {
                if let Some(hit) = unmatched_command(input, &inner) {
                    hits.push(hit);
                }
            }
        }
    }
}

/// `ansible-playbook PLAYBOOK` on a playbook the plan wrote or showed: its `shell` and
/// `command` tasks are judged as the commands they run, and a `file` task with `state:
/// absent` deletes its path on every host the play targets (`rules::playbook_removals`).
fn runs_playbook(
    input: &str,
    command: &Command,
    state: &mut ShellState,
    hits: &mut Vec<(&'static Rule, Hit, Option<usize>)>,
    command_index: usize,
) -> bool {
    let Some((path, body)) = command
        .positionals()
        .find_map(|a| state.script_at(&a.value))
        .map(|at| state.scripts[at].clone())
    else {
        return false;
    };
    let before = hits.len();
    judge_lines(
        input,
        rules::playbook_commands(input, body),
        state,
        hits,
        command_index,
    );
    if let Some(rule) = rules::find("ansible.playbook-removes") {
        let limited = command
            .args
            .iter()
            .any(|a| a.value == "--limit" || a.value == "-l" || a.value.starts_with("--limit="));
        for mut hit in rules::playbook_removals(input, body, limited) {
            hit.evidence.insert(0, command.program_span);
            hits.push((rule, hit, Some(command_index)));
        }
    }
    for (_, hit, _) in &mut hits[before..] {
        if hit.note.is_none() {
            hit.note_with(
                "It runs `{}`, which the plan wrote earlier; this task is in it.",
                &path,
            );
        }
    }
    true
}

const INTERPRETERS: Words =
    words!["python", "python2", "python3", "node", "nodejs", "deno", "bun", "perl", "ruby", "php",];

const SQL_SHELLS: Words = words![
    "psql",
    "mysql",
    "mariadb",
    "sqlite3",
    "sqlcmd",
    "cockroach",
    "clickhouse-client",
    "duckdb",
    "snowsql",
    "bq",
];

/// Code a command carries inside it: SQL given to a database shell with `-c`/`-e` or in a
/// heredoc, and a script fed to a shell through a heredoc. Never inlined: two callers, and a
/// copy in each costs the page half a kilobyte.
#[inline(never)]
fn embedded_code(input: &str, command: &Command) -> Vec<(CodeKind, Span)> {
    let mut out = Vec::new();
    // The Snowflake CLI's `snow sql` takes its SQL with `-q`; its `-c` names a connection.
    let snow = command.program == "snow" && command.args.first().is_some_and(|a| a.value == "sql");
    let sql_shell = snow || SQL_SHELLS.contains(&command.program.as_str());
    if sql_shell {
        let flags = if snow {
            words!["-q", "--query"]
        } else {
            words!["-c", "--command", "-e", "--execute", "-Q", "-q", "--query"]
        };
        let mut args = command.args.iter();
        while let Some(arg) = args.next() {
            let inline = flags.iter().find_map(|f| {
                arg.value
                    .strip_prefix(f)
                    .and_then(|r| r.strip_prefix('='))
                    .map(|_| arg)
            });
            // Short flags bundled before the one that takes the SQL (`psql -Atc "..."`,
            // `mysql -Ne "..."`).
            let flag = arg.value.as_str();
            let bundled = !snow
                && flag.len() > 2
                && flag.starts_with('-')
                && flag[1..].bytes().all(|b| b.is_ascii_alphabetic())
                && flag.ends_with(&['c', 'e'][..]);
            let value = if bundled || flags.contains(arg.value.as_str()) {
                args.next()
            } else {
                inline
            };
            if let Some(value) = value {
                out.push((CodeKind::Sql, string_inner(input, value)));
            }
        }
        // sqlite3 takes the SQL as the argument after the database file.
        if command.program == "sqlite3" {
            if let Some(sql) = command
                .args
                .iter()
                .filter(|a| !a.value.starts_with('-'))
                .nth(1)
            {
                out.push((CodeKind::Sql, string_inner(input, sql)));
            }
        }
    }
    let interpreter = INTERPRETERS.contains(&command.program.as_str());
    if interpreter {
        let mut args = command.args.iter();
        while let Some(arg) = args.next() {
            if words!["-c", "-e", "-E", "--eval", "-r", "-p", "--print"]
                .contains(arg.value.as_str())
            {
                if let Some(code) = args.next() {
                    out.push((CodeKind::Interpreted, string_inner(input, code)));
                }
            }
        }
    }
    // `ansible HOSTS -m shell -a "..."`: an ad-hoc command runs its `-a` text on every host;
    // the command and shell modules (the default is command) take a command line.
    if command.program == "ansible" {
        let module = command
            .args
            .iter()
            .position(|a| a.value == "-m" || a.value == "--module-name")
            .and_then(|at| command.args.get(at + 1))
            .map_or("command", |m| m.value.as_str());
        let text = command
            .args
            .iter()
            .position(|a| a.value == "-a" || a.value == "--args")
            .and_then(|at| command.args.get(at + 1));
        if let (true, Some(text)) = (
            words![
                "command",
                "shell",
                "raw",
                "ansible.builtin.command",
                "ansible.builtin.shell"
            ]
            .contains(module),
            text,
        ) {
            out.push((CodeKind::Shell, string_inner(input, text)));
        }
    }
    if let Input::Inline { body, .. } = &command.input {
        if sql_shell {
            out.push((CodeKind::Sql, *body));
        } else if words!["sh", "bash", "zsh", "dash", "ksh"].contains(command.program.as_str()) {
            out.push((CodeKind::Shell, *body));
        } else if interpreter {
            out.push((CodeKind::Interpreted, *body));
        }
    }
    out
}

/// The inside of an argument written as one quoted string (`"SELECT ..."`), read from the
/// input's bytes: a variable the plan set may have changed the value's length (`'$SLUG'`), and
/// the code is still the text between the quotes.
fn string_inner(input: &str, arg: &crate::shell::Arg) -> Span {
    let bytes = arg.span.slice(input).as_bytes();
    let quoted = arg.quoted
        && bytes.len() >= 2
        && matches!(bytes[0], b'"' | b'\'')
        && bytes.last() == Some(&bytes[0]);
    if quoted {
        Span::new(arg.span.start + 1, arg.span.end - 1)
    } else {
        arg.span
    }
}

/// Statements that change no rows and no schema. `VACUUM` and `CHECKPOINT` are maintenance:
/// the forms that lock a table (`VACUUM FULL`) have rules of their own, which still fire.
/// `COMMENT ON` only sets an object's description.
const SQL_READS: Words = words![
    "select",
    "show",
    "explain",
    "describe",
    "desc",
    "values",
    "table",
    "pragma",
    "begin",
    "commit",
    "start",
    "set",
    "use",
    "\\d",
    "analyze",
    "vacuum",
    "checkpoint",
    "comment",
];

/// A `CREATE FUNCTION` whose body calls out over the network is remembered by name (see
/// `ShellState::senders`); a `CREATE TRIGGER` that runs one of those is the hit, on the
/// function's name in the trigger.
fn trigger_sends(words: &[sql::SqlWord], state: &mut ShellState) -> Option<Hit> {
    let word = |at: usize| words.get(at).map_or("", |w| w.text.as_str());
    let bare = |name: &str| name.rsplit('.').next().unwrap_or("").to_string();
    if word(0) != "create" {
        return None;
    }
    let kind = if word(1) == "or" { 3 } else { 1 };
    match word(kind) {
        "function" | "procedure" => {
            let sends = words
                .iter()
                .any(|w| rules::SENDS_OUT.iter().any(|call| w.text.contains(call)));
            if sends && state.senders.len() < 64 {
                state.senders.push(bare(word(kind + 1)));
            }
            None
        }
        "trigger" | "constraint" => {
            let name = words.get(words.iter().position(|w| w.text == "execute")? + 2)?;
            state.senders.contains(&bare(&name.text)).then(|| {
                let mut hit = Hit::on(name.span);
                hit.target(&name.raw);
                hit
            })
        }
        _ => None,
    }
}

pub(crate) fn sql_hits(
    input: &str,
    span: Span,
    state: &mut ShellState,
    hits: &mut Vec<(&'static Rule, Hit, Option<usize>)>,
) {
    for statement in plan::sql_statements(input, span)
        .into_iter()
        .flat_map(|statement| sql::with_parts(input, statement))
    {
        let words = sql::words(input, statement);
        if rules::sets_lock_timeout(&words) {
            state.lock_timeout = true;
        }
        let before = hits.len();
        if let Some(hit) = trigger_sends(&words, state) {
            if let Some(rule) = rules::find("sql.trigger-sends-rows") {
                hits.push((rule, hit, None));
            }
        }
        for rule in &rules::index().sql {
            match &rule.matcher {
                Matcher::Sql(pattern) => {
                    if let Some(mut hit) = match_sql(pattern, &words) {
                        if let Some(build) = pattern.instead_from {
                            hit.set_instead(build(input, &words, statement));
                        }
                        hits.push((rule, hit, None));
                    }
                }
                Matcher::SqlFn(check) => {
                    if let Some(hit) = check(input, &words, statement) {
                        hits.push((rule, hit, None));
                    }
                }
                _ => {}
            }
        }
        let Some(first) = words.first() else { continue };
        // `COPY (SELECT ...) TO 'file'` and `\copy orders TO ...` write rows out to a file
        // (where they go is followed in `records.rs`); `COPY orders FROM` loads them in.
        let copies_out = matches!(first.text.as_str(), "copy" | "\\copy")
            && words
                .iter()
                .skip(1)
                .find(|w| matches!(w.text.as_str(), "to" | "from" | "select"))
                .is_some_and(|w| w.text != "from");
        let reads = SQL_READS.contains(&first.text.as_str())
            || copies_out
            || sql::in_transaction(&words) == sql::InTransaction::Check
            || (first.text == "with"
                && !words
                    .iter()
                    .any(|w| words!["insert", "update", "delete"].contains(w.text.as_str())));
        let generic = hits.len() == before && !reads;
        if generic {
            if let Some(rule) = rules::find("sql.change") {
                hits.push((rule, Hit::on(first.span), None));
            }
        }
        // A statement that locks the table queues behind any long query holding it, and every
        // query after it queues behind it: without a lock timeout that wait has no end. An
        // `ALTER TABLE` no specific rule knows takes that lock too.
        let alters_table = words.len() > 1 && words[0].text == "alter" && words[1].text == "table";
        if !state.lock_timeout {
            for (rule, hit, _) in &mut hits[before..] {
                if rules::takes_table_lock(rule) || (alters_table && generic) {
                    let waits = "No `lock_timeout` is set before it: while it waits for the table, every query after it waits too.";
                    let note = match hit.note.take() {
                        Some(note) => crate::words::fill2("{} {}", &note, waits),
                        None => waits.to_string(),
                    };
                    hit.set_note(note);
                }
            }
        }
    }
}

/// Programs whose use changes a system others rely on, and the subcommand words that only
/// read. Anything else they do is a change to review.
const ENVIRONMENT_TOOLS: Words = words![
    // dbt builds tables wherever its target points.
    "dbt",
    "kubectl",
    "oc",
    "helm",
    "terraform",
    "tofu",
    "terragrunt",
    "pulumi",
    "aws",
    "gcloud",
    "gsutil",
    "az",
    "doctl",
    "heroku",
    "vercel",
    "netlify",
    "flyctl",
    "fly",
    "wrangler",
    "firebase",
    "eksctl",
    "ansible",
    "ansible-playbook",
    "argocd",
    "flux",
    "vault",
    "stripe",
    "twilio",
    "psql",
    "mysql",
    "mongo",
    "mongosh",
    "redis-cli",
    "valkey-cli",
    "keydb-cli",
    "cqlsh",
    "bq",
    "snow",
    "systemctl",
    "service",
    // Airflow's CLI runs against the scheduler's database: `dags list-runs` reads, `tasks
    // clear` and `dags trigger` change what runs.
    "airflow",
];

/// Subcommands of environment tools that change what they name; the words after one are its
/// object, never a verb of reading.
const CHANGING_SUBCOMMANDS: Words = words![
    "scale",
    "delete",
    "create",
    "apply",
    "patch",
    "replace",
    "edit",
    "annotate",
    "label",
    "drain",
    "cordon",
    "uncordon",
    "taint",
    "expose",
    "autoscale",
    "deploy",
    "update",
    "upgrade",
    "install",
    "uninstall",
    "destroy",
    "remove",
    "rm",
    "put",
    "set",
    "restart",
    "stop",
    "start",
];

const READING_WORDS: Words = words![
    "get",
    // Stripe's word for reading one object (`stripe charges retrieve`, a tool's
    // `retrieve_payment_intent`).
    "retrieve",
    "describe",
    "details",
    "tail",
    "logs",
    "log",
    "top",
    "explain",
    "diff",
    "version",
    "help",
    "list",
    "ls",
    "show",
    "status",
    "plan",
    "validate",
    "fmt",
    "output",
    "whoami",
    // Vault's `token lookup` and `token capabilities` describe the token in use.
    "lookup",
    "capabilities",
    "history",
    "search",
    "inspect",
    "view",
    "lint",
    "template",
    "config",
    "info",
    "cat",
    "read",
    "auth",
    "login",
    "current-context",
    "get-contexts",
    "api-resources",
    "cluster-info",
    "providers",
    "graph",
    "state",
    "preview",
    "init",
    "login",
    "is-active",
    "is-enabled",
    "list-units",
    "query",
    "wait",
    // Code generators write files into the working copy (`rails generate model`, `prisma
    // generate`), where the next commit holds them.
    "generate",
];

/// A command no rule matched: nothing when it only reads or stays in the workspace, a change to
/// review when it drives a shared system, unknown when the engine does not know the program.
fn unmatched_command(
    input: &str,
    command: &Command,
) -> Option<(&'static Rule, Hit, Option<usize>)> {
    if let Some(found) = http_request(input, command) {
        return Some(found);
    }
    // A web cmdlet that neither writes nor deletes fetches, as `curl` does.
    if WEB_CMDLETS.contains(command.program.as_str()) {
        return None;
    }
    if rules::is_routine(command)
        || asks_for_help(command)
        || rules::is_plain_assignment(command)
        || rules::is_expression(command)
        || member_access(command)
    {
        return None;
    }
    if let Some(found) = fed_deletion(command) {
        return Some(found);
    }
    let program = command.program.as_str();
    if let Some(found) = package_script(command) {
        return Some(found);
    }
    if rules::is_script_name(program) && !rules::is_known_program(program) {
        if let Some(hit) = rules::unseen_ops_script(command) {
            return Some((rules::find("shell.unseen-ops-script")?, hit, None));
        }
        let rule = rules::find("shell.unseen-script")?;
        return Some((rule, rules::unseen_script(command)?, None));
    }
    // A runner (`npx prisma ...`, `bundle exec rails ...`) starting a tool that changes an
    // environment is judged as that tool. (Which other packages a runner may fetch and run
    // unseen is not decided here.)
    let behind = rules::behind_runner(command);
    // `bundle exec rspec`: the runner starts a test runner or formatter, which stays in the
    // working copy. `bundle install` and its kin manage the project's dependencies there.
    if behind
        .as_ref()
        .is_some_and(|(tool, _)| rules::is_workspace_tool(tool))
        || (program == "bundle"
            && command.positionals().next().is_some_and(|w| {
                words!["install", "update", "add", "lock", "check", "outdated"]
                    .contains(w.value.as_str())
            }))
    {
        return None;
    }
    let runs = behind.filter(|(tool, _)| drives_an_environment(tool));
    let (program, words) = match runs {
        Some((tool, words)) => (tool, words),
        None if drives_an_environment(program) => (program, rules::positionals_of(command)),
        None => (program, Vec::new()),
    };
    if drives_an_environment(program) {
        // `aws SERVICE OPERATION`: a service's name (`logs`) is no verb; the operation says
        // whether the command reads (`aws logs put-retention-policy` changes).
        let verbs = match program {
            "aws" => words.get(1..).unwrap_or_default(),
            _ => &words[..],
        };
        // The words after a verb that changes are its object, whatever they are called
        // (`kubectl scale statefulset search-cache`, `helm upgrade list-api`).
        let reads = verbs
            .iter()
            .take(3)
            .take_while(|w| !CHANGING_SUBCOMMANDS.contains(w.value.as_str()))
            .any(|w| {
                let w = w.value.to_ascii_lowercase();
                READING_WORDS.contains(&w.as_str())
                    || words![
                        "describe-",
                        "list-",
                        "get-",
                        "show-",
                        "lookup-",
                        "head-",
                        "wait",
                        "detect-",
                        "validate-",
                        "estimate-",
                        "preview-",
                        "check-",
                        "test-",
                        "search-",
                        "query-",
                        "batch-get-",
                        "filter-",
                        // IAM's policy simulator evaluates what a principal may do.
                        "simulate-"
                    ]
                    .iter()
                    .any(|p| w.starts_with(p))
            });
        // Choosing which account, project or cluster later commands use changes only this
        // machine's settings (`az account set`, `gcloud config set project`, `kubectl config
        // use-context`, `aws configure set region`).
        // Helm's chart repositories and a chart's dependencies are this machine's index and
        // the working copy's `charts/` folder (`helm repo update`, `helm dependency build`).
        let chooses = match (words.first(), words.get(1)) {
            (Some(a), Some(b)) => matches!(
                (program, a.value.as_str(), b.value.as_str()),
                (_, "account", "set")
                    | (_, "config", "set" | "use-context" | "set-context")
                    | (_, "configure", "set")
                    | ("helm", "repo" | "dependency" | "dep", _)
            ),
            _ => false,
        };
        let reads = reads || chooses;
        // Redis commands are their own vocabulary: `CONFIG SET` is a change, `SCAN` a read.
        let reads = match program {
            "redis-cli" | "valkey-cli" | "keydb-cli" => rules::redis_reads(command),
            "mongosh" | "mongo" => rules::mongo_reads(command),
            _ => reads,
        };
        // A database shell given SQL, or an ad-hoc ansible command given a command line, is
        // judged by what it is given.
        let sql_inside = !embedded_code(input, command).is_empty();
        if reads || sql_inside || words.is_empty() {
            return None;
        }
        let mut evidence = vec![command.program_span];
        evidence.extend(words.iter().take(2).map(|w| w.span));
        let mut hit = Hit::at(evidence);
        // An operation named for deleting (`apps:destroy`, `admin-delete-user`, `droplet
        // delete`) that no rule knows: whether what goes can be brought back is unknown,
        // never taken as a reversible change.
        // Kubernetes tools are left out: their catalogue judges deletions by kind, and a kind
        // it has no rule for (a pod, a job) is one its controller makes again.
        let deleting = verbs
            .iter()
            .take(3)
            .position(|w| names_a_deletion(&w.value));
        if let Some(at) = deleting.filter(|_| !matches!(program, "kubectl" | "oc")) {
            let op = verbs[at];
            // The word after the operation is what it deletes, when one follows
            // (`apps destroy acme-www-pr-912`).
            hit.target = verbs.get(at + 1).map(|w| w.value.clone());
            if !hit.evidence.contains(&op.span) {
                hit.evidence.push(op.span);
            }
            return Some((rules::find("shell.delete-unknown")?, hit, None));
        }
        return Some((rules::find("shell.change")?, hit, None));
    }
    // A Kafka admin tool changing the cluster is a change no rule covers.
    if rules::kafka_changes(command) {
        let rule = rules::find("shell.change")?;
        return Some((rule, Hit::on(command.program_span), None));
    }
    if rules::is_known_program(program) {
        return None;
    }
    // A cmdlet no rule knows still says what it does with its verb: `Remove-CalendarEvents`
    // takes something away, whatever the noun.
    if let Some(hit) = rules::removing_cmdlet(command) {
        return Some((rules::find("ps.remove-other")?, hit, None));
    }
    if rules::changing_cmdlet(command) {
        return Some((
            rules::find("shell.change")?,
            Hit::on(command.program_span),
            None,
        ));
    }
    // `Invoke-Command -ScriptBlock { ... }` runs the block, whose commands are judged on
    // their own; what it runs from a file (`-FilePath`) stays unseen.
    if program == "invoke-command"
        && command
            .args
            .iter()
            .any(|a| a.value.starts_with('{') || a.value.eq_ignore_ascii_case("-scriptblock"))
    {
        return None;
    }
    if asks_to_show(command) {
        return None;
    }
    let rule = rules::find("shell.unrecognized")?;
    Some((rule, Hit::on(command.program_span), None))
}

/// An unknown tool asked by name to show or check something (`algolia apikeys get KEY`,
/// `gitlab-runner verify`, `validate-x12 --strict *.edi`): the operation's name is all the plan
/// says of it, as with `aws ... describe-*`. A word anywhere in the command that deletes or
/// changes (`verify --delete`, `status set`) leaves it unknown.
fn asks_to_show(command: &Command) -> bool {
    const SHOWING: Words = words![
        "get", "list", "ls", "show", "describe", "status", "info", "inspect", "view", "verify",
        "validate", "lint", "check", "whoami", "diff", "logs", "search",
    ];
    let changes = |word: &str| {
        word.split(&['-', ':', '_', '='][..]).any(|part| {
            let part = part.to_ascii_lowercase();
            DESTROYING.contains(part.as_str()) || CHANGING_SUBCOMMANDS.contains(part.as_str())
        })
    };
    let named = command
        .program
        .split(&['-', '_'][..])
        .next()
        .is_some_and(|first| SHOWING.contains(first));
    let asked = command
        .positionals()
        .take(2)
        .any(|w| SHOWING.contains(w.value.to_ascii_lowercase().as_str()));
    (named || asked)
        && !changes(&command.program)
        && !command.args.iter().any(|a| changes(&a.value))
}

/// PowerShell's cmdlets for web requests and their aliases, as the reader gives them.
const WEB_CMDLETS: Words = words!["invoke-webrequest", "invoke-restmethod", "iwr", "irm"];

/// PowerShell's `(Get-AzStorageAccount ...).Encryption.KeyVaultProperties`: the reader takes
/// the parentheses for a group and the property read after them for a command of its own. No
/// program is named `.Name`; running a file takes `./` or a path.
fn member_access(command: &Command) -> bool {
    let mut name = command.program.bytes();
    name.next() == Some(b'.') && name.next().is_some_and(|b| b.is_ascii_alphabetic())
}

/// Words of a command or an operation's name that delete what it names.
const DESTROYING: Words = words![
    "delete",
    "destroy",
    "rm",
    "remove",
    "terminate",
    "drop",
    "purge",
    "erase",
    "wipe",
    "deregister",
    "unregister",
    "decommission",
    "nuke",
];

/// An operation word that destroys what it names, alone or as a part of its name
/// (`delete`, `apps:destroy`, `batch-delete-image`, `terminate-instances`).
fn names_a_deletion(word: &str) -> bool {
    word.split(&['-', ':'][..])
        .any(|part| DESTROYING.contains(&part.to_ascii_lowercase().as_str()))
}

/// A deleting command fed its operands by `xargs` that no specific rule recognised: it deletes
/// whatever the listing before it prints (`... | xargs kubectl delete`).
fn fed_deletion(command: &Command) -> Option<(&'static Rule, Hit, Option<usize>)> {
    if !command.has_wrapper("xargs") {
        return None;
    }
    let words = rules::positionals_of(command);
    // Fed a list, stopping, evicting or revoking every item does as much harm as deleting it.
    let at = words.iter().take(3).position(|word| {
        names_a_deletion(&word.value)
            || words!["uninstall", "kill", "evict", "revoke"]
                .contains(word.value.to_ascii_lowercase().as_str())
    })?;
    // `xargs kubectl delete pod`: the kind is named, so what goes is known to be pods and
    // the step is judged as a change of that kind; only what the listing alone decides (`-o
    // name` prints any kind) is deleted unseen.
    if words.len() > at + 1 {
        return None;
    }
    let verb = words[at];
    let rule = rules::find("shell.fan-out-delete")?;
    Some((rule, Hit::pair(command.program_span, verb.span), None))
}

/// `curl`/`wget`/`http` requests that change something: the method, or a body without one.
/// `gh api` and `glab api` are requests too: fields (`-f`, `-F`, `--input`) make them a POST
/// unless a method is given, as the CLIs document.
fn http_request(input: &str, command: &Command) -> Option<(&'static Rule, Hit, Option<usize>)> {
    let api_cli = matches!(command.program.as_str(), "gh" | "glab")
        && rules::positionals_of(command)
            .first()
            .is_some_and(|w| w.value == "api");
    // PowerShell's web cmdlets: `-Method` says what they do, and a `-Body` without it goes
    // out as a GET's query string.
    let cmdlet = WEB_CMDLETS.contains(command.program.as_str());
    if !api_cli
        && !cmdlet
        && !words!["curl", "wget", "http", "https", "xh"].contains(command.program.as_str())
    {
        return None;
    }
    let args = &command.args;
    let method = args.iter().enumerate().find_map(|(i, a)| {
        let v = a.value.as_str();
        if v == "-X"
            || v == "--request"
            || v == "--method"
            || cmdlet && v.eq_ignore_ascii_case("-method")
        {
            args.get(i + 1)
                .map(|m| (m.value.to_ascii_uppercase(), m.span))
        } else if let Some(m) = v.strip_prefix("-X").filter(|m| !m.is_empty()) {
            Some((m.to_ascii_uppercase(), a.span))
        } else if let Some(m) = v
            .strip_prefix("--request=")
            .or_else(|| v.strip_prefix("--method="))
        {
            Some((m.to_ascii_uppercase(), a.span))
        } else if words!["http", "https", "xh"].contains(command.program.as_str())
            && i == 0
            && words!["DELETE", "POST", "PUT", "PATCH", "delete", "post", "put", "patch"]
                .contains(v)
        {
            Some((v.to_ascii_uppercase(), a.span))
        } else {
            None
        }
    });
    let body = args.iter().find(|a| {
        if cmdlet {
            return false;
        }
        if api_cli {
            return words!["-f", "-F", "--field", "--raw-field", "--input"]
                .contains(a.value.as_str())
                || ["--field=", "--raw-field=", "--input="]
                    .iter()
                    .any(|p| a.value.starts_with(p));
        }
        words![
            "-d",
            "--data",
            "--data-raw",
            "--data-binary",
            "--data-urlencode",
            "-F",
            "--form",
            "--json",
            "--post-data",
            "--post-file",
            "--upload-file"
        ]
        .contains(a.value.as_str())
            // curl's `-T` uploads a file (wget's is a timeout).
            || (a.value == "-T" && command.program == "curl")
            || ["--data=", "--json=", "--post-data=", "--upload-file="]
                .iter()
                .any(|p| a.value.starts_with(p))
    });
    // GraphQL goes over POST either way: a query reads, a mutation writes, and a mutation
    // whose name deletes is a delete.
    let body_text = args
        .iter()
        .position(|a| body.is_some_and(|b| std::ptr::eq(a, b)))
        .and_then(|i| {
            if args[i].value.contains('=') && args[i].value.starts_with("--") {
                Some(&args[i])
            } else {
                args.get(i + 1)
            }
        })
        .map(|a| a.value.to_ascii_lowercase());
    if let Some(text) = &body_text {
        if text.contains("query") || text.contains("mutation") || text.trim_start().starts_with('{')
        {
            let mutation = text.contains("mutation");
            if !mutation && text.contains("query") {
                return None;
            }
            if mutation
                && words!["delete", "remove", "destroy", "drop", "purge", "wipe"]
                    .iter()
                    .any(|w| text.contains(w))
            {
                let rule = rules::find("http.delete-request")?;
                let span = body.map_or(command.program_span, |b| b.span);
                let mut hit = Hit::pair(command.program_span, span);
                hit.note("The request body is a GraphQL mutation that deletes.");
                return Some((rule, hit, None));
            }
        }
    }
    let (id, span) = match (method, body) {
        (Some((m, span)), _) if m == "DELETE" => ("http.delete-request", span),
        (Some((m, span)), _) if words!["POST", "PUT", "PATCH"].contains(m.as_str()) => {
            ("http.write-request", span)
        }
        (None, Some(body)) => ("http.write-request", body.span),
        _ => return None,
    };
    let rule = rules::find(id)?;
    let mut hit = Hit::pair(command.program_span, span);
    hit.set_target(if api_cli {
        // The endpoint: the first word after `api` (`repos/acme/web/pulls`).
        rules::positionals_of(command)
            .into_iter()
            .skip(1)
            .find(|a| a.value.contains('/') || a.value == "graphql")
            .map(|a| a.value.clone())
    } else {
        // The address as the plan writes it (`$J/quietDown`): the card names what the plan
        // names, not a value the engine put together from its variables.
        args.iter().find(|a| a.value.starts_with("http")).map(|a| {
            a.span
                .slice(input)
                .trim_matches(&['"', '\''][..])
                .to_string()
        })
    });
    Some((rule, hit, None))
}

/// `npm run db:push`, `yarn deploy`, `make migrate`, `just reset`: a script defined in the
/// project (package.json, Makefile), whose contents the plan does not show. Everyday scripts
/// (test, build, lint, format, start) are left alone.
fn package_script(command: &Command) -> Option<(&'static Rule, Hit, Option<usize>)> {
    const EVERYDAY: Words = words![
        "test",
        "tests",
        "build",
        "lint",
        "format",
        "fmt",
        "check",
        "typecheck",
        "start",
        "dev",
        "serve",
        "watch",
        "clean",
        "install",
        "ci",
        "coverage",
        "docs",
        "bench",
        "all",
        "compile",
        "e2e",
        "storybook",
        "generate",
        "assemble",
        "verify",
        "package",
        "gen",
        "codegen",
        "openapi",
        "proto",
        "protos",
        "mocks",
        "vet",
    ];
    const OWN_COMMANDS: Words = words![
        "install",
        "i",
        "ci",
        "add",
        "remove",
        "uninstall",
        "update",
        "upgrade",
        "init",
        "test",
        "t",
        "audit",
        "outdated",
        "ls",
        "list",
        "view",
        "info",
        "why",
        "pack",
        "version",
        "help",
        "config",
        "login",
        "logout",
        "whoami",
        "publish",
        "unpublish",
        "deprecate",
        "dist-tag",
        "link",
        "prune",
        "dedupe",
        "cache",
        "exec",
        "dlx",
        "create",
        "set",
        "get",
        "owner",
        "access",
        "search",
        "doctor",
    ];
    let words = rules::positionals_of(command);
    let script = match command.program.as_str() {
        "npm" | "pnpm" | "bun" => match words.first()?.value.as_str() {
            listed if words!["run", "run-script", "rum", "urn"].contains(listed) => words.get(1)?,
            _ => return None,
        },
        "yarn" => match words.first()?.value.as_str() {
            "run" => words.get(1)?,
            other if OWN_COMMANDS.contains(&other) => return None,
            _ => words.first()?,
        },
        listed if words!["make", "just", "rake", "task", "mage"].contains(listed) => {
            words.iter().find(|w| !w.value.contains('='))?
        }
        // Gradle and Maven run every task they are given (`./gradlew :api:check test`): the
        // first one that is not everyday work says what the command does.
        listed if words!["gradle", "gradlew", "mvn", "mvnw"].contains(listed) => words
            .iter()
            .find(|w| !EVERYDAY.contains(build_task(&w.value).as_str()))?,
        _ => return None,
    };
    let name = script.value.to_ascii_lowercase();
    // A database on its own is where tests run too (`test-db`, `e2e_db_up`): it makes an
    // everyday task an operation only with a word that acts on data or on an environment.
    let ops_with = |database: bool| {
        words![
            "deploy",
            "release",
            "migrat",
            "db",
            "seed",
            "reset",
            "drop",
            "push",
            "destroy",
            "delete",
            "purge",
            "prune",
            "rollback",
            "restore",
            "sync",
            "provision",
            "publish",
            "wipe",
            "teardown"
        ]
        .iter()
        .any(|w| name.contains(w) && (database || w != "db"))
    };
    let ops = ops_with(true);
    // An everyday task, whatever it is qualified with (`test:unit`, `e2e-dev`, `lint_fix`),
    // unless the name also says it deploys, migrates or deletes (`test-and-deploy`).
    let first = name.split(&[':', '-', '_'][..]).next().unwrap_or("");
    if EVERYDAY.contains(first) && !ops_with(false) {
        return None;
    }
    let id = if ops {
        "shell.unseen-ops-script"
    } else {
        "shell.unseen-script"
    };
    let mut hit = Hit::pair(command.program_span, script.span);
    hit.target_of(Some(script));
    hit.note_with(
        "`{}` is defined in the project (package.json or Makefile), not in the plan.",
        &script.value,
    );
    // The name is a script's, not a file's: `cat db:push` shows nothing. A package manager's
    // bare `run` lists every script with the command it runs.
    hit.set_instead(match command.program.as_str() {
        listed if words!["npm", "pnpm", "bun", "yarn"].contains(listed) => {
            crate::words::fill("{} run", &command.program)
        }
        _ => String::new(),
    });
    Some((rules::find(id)?, hit, None))
}

/// The kind of work a Gradle or Maven task does, from its name: the task without its
/// project path (`:api:check`), its plugin prefix (`spotless:apply`) or the words after its
/// first (`generateOpenApiDocs` is `generate`), lower-cased.
fn build_task(task: &str) -> String {
    let name = task.after_last(b':');
    let end = name
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_ascii_uppercase() || matches!(c, '-' | '_'))
        .map_or(name.len(), |(at, _)| at);
    name[..end].to_ascii_lowercase()
}

/// The command that made what `command` removes, when all of it (every path `rm` is given, or
/// every container `docker rm` is given) is something an earlier command of the plan made, or
/// lies inside a folder it made.
/// Where the body a request sends from a file the plan wrote (`curl -d @/tmp/body.json`,
/// `--data-binary @body.json`) sets a dry-run switch on (`"dry_run": true`, `"dryRun": true`,
/// `"validate_only": true`): the span of that setting in the file's text.
fn asks_dry_run(input: &str, command: &Command, state: &ShellState) -> Option<Span> {
    if command.program != "curl" {
        return None;
    }
    let file = command.args.windows(2).find_map(|pair| {
        let flag = pair[0].value.as_str();
        if flag == "-d" || flag == "--json" || flag.starts_with("--data") {
            pair[1].value.strip_prefix('@')
        } else {
            None
        }
    })?;
    let body = state.scripts.get(state.script_at(file)?)?.1;
    // Keys compare in lower case with `_` for `-`; both keep every byte where it was.
    let text = crate::words::replace_char(&body.slice(input).to_ascii_lowercase(), '-', "_");
    let mut at = 0;
    for key in text.split('"') {
        let start = at;
        at += key.len() + 1;
        let on = || {
            let rest = text.get(at..).unwrap_or_default().trim_start();
            rest.strip_prefix(':')
                .is_some_and(|value| value.trim_start().starts_with("true"))
        };
        if crate::plan::transcript::DRY_RUN_KEYS.contains(key) && on() {
            return Some(Span::new(
                body.start + start,
                body.start + start + key.len(),
            ));
        }
    }
    None
}

fn made_by_plan(command: &Command, state: &ShellState) -> Option<Span> {
    if state.made.is_empty() {
        return None;
    }
    let operands: Vec<String> = match command.program.as_str() {
        "rm" | "rmdir" => command
            .positionals()
            .map(|a| crate::shell::normal_path(&a.value))
            .collect(),
        "docker" | "podman" => {
            let mut words = command.positionals();
            if words.next().map(|w| w.value.as_str()) != Some("rm") {
                return None;
            }
            words
                .map(|w| crate::words::fill("container:{}", &w.value))
                .collect()
        }
        _ => return None,
    };
    let mut maker = None;
    for operand in &operands {
        let (_, span) = state.made.iter().find(|(made, span)| {
            span.end <= command.span.start
                && (operand == made
                    || operand
                        .strip_prefix(made.as_str())
                        .is_some_and(|rest| rest.starts_with('/')))
        })?;
        maker.get_or_insert(*span);
    }
    maker
}

/// Does this program change an environment (a cluster, a cloud, a database), so that any
/// command of it no rule names is a change to review? The migration tools are listed with the
/// rules that know their wiping commands.
fn drives_an_environment(program: &str) -> bool {
    ENVIRONMENT_TOOLS.contains(&program) || rules::is_migration_tool(program)
}

/// `tool --help`, `tool --version`, `tool help`: asks the program about itself.
fn asks_for_help(command: &Command) -> bool {
    !command.args.is_empty()
        && command.args.len() <= 2
        && command.args.iter().all(|a| {
            words!["--help", "-h", "--version", "-V", "-v", "help", "version"]
                .contains(a.value.as_str())
        })
}

/// Verbs of writing code in the working copy ("implement the API", "write unit tests").
const CODE_WORK: Words = words![
    "implement*",
    "writ*",
    "refactor*",
    "add",
    "edit*",
    "build*",
    "fix*",
    "creat*",
    "updat*",
    "chang*",
    "document*",
    "rename*",
    "mov*",
    "replac*",
    "remov*",
    "insert*",
    "append*",
    "commit*",
    "open",
    "raise",
    "submit",
    "draft",
    "push",
    "pushes",
    "book",
    // Keeping a record on the ticket: what was read, attached or saved to it.
    "save",
    "saves",
    "saving",
    "attach",
    "attaches",
    "attaching",
];

/// A tracker's bookkeeping on an issue or a pull request (its state, labels, assignee): work
/// on code when it is one item's.
const BOOKKEEPING: Words = words![
    "transition*",
    // Closing, reopening or commenting on an issue, a ticket or a pull request.
    "close",
    "closes",
    "closing",
    "reopen*",
    "comment",
    "comments",
    "commenting",
    "label",
    "labels",
    "labelling",
    "labeling",
    "assign",
    "assigns",
    "assigning",
    "resolve",
    "resolves",
    "resolving",
    "tag",
    "tags",
    "tagging",
];

/// The states of a tracker's workflow, as an item is moved to them.
const WORKFLOW_STATES: Words = words![
    "to done",
    "to resolved",
    "to closed",
    "to in progress",
    "to in review",
    "to backlog",
    "to won't do",
    "to won't fix",
    "as done",
    "as resolved",
];

/// Words that put work on code into what runs for customers.
const LIVE_CODE: Words = words!["prod", "production", "live", "release*", "hotfix*"];
/// The branches everyone builds on: work straight on them is not a working copy's business,
/// but a pull request against them is how work reaches them for review.
const SHARED_BRANCHES: Words = words!["main", "master", "trunk", "develop"];
const REVIEW_REQUESTS: Words = words!["pr", "prs", "pull request*", "merge request*"];

/// What code work acts on: the code itself, its tests and its documentation.
const CODE_OBJECTS: Words = words![
    "test*",
    "code",
    "function*",
    "class*",
    "module*",
    "api",
    "endpoint*",
    "component*",
    "docs",
    "documentation",
    "readme",
    "handler*",
    "interface*",
    "types",
    "unit",
    "spec*",
    "method*",
    "helper*",
    "feature*",
    "logic",
    "ui",
    "page",
    "controller*",
    "route*",
    "struct*",
    "library",
    "parser",
    "cli",
    "validation",
    "comment*",
    "changelog",
    "pull request*",
    "pr",
    "prs",
    "draft pr",
    "merge request*",
    "issue",
    "issues",
    "ticket",
    "tickets",
    // The team's own writing and calendar: a post-mortem, a document, a meeting about the
    // work. Writing one changes nothing that runs.
    "document",
    "documents",
    "doc",
    "post-mortem*",
    "postmortem*",
    "meeting",
    "meetings",
    // A ticket's internal note, not a person's notes in a notes app.
    "internal note",
    "branch",
    "serializer*",
    "regression test*",
    "loop",
    "loops",
];

const READ_VERBS: Words = words![
    "check*",
    "verif*",
    // German, French, Spanish and Portuguese ("verif*" covers verifica, verifique).
    "prüf*",
    "überprüf*",
    "zeig*",
    "vérifi*",
    "affich*",
    // Spanish `revisar` spelled out: `revis*` would take English "revise", a change.
    "revisa",
    "revisar",
    "revisen",
    "comprob*",
    "comprueb*",
    "muestr*",
    "mostr*",
    // Japanese, split into words at a change of script: check or confirm, show, get, list,
    // investigate.
    "確認*",
    "*確認",
    "表示*",
    "取得*",
    "一覧*",
    "調査*",
    // What someone or something says, reported: "the last comment says: ...".
    "says",
    "said",
    "mentions",
    "mentioned",
    "states",
    "claims",
    "suggests",
    "list*",
    // A report's name: a tool called for costs, usage or metrics reads them.
    "cost",
    "costs",
    "usage",
    "metrics",
    "stats",
    "statistics",
    "breakdown",
    "overview",
    "analytics",
    "inspect*",
    "review*",
    "read*",
    "look*",
    "view*",
    "show*",
    "get",
    "gets",
    "describ*",
    "examin*",
    "confirm*",
    "monitor*",
    "observ*",
    "analy*",
    "investigat*",
    "identif*",
    "find*",
    "search*",
    "report*",
    "summari*",
    "compar*",
    "test*",
    "wait*",
    "watch*",
    "diagnos*",
    "audit*",
    "measur*",
    "explor*",
    "not*",
    "document*",
    "draft*",
    "plan*",
    "prepar*",
    "ensur*",
    "validat*",
    "ask*",
    "tell*",
    "explain*",
    "notify",
    "inform*",
    "calculat*",
    "estimat*",
    "back up",
    "backup*",
    "snapshot*",
    "dump*",
    "export*",
    "copy",
    "download*",
    "fetch*",
    "query*",
    "count*",
    "print*",
    "display*",
    "open the",
    "determin*",
    "assess*",
    "evaluat*",
    "track*",
    "consult*",
    "recommend*",
    "suggest*",
    "propos*",
    "understand*",
    "learn*",
    "locat*",
    "retriev*",
    "collect*",
    "gather*",
    "record*",
    "lint*",
    "grep*",
    "dry run",
    "dry-run",
    "do a dry run",
    "simulat*",
    "preview*",
];

/// A prose step no rule matched. In each clause the first verb says what it does ("Check the
/// logs, then restart the service" reads, then changes); a change anywhere makes it a change.
fn unmatched_prose(tokens: &[Token]) -> Option<(&'static Rule, Hit, Option<usize>)> {
    // A deletion no rule recognised is still a deletion, whatever else the step reads: what it
    // loses is unknown, never safe ("Delete the trail so the audit noise goes away").
    let mut edits: Option<(usize, bool)> = None;
    if let Some(&(s, e)) = find_all(tokens, rules::DELETE_VERBS).iter().find(|(s, e)| {
        let discussed = tokens[*s].data || is_negated(tokens, *s);
        let a_noun = e - s == 1 && after_determiner(tokens, *s);
        let in_code = deletes_code(tokens, *e) || clause_edits_source(tokens, *s, &mut edits);
        !(discussed || a_noun || in_code || takes_access_away(tokens, *e))
    }) {
        let rule = rules::find("prose.delete-other")?;
        let mut hit = Hit::at(vec![tokens[s].span.cover(tokens[e - 1].span)]);
        hit.set_target(object_after(tokens, e));
        return Some((rule, hit, None));
    }
    let mut verbs: Vec<(usize, usize, bool)> = find_all(tokens, CHANGE_VERBS)
        .into_iter()
        .map(|(s, e)| (s, e, true))
        .chain(
            find_all(tokens, READ_VERBS)
                .into_iter()
                .map(|(s, e)| (s, e, false)),
        )
        .filter(|(s, _, _)| !tokens[*s].data && !tokens[*s].label && !is_negated(tokens, *s))
        // A one-word verb after a determiner describes a noun ("all open issues", "the
        // updated file"); it is not what the step does.
        .filter(|(s, e, _)| {
            let all = *s > 0
                && tokens[*s - 1].text == "all"
                && tokens[*s - 1].clause == tokens[*s].clause;
            // "created date", "modified time": a participle naming a field of a record.
            let field = tokens[*s].text.ends_with("ed")
                && tokens.get(*e).is_some_and(|next| {
                    next.clause == tokens[*s].clause
                        && words!["date", "dates", "time", "timestamp", "day", "range"]
                            .contains(next.text.as_str())
                });
            !(e - s == 1 && (all || field || after_determiner(tokens, *s)))
        })
        .collect();
    // At one position the longest phrase wins ("get rid of" over "get").
    crate::order::sort_by_rank(&mut verbs, |(s, e, _)| crate::order::outer_first(*s, *e));
    // A word of change inside a noun phrase ("compare the configuration", "an empty order
    // list", "this is a refactor") names a thing; only when nothing else in the step is a verb
    // does a bare noun of change ("Database migration.") stand for the act.
    // A word that opens its clause and is followed by a determiner ("Transition the incident",
    // "Transition all open issues") is an imperative, whatever its ending.
    let imperative = |s: usize| {
        (s == 0 || tokens[s - 1].clause != tokens[s].clause)
            && tokens.get(s + 1).is_some_and(|next| {
                next.clause == tokens[s].clause
                    && words!["the", "a", "an", "all", "every", "each", "this", "these", "those"]
                        .contains(next.text.as_str())
            })
    };
    let a_noun = |s: usize, e: usize| {
        e - s == 1
            && !imperative(s)
            && (is_nominal(&tokens[s].text) || prose::in_noun_phrase(tokens, s))
    };
    let step_has_verb = verbs
        .iter()
        .any(|(s, e, changes)| !changes || !a_noun(*s, *e));
    // Any verb of change, anywhere in the step, makes it a change ("Check the logs, then restart
    // the service"); a position where a longer phrase already matched is not read twice.
    let mut reads = false;
    let mut covered_until = 0;
    // Whether a clause names code or a working-copy file, kept for the clause last asked about:
    // the verbs come in text order, so a clause of many verbs is read once, not once per verb.
    let mut clause_names_code: Option<(usize, bool)> = None;
    for (s, e, changes) in verbs {
        if s < covered_until {
            continue;
        }
        covered_until = e;
        if !changes {
            reads = true;
            continue;
        }
        if (step_has_verb && a_noun(s, e)) || runs_a_check(tokens, s, e) {
            reads = true;
            continue;
        }
        let clause = tokens[s].clause;
        let builds_software = find_all(&tokens[s..e], BUILDS_SOFTWARE)
            .first()
            .is_some_and(|(a, _)| *a == 0);
        // "Commit the upgrades": a commit is made in the working copy, whatever it holds; a
        // database transaction is committed elsewhere.
        let commits = tokens[s].text.starts_with("commit")
            && find_all(
                &tokens[prose::clause_of(tokens, s)],
                words!["transaction*", "tx", "txn", "changes to production"],
            )
            .is_empty();
        // "Kill the dead `LegacySkuResolver`": a verb of taking out, and what it acts on is a
        // piece of code. Installing or running one (`AutoAGI`) is not writing code.
        let takes_out = find_all(
            &tokens[s..e],
            words![
                "kill",
                "disable",
                "deprecat*",
                "retire",
                "drop",
                "delete",
                "remove",
                "strip"
            ],
        )
        .first()
        .is_some_and(|(a, _)| *a == 0);
        let on_code = takes_out
            && tokens[e..prose::clause_of(tokens, s).end]
                .iter()
                .find(|t| {
                    !words!["the", "a", "an", "dead", "old", "unused", "legacy", "stale"]
                        .contains(t.text.as_str())
                })
                .is_some_and(|t| t.code_name);
        let leads = |list: Words| {
            find_all(&tokens[s..e], list)
                .first()
                .is_some_and(|(a, _)| *a == 0)
        };
        // A tracker's bookkeeping on many items at once ("bulk transition", "close all
        // issues") changes everyone's view of the work, not one piece of it.
        let on_many = || {
            !find_all(
                &tokens[prose::clause_of(tokens, s)],
                words!["bulk", "all", "every", "each"],
            )
            .is_empty()
        };
        // "Bulk update the open issues", "close all tickets": writing one issue is work on
        // the code's tracker, many at once is the same bookkeeping.
        let tracker_bulk = || {
            on_many()
                && !find_all(
                    &tokens[prose::clause_of(tokens, s)],
                    words!["issue", "issues", "ticket", "tickets"],
                )
                .is_empty()
        };
        // "Move it to Done", "set DPO-3391 to Resolved": an item moved along a tracker's
        // workflow is bookkeeping, as a label or an assignee is.
        let along_workflow = || {
            leads(words![
                "mov*", "set", "sets", "mark", "marks", "put", "puts"
            ]) && !on_many()
                && !find_all(&tokens[prose::clause_of(tokens, s)], WORKFLOW_STATES).is_empty()
        };
        let code_work = builds_software
            || commits
            || on_code
            || clause_edits_source(tokens, s, &mut edits)
            || along_workflow()
            || (((leads(CODE_WORK) && !tracker_bulk()) || (leads(BOOKKEEPING) && !on_many()))
                && match clause_names_code {
                    Some((known, names)) if known == clause => names,
                    _ => {
                        let clause_tokens = &tokens[prose::clause_of(tokens, s)];
                        let names = names_code(clause_tokens)
                            || clause_tokens
                                .iter()
                                .any(|t| is_workspace_file(&t.text) || is_topic_branch(t));
                        clause_names_code = Some((clause, names));
                        names
                    }
                });
        // Work on code meant for production ("push the release branch", "update the prod
        // handler config") is not only a working copy's business.
        let code_work = code_work && {
            let clause_tokens = &tokens[prose::clause_of(tokens, s)];
            let reviewed = !find_all(clause_tokens, REVIEW_REQUESTS).is_empty();
            find_all(clause_tokens, LIVE_CODE).is_empty()
                && (reviewed || find_all(clause_tokens, SHARED_BRANCHES).is_empty())
        };
        if code_work {
            // Writing code, tests or docs changes the working copy, which review and version
            // control already cover: it reads as work in the workspace, not a change to a system.
            reads = true;
            continue;
        }
        let rule = rules::find("prose.change")?;
        return Some((
            rule,
            Hit::at(vec![tokens[s].span.cover(tokens[e - 1].span)]),
            None,
        ));
    }
    // A step that only forbids ("Never drop the `orders` table", "Ne pas supprimer le bucket")
    // does nothing: each of its clauses holds a negated verb of deletion or change. A clause
    // beside it that says something else ("..., puis vider le bucket") is still unclear.
    let forbids = || {
        let forbidden: Vec<usize> = find_all(tokens, rules::DELETE_VERBS)
            .into_iter()
            .chain(find_all(tokens, CHANGE_VERBS))
            .filter(|(s, _)| !tokens[*s].data && is_negated(tokens, *s))
            .map(|(s, _)| tokens[s].clause)
            .collect();
        !forbidden.is_empty()
            && tokens
                .iter()
                .filter(|t| !t.data)
                .all(|t| forbidden.contains(&t.clause))
    };
    // "Mark the flag as retired in `docs/flags.md`": a step whose every clause edits a source
    // file of the working copy is work on code, though no verb of the catalogue says so.
    let edits_files = || {
        // Each clause with words of its own is asked once (a clause's tokens are consecutive).
        let (mut any, mut last) = (false, None);
        for (at, token) in tokens.iter().enumerate() {
            if token.data || token.label || last == Some(token.clause) {
                continue;
            }
            last = Some(token.clause);
            any = true;
            if !edits_a_source_file(tokens, prose::clause_of(tokens, at)) {
                return false;
            }
        }
        any
    };
    // A bullet that says what a file or a part of the program will do: the step writes code.
    let writes_code = tokens.iter().any(|t| t.describes_code);
    if reads || writes_code || tokens.is_empty() || forbids() || edits_files() {
        return None;
    }
    let first = tokens.first()?.span;
    let last = tokens.last()?.span;
    if let Some(script) = unread_script(tokens) {
        let rule = rules::find("prose.unread-language")?;
        let mut hit = Hit::on(first.cover(last));
        hit.note_with(
            "Most of its letters are {}; it may delete or send as easily as it may check.",
            script,
        );
        return Some((rule, hit, None));
    }
    let rule = rules::find("prose.unclear")?;
    Some((rule, Hit::on(first.cover(last)), None))
}

/// "Remove the anyone-with-the-link permission", "remove the leaver from the three groups": what
/// goes is someone's access, which granting again gives back, not something a store holds.
fn takes_access_away(tokens: &[Token], end: usize) -> bool {
    const ACCESS: Words = words![
        "permission",
        "permissions",
        "sharing",
        "membership",
        "memberships",
        "role assignment*",
        "invite",
        "invites",
        "invitation*",
        "collaborator*",
    ];
    const GROUPS: Words = words!["group", "groups", "team", "teams"];
    let clause = prose::clause_of(tokens, end.saturating_sub(1));
    let rest = &tokens[end.min(clause.end)..clause.end];
    // "the permissions table", "the team bucket": a store named for access or a group.
    let a_store = |at: usize| {
        rest.get(at).is_some_and(|next| {
            words!["table", "tables", "database", "file", "files", "folder", "bucket", "drive"]
                .contains(next.text.as_str())
        })
    };
    let access = find_all(rest, ACCESS)
        .first()
        .is_some_and(|&(at, stop)| at <= 6 && !a_store(stop));
    // "from the three Google groups": a group within a few words after "from".
    let from_group = rest
        .iter()
        .position(|t| t.text == "from")
        .is_some_and(|from| {
            (from + 1..rest.len().min(from + 5))
                .any(|at| GROUPS.contains(rest[at].text.as_str()) && !a_store(at + 1))
        });
    access || from_group
}

/// The script most of a step's letters are written in, when the tool reads no language in it
/// (Cyrillic, Greek, Arabic...); `None` for Latin letters, kana and Han characters.
fn unread_script(tokens: &[Token]) -> Option<&'static str> {
    let mut read = 0usize;
    let mut unread: [(&str, usize); 8] = [
        ("Cyrillic", 0),
        ("Greek", 0),
        ("Arabic", 0),
        ("Hebrew", 0),
        ("Korean", 0),
        ("Thai", 0),
        ("Devanagari", 0),
        ("a script", 0),
    ];
    for ch in tokens
        .iter()
        .filter(|t| !t.data)
        .flat_map(|t| t.text.chars())
    {
        if !ch.is_alphabetic() {
            continue;
        }
        // Kana and Han are the prose reader's own word-splitting scripts (`prose::is_cjk`).
        if prose::is_cjk(ch) {
            read += 1;
            continue;
        }
        let slot = match ch {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => {
                read += 1;
                continue;
            }
            '\u{400}'..='\u{52F}' => 0,
            '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => 2,
            '\u{590}'..='\u{5FF}' => 3,
            '\u{1100}'..='\u{11FF}' | '\u{AC00}'..='\u{D7AF}' | '\u{3130}'..='\u{318F}' => 4,
            '\u{E00}'..='\u{E7F}' => 5,
            '\u{900}'..='\u{97F}' => 6,
            _ => 7,
        };
        unread[slot].1 += 1;
    }
    let (name, count) = unread.into_iter().max_by_key(|(_, n)| *n)?;
    (count > read).then_some(name)
}

/// Verbs whose object is always software: "implement account deletion" builds a feature.
const BUILDS_SOFTWARE: Words = words!["implement*", "refactor*", "scaffold*", "stub", "stubs"];
/// Words after a piece of code that say what it is about or does ("tests for deletion", "a
/// function that deletes expired sessions", "an endpoint to purge uploads").
const ABOUT: Words = words!["for", "that", "which", "to", "covering", "of", "on", "with"];

/// "Implement the DELETE /accounts/:id endpoint", "Write unit tests for deletion", "Add a
/// function that deletes expired sessions", "Add a 'Delete my account' button": in a clause
/// that leads with writing code, the words that say what the code is or does describe the
/// code being written; nothing is deleted when the step runs. They become data, as an aside
/// is, so no rule reads them as the step's act. What counts: after a verb that only ever
/// builds software, the rest of the clause; after another verb of code work, the words up to
/// the piece of code it names and what a linking word ("for", "that", "to") adds after it.
/// The description ends at "and" or "or", where another act may start ("write the test and
/// drop the table"), and a clause that names production stays as it is (`LIVE_CODE`).
fn mark_code_described(input: &str, tokens: &mut [Token]) {
    mark_spec_references(input, tokens);
    mark_task_details(input, tokens);
    let mut start = 0;
    while start < tokens.len() {
        let clause = prose::clause_of(tokens, start);
        start = clause.end.max(start + 1);
        // The clause's first word, past a list number ("2.") or a checkbox.
        let Some(lead) = clause.clone().find(|&i| {
            !tokens[i]
                .text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'x')
        }) else {
            continue;
        };
        if tokens[lead].data || tokens[lead].label {
            continue;
        }
        let verb_end = |list: Words| {
            find_all(&tokens[lead..clause.end], list)
                .first()
                .filter(|(s, _)| *s == 0)
                .map(|(_, e)| lead + e)
        };
        let end_at_joint = |from: usize| {
            (from..clause.end)
                .find(|&i| words!["and", "or", "&"].contains(tokens[i].text.as_str()))
                .unwrap_or(clause.end)
        };
        let described = if let Some(after) = verb_end(BUILDS_SOFTWARE) {
            after..end_at_joint(after)
        } else if let Some(after) = verb_end(CODE_WORK) {
            let joint = end_at_joint(after);
            let Some((object, object_end)) = find_all(&tokens[after..joint], CODE_OBJECTS)
                .into_iter()
                .find(|&(_, end)| !switched_at_run_time(&tokens[after..joint], end))
            else {
                continue;
            };
            let (object, mut object_end) = (after + object, after + object_end);
            // A compound names one piece of code: "unit tests", "the API handler".
            while let Some((_, e)) = find_all(&tokens[object_end..joint], CODE_OBJECTS)
                .first()
                .filter(|(s, _)| *s == 0)
            {
                object_end += e;
            }
            let linked = tokens
                .get(object_end)
                .is_some_and(|t| object_end < joint && ABOUT.contains(t.text.as_str()));
            after..if linked { joint } else { object }
        } else {
            continue;
        };
        if described.is_empty() || !find_all(&tokens[clause.clone()], LIVE_CODE).is_empty() {
            continue;
        }
        for token in &mut tokens[described] {
            token.data = true;
        }
    }
}

/// A spec task's traceability line (`_Requirements: 1.2, 3.4_`, `_Leverage: src/api.ts_`,
/// `_Prompt: Role: ... | Task: ..._`, as Kiro and spec-driven agents write them under each
/// task): it says which requirements the task serves and what it builds on, not what the step
/// does, so its words are data, to the end of its line.
fn mark_spec_references(input: &str, tokens: &mut [Token]) {
    const KEYS: Words = words!["requirements", "requirement", "leverage", "prompt"];
    let mut line_end = 0;
    for token in tokens.iter_mut() {
        if token.span.start < line_end {
            token.data = true;
        } else if KEYS.contains(token.text.as_str())
            // The key's `_` opens the line's emphasis; the word is read without it.
            && input.get(..token.span.start).is_some_and(|before| before.ends_with('_'))
        {
            token.data = true;
            line_end = input
                .get(token.span.end..)
                .and_then(|rest| rest.find('\n'))
                .map_or(input.len(), |n| token.span.end + n);
        }
    }
}

/// A task item that leads with writing code ("Add `SessionStore.purge()` in
/// `src/store.ts`", "Write tests in `tests/export.rs`") and its indented sub-bullets: the
/// sub-bullets say what the code does, what its tests check or what the task must satisfy
/// ("Soft delete only: set `archived_at`", "Show the empty state when the last row is
/// removed"), so their words are data. A sub-bullet that names a shared environment, or that
/// leads with running or shipping something, is an act of its own and stays as it is.
fn mark_task_details(input: &str, tokens: &mut [Token]) {
    const SHIPS: Words = words!["run", "execute", "apply", "deploy", "ship", "release", "merge"];
    const SHARED_PLACES: Words = words!["staging", "stage", "qa", "uat", "preprod", "pre-prod"];
    let Some(lead) = tokens.iter().position(|t| {
        !t.text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'x')
    }) else {
        return;
    };
    let first = prose::clause_of(tokens, lead);
    let leads_with = |list: Words| {
        find_all(&tokens[lead..first.end], list)
            .first()
            .is_some_and(|(s, _)| *s == 0)
    };
    let clause = &tokens[first.clone()];
    let writes_code = (leads_with(BUILDS_SOFTWARE) || leads_with(CODE_WORK))
        && (names_code(clause) || clause.iter().any(|t| is_workspace_file(&t.text)))
        && find_all(clause, LIVE_CODE).is_empty();
    if !writes_code {
        return;
    }
    let mut at = first.end;
    while at < tokens.len() {
        let detail = prose::clause_of(tokens, at);
        at = detail.end.max(at + 1);
        let start = tokens[detail.start].span.start;
        let line_start = input
            .get(..start)
            .and_then(|before| before.find_last(b'\n'))
            .map_or(0, |n| n + 1);
        let lead_in = input.get(line_start..start).unwrap_or("");
        let indented_bullet = lead_in.starts_with(&[' ', '\t'][..])
            && matches!(lead_in.trim_start().chars().next(), Some('-' | '*' | '+'));
        let words = &tokens[detail.clone()];
        if !indented_bullet
            || !find_all(words, LIVE_CODE).is_empty()
            || !find_all(words, SHARED_PLACES).is_empty()
            || find_all(words, SHIPS).first().is_some_and(|(s, _)| *s == 0)
        {
            continue;
        }
        for token in &mut tokens[detail] {
            token.data = true;
        }
    }
}

/// Pieces of code a step may delete or tidy (with `CODE_OBJECTS`).
/// (Exact words where a stem would catch others: "import*" would take "important".)
const CODE_BITS: Words = words![
    "import",
    "imports",
    "parameter",
    "parameters",
    "argument",
    "arguments",
    "field",
    "fields",
    "call site",
    "call sites",
    "statement*",
    "print",
    "prints",
    "todo*",
    "variable*",
    "dead code",
    "line",
    "lines",
    "console.log",
    "debug*",
];

/// Does what follows a verb of deleting name code ("the unused imports", "the deprecated
/// function", "the debug print statements")? Deleting code is work in the working copy, which
/// review and version control already cover.
fn deletes_code(tokens: &[Token], end: usize) -> bool {
    let after = clause_after(tokens, end);
    // What is deleted ends where "and" or "then" starts what comes next: in "delete the user
    // and label the ticket" the ticket is labelled, not deleted. Only the next six words are
    // read: a clause of many deletions would otherwise be read to its end once per deletion.
    let near = &after[..after.len().min(6)];
    let own = near
        .iter()
        .position(|t| words!["and", "then"].contains(t.text.as_str()))
        .unwrap_or(near.len());
    let near = &near[..own];
    names_code(near) || near.iter().any(|t| is_workspace_file(&t.text))
}

/// Do these words name code: its parts, its tests, its documentation?
fn names_code(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| t.code_name)
        || find_all(tokens, CODE_OBJECTS)
            .iter()
            .any(|&(_, end)| !switched_at_run_time(tokens, end))
        || !find_all(tokens, CODE_BITS).is_empty()
}

/// "Feature flag", "feature toggle": a switch a flag service holds and flips in production at
/// run time, not a piece of code in the working copy.
fn switched_at_run_time(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|next| {
        words!["flag", "flags", "toggle", "toggles"].contains(next.text.as_str())
            && tokens[end - 1].text.starts_with("feature")
    })
}

/// The tokens from `end` to the end of that token's clause (clauses are consecutive).
fn clause_after(tokens: &[Token], end: usize) -> &[Token] {
    let clause = prose::clause_of(tokens, end);
    &tokens[end.min(clause.end)..clause.end]
}

/// Where a prose hit's verb (its first evidence, one word or a phrase like "get rid of") starts
/// and ends among the tokens.
fn verb_of(tokens: &[Token], hit: &Hit) -> Option<(usize, usize)> {
    let span = hit.evidence.first()?;
    let start = tokens.iter().position(|t| span.contains(t.span))?;
    let len = tokens[start..]
        .iter()
        .take_while(|t| span.contains(t.span))
        .count();
    Some((start, start + len))
}

/// Things a system keeps, as opposed to code: a clause that names one ("the unused test
/// databases", "the API key in `src/config.ts`") is not only work on code.
const SYSTEM_THINGS: Words = words![
    "database*",
    "db",
    "dbs",
    "table*",
    "bucket*",
    "cluster*",
    "environment*",
    "env",
    "server*",
    "data",
    "record*",
    "rows",
    "backup*",
    "volume*",
    "namespace*",
    "instance*",
    "account*",
    "users",
    "customers",
    "resources",
    "branch*",
    "repo",
    "repos",
    "repositor*",
    "secret*",
    "key*",
    "log",
    "logs",
    "queue*",
    "topic*",
    "index*",
    "indices",
];

/// Does the clause of a prose hit's verb name code and nothing a system keeps ("unused code",
/// "the unused imports", "variables in utils.py", but not "the unused test databases")?
fn acts_on_code_only(tokens: &[Token], hit: &Hit) -> bool {
    let Some((verb, end)) = verb_of(tokens, hit) else {
        return false;
    };
    // A working-copy file alone is judged by `in_working_copy`, which says what it is.
    let after = clause_after(tokens, end);
    (names_code(after) && find_all(clause_after(tokens, verb), SYSTEM_THINGS).is_empty())
        || in_tests(after)
}

/// Does the clause place what it does in the tests ("purge cache keys in tests", "drop the
/// table in the integration tests")? Whatever the test touches, the step writes test code: the
/// Redis or database it clears is the one the test itself sets up.
fn in_tests(tokens: &[Token]) -> bool {
    const PLACES: Words = words!["in", "inside", "within"];
    const BETWEEN: Words = words![
        "the",
        "our",
        "its",
        "unit",
        "integration",
        "e2e",
        "end-to-end"
    ];
    tokens.iter().enumerate().any(|(at, token)| {
        PLACES.contains(token.text.as_str())
            && tokens[at + 1..]
                .iter()
                .find(|t| !BETWEEN.contains(t.text.as_str()))
                .is_some_and(|t| matches!(t.text.as_str(), "test" | "tests" | "specs"))
    })
}

/// Does the clause say which file of the working copy it works in, a source or documentation
/// file after a word of place ("in `src/app.ts`", "from README.md", "in the
/// `docs/flags.md` file"), and name nothing a system keeps? Whatever its verb ("reset the form
/// state in ...", "drop the `describe.skip` in ...", "delete the unused import from ..."), the
/// clause then edits that file: work in the working copy, which review and version control
/// already cover.
/// `edits_a_source_file` for the clause of the token at `at`, worked out once per clause: the
/// verbs of a step are asked in text order, and a clause of a thousand verbs read once per verb
/// would cost its length squared. `memo` holds the last clause asked about.
fn clause_edits_source(tokens: &[Token], at: usize, memo: &mut Option<(usize, bool)>) -> bool {
    let clause = tokens[at].clause;
    if let Some((known, edits)) = *memo {
        if known == clause {
            return edits;
        }
    }
    let edits = edits_a_source_file(tokens, prose::clause_of(tokens, at));
    *memo = Some((clause, edits));
    edits
}

fn edits_a_source_file(tokens: &[Token], clause: std::ops::Range<usize>) -> bool {
    const PLACES: Words = words!["in", "from", "inside", "within"];
    const BETWEEN: Words = words!["the", "file", "module", "component"];
    let words = &tokens[clause];
    let placed = words.iter().enumerate().any(|(at, word)| {
        is_source_file(&word.text)
            && words[..at]
                .iter()
                .rev()
                .find(|w| !BETWEEN.contains(w.text.as_str()))
                .is_some_and(|w| PLACES.contains(w.text.as_str()))
    });
    placed && find_all(words, SYSTEM_THINGS).is_empty()
}

/// A deletion in words whose object is a file of the working copy ("delete src/old.py", a
/// `delete_file` tool call on it) loses nothing version control cannot bring back: recoverable,
/// in the agent's own workspace, and the finding says why.
fn in_working_copy(input: &str, tokens: &[Token], hit: &mut Hit) {
    let Some((_, end)) = verb_of(tokens, hit) else {
        return;
    };
    // Only when the clause deletes working-copy files and nothing else ("the file src/old.py",
    // not "src/old.py and the orders table").
    const FILLER: Words = words![
        "the",
        "a",
        "an",
        "file",
        "files",
        "old",
        "unused",
        "stale",
        "temporary",
        "temp",
        "generated",
        "obsolete",
        "and",
    ];
    let object = clause_after(tokens, end);
    let only_files = object
        .iter()
        .all(|t| is_workspace_file(&t.text) || FILLER.contains(t.text.as_str()));
    let file = object.iter().find(|t| is_workspace_file(&t.text));
    if let (true, Some(file)) = (only_files, file) {
        hit.scope = Some(Scope::Local);
        hit.reversibility = Some(Reversibility::Recoverable);
        hit.note_with("`{}` is a file of the working copy: version control can bring it back, unless it was never committed.", file.span.slice(input));
    }
}

/// A branch named for one piece of work (`feat/bulk-delete`, `fix/login-redirect`), written
/// as code: committing or pushing to it is work in review, not on what everyone builds on.
fn is_topic_branch(token: &Token) -> bool {
    const TOPICS: Words = words![
        "feat", "feature", "fix", "bugfix", "chore", "docs", "refactor", "test", "tests", "spike",
        "wip", "perf", "style", "ci", "build",
    ];
    token.data
        && token
            .text
            .split_once('/')
            .is_some_and(|(topic, rest)| !rest.is_empty() && TOPICS.contains(topic))
}

/// A file named by a relative path with a source, configuration or documentation extension
/// (`src/main.rs`, `README.md`, `config/app.yaml`): a file of the working copy, under version
/// control. Absolute and home paths (`/etc/hosts`, `~/.ssh/config`) are the machine's, unless
/// they are a checkout's, and a name that says production (`values-prod.yaml`) is not the
/// agent's to edit freely.
fn is_workspace_file(word: &str) -> bool {
    const EXTENSIONS: Words = words![
        "rs", "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "go", "java", "kt", "rb", "php", "c",
        "h", "cc", "cpp", "hpp", "cs", "swift", "scala", "md", "rst", "txt", "json", "yaml", "yml",
        "toml", "html", "css", "scss", "vue", "svelte", "lock", "cfg", "ini", "xml", "tf", "hcl",
    ];
    let extension = file_extension(word).filter(|extension| EXTENSIONS.contains(extension));
    if word.starts_with(&['/', '~'][..]) {
        // `/home/dev/shop/src/cart.ts`: source in a checkout, not a file of the system; and
        // `/home/dev/shop/.github/workflows/ci.yml`: a repository's own configuration, in a
        // checkout under a home folder (`~/.aws/config` is the user's, not a repository's).
        let in_checkout = words!["/home/", "/Users/", "~/"]
            .iter()
            .any(|home| word.starts_with(home))
            && words![
                "/.github/",
                "/.gitlab/",
                "/.circleci/",
                "/src/",
                "/tests/",
                "/test/",
                "/docs/"
            ]
            .iter()
            .any(|folder| word.contains(folder));
        return is_source_file(word) || (in_checkout && extension.is_some());
    }
    extension.is_some()
}

/// A source or documentation file (`src/cart.ts`, `docs/flags.md`, a checkout's
/// `/home/dev/shop/src/cart.ts`): it lives in a working copy wherever it is checked out,
/// unlike configuration, which is also the machine's when the path is absolute.
fn is_source_file(word: &str) -> bool {
    const SOURCE: Words = words![
        "rs", "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "go", "java", "kt", "rb", "php", "c",
        "h", "cc", "cpp", "hpp", "cs", "swift", "scala", "md", "rst", "html", "css", "scss", "vue",
        "svelte", "tf", "hcl",
    ];
    /// Folders of the machine itself, never a working copy.
    const SYSTEM: Words = words![
        "/etc/", "/usr/", "/var/", "/opt/", "/srv/", "/boot/", "/lib/", "/bin/", "/sbin/",
        "/root/", "/sys/", "/proc/", "/dev/",
    ];
    file_extension(word).is_some_and(|extension| SOURCE.contains(extension))
        && !SYSTEM.iter().any(|dir| word.starts_with(dir))
}

/// The extension of a file named by `word`, when the word names one the working copy could
/// hold: not a variable, not a climb out of it, not a name that says production, and with a
/// file name before the dot.
fn file_extension(word: &str) -> Option<&str> {
    if word.starts_with('$') || word.contains("prod") || word.contains("..") {
        return None;
    }
    let (stem, extension) = word.split_last(b'.')?;
    (!stem.is_empty() && !stem.ends_with('/')).then_some(extension)
}

/// What a verb acts on, as the step words it: up to three words after it in its clause, up to
/// the first word that starts something else ("the cloudtrail trail" of "delete the CloudTrail
/// trail so the noise goes away").
fn object_after(tokens: &[Token], end: usize) -> Option<String> {
    const ENDS: Words = words![
        "so", "and", "or", "to", "because", "from", "in", "on", "at", "for", "with", "before",
        "after", "then", "since", "if", "when", "that", "which", "by",
    ];
    let words: Vec<&str> = clause_after(tokens, end)
        .iter()
        .take_while(|t| !ENDS.contains(t.text.as_str()))
        .take(4)
        .map(|t| t.text.as_str())
        .collect();
    let named = words
        .iter()
        .any(|w| !words!["the", "a", "an", "this", "that"].contains(*w));
    named.then(|| words.joined(" "))
}

/// A noun made from a verb of change: "configuration", "deployment", "migrations".
fn is_nominal(word: &str) -> bool {
    words!["tion", "tions", "sion", "sions", "ment", "ments"]
        .iter()
        .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// What running only inspects: tests, checks, linters, scans, a dry run.
const CHECKS: Words = words![
    "test*",
    "check*",
    "health check*",
    "healthcheck*",
    "smoke test*",
    "lint*",
    "diagnostic*",
    "benchmark*",
    "scan*",
    "audit",
    "audits",
    "dry run",
    "dry-run",
    "typecheck*",
    "type check*",
    "static analysis",
];

/// The words that may come between `run` and the check it runs ("run all the unit tests").
const BEFORE_CHECK: Words = words![
    "the",
    "all",
    "a",
    "an",
    "our",
    "its",
    "their",
    "unit",
    "integration",
    "end-to-end",
    "e2e",
    "full",
    "existing",
    "new",
    "quick",
    "basic",
    "final"
];

/// "Run the health checks", "run the unit tests": `run` whose object, a few words on in the
/// same clause, is a check. Running a migration, a script or a job stays a change.
fn runs_a_check(tokens: &[Token], s: usize, e: usize) -> bool {
    if e - s != 1 || !words!["run", "runs", "running", "rerun"].contains(tokens[s].text.as_str()) {
        return false;
    }
    let clause = tokens[s].clause;
    let end = tokens
        .iter()
        .enumerate()
        .skip(e)
        .take(5)
        .take_while(|(_, t)| t.clause == clause)
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(e);
    let after = &tokens[e..end];
    // The first thing run must be the check: "run the tests", "run all unit tests", "run the
    // version check" (up to two words that say which check), not "run the migration, then the
    // tests" or "run the purge and check".
    find_all(after, CHECKS).first().is_some_and(|(at, _)| {
        let mut which = after[..*at]
            .iter()
            .filter(|t| !BEFORE_CHECK.contains(&t.text));
        which.clone().count() <= 2
            && which.all(|t| {
                !JOINERS.contains(&t.text)
                    && find_all(std::slice::from_ref(t), CHANGE_VERBS).is_empty()
                    && find_all(std::slice::from_ref(t), rules::DELETE_VERBS).is_empty()
            })
    })
}

/// Words that join a second thing to what is run ("run the purge and check"): what follows
/// them is not the thing run.
const JOINERS: Words = words![
    "and", "or", "then", "before", "after", "to", "with", "on", "against", "in", "from", "of",
    "for", "via"
];
