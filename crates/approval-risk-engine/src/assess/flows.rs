//! Follows what flows through the plan, command by command across steps: where secrets go
//! once read, and what a file written by one step does when a later step runs it. Each step is
//! judged on its own first; this stage adds the findings that only the sequence shows, and
//! only ever raises.
//!
//! What is tracked is deliberately small and literal: files by the path the plan writes them
//! to, variables by name, pipes from one command to the next. A flow the engine cannot follow
//! (a secret moved by a program it does not know) is simply not seen here; the step keeps its
//! own findings.

use super::{place, sql_hits, StepWork};
use crate::rules::{self, flows, Hit};
use crate::shell::{normal_path, Command, Input};
use crate::span::Span;
use crate::words::Join;
use crate::words::Last;
use crate::words::Trim;
use crate::words::Words;
use crate::Options;

/// Commands that print their arguments: the shell's and PowerShell's (`Write-Host`,
/// `Write-Output`, as the shell reader lower-cases a cmdlet's name).
const ECHOES: Words = words!["echo", "printf", "write-host", "write-output"];

/// Where the plan has put secrets so far, and the files it has written.
#[derive(Default)]
struct Flow {
    /// Paths (files or folders) that hold a secret, with the span of the command that put it
    /// there, for evidence.
    secret_paths: Vec<(String, Span)>,
    /// Variables set from a command that prints a secret.
    secret_vars: Vec<(String, Span)>,
    /// Files written with a body the plan shows (a heredoc into `cat > file`, a file-writing
    /// tool call): the path, the body, and the step that wrote it (1-based).
    written: Vec<(String, Span, usize)>,
    /// A working-copy file holding a secret that `git add` staged or a commit took in: the
    /// file, and the command that did it. A later push sends it.
    committed: Option<(String, Span)>,
    /// Where the plan last printed a secret into the agent's transcript (a command or a prose
    /// step that reads a credential file): from there on, the agent holds its value.
    shown: Option<(Span, usize)>,
    /// Where rows taken out of a database went: files filled with people's details, dumps of
    /// production.
    records: super::records::Records,
    /// Shell tracing, which prints every command with its variables expanded.
    trace: Trace,
    /// Variables named for a credential that the plan fills itself (`NEW_PASS=$(openssl rand
    /// -base64 30)`): secret in a trace or a log, though sending one to the service that is to
    /// use it is what making it is for.
    made_secrets: Vec<String>,
    /// Whether git refused a push because the remote had moved on.
    refused_push: bool,
    /// Credential files the plan's commands name (`/etc/app/app.env`, `tls/gateway.key`): a
    /// folder that holds one holds a secret, so an archive of the folder does too.
    secret_files: Vec<String>,
    /// A workflow the plan wrote that is dangerous once on the default branch (it runs fork
    /// code with secrets, or pull requests on a self-hosted runner): its rule and the step
    /// (1-based). A later merge is where it goes live.
    staged_workflow: Option<(&'static rules::Rule, usize)>,
    /// Addresses a tool gave back for what a step uploaded with credential values in it (a
    /// paste's link): the address, where the result gives it, and the step (1-based). Whoever
    /// is handed the address can read the credentials.
    secret_links: Vec<(String, Span, usize)>,
    /// Addresses a tool gave back for what a step made readable by anyone with the link (a
    /// shared folder's link), in the same form: whoever is handed one reads what is behind it.
    public_links: Vec<(String, Span, usize)>,
    /// A CI pipeline the plan wrote whose commands send a credential away: the sending
    /// command and the step (1-based). A later push or run starts it.
    pipeline_send: Option<(Span, usize)>,
    /// Consumer groups a step moved back (`--reset-offsets --to-earliest --execute`): the
    /// group's name as written, and the step (1-based).
    rewound: Vec<(Span, usize)>,
}

/// Shell tracing the plan has switched on (`set -x`, `set -euxo pipefail`, `set -o xtrace`):
/// from there every command is printed with its variables expanded, secrets included; and
/// where the script sends its own output (`exec > >(tee -a session.log) 2>&1`), the trace
/// goes too.
#[derive(Default)]
struct Trace {
    /// The command that switched tracing on, while it is on.
    on: Option<Span>,
    /// The file the script's output is written to, if it redirects it.
    log: Option<String>,
}

impl Trace {
    fn observe(&mut self, command: &Command) {
        match command.program.as_str() {
            "set" => {
                let args = &command.args;
                for (i, arg) in args.iter().enumerate() {
                    let value = arg.value.as_str();
                    let option = args.get(i + 1).map(|a| a.value.as_str());
                    let (on, off) = match (value, option) {
                        ("-o", Some("xtrace")) => (true, false),
                        ("+o", Some("xtrace")) => (false, true),
                        _ => (
                            value.len() > 1
                                && value.starts_with('-')
                                && !value.starts_with("--")
                                && value.contains('x'),
                            value.starts_with('+') && value.contains('x'),
                        ),
                    };
                    if on {
                        self.on = Some(command.span);
                    } else if off {
                        self.on = None;
                    }
                }
            }
            "exec" => {
                if let Some(write) = command.writes.first() {
                    self.log = log_file(&write.value);
                }
            }
            // PowerShell copies everything the session prints into its transcript.
            "start-transcript" => {
                // Its switches (`-Append`, `-Force`) take no value: the one word that is no
                // switch is the file, after `-Path` or alone.
                let path = command.args.iter().find(|a| !a.value.starts_with('-'));
                self.log = path.map(|p| normal_path(&p.value));
            }
            "stop-transcript" => self.log = None,
            _ => {}
        }
    }

    /// The file the script's output goes to, when it is kept beyond the session (not under
    /// `/tmp`).
    fn kept_log(&self) -> Option<&str> {
        self.log
            .as_deref()
            .filter(|log| !log.is_empty() && !log.starts_with("/tmp/"))
    }

    /// A finding for a command that puts a secret's value into the trace: an assignment from
    /// a command that reads one, or a command that expands a variable holding one.
    fn exposes(&self, input: &str, command: &Command, flow: &Flow, assigned: bool) -> Option<Hit> {
        let on = self.on?;
        let at = if assigned {
            command.span
        } else {
            command
                .args
                .iter()
                .find(|a| holds_secret(a.span.slice(input), flow))?
                .span
        };
        let mut hit = Hit::pair(at, on);
        match self.kept_log() {
            // A file kept beyond the session: whoever reads the log reads the secret, and
            // deleting the file later does not undo what was read or copied.
            Some(log) => {
                hit.reversibility = Some(crate::model::Reversibility::Irreversible);
                hit.scope = Some(crate::model::Scope::Shared);
                hit.target(log);
                hit.note_with("Shell tracing (`set -x`) prints the value in clear, and the script's output, trace included, goes into `{}`. Switch tracing off around it: `set +x` before, `set -x` after.", log);
            }
            _ => hit.note("Shell tracing (`set -x`) prints the command with the value in clear. Switch tracing off around it: `set +x` before, `set -x` after."),
        }
        // The rule's example (a hash of the secret) is not the fix here: the note says it.
        hit.set_instead(String::new());
        Some(hit)
    }
}

/// The file an `exec` redirect sends the script's output to: the file itself, or the file a
/// `tee` in a process substitution writes (`>(tee -a session.log)`). Not a device.
fn log_file(target: &str) -> Option<String> {
    let file = match target.strip_prefix(">(") {
        Some(inner) => {
            let inner = inner.trim_end_matches(')');
            let mut words = inner.split_whitespace();
            words.find(|w| *w == "tee")?;
            words.find(|w| !w.starts_with('-'))?
        }
        None => target,
    };
    let file = normal_path(file);
    (!file.is_empty() && !file.starts_with("/dev/")).then_some(file)
}

/// Why a path holds a secret.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// It is a credential file by its name (`~/.aws/credentials`, `.env.staging`).
    Itself,
    /// The plan put a secret there; the span is the command that read it.
    Read(Span),
}

impl Origin {
    fn span(self) -> Option<Span> {
        match self {
            Origin::Itself => None,
            Origin::Read(span) => Some(span),
        }
    }
}

impl Flow {
    fn secret_at(&self, path: &str) -> Option<Origin> {
        let path = normal_path(path);
        if flows::is_secret_path(&path) {
            return Some(Origin::Itself);
        }
        self.secret_paths
            .iter()
            .find(|(held, _)| path == *held || path.starts_with(&crate::words::fill("{}/", held)))
            .map(|(_, span)| Origin::Read(*span))
    }

    /// Is anything at or under `path` a secret (a folder that holds a copied credential, or a
    /// credential file a command of the plan named)?
    fn secret_within(&self, path: &str) -> Option<Origin> {
        let path = normal_path(path);
        let under = crate::words::fill("{}/", &path);
        self.secret_at(&path)
            .or_else(|| {
                self.secret_paths
                    .iter()
                    .find(|(held, _)| held.starts_with(&under))
                    .map(|(_, span)| Origin::Read(*span))
            })
            .or_else(|| {
                self.secret_files
                    .iter()
                    .any(|file| file.starts_with(&under))
                    .then_some(Origin::Itself)
            })
    }
}

pub(crate) fn follow(input: &str, work: &mut [StepWork], outside: &[Span], options: &Options) {
    let secret_rule =
        rules::find("flow.secret-sent").filter(|rule| !options.policy.is_disabled(rule.id()));
    let shown_rule =
        rules::find("flow.secret-shown").filter(|rule| !options.policy.is_disabled(rule.id()));
    let held_rule =
        rules::find("flow.secret-held").filter(|rule| !options.policy.is_disabled(rule.id()));
    let personal_rule = rules::find("flow.personal-data-sent")
        .filter(|rule| !options.policy.is_disabled(rule.id()));
    let export_rule = rules::find("flow.personal-data-export");
    let committed_rule = rules::find("flow.personal-data-committed");
    let copied_rule = rules::find("flow.production-data-copied");
    let public_rule =
        rules::find("prose.public-link").filter(|rule| !options.policy.is_disabled(rule.id()));
    let replay_rule =
        rules::find("kafka.reset-offsets").filter(|rule| !options.policy.is_disabled(rule.id()));
    let injected_rule = rules::find("flow.injected-instruction")
        .filter(|rule| !options.policy.is_disabled(rule.id()));
    let (instructions, asked_values) = if injected_rule.is_some() {
        // What tools returned is read for words addressed to agents once, for both the
        // commands and the addresses it gives.
        let addressed: Vec<Span> = outside
            .iter()
            .copied()
            .filter(|&span| addresses_agents(input, span))
            .collect();
        (
            instructions(input, work, &addressed),
            asked_values(input, &addressed),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    // People's contact details that tools returned to the agent (an event's user e-mail): a
    // step that writes one into a repository copies a real person's details there.
    let mut returned_people: Vec<(&str, Span)> = Vec::new();
    if committed_rule.is_some() {
        for o in outside {
            for (start, end) in flows::contact_spans(o.slice(input)) {
                let span = Span::new(o.start + start, o.start + end);
                returned_people.push((span.slice(input), span));
            }
        }
    }
    // The names the plan's own repository work uses (the owner, the repository, branches it
    // creates or commits to): another organisation's tracker names none of them.
    let mut own_names: Vec<&str> = Vec::new();
    if personal_rule.is_some() && !returned_people.is_empty() {
        for step in work.iter() {
            let text = step.step.span.slice(input);
            if call_words(text).any(|w| REPOSITORY_WORK.contains(&w)) {
                own_names.extend(call_words(text).filter(|w| !CALL_WORDS.contains(w)));
            }
        }
    }
    let mut flow = Flow::default();
    // Where each step's text ends and the next begins: what a tool returned in between is
    // that step's result.
    let bounds: Vec<(usize, usize)> = work
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let next = work.get(i + 1).map_or(input.len(), |n| n.step.span.start);
            (w.step.span.end, next)
        })
        .collect();
    for (index, step) in work.iter_mut().enumerate() {
        let mut found: Vec<(&'static rules::Rule, Hit, usize)> = Vec::new();
        if let (Some(rule), Some((mut hit, made))) =
            (secret_rule, hands_on_link(input, step, &flow.secret_links))
        {
            hit.set_note(format!("Step {made} uploaded credential values, and this is the address it got back: whoever is given it can read them."));
            found.push((rule, hit, usize::MAX));
        }
        if let (Some(rule), Some((mut hit, made))) =
            (public_rule, hands_on_link(input, step, &flow.public_links))
        {
            hit.set_note(format!("Step {made} made this link open to anyone who has it; everyone this step reaches can read what is behind it, and can pass it on."));
            found.push((rule, hit, usize::MAX));
        }
        if let (Some(rule), Some(hit)) = (
            committed_rule,
            commits_returned(input, step, &returned_people),
        ) {
            found.push((rule, hit, usize::MAX));
        }
        if let (Some(rule), Some(hit)) = (
            personal_rule,
            posts_returned_elsewhere(input, step, &returned_people, &own_names),
        ) {
            found.push((rule, hit, usize::MAX));
        }
        if let Some(path) = puts_secret_in_file(step) {
            flow.secret_paths.push((normal_path(&path.text), path.span));
        }
        // A step that posts a credential by name after the plan showed the agent one: the value
        // is in the transcript, so the post carries it.
        if let (Some(rule), Some((_, at))) = (secret_rule, flow.shown) {
            if let Some(hit) = posts_named_credential(step, at) {
                found.push((rule, hit, usize::MAX));
            }
        }
        if let Some(hit) = shows_secret_file(step, &flow) {
            flow.shown = hit.evidence.first().map(|span| (*span, index + 1));
            if let Some(rule) = shown_rule {
                found.push((rule, hit, usize::MAX));
            }
        }
        if let (Some(rule), false) = (injected_rule, instructions.is_empty()) {
            for (c, command) in step.commands.iter().enumerate() {
                let key = command_key(command);
                let asked = instructions.iter().find(|i| {
                    same_command(&i.key, &key)
                        && i.at < command.span.start
                        && !i.within.contains(command.span)
                });
                if let Some(instruction) = asked {
                    let mut hit = Hit::pair(command.program_span, instruction.span);
                    hit.note("Text addressed to AI agents, which the agent read, asked for exactly this command.");
                    found.push((rule, hit, c));
                }
            }
        }
        // A step that changes something with an address or id that such text gave the agent
        // (the webhook URL it named, the file it said to share) is carrying the text out. A
        // command the text asked for word for word has said so already.
        let told = found
            .iter()
            .any(|(r, _, _)| injected_rule.is_some_and(|i| std::ptr::eq(*r, i)));
        if let (Some(rule), false, false) = (injected_rule, asked_values.is_empty(), told) {
            let text = step.step.span.slice(input);
            // Installing a package runs its publisher's code (install scripts), whatever the
            // step's own decision.
            let acts = step.decision() >= crate::model::Decision::Review
                || step.commands.iter().any(installs_package);
            let asked = asked_values.iter().find_map(|(value, at, within)| {
                let offset = text.find(value.as_str())?;
                (acts && within.end <= step.step.span.start).then_some((offset, value.len(), *at))
            });
            if let Some((offset, len, at)) = asked {
                let start = step.step.span.start + offset;
                let mut hit = Hit::pair(Span::new(start, start + len), at);
                hit.note("Text addressed to AI agents, which the agent read, gave the address, id, name or package this step acts on.");
                found.push((rule, hit, usize::MAX));
            }
        }
        // People's details a query in this step copies into a file: the copy is a finding of
        // its own, and what later commands do with the file is followed from here.
        let production = step.environment.production.is_some();
        for export in super::records::exports(input, step.step.span, &step.commands, production) {
            if let Some(rule) = export_rule {
                found.push((rule, super::records::exported(input, &export), usize::MAX));
            }
            flow.records
                .personal_files
                .push(super::records::PersonalFile {
                    path: export.path,
                    column: export.column,
                    step: index + 1,
                    every_row: export.every_row,
                });
        }
        // Whether the command before carried a secret on its standard output.
        let mut carrying: Option<Span> = None;
        for (c, command) in step.commands.iter().enumerate() {
            flow.trace.observe(command);
            for arg in command.args.iter().chain(&command.writes) {
                if arg.value.contains('/') && flows::is_secret_path(&arg.value) {
                    flow.secret_files.push(normal_path(&arg.value));
                }
            }
            // `$SasUri = "https://...?$Sas"`: a PowerShell variable built from one that holds a
            // credential holds it too.
            if rules::is_plain_assignment(command) {
                let name = command.program[1..].to_string();
                let written = command.span.slice(input);
                let read = flow
                    .secret_vars
                    .iter()
                    .find(|(held, _)| mentions_var(written, held));
                if let Some(&(_, source)) = read {
                    flow.secret_vars.push((name, source));
                } else if flow
                    .made_secrets
                    .iter()
                    .any(|made| mentions_var(written, made))
                {
                    flow.made_secrets.push(name);
                }
            }
            let piped = matches!(command.input, Input::Pipe { .. });
            let from_pipe = if piped { carrying } else { None };
            // A digest or a count says something about a secret without holding it, and so
            // does a read whose output goes straight into a filter that keeps a plain field
            // (`... get-secret-value ... | jq -r .key_id`).
            let digest = flows::DIGESTS.contains(&command.program)
                || (command.program == "grep" && command.args.iter().any(|a| a.value == "-c"))
                || flows::keeps_plain_fields(command)
                || step.commands.get(c + 1).is_some_and(|next| {
                    matches!(next.input, Input::Pipe { .. }) && flows::keeps_plain_fields(next)
                });
            let reads = if digest {
                None
            } else {
                reads_secret(input, command, &flow).or(from_pipe)
            };
            let sent = sends_secret(input, command, &flow, from_pipe)
                .or_else(|| posts_secret_file(command, &flow, from_pipe));
            // Through a pipe, a secret is shown again only by a program that prints what it
            // reads (`| jq .password`); `docker login --password-stdin` takes it in.
            let shown = if digest {
                None
            } else {
                reads_secret(input, command, &flow)
                    .or(from_pipe
                        .filter(|_| flows::FILE_READERS.contains(&command.program.as_str())))
            };
            let piped_on = step
                .commands
                .get(c + 1)
                .is_some_and(|next| matches!(next.input, Input::Pipe { .. }));
            if let (Some(rule), Some(source), None, false) = (shown_rule, shown, &sent, piped_on) {
                // What a command substitution prints becomes an argument or a variable, not
                // output anyone reads.
                // An echo redirected into a file puts the secret there; it shows nothing.
                let into_file =
                    !command.writes.is_empty() && ECHOES.contains(command.program.as_str());
                let kept =
                    command.wrappers.contains(&"$( )") || assigned_from(input, command).is_some();
                if shows_value(command) && !kept && !into_file {
                    flow.shown = Some((source, index + 1));
                    let mut hit = Hit::on(source);
                    hit.set_target(secret_named(command, &flow).or_else(|| {
                        flows::credential_search(command).map(|pattern| pattern.value.clone())
                    }));
                    // What the script prints goes into a file kept after it (`exec >
                    // >(tee -a session.log)`, `Start-Transcript -Path \\share\x.txt`):
                    // whoever reads that file reads the secret.
                    if let Some(log) = flow.trace.kept_log() {
                        hit.reversibility = Some(crate::model::Reversibility::Irreversible);
                        hit.scope = Some(crate::model::Scope::Shared);
                        hit.target(log);
                        hit.note_with("The script's output goes into `{}`, which keeps the value for whoever reads it.", log);
                    }
                    found.push((rule, hit, c));
                }
            }
            if let (Some(rule), Some(hit)) = (secret_rule, sent) {
                found.push((rule, hit, c));
            }
            // What a file the plan writes runs later (a CI pipeline's steps at the next push, a
            // cron job, a unit's command) sends then: a credential it puts into a request
            // leaves with the first run.
            if let Some(rule) = secret_rule {
                if let Some(hit) = installs_secret_send(input, command, &flow) {
                    let pipeline = rules::written(command)
                        .is_some_and(|(path, _)| rules::is_ci_pipeline(&path.value));
                    if let (true, Some(&send)) = (pipeline, hit.evidence.first()) {
                        flow.pipeline_send = Some((send, index + 1));
                    }
                    found.push((rule, hit, c));
                } else if let Some((send, at)) = flow.pipeline_send.filter(|(_, at)| *at <= index) {
                    // A push (or a run started by hand) runs the pipeline an earlier step
                    // wrote: the credential leaves now.
                    if starts_pipelines(command) {
                        let mut hit = Hit::pair(command.program_span, send);
                        hit.set_note(format!("It starts the CI pipeline step {at} wrote, whose command sends a credential away."));
                        found.push((rule, hit, c));
                    }
                }
            }
            if let Some(source) = reads {
                // `| tee -a "$LOG"` writes what it reads into the files it names.
                let teed = command.positionals().filter(|_| command.program == "tee");
                for write in command.writes.iter().chain(teed) {
                    flow.secret_paths.push((normal_path(&write.value), source));
                }
                if let Some(name) = assigned_from(input, command) {
                    // A stored credential put into a variable is in the agent's hands from
                    // here on: any later trace, log or message can carry it.
                    if let (Some(rule), true) = (held_rule, holds_stored_secret(command, &flow)) {
                        let mut hit = Hit::on(command.span);
                        hit.target(&name);
                        found.push((rule, hit, c));
                    }
                    if let (Some(rule), Some(hit)) =
                        (shown_rule, flow.trace.exposes(input, command, &flow, true))
                    {
                        found.push((rule, hit, c));
                    }
                    flow.secret_vars.push((name, source));
                }
            } else if let Some(name) = assigned_from(input, command)
                .filter(|name| flows::is_credential_name(name) || flows::takes_credential(command))
            {
                // `NEW_PASS=$(openssl rand -base64 30)`: a credential the plan makes is as
                // secret as one it reads.
                if let (Some(rule), Some(hit)) =
                    (shown_rule, flow.trace.exposes(input, command, &flow, true))
                {
                    found.push((rule, hit, c));
                }
                flow.made_secrets.push(name);
            } else if let (Some(rule), Some(hit)) =
                (shown_rule, flow.trace.exposes(input, command, &flow, false))
            {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit), None) =
                (shown_rule, copies_secret(command, &mut flow), shown)
            {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) = (shown_rule, commits_secret(command, &mut flow)) {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) = (secret_rule, pushes_secret(command, &flow)) {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) = (
                committed_rule,
                flow.records.committed(input, command, index + 1),
            ) {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) =
                (personal_rule, flow.records.sent(input, command, index + 1))
            {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) = (
                copied_rule,
                flow.records.restored(input, command, &options.policy),
            ) {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) = (
                copied_rule,
                flow.records
                    .note_dump(input, command, index + 1, &options.policy),
            ) {
                found.push((rule, hit, c));
            }
            if let (Some(rule), Some(hit)) = (replay_rule, starts_rewound(input, command, &flow)) {
                found.push((rule, hit, c));
            }
            remember_rewind(command, index + 1, &mut flow);
            remember_written(command, index + 1, &mut flow);
            for (rule, hit) in runs_written(input, command, &flow) {
                found.push((rule, hit, c));
            }
            carrying = reads;
        }
        // A CI job shown in a block under the step's words (`script:` or `run:` lines) runs at
        // the next push as a written pipeline file does.
        if let Some(rule) = secret_rule {
            let lines: Vec<Span> = step
                .step
                .blocks
                .iter()
                .flat_map(|block| rules::ci_script_lines(input, *block))
                .collect();
            if let Some(hit) = later_secret_send(input, &lines, &flow) {
                if let Some(&send) = hit.evidence.first() {
                    flow.pipeline_send = Some((send, index + 1));
                }
                found.push((rule, hit, usize::MAX));
            }
        }
        // A step that posts or sends text holding credential values (a chat message, an
        // issue, a tool call whose content carries a password) exposes them, whoever reads it.
        if let Some(rule) = secret_rule {
            if let Some(hit) = posts_credentials(input, step) {
                found.push((rule, hit, usize::MAX));
            }
        }
        if let Some(rule) = personal_rule {
            if let Some(hit) = posts_personal_data(input, step) {
                found.push((rule, hit, usize::MAX));
            } else if let Some(hit) = publishes_personal_file(input, step, &flow) {
                // A file an earlier query filled with contact details, made public here:
                // anyone with the address has every person in it.
                found.push((rule, hit, usize::MAX));
            } else if let Some(hit) = flow
                .records
                .report_handed(input, &step.tokens, step.step.span)
                .or_else(|| hands_on_personal_file(input, step, index + 1, &flow))
            {
                found.push((rule, hit, usize::MAX));
            }
        }
        if let Some(report) = super::records::report_made(input, &step.tokens, index + 1) {
            flow.records.reports.push(report);
        }
        // A merge after a step that wrote such a workflow puts it on the default branch: from
        // then on it does what that step's finding says.
        if let Some((rule, at)) = flow.staged_workflow {
            if let Some(merge) = merges(step) {
                let mut hit = Hit::on(merge);
                hit.set_note(format!("The merge puts the workflow step {at} wrote on the default branch, where it runs."));
                found.push((rule, hit, usize::MAX));
            }
        }
        if let Some(finding) = step.findings.iter().find(|f| STAGED.contains(f.rule.id())) {
            flow.staged_workflow = Some((finding.rule, index + 1));
        }
        // What the step sent out with credential values in it comes back as an address (a
        // paste's link): the address is as secret as what it points at.
        let uploads_secret = found
            .iter()
            .any(|(r, _, _)| secret_rule.is_some_and(|s| std::ptr::eq(*r, s)))
            || (step
                .findings
                .iter()
                .any(|f| f.rule.id() == "messages.public-drop")
                && !flows::credential_spans(step.step.span.slice(input)).is_empty());
        if uploads_secret {
            returned_links(
                input,
                outside,
                bounds[index],
                index + 1,
                &mut flow.secret_links,
            );
        }
        // A force-push after git refused a push because the remote holds commits this clone
        // lacks: those commits are certain to be dropped, not only possibly.
        if flow.refused_push {
            for finding in step
                .findings
                .iter_mut()
                .filter(|f| f.rule.id() == "git.force-push")
            {
                finding.decision = finding.decision.max(crate::model::Decision::Escalate);
                finding.adjustments.push(crate::report::Adjustment {
                    kind: crate::report::AdjustmentKind::Context,
                    note: "Git refused an earlier push because the remote has commits this clone does not: forcing drops them from the branch.".to_string(),
                    evidence: Vec::new(),
                });
            }
        }
        if results_between(outside, bounds[index])
            .iter()
            .any(|o| refused_push(o.slice(input)))
        {
            flow.refused_push = true;
        }
        // What the step opened to anyone with the link comes back as that link.
        if step
            .findings
            .iter()
            .any(|f| PUBLIC_SHARES.contains(f.rule.id()))
        {
            returned_links(
                input,
                outside,
                bounds[index],
                index + 1,
                &mut flow.public_links,
            );
        }
        for (rule, hit, c) in found {
            if options.policy.is_disabled(rule.id()) {
                continue;
            }
            let command = step.commands.get(c);
            let scored = place::place(
                input,
                rule,
                hit,
                command,
                &step.tokens,
                &step.environment,
                options,
            );
            step.findings.push(scored);
        }
    }
}

/// A step that sends on a file an earlier query filled with people's details, by its name or
/// by an address that ends in it ("Email the link `https://.../churn.csv` to the agency",
/// `gzip -c customers.csv | curl --data-binary @- https://...`): the details go wherever the
/// file goes. A step in words sends by its verbs; one with commands, by a command that sends
/// what its pipe carries to another machine (a sender naming the file itself is
/// `Records::sent`). A file the step itself fills is not handed on by it.
fn hands_on_personal_file(input: &str, step: &StepWork, number: usize, flow: &Flow) -> Option<Hit> {
    let sends = if step.commands.is_empty() {
        !crate::prose::find_all(&step.tokens, flows::SENDING).is_empty()
    } else {
        step.commands
            .iter()
            .any(|c| matches!(c.input, Input::Pipe { .. }) && sends_off_machine(c))
    };
    if flow.records.personal_files.is_empty() || !sends {
        return None;
    }
    let span = step.step.span;
    let text = span.slice(input);
    flow.records
        .personal_files
        .iter()
        .filter(|file| file.step != number)
        .find_map(|file| {
            let name = file.name();
            let offset = text.find(name).filter(|_| name.len() >= 5)?;
            let start = span.start + offset;
            let mut hit = Hit::pair(Span::new(start, start + name.len()), file.column);
            hit.target(&file.path);
            if file.every_row {
                // Every row of the table: the details of everyone it holds leave together.
                hit.scope = Some(crate::model::Scope::Organization);
                hit.set_note(format!(
                    "Step {} filled `{}` with people's details (`{}`) from every row of its table, nothing filtered; this step sends all of them on.",
                    file.step,
                    name,
                    file.column.slice(input)
                ));
            } else {
                hit.set_note(format!(
                    "Step {} filled `{}` with people's details (`{}`); this step sends it on.",
                    file.step,
                    name,
                    file.column.slice(input)
                ));
            }
            Some(hit)
        })
}

/// Where a network client or copy program sends to another machine: the remote address
/// it is given (a URL to another host, `host:path` as a copy's last operand, a mail address),
/// with the indexes of its operands. `None` for a command that sends nowhere else.
fn destination(command: &Command) -> Option<(&crate::shell::Arg, Vec<usize>)> {
    if !flows::SENDERS.contains(&command.program.as_str()) {
        return None;
    }
    let args = &command.args;
    // A copy program sends to its last operand: when that is a local path, the copy is a
    // download (`scp host:/var/log/*.log ./logs/`) and sends nothing. The identity a flag names
    // (`-i key.pem`) is how it signs in, not what it copies.
    let copier = words!["scp", "sftp", "rsync"].contains(command.program.as_str());
    // A cluster of short flags takes a value with its last letter: rsync's `-avze "ssh -i
    // key.pem"`, scp's `-ri key.pem`.
    let clustered = |flags: &str| {
        let takes = if command.program == "rsync" { 'e' } else { 'i' };
        flags.len() > 2
            && flags.starts_with('-')
            && !flags.starts_with("--")
            && flags.ends_with(takes)
    };
    let flag_value = |i: usize| {
        i > 0
            && copier
            && (words!["-i", "-F", "-o", "-P", "-S", "-e", "-l", "-c", "-J", "--rsh"]
                .contains(args[i - 1].value.as_str())
                || clustered(&args[i - 1].value))
    };
    let operands: Vec<usize> = (0..args.len())
        .filter(|&i| !args[i].value.starts_with('-') && !flag_value(i))
        .collect();
    let last_operand = operands.last().copied();
    let destination = args
        .iter()
        .enumerate()
        .find(|&(i, a)| {
            if copier && Some(i) != last_operand {
                return false;
            }
            let v = a.value.as_str();
            if v.contains("://") {
                return flows::host_of(v).is_some_and(|h| !flows::is_local_host(h));
            }
            // An address the plan keeps in a variable named for one (`"$TEAMS_WEBHOOK"`,
            // `$env:ALERT_URL`): where it points is not written, so it is another machine.
            if !copier && a.dynamic && names_an_address(v) {
                return true;
            }
            match command.program.as_str() {
                "scp" | "sftp" | "rsync" => v.split_once(':').is_some_and(|(host, _)| {
                    !host.is_empty()
                        && !host.contains('/')
                        && !flows::is_local_host(host.after_last(b'@'))
                }),
                listed if words!["nc", "ncat", "netcat", "telnet"].contains(listed) => {
                    flows::host_of(v).is_some_and(|h| !flows::is_local_host(h))
                }
                listed if words!["mail", "mailx", "sendmail", "mutt"].contains(listed) => {
                    v.contains('@')
                }
                _ => false,
            }
        })?
        .1;
    Some((destination, operands))
}

/// Is `value` a variable whose name says it holds a web address (`$SLACK_WEBHOOK`,
/// `${ALERT_URL}`, `$env:TEAMS_HOOK`, `$ApiEndpoint`)?
fn names_an_address(value: &str) -> bool {
    let name = value.trim_matches(&['"', '\'', '$', '{', '}'][..]);
    let name = name.strip_prefix("env:").unwrap_or(name);
    let upper = name.to_ascii_uppercase();
    value.starts_with(&['$', '"'][..])
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && ["URL", "URI", "HOOK", "ENDPOINT"]
            .iter()
            .any(|word| upper.contains(word))
}

/// Does a command send to another machine (see `destination`)?
pub(super) fn sends_off_machine(command: &Command) -> bool {
    destination(command).is_some()
}

/// A step that pushes or commits content holding a person's contact details that a tool
/// returned to the agent earlier (a fixture made from a real event): the repository, its
/// clones and its history now hold that person's details.
fn commits_returned(input: &str, step: &StepWork, returned: &[(&str, Span)]) -> Option<Hit> {
    if returned.is_empty()
        || crate::prose::find_all(&step.tokens, words!["push", "pushes", "commit", "commits"])
            .is_empty()
    {
        return None;
    }
    let span = step.step.span;
    let text = span.slice(input);
    returned.iter().find_map(|(value, at)| {
        if at.end > span.start {
            return None;
        }
        let offset = text.find(value)?;
        let mut hit = Hit::pair(Span::new(span.start + offset, span.start + offset + value.len()), *at);
        hit.note("A tool returned this person's details to the agent; this step writes them into the repository.");
        Some(hit)
    })
}

/// Words of a tool call's name that work in a repository of one's own: a branch, a commit, a
/// pull request, files written or pushed.
const REPOSITORY_WORK: [&str; 6] = ["branch", "commit", "pull", "push", "file", "merge"];

/// Words of a call's name, and the articles the reader puts between them: not names of
/// places.
const CALL_WORDS: [&str; 22] = [
    "create",
    "add",
    "update",
    "post",
    "the",
    "a",
    "an",
    "issue",
    "comment",
    "discussion",
    "gist",
    "new",
    "pull",
    "request",
    "branch",
    "commit",
    "push",
    "file",
    "files",
    "merge",
    "or",
    "to",
];

/// The words of a tool call as the reader writes it (`{ create the issue tidelane datewise
/// ... }`), without its braces.
fn call_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(&['{', '}', ',', '"'][..]))
        .filter(|w| !w.is_empty())
}

/// A call that opens an issue, a discussion or a gist, or comments on one, in a code host's
/// repository whose names the plan's own repository work never uses, and that carries a
/// person's details a tool returned to the agent: a customer's contact details handed to
/// another organisation's tracker, usually public.
fn posts_returned_elsewhere(
    input: &str,
    step: &StepWork,
    returned: &[(&str, Span)],
    own: &[&str],
) -> Option<Hit> {
    if returned.is_empty() || own.is_empty() {
        return None;
    }
    let span = step.step.span;
    let text = span.slice(input);
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let mut words = call_words(text).take(4);
    let opens = words.any(|w| ["issue", "discussion", "gist"].contains(&w));
    // Trackers of the organisation's own (Jira, Linear, a help desk) are not a code host's.
    let internal = call_words(text)
        .take(3)
        .any(|w| ["jira", "linear", "zendesk", "freshdesk", "ticket"].contains(&w));
    if !opens || internal {
        return None;
    }
    let places: Vec<&str> = call_words(text)
        .filter(|w| !CALL_WORDS.contains(w))
        .filter(|w| !returned.iter().any(|(value, _)| value.contains(w)))
        .take(2)
        .collect();
    if places.is_empty() || places.iter().any(|p| own.contains(p)) {
        return None;
    }
    returned.iter().find_map(|(value, at)| {
        if at.end > span.start {
            return None;
        }
        let offset = text.find(value)?;
        let mut hit = Hit::pair(
            Span::new(span.start + offset, span.start + offset + value.len()),
            *at,
        );
        hit.set_target(Some(places.joined("/")));
        hit.note_with("A tool returned this person's details to the agent; this step posts them in `{}`, a repository the plan's own work does not use.", &places.joined("/"));
        Some(hit)
    })
}

/// A step that acts with an address a tool gave back for credentials an earlier step uploaded
/// (it sends or posts the paste's link): the credentials go wherever the address goes.
/// A step that acts with an address a tool gave back earlier (one of `links`: a paste's link
/// to uploaded credentials, a folder's link opened to anyone): the hit on the address and the
/// step (1-based) that got it. The caller says what the address holds.
fn hands_on_link(
    input: &str,
    step: &StepWork,
    links: &[(String, Span, usize)],
) -> Option<(Hit, usize)> {
    // A step that acts (or posts, however harmless the post alone: a note in a team channel
    // proceeds) hands the link on; one that only reads it does not.
    let posts = || {
        step.findings
            .iter()
            .any(|f| f.rule.action == rules::Action::Publish)
    };
    if links.is_empty() || (step.decision() < crate::model::Decision::Review && !posts()) {
        return None;
    }
    let text = step.step.span.slice(input);
    links.iter().find_map(|(link, at, made)| {
        let offset = text.find(link.as_str())?;
        let start = step.step.span.start + offset;
        Some((Hit::pair(Span::new(start, start + link.len()), *at), *made))
    })
}

/// What tools returned between `from` and `to` (one step's results). The spans are in text
/// order, so they are found by binary search: a scan of every result for every step would make
/// a long transcript cost its length squared.
fn results_between(outside: &[Span], (from, to): (usize, usize)) -> &[Span] {
    let start = outside.partition_point(|o| o.start < from);
    let end = start + outside[start..].partition_point(|o| o.end <= to);
    &outside[start..end]
}

/// Whether a tool's output is git refusing a push because the remote has commits the clone
/// lacks (`! [rejected] ... (fetch first)`, `(non-fast-forward)`).
fn refused_push(output: &str) -> bool {
    output.contains("[rejected]")
        && (output.contains("fetch first") || output.contains("non-fast-forward"))
}

/// Rules whose step opens something to anyone who has its link.
const PUBLIC_SHARES: Words = words!["prose.make-public", "prose.public-link"];

/// The addresses (`scheme://...`) in what tools returned between `from` and `to`, the result
/// of step `made` (1-based), added to `links` with where the result gives each.
fn returned_links(
    input: &str,
    outside: &[Span],
    (from, to): (usize, usize),
    made: usize,
    links: &mut Vec<(String, Span, usize)>,
) {
    for o in results_between(outside, (from, to)) {
        let text = o.slice(input);
        let mut cursor = 0;
        for word in text.split_whitespace() {
            let at = cursor + text[cursor..].find(word).unwrap_or(0);
            cursor = at + word.len();
            let address = word.trim_matches(|c: char| {
                matches!(
                    c,
                    '"' | '\''
                        | '\\'
                        | '<'
                        | '>'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '{'
                        | '}'
                        | '.'
                        | ','
                        | ';'
                )
            });
            if address.contains("://") && address.len() > 10 {
                let start = o.start + at + word.find(address).unwrap_or(0);
                let span = Span::new(start, start + address.len());
                links.push((address.to_string(), span, made));
            }
        }
    }
}

/// A step that makes public a file an earlier step filled with contact details: the public
/// upload is found by the rules (a public-read ACL, a public paste host), the file by name.
fn publishes_personal_file(input: &str, step: &StepWork, flow: &Flow) -> Option<Hit> {
    let public = step
        .findings
        .iter()
        .any(|f| matches!(f.rule.id(), "aws.s3-make-public" | "messages.public-drop"));
    if !public {
        return None;
    }
    step.commands.iter().find_map(|command| {
        command.args.iter().find_map(|arg| {
            let name = arg.value.after_last(b'/');
            // The file by name, or a bucket made public that a query stored its results in
            // (`--bucket exports` after `OutputLocation=s3://exports/partner/`).
            let file = flow.records.personal_files.iter().find(|file| {
                (!name.is_empty() && file.name() == name)
                    || ["s3://", "gs://"].iter().any(|scheme| {
                        file.path
                            .strip_prefix(scheme)
                            .and_then(|rest| rest.strip_prefix(arg.value.as_str()))
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                    })
            })?;
            let (column, made) = (file.column, file.step);
            let mut hit = Hit::pair(arg.span, column);
            hit.scope = Some(crate::model::Scope::Organization);
            hit.target_of(Some(arg));
            hit.set_note(format!(
                "Step {} wrote people's contact details (`{}`) into `{}`; here it is made public.",
                made,
                column.slice(input),
                name
            ));
            Some(hit)
        })
    })
}

/// Whether a text speaks to AI agents ("Note for AI assistants: ...").
fn addresses_agents(input: &str, span: Span) -> bool {
    let words = crate::prose::tokens(input, span, &[]);
    !crate::prose::find_all(&words, flows::AGENT_ADDRESSEES).is_empty()
}

/// The addresses and ids that texts from outside the plan addressed to AI agents (`addressed`)
/// give: URLs, e-mail addresses, long opaque ids (a file's or a document's) and packages at a
/// moving tag, each with where it is written and the text it is in. Names and words are too common to say a step took them
/// from the text.
fn asked_values(input: &str, addressed: &[Span]) -> Vec<(String, Span, Span)> {
    let mut out = Vec::new();
    for &within in addressed {
        let text = within.slice(input);
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let breaks = c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | '\\' | '(' | ')' | ',' | ';' | '<' | '>' | '[' | ']' | '{' | '}'
                );
            match (breaks, start) {
                (false, None) => start = Some(i),
                (true, Some(from)) => {
                    start = None;
                    let value = text[from..i].trim_end_matches(&['.', ':'][..]);
                    let opaque = value.len() >= 16
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                        && value.bytes().any(|b| b.is_ascii_digit())
                        && value.bytes().any(|b| b.is_ascii_alphabetic());
                    // A URL, or an e-mail address: a domain after the `@` that ends in a
                    // top-level domain (`name@4.5.0` is a package's version).
                    let email = value.split_last(b'@').is_some_and(|(local, domain)| {
                        !local.is_empty()
                            && domain.split_last(b'.').is_some_and(|(_, top)| {
                                top.len() >= 2 && top.bytes().all(|b| b.is_ascii_alphabetic())
                            })
                    });
                    let address = value.contains("://") && value.len() > 10 || email;
                    // A package at a moving tag (`name@latest`): whatever its publisher puts
                    // there next is what gets installed.
                    let package = value.split_last(b'@').is_some_and(|(name, tag)| {
                        name.trim_start_matches('@').len() >= 2
                            && matches!(tag, "latest" | "next" | "canary" | "beta")
                    });
                    // A name the text sets apart in backticks (`driftline-triage`), shaped as
                    // an identifier rather than a word: an account, a branch, a resource.
                    let quoted = value
                        .strip_prefix('`')
                        .and_then(|v| v.strip_suffix('`'))
                        .filter(|v| {
                            v.len() >= 6
                                && v.bytes().all(|b| {
                                    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
                                })
                                && v.bytes().any(|b| matches!(b, b'-' | b'_'))
                        });
                    if let Some(name) = quoted {
                        let at = within.start + from + 1;
                        out.push((name.to_string(), Span::new(at, at + name.len()), within));
                    } else if opaque || address || package {
                        let at = within.start + from;
                        out.push((value.to_string(), Span::new(at, at + value.len()), within));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// A command that text from outside the plan asks the agent to run.
struct Instruction {
    /// The command as compared: program and arguments.
    key: String,
    /// Where the command is written in that text (evidence).
    span: Span,
    /// The whole text it is in, and where that text comes in the plan.
    within: Span,
    at: usize,
}

/// A command as compared with another: its program and arguments, as the shell would pass
/// them. A bare program (`bash`, `env`) is too common to say one was asked for.
fn command_key(command: &Command) -> String {
    if command.args.is_empty() {
        return String::new();
    }
    let mut key = command.program.clone();
    for arg in &command.args {
        key.push(' ');
        key.push_str(&arg.value);
    }
    // The text that asks and the call that does may quote a Windows path through different
    // layers of JSON (`C:\\` in a ticket's note, `C:\` in the tool call): a doubled
    // backslash is the same path.
    while key.contains("\\\\") {
        key = key.replace("\\\\", "\\");
    }
    key
}

/// Is the command run the command asked for? Word for word, where the text's placeholders
/// (`OWNER/REPO`, `<repo>`, `{owner}`) stand for whatever the agent put in their place:
/// `gh api -X DELETE repos/OWNER/REPO/branches/main/protection` asks for the same deletion on
/// any repository.
fn same_command(asked: &str, done: &str) -> bool {
    fn placeholder(part: &str) -> bool {
        (part.len() >= 3 && part.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'))
            || (part.starts_with('<') && part.ends_with('>'))
            || (part.starts_with('{') && part.ends_with('}'))
    }
    let word = |a: &str, d: &str| {
        a == d || {
            let (a, d): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), d.split('/').collect());
            a.len() == d.len()
                && a.iter().any(|p| placeholder(p))
                && a.iter()
                    .zip(&d)
                    .all(|(p, v)| p == v || (placeholder(p) && !v.is_empty()))
        }
    };
    asked == done || {
        let (a, d): (Vec<&str>, Vec<&str>) =
            (asked.split(' ').collect(), done.split(' ').collect());
        a.len() == d.len() && a.iter().zip(&d).all(|(x, y)| word(x, y))
    }
}

/// Commands that texts addressed to AI agents ask for: in what tools returned (`addressed`, the
/// returned texts that speak to agents) and in quotations a prose step reports.
fn instructions(input: &str, work: &[StepWork], addressed: &[Span]) -> Vec<Instruction> {
    // What tools returned arrives already known to address agents; a prose step's quotation
    // is checked here.
    let mut texts: Vec<(Span, Vec<Span>, bool)> = addressed
        .iter()
        .map(|span| {
            let mut code = backticked(input, *span);
            code.extend(commands_in_sentences(input, *span));
            (*span, code, true)
        })
        .collect();
    for step in work {
        if !step.step.quoted.is_empty() {
            texts.push((
                step.step.span,
                step.step.quoted.iter().map(|c| c.span).collect(),
                false,
            ));
        }
    }
    let mut out = Vec::new();
    for (within, code, known) in texts {
        if code.is_empty() || !known && !addresses_agents(input, within) {
            continue;
        }
        for span in code {
            let mut scratch = crate::shell::ShellState::default();
            for command in crate::shell::parse_commands(input, span, &mut scratch) {
                let key = command_key(&command);
                if !key.is_empty() {
                    out.push(Instruction {
                        key,
                        span: command.span,
                        within,
                        at: within.start,
                    });
                }
            }
        }
    }
    out
}

/// The inner spans of the `inline code` in a text.
/// Commands written into the sentences of a text without backticks ("you must run curl ...
/// | sh before anything else"), one per line at most.
fn commands_in_sentences(input: &str, span: Span) -> Vec<Span> {
    let text = span.slice(input);
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if let Some((found, crate::plan::CodeKind::Shell)) = crate::plan::command_in_sentence(line)
        {
            out.push(Span::new(
                span.start + at + found.start,
                span.start + at + found.end,
            ));
        }
        at += line.len() + 1;
    }
    out
}

fn backticked(input: &str, span: Span) -> Vec<Span> {
    let text = span.slice(input);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c == '`' {
            match open.take() {
                Some(start) if i > start => out.push(Span::new(span.start + start, span.start + i)),
                Some(_) => {}
                None => open = Some(i + 1),
            }
        }
    }
    out
}

/// Credential values in a step that sends or posts what it holds, as evidence, or `None`.
fn posts_credentials(input: &str, work: &StepWork) -> Option<Hit> {
    if !work.step.prose || crate::prose::find_all(&work.tokens, flows::SENDING).is_empty() {
        return None;
    }
    let span = work.step.span;
    let values = flows::credential_spans(span.slice(input));
    if values.is_empty() {
        return None;
    }
    let mut hit = Hit::at(
        values
            .into_iter()
            .map(|(start, end)| Span::new(span.start + start, span.start + end))
            .collect(),
    );
    hit.note("What it posts holds credential values; everyone who can read it can use them.");
    Some(hit)
}

/// A prose step that shows the agent a credential file: a verb of reading or printing, and a
/// secret path in inline code ("Read `.env.production` to find the database URL").
fn shows_secret_file(work: &StepWork, flow: &Flow) -> Option<Hit> {
    let tokens = &work.tokens;
    if !work.step.prose {
        return None;
    }
    // Each verb's object: the first name in inline code after it, in its clause ("read
    // `.env.example` and copy it to `.env`" reads the template, not `.env`).
    let (verb, file) = crate::prose::find_all(tokens, flows::SHOWING)
        .into_iter()
        .filter(|(s, _)| !tokens[*s].data && !super::is_negated(tokens, *s))
        .find_map(|(start, end)| {
            let file = tokens
                .iter()
                .skip(end)
                .take_while(|t| t.clause == tokens[start].clause)
                .find(|t| t.data)
                .filter(|t| flow.secret_at(&t.text).is_some())?;
            Some((start, file))
        })?;
    let mut hit = Hit::pair(tokens[verb].span, file.span);
    hit.target(&file.text);
    Some(hit)
}

/// A prose step that sends or posts a credential it names ("Post the database URL in
/// #backend-help") after step `at` showed the agent a secret.
fn posts_named_credential(work: &StepWork, at: usize) -> Option<Hit> {
    let tokens = &work.tokens;
    if !work.step.prose {
        return None;
    }
    let live = |(s, _): &(usize, usize)| !tokens[*s].data && !super::is_negated(tokens, *s);
    let (verb, _) = crate::prose::find_all(tokens, flows::SENDING)
        .into_iter()
        .find(live)?;
    let (named, end) = crate::prose::find_all(tokens, flows::CREDENTIAL_WORDS)
        .into_iter()
        .find(|hit| live(hit) && tokens[hit.0].clause == tokens[verb].clause)?;
    let mut hit = Hit::pair(
        tokens[verb].span,
        tokens[named].span.cover(tokens[end - 1].span),
    );
    hit.set_note(format!(
        "Step {at} showed the agent that secret, so its value is what this posts."
    ));
    Some(hit)
}

/// The working-copy file a prose step says it puts a credential in: a verb of putting, a word
/// for a credential, and a file named in inline code ("Put the database URL, with its
/// password, in `config/settings.py`").
fn puts_secret_in_file(work: &StepWork) -> Option<&crate::prose::Token> {
    use crate::prose::find_all;
    let tokens = &work.tokens;
    let said = |words| {
        find_all(tokens, words)
            .iter()
            .any(|(s, _)| !tokens[*s].data && !super::is_negated(tokens, *s))
    };
    if !work.step.prose || !said(flows::PUTTING) || !said(flows::CREDENTIAL_WORDS) {
        return None;
    }
    tokens
        .iter()
        .find(|t| t.data && flows::is_working_file(&t.text))
}

/// `git add` of everything or of a file holding a secret, or `git commit -a`, while the
/// working copy holds one: the secret goes into the history, which keeps it after the file
/// changes. Records it for a later push.
fn commits_secret(command: &Command, flow: &mut Flow) -> Option<Hit> {
    if command.program != "git" {
        return None;
    }
    // A credential file the command names itself (`git add .env`) is one whoever wrote it.
    let named = command
        .positionals()
        .skip(1)
        .find(|w| flows::is_secret_path(&w.value) && flows::is_working_file(&w.value))
        .map(|w| (normal_path(&w.value), w.span));
    let secret = flow
        .secret_paths
        .iter()
        .find(|(path, _)| flows::is_working_file(path))
        .map(|(path, span)| (path.clone(), *span))
        .or(named)?;
    let verb = git_takes(command, &secret.0)?;
    if verb.value == "commit" && flow.committed.is_some() {
        return None;
    }
    flow.committed = Some((secret.0.clone(), command.span));
    let mut hit = Hit::pair(command.program_span.cover(verb.span), secret.1);
    hit.target(&secret.0);
    hit.note_with("It takes `{}`, which holds a secret, into the git history, which keeps it after the file changes.", &secret.0);
    Some(hit)
}

/// The verb of a `git add` that stages the working-copy file at `path` (by name, `.`, or
/// everything with `-A`) or a `git commit --all`/`-a` that takes it in.
pub(super) fn git_takes<'c>(command: &'c Command, path: &str) -> Option<&'c crate::shell::Arg> {
    if command.program != "git" {
        return None;
    }
    let words: Vec<&crate::shell::Arg> = command.positionals().collect();
    let verb = *words.first()?;
    let everything = |flags: &[&str]| {
        command.args.iter().any(|a| {
            flags.contains(&a.value.as_str())
                || (a.value.starts_with('-') && !a.value.starts_with("--") && a.value.contains('a'))
        })
    };
    let takes = match verb.value.as_str() {
        "add" => {
            everything(&["-A", "--all", "-u", "--update"])
                || words[1..]
                    .iter()
                    .any(|w| w.value == "." || normal_path(&w.value) == path)
        }
        "commit" => everything(&["--all"]),
        _ => false,
    };
    takes.then_some(verb)
}

/// `git push` after a secret went into a commit: the secret leaves the machine.
fn pushes_secret(command: &Command, flow: &Flow) -> Option<Hit> {
    let (path, committed) = flow.committed.as_ref()?;
    let verb = command.positionals().next()?;
    if command.program != "git" || verb.value != "push" {
        return None;
    }
    let mut hit = Hit::pair(command.program_span.cover(verb.span), *committed);
    hit.target(path);
    hit.note_with("It pushes the commit holding the secret in `{}`; once pushed it must be revoked, not deleted.", path);
    Some(hit)
}

/// A step that posts or sends text holding a card or ID number (`flows::personal_data_spans`),
/// or a person's contact details to the whole company (`flows::contact_spans`).
fn posts_personal_data(input: &str, work: &StepWork) -> Option<Hit> {
    if crate::prose::find_all(&work.tokens, flows::SENDING).is_empty() {
        return None;
    }
    let span = work.step.span;
    let mut values = flows::personal_data_spans(span.slice(input));
    if !crate::prose::find_all(&work.tokens, flows::BROAD_AUDIENCES).is_empty() {
        values.extend(flows::contact_spans(span.slice(input)));
        crate::order::sort_pairs(&mut values);
    }
    if values.is_empty() {
        return None;
    }
    Some(Hit::at(
        values
            .into_iter()
            .map(|(start, end)| Span::new(span.start + start, span.start + end))
            .collect(),
    ))
}

/// The positional words of a command, as written.
fn positionals(command: &Command) -> Vec<&str> {
    command.positionals().map(|a| a.value.as_str()).collect()
}

/// Does the command put a secret's value out, rather than its name? A cluster lists a
/// secret's keys and sizes unless asked for an output format that holds the data.
fn shows_value(command: &Command) -> bool {
    if !matches!(command.program.as_str(), "kubectl" | "oc") {
        return true;
    }
    let args = &command.args;
    args.iter().enumerate().any(|(i, arg)| {
        let flag = arg.value.as_str();
        let format = match flag {
            "-o" | "--output" => args.get(i + 1).map(|a| a.value.as_str()),
            _ => flag
                .strip_prefix("--output=")
                .or_else(|| flag.strip_prefix("-o="))
                .or_else(|| flag.strip_prefix("-o")),
        };
        format.is_some_and(|f| !f.is_empty() && !f.starts_with("name") && !f.starts_with("wide"))
    })
}

/// The secret file a command reads, for the card to name.
fn secret_named(command: &Command, flow: &Flow) -> Option<String> {
    command
        .args
        .iter()
        .find(|a| flow.secret_at(&a.value).is_some())
        .map(|a| a.value.clone())
}

/// Does this command print a secret: a credential file, or a command made to print one? The
/// span is the evidence.
fn reads_secret(input: &str, command: &Command, flow: &Flow) -> Option<Span> {
    // `echo "password: ${KAFKA_PW}"`: printing a variable that holds a secret prints the
    // secret (into the transcript, a file it is redirected to, or the next command).
    if ECHOES.contains(command.program.as_str()) {
        // A credential the plan made (`NEW_TOKEN=$(... | jq -r .secondary_auth_token)`) too.
        let echoed = command
            .args
            .iter()
            .find(|a| holds_secret(a.span.slice(input), flow));
        if let Some(arg) = echoed {
            return Some(arg.span);
        }
    }
    // `set -e`, `export PATH=...`: only the bare command lists the environment.
    let lists_environment = words!["env", "set", "export"].contains(command.program.as_str());
    if lists_environment && !command.args.is_empty() {
        return None;
    }
    // `doppler secrets --only-names` lists what is stored, not the values.
    let names_only = command
        .args
        .iter()
        .any(|a| words!["--only-names", "--names-only", "--name-only"].contains(a.value.as_str()));
    if flows::may_print_secret(&command.program)
        && !names_only
        && flows::prints_secret(&command.program, &positionals(command))
    {
        return Some(command.span);
    }
    if let Some(pattern) = flows::credential_search(command) {
        return Some(pattern.span);
    }
    if flows::FILE_READERS.contains(&command.program.as_str()) && command.program != "cp" {
        // openssl writes the files named after `-keyout` and `-out`, and `-pubout` prints only
        // a key's public half.
        let openssl = command.program == "openssl";
        if openssl && command.args.iter().any(|a| a.value == "-pubout") {
            return None;
        }
        let mut after_output = false;
        return command
            .args
            .iter()
            .filter(|a| {
                let written = openssl && after_output;
                after_output = matches!(a.value.as_str(), "-keyout" | "-out");
                !written && (!a.value.starts_with('-') || a.value == "-")
            })
            .find(|a| flow.secret_at(&a.value).is_some())
            .map(|a| a.span);
    }
    None
}

/// Does this command read a credential stored for a service: a secrets store's entry, or a
/// credential file? The environment, a variable already read and the caller's own session
/// token are not stored secrets.
fn holds_stored_secret(command: &Command, flow: &Flow) -> bool {
    (flows::may_print_secret(&command.program)
        && flows::prints_stored_secret(&command.program, &positionals(command))
        && shows_value(command))
        || (flows::FILE_READERS.contains(&command.program.as_str())
            && command
                .positionals()
                .any(|a| flow.secret_at(&a.value).is_some()))
}

/// `cp` or `install` of a secret makes its destination one; `tar` or `zip` of a folder that
/// holds one makes the archive one.
fn copies_secret(command: &Command, flow: &mut Flow) -> Option<Hit> {
    if !words!["cp", "install", "rsync", "mv", "tar", "zip", "7z"]
        .contains(command.program.as_str())
        || flow.secret_paths.is_empty()
            && flow.secret_files.is_empty()
            && !command.args.iter().any(|a| flows::is_secret_path(&a.value))
    {
        return None;
    }
    let words: Vec<&crate::shell::Arg> = command.positionals().collect();
    match command.program.as_str() {
        "cp" | "install" | "rsync" | "mv" if words.len() >= 2 => {
            let (destination, sources) = words.split_last().unwrap_or((&words[0], &[]));
            let source = sources
                .iter()
                .find(|s| flow.secret_at(&s.value).is_some())?;
            // The copy holds what the source holds; the copying command is the evidence.
            let name = source.value.after_last(b'/');
            let to = normal_path(&destination.value);
            flow.secret_paths
                .push((crate::words::fill2("{}/{}", &to, name), source.span));
            flow.secret_paths.push((to, source.span));
            // A copy beside the original (`cp .env .env.bak`) stays where the secret is kept;
            // one into another folder (a scratch folder, a bundle for someone) is a copy of
            // the value to look at, as an archive of it is.
            let folder = |path: &str| {
                let path = normal_path(path);
                path.split_last(b'/')
                    .map_or(String::new(), |(dir, _)| dir.to_string())
            };
            if folder(&source.value) == folder(&destination.value) {
                return None;
            }
            Some(copied(source, destination))
        }
        "tar" | "zip" | "7z" => {
            // `tar czf ARCHIVE -C BASE PATHS`, `zip -r ARCHIVE PATHS`: the first path-like word
            // ending in an archive's extension is the archive, the rest go into it.
            let base = command
                .args
                .windows(2)
                .find(|w| w[0].value == "-C")
                .map(|w| normal_path(&w[1].value));
            let archive = command.args.iter().find(|a| {
                let v = a.value.to_ascii_lowercase();
                words![".tar", ".tgz", ".tar.gz", ".zip", ".7z", ".tar.xz", ".tar.bz2"]
                    .iter()
                    .any(|ext| v.ends_with(ext))
            });
            let archive = archive?;
            let inside = words
                .iter()
                .filter(|w| w.span != archive.span)
                .find_map(|w| {
                    let path = match &base {
                        Some(base) if !w.value.starts_with('/') && !w.value.starts_with('~') => {
                            crate::words::fill2("{}/{}", base, &w.value)
                        }
                        _ => w.value.clone(),
                    };
                    flow.secret_within(&path).map(|origin| (*w, origin))
                });
            let (path, origin) = inside?;
            let source = origin.span().unwrap_or(command.span);
            flow.secret_paths
                .push((normal_path(&archive.value), source));
            // Credentials packed into an archive are ready to travel: the copy is a finding.
            Some(copied(path, archive))
        }
        _ => None,
    }
}

/// The finding on a copy of a credential: where it was, and where a copy of it now is.
fn copied(from: &crate::shell::Arg, to: &crate::shell::Arg) -> Hit {
    let mut hit = Hit::pair(from.span, to.span);
    hit.target(&to.value);
    hit.set_note(crate::words::fill2(
        "`{}` holds a credential, and `{}` now holds a copy of it.",
        &from.value,
        &to.value,
    ));
    hit
}

/// The variable a command's output is assigned to, when the command is the whole of a
/// `NAME=$(...)` substitution or of a PowerShell assignment (`$Name = Get-...`, `$Name =
/// (Get-...)[0]`): read back from the input just before the command.
fn assigned_from(input: &str, command: &Command) -> Option<String> {
    // Read backwards from the command, and never past its line: only the few bytes before it
    // matter, and a step of ten thousand commands on one line must not read that line once
    // per command (it took 5.6 s for 512 KB of `a && b | c ; `).
    const BLANKS: &[u8] = b" \t\r";
    let before = input.get(..command.span.start)?.trim_end_of(BLANKS);
    let before = if command.wrappers.contains(&"$( )") {
        // `X=$(...)` and the quoted `X="$(...)"` alike, and PowerShell's `$X = (...)`.
        let before = before
            .strip_suffix("$(")
            .or_else(|| before.strip_suffix('('))?;
        before.strip_suffix('"').unwrap_or(before)
    } else {
        // PowerShell's `$X = Get-AzStorageAccountKey ...`, whose command starts after the `=`.
        before
    };
    let before = before
        .trim_end_of(BLANKS)
        .strip_suffix('=')?
        .trim_end_of(BLANKS);
    let name_start = before
        .bytes()
        .rposition(|b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .map_or(0, |i| i + 1);
    let name = &before[name_start..];
    let powershell = before[..name_start].ends_with('$');
    let plain = command.wrappers.contains(&"$( )") || powershell;
    (plain && !name.is_empty()).then(|| name.to_string())
}

/// Does this command send a secret to another machine? Evidence: the command, the payload
/// and, where it is elsewhere, the command that read the secret.
fn sends_secret(
    input: &str,
    command: &Command,
    flow: &Flow,
    from_pipe: Option<Span>,
) -> Option<Hit> {
    let (destination, operands) = destination(command)?;
    let args = &command.args;
    let copier = words!["scp", "sftp", "rsync"].contains(command.program.as_str());
    let mut payloads: Vec<(Span, Option<Span>)> = Vec::new();
    // A credential from the environment in what is sent, and whether its name leaves open
    // which service it belongs to.
    let mut environment: Option<(String, bool)> = None;
    let mut takes_stdin =
        words!["nc", "ncat", "netcat", "socat", "telnet", "mail", "mailx", "sendmail", "mutt"]
            .contains(command.program.as_str());
    for (i, arg) in args.iter().enumerate() {
        let value = arg.value.as_str();
        // `-d @file`, `--data-binary @-`, `-F name=@file`, `-T file`, `--post-file=file`.
        let (flag, attached) = match value.split_once('=') {
            Some((flag, rest)) if flag.starts_with("--") => (flag, Some(rest)),
            _ => (value, None),
        };
        // PowerShell's parameters are written in any case (`-Body`, `-InFile`); curl's are
        // not (`-T` uploads, `-t` sets a telnet option).
        let flag = ["-body", "-infile"]
            .into_iter()
            .find(|p| flag.eq_ignore_ascii_case(p))
            .unwrap_or(flag);
        let data_flag = words![
            "-body",
            "-infile",
            "-d",
            "--data",
            "--data-binary",
            "--data-raw",
            "--data-urlencode",
            "--json",
            "-F",
            "--form",
            "-T",
            "--upload-file",
            "--post-file",
            "--body-file",
            "--post-data"
        ]
        .contains(flag);
        // A header carries a credential where it is meant to go (`Authorization: Bearer
        // $KEY` to the service that issued it); to a host that records whatever it is sent,
        // the credential is handed to strangers.
        let header = matches!(flag, "-H" | "--header")
            && flows::host_of(&destination.value).is_some_and(rules::is_public_drop);
        let payload = match (data_flag || header, attached) {
            (true, Some(value)) => Some((value.to_string(), arg.span)),
            (true, None) => args.get(i + 1).map(|next| (next.value.clone(), next.span)),
            // A bare `@file` argument (httpie) or a local source of scp/rsync.
            (false, _) if value.starts_with('@') => Some((value.to_string(), arg.span)),
            (false, _) if copier && arg.span != destination.span && operands.contains(&i) => {
                Some((crate::words::fill("@{}", value), arg.span))
            }
            _ => None,
        };
        let Some((payload, span)) = payload else {
            continue;
        };
        let upload_flag = words![
            "-T",
            "--upload-file",
            "--post-file",
            "--body-file",
            "-infile"
        ]
        .contains(flag);
        // What follows the last `=@` or `=<` (a forward search: a reverse one links a
        // searcher of its own into the page).
        let after_last = |mark: &str| {
            let (at, _) = payload.match_indices(mark).last()?;
            payload.get(at + mark.len()..)
        };
        let file = after_last("=@")
            .or_else(|| after_last("=<"))
            .or_else(|| payload.strip_prefix('@'))
            .or_else(|| upload_flag.then_some(payload.as_str()));
        match file {
            Some("-") => takes_stdin = true,
            Some(file) => {
                if let Some(origin) = flow.secret_at(file) {
                    payloads.push((span, origin.span()));
                }
            }
            None => {
                // The variable is looked for as written: the engine has already put the text
                // it was set from in place of `$NAME` in the argument's value.
                let written = span.slice(input);
                if let Some((_, source)) = flow
                    .secret_vars
                    .iter()
                    .find(|(name, _)| mentions_var(written, name))
                {
                    payloads.push((span, Some(*source)));
                } else if let Some(name) = environment_credential(written) {
                    // A credential the agent's environment holds (`$AWS_SECRET_ACCESS_KEY`, a
                    // CI job's `${{ secrets.DEPLOY_TOKEN }}`) written into what is sent: the
                    // value goes with the request. To the service its name says issued it
                    // (`SLACK_TOKEN` to slack.com) that is how it is used.
                    let host = flows::host_of(&destination.value).unwrap_or_default();
                    let owner = credential_owner(name);
                    if !owner.is_some_and(|owner| host.contains(owner)) {
                        environment.get_or_insert((name.to_string(), owner.is_none()));
                        payloads.push((span, None));
                    }
                }
            }
        }
    }
    if takes_stdin {
        if let Some(source) = from_pipe {
            payloads.push((command.program_span, Some(source)));
        }
    }
    let (payload, source) = payloads.first().copied()?;
    let mut evidence = vec![command.program_span, payload, destination.span];
    evidence.extend(source.filter(|s| !command.span.contains(*s)));
    crate::order::sort_by_rank(&mut evidence, |s| crate::order::by_position(*s));
    evidence.dedup();
    let mut hit = Hit::at(evidence);
    hit.set_target(flows::host_of(&destination.value).map(str::to_string));
    match (source, environment) {
        (Some(_), _) => hit.note("It sends what a command before it read from a credential."),
        (None, Some((name, unknown_owner))) => {
            hit.note_with("It writes the value of `{}`, a credential from its environment, into what it sends.", &name);
            // Whose service a generic name (`API_TOKEN`, `DB_PASSWORD`) belongs to is not
            // said: the host may be its own, so a senior looks rather than the plan stopping.
            if unknown_owner {
                hit.scope = Some(crate::model::Scope::Shared);
                hit.floor = Some(crate::model::Decision::Escalate);
            }
        }
        (None, None) => hit.note("What it sends is a credential file."),
    }
    Some(hit)
}

/// A tracker's or code host's CLI posting a file that holds a credential (`jira issue comment
/// add SEC-1 --template "$LOG"` after the plan wrote a token into the log, `gh gist create
/// ~/.aws/credentials`): everyone who can read the comment, issue or release reads it. Their
/// `secret` and `variable` commands store one where it belongs. A file named `-` is what the
/// pipe brings (`vault read ... | jira issue comment add OPS-1 --template -`).
fn posts_secret_file(command: &Command, flow: &Flow, from_pipe: Option<Span>) -> Option<Hit> {
    if !words!["gh", "glab", "jira"].contains(command.program.as_str())
        || command
            .positionals()
            .next()
            .is_some_and(|w| words!["secret", "variable"].contains(w.value.as_str()))
    {
        return None;
    }
    command.args.iter().find_map(|arg| {
        let value = match arg.value.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => value,
            _ => arg.value.as_str(),
        };
        let origin = match value {
            "-" => Some(from_pipe?),
            _ => flow
                .secret_at(value.strip_prefix('@').unwrap_or(value))?
                .span(),
        };
        let mut evidence = vec![command.program_span, arg.span];
        evidence.extend(origin);
        crate::order::sort_by_rank(&mut evidence, |s| crate::order::by_position(*s));
        let mut hit = Hit::at(evidence);
        hit.note("It posts a file that holds a credential.");
        Some(hit)
    })
}

/// The first command that `command` installs to run later (the lines of a CI pipeline, a
/// cron job or a unit it writes) which sends a credential away, as a hit on it.
fn installs_secret_send(input: &str, command: &Command, flow: &Flow) -> Option<Hit> {
    let mut lines = rules::installed(input, command);
    lines.extend(rules::pipeline_lines(input, command));
    later_secret_send(input, &lines, flow)
}

/// The first of `lines` (commands that run later: a CI job's script, a cron job) that sends a
/// credential away, as a hit saying nothing is sent yet. A credential from the environment
/// printed into a pipe (`printf '%s' "$S3_SECRET_KEY" | base64 | curl --data-binary @- ...`)
/// is carried along the pipe as a secret read would be.
/// A slice, not an iterator: each kind of iterator would compile the whole search again.
fn later_secret_send(input: &str, lines: &[Span], flow: &Flow) -> Option<Hit> {
    let mut hit = lines.iter().find_map(|&span| {
        let mut scratch = crate::shell::ShellState::default();
        let mut carrying: Option<Span> = None;
        crate::shell::parse_commands(input, span, &mut scratch)
            .iter()
            .find_map(|inner| {
                let piped = matches!(inner.input, Input::Pipe { .. });
                let from_pipe = if piped { carrying } else { None };
                let mut sent = sends_secret(input, inner, flow, from_pipe);
                if let (Some(hit), Some(source)) = (sent.as_mut(), from_pipe) {
                    // What the pipe carries is a credential the job's environment holds.
                    if let Some(name) = environment_credential(source.slice(input)) {
                        hit.note_with("It sends the value of `{}`, a credential from the environment it runs in, printed into the pipe.", name);
                    }
                }
                let echoed = ECHOES.contains(inner.program.as_str())
                    .then(|| {
                        inner
                            .args
                            .iter()
                            .find(|a| environment_credential(a.span.slice(input)).is_some())
                            .map(|a| a.span)
                    })
                    .flatten();
                carrying = echoed.or(from_pipe);
                sent
            })
    })?;
    let said = hit.note.take().unwrap_or_default();
    hit.note_with("Nothing is sent yet: the file it writes runs later (a CI pipeline at the next push, a scheduled job), and then sends. {}", &said);
    Some(hit)
}

/// Does `command` start a repository's CI pipelines: a push (`git push`), or a run started by
/// hand (`gh workflow run`, `glab ci run`)?
fn starts_pipelines(command: &Command) -> bool {
    let mut words = command.positionals().map(|a| a.value.as_str());
    matches!(
        (command.program.as_str(), words.next(), words.next()),
        ("git", Some("push"), _)
            | ("gh", Some("workflow"), Some("run"))
            | ("glab", Some("ci"), Some("run"))
    )
}

/// The first credential variable `text` expands that the plan did not set: `$NAME`,
/// `${NAME}`, or a CI job's `${{ secrets.NAME }}`.
fn environment_credential(text: &str) -> Option<&str> {
    let name_at =
        |rest: &str| -> usize { rest.find(crate::words::not_name_char).unwrap_or(rest.len()) };
    let names = text.match_indices('$').filter_map(|(at, _)| {
        let rest = &text[at + 1..];
        let rest = match rest.strip_prefix("{{") {
            Some(inner) => inner.trim_start().strip_prefix("secrets.")?,
            None => rest.strip_prefix('{').unwrap_or(rest),
        };
        let name = &rest[..name_at(rest)];
        (!name.is_empty() && flows::is_credential_name(name)).then_some(name)
    });
    // The card names the most secret of them: a key's secret half before its id.
    let secrecy = |name: &str| {
        let upper = name.to_ascii_uppercase();
        ["SECRET", "PASSWORD", "PRIVATE"]
            .iter()
            .any(|w| upper.contains(w))
    };
    names.fold(None, |best: Option<&str>, name| match best {
        Some(b) if secrecy(b) || !secrecy(name) => Some(b),
        _ => Some(name),
    })
}

/// The service a credential's name says issued it, as it appears in that service's host
/// names (`GITHUB_TOKEN` and `GH_TOKEN`: github; `AWS_SECRET_ACCESS_KEY`: aws, as in
/// amazonaws.com). None for a name that says only what it is (`API_TOKEN`, `DB_PASSWORD`).
fn credential_owner(name: &str) -> Option<&'static str> {
    let first = name
        .split('_')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let owner = match first.as_str() {
        "gh" | "github" => "github",
        "dd" | "datadog" => "datadog",
        "gcp" | "gcloud" | "google" => "google",
        "az" | "azure" => "azure",
        "aws" => "aws",
        "slack" => "slack",
        "npm" => "npmjs",
        "stripe" => "stripe",
        "twilio" => "twilio",
        "sendgrid" => "sendgrid",
        "openai" => "openai",
        "anthropic" => "anthropic",
        "sentry" => "sentry",
        "cloudflare" | "cf" => "cloudflare",
        "gitlab" | "gl" => "gitlab",
        "hf" | "huggingface" => "huggingface",
        "pypi" => "pypi",
        "docker" | "dockerhub" => "docker",
        "heroku" => "heroku",
        "vercel" => "vercel",
        "netlify" => "netlify",
        "pagerduty" | "pd" => "pagerduty",
        "mailgun" => "mailgun",
        "postmark" => "postmark",
        _ => return None,
    };
    Some(owner)
}

/// Does `written` (an argument as the plan wrote it) name a variable that holds a credential?
fn holds_secret(written: &str, flow: &Flow) -> bool {
    flow.secret_vars
        .iter()
        .map(|(name, _)| name)
        .chain(&flow.made_secrets)
        .any(|name| mentions_var(written, name))
}

/// Does `text` expand the variable `name` (`$NAME`, `${NAME}`)?
/// Program code reads the same variable from its environment (`os.environ["NAME"]`,
/// `os.getenv("NAME")`, `process.env.NAME`, `ENV["NAME"]`).
fn mentions_var(text: &str, name: &str) -> bool {
    let whole = |after: &str| !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let shell = text.match_indices('$').any(|(at, _)| {
        let rest = &text[at + 1..];
        let rest = rest.strip_prefix('{').unwrap_or(rest);
        rest.strip_prefix(name).is_some_and(whole)
    });
    shell
        || text.match_indices(name).any(|(at, _)| {
            let before = text[..at].trim_end_matches(&['"', '\''][..]);
            let after = &text[at + name.len()..];
            whole(after)
                && (before.ends_with("environ[")
                    || before.ends_with("environ.get(")
                    || before.ends_with("getenv(")
                    || before.ends_with("ENV[")
                    || before.ends_with("ENV.fetch(")
                    || before.ends_with("process.env."))
        })
}

/// A heredoc written into a file (`cat > x.sql <<'SQL' ... SQL`, `tee x.sql <<EOF`) is a file
/// whose contents the plan shows.
/// A consumer group moved back to an earlier position (`kafka-consumer-groups --group
/// billing-charger --reset-offsets --to-earliest --execute`). Moving it forward (`--to-latest`)
/// skips messages instead, which the reset's own finding says.
fn remember_rewind(command: &Command, step: usize, flow: &mut Flow) {
    if command.program != "kafka-consumer-groups" {
        return;
    }
    let (mut back, mut execute, mut group) = (false, false, None);
    for (i, arg) in command.args.iter().enumerate() {
        match arg.value.as_str() {
            "--execute" => execute = true,
            "--to-earliest" | "--to-datetime" | "--by-duration" | "--to-offset" => back = true,
            "--group" => group = command.args.get(i + 1),
            _ => {}
        }
    }
    if let (true, true, Some(group)) = (back, execute, group) {
        flow.rewound.push((group.span, step));
    }
}

/// A command that starts again what consumes for a group an earlier step moved back (`kubectl
/// scale deployment/billing-charger --replicas=6`, `systemctl start eta-service`): from here,
/// every message since the new position is processed a second time.
fn starts_rewound(input: &str, command: &Command, flow: &Flow) -> Option<Hit> {
    let start = match command.program.as_str() {
        // Scaled to anything but none.
        "kubectl" => "scale",
        "systemctl" | "docker" | "podman" => "start",
        _ => return None,
    };
    let words = || command.positionals().map(|a| a.value.as_str());
    let starts = words().any(|w| w == start || w == "restart");
    let stopped = command
        .args
        .iter()
        .any(|a| a.value == "--replicas=0" || a.value == "0");
    let &(group, step) = flow.rewound.iter().find(|(group, _)| {
        let group = group.slice(input);
        words().any(|w| w.after_last(b'/').trim_end_str(".service") == group)
    })?;
    if !starts || stopped {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, group);
    hit.reversibility = Some(crate::model::Reversibility::Irreversible);
    hit.target(group.slice(input));
    hit.set_note(format!(
        "Step {step} moved its consumer group back: every message since then is processed again."
    ));
    Some(hit)
}

fn remember_written(command: &Command, step: usize, flow: &mut Flow) {
    let Input::Inline { body, .. } = command.input else {
        return;
    };
    let target = match command.program.as_str() {
        "cat" => command.writes.first().map(|w| w.value.clone()),
        "tee" => command
            .positionals()
            .next()
            .map(|a| a.value.clone())
            .or_else(|| command.writes.first().map(|w| w.value.clone())),
        _ => None,
    };
    if let Some(path) = target {
        flow.written.push((normal_path(&path), body, step));
    }
}

/// When a database shell runs a file the plan wrote (`psql -f x.sql`, `mysql ... -e "source
/// x.sql"`), the statements in it are what this step does: they are judged here, where they
/// run, against the database this command names.
fn runs_written(input: &str, command: &Command, flow: &Flow) -> Vec<(&'static rules::Rule, Hit)> {
    let Some(file) = super::sql_file(command).map(normal_path) else {
        return Vec::new();
    };
    let Some((_, body, step)) = flow.written.iter().rev().find(|(path, _, _)| *path == file) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    sql_hits(
        input,
        *body,
        &mut crate::shell::ShellState::default(),
        &mut hits,
    );
    hits.into_iter()
        .map(|(rule, mut hit, _)| {
            hit.evidence.insert(0, command.program_span);
            hit.set_note(format!(
                "It runs `{file}`, which step {step} wrote; the statement is in that file."
            ));
            (rule, hit)
        })
        .collect()
}

/// A package manager's install of named packages (`npm install x`, `pip install x`).
fn installs_package(command: &Command) -> bool {
    let verb = command.positionals().next().map(|a| a.value.as_str());
    match command.program.as_str() {
        "npm" | "pnpm" | "yarn" | "bun" => matches!(verb, Some("install" | "i" | "add")),
        "pip" | "pip3" | "pipx" | "uv" | "poetry" => matches!(verb, Some("install" | "add")),
        "gem" | "go" => matches!(verb, Some("install" | "get")),
        "cargo" => matches!(verb, Some("add" | "install")),
        _ => false,
    }
}

/// Workflow findings that wait for a merge: what a workflow file does on a branch starts when
/// it reaches the default branch.
const STAGED: crate::words::Words = words![
    "github.workflow-runs-fork-code",
    "github.workflow-self-hosted-pr"
];

/// Where a step merges a pull request or a branch: `gh pr merge`, `git merge`, or a sentence
/// that says to merge (not "do not merge", not "after the merge").
fn merges(step: &StepWork) -> Option<Span> {
    let command = step.commands.iter().find(|c| {
        let mut words = c.positionals().map(|a| a.value.as_str());
        match c.program.as_str() {
            "gh" | "glab" => {
                words.next().is_some_and(|w| matches!(w, "pr" | "mr"))
                    && words.next() == Some("merge")
            }
            "git" => words.next() == Some("merge"),
            _ => false,
        }
    });
    if let Some(command) = command {
        return Some(command.span);
    }
    let verbs = crate::prose::find_all(&step.tokens, words!["merge", "squash-merge"]);
    verbs
        .iter()
        .map(|&(at, _)| at)
        .find(|&at| {
            !crate::prose::is_negated(&step.tokens, at)
                && !crate::prose::after_determiner(&step.tokens, at)
        })
        .map(|at| step.tokens[at].span)
}
