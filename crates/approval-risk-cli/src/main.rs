//! `approval-risk`: the command line over the approval risk engine, for CI pipelines and agent hooks.
//!
//! This file owns input and output and the exit status: 0 when the verdict is below `--fail-on`,
//! 3 when it is at or above it, 2 for bad usage or an unreadable plan or policy, always with a
//! single line on stderr saying why. Parsing lives in `args`, the help texts in `help`, the
//! terminal report in `text`, SARIF in `sarif`, the agents' hooks in `hook`, the decision log in
//! `decision_log`; the Markdown report is the engine's `render::markdown`, the same one the page
//! exports, and the engine does the judging.

mod args;
mod decision_log;
mod help;
mod hook;
mod reason;
mod sarif;
mod text;

use approval_risk_engine::render::{self, visible, Breaks};
use approval_risk_engine::{assess, Assessment, Format, Options, Policy};
use args::{AssessArgs, Command, InputSource, ReportFormat};
use decision_log::Entry;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

const EXIT_BELOW_FAIL_ON: u8 = 0;
const EXIT_USAGE: u8 = 2;
const EXIT_AT_OR_ABOVE_FAIL_ON: u8 = 3;

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(reason) => {
            // Even a reason built from an OS error or a file name stays on one line, so a CI log
            // or a hook that reads the first line of stderr gets all of it.
            let line = visible(&reason, Breaks::Space);
            // Nothing more can be done if stderr itself is gone; the exit status still says it.
            let _ = writeln!(io::stderr(), "approval-risk: {line}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Runs the command, returning the exit status or the one-line reason for status 2.
fn run() -> Result<u8, String> {
    let command = args::parse(std::env::args_os().skip(1)).map_err(|error| error.to_string())?;
    match command {
        Command::Help => write_stdout(help::HELP).map(|()| EXIT_BELOW_FAIL_ON),
        Command::AssessHelp => write_stdout(help::ASSESS_HELP).map(|()| EXIT_BELOW_FAIL_ON),
        Command::HookHelp => write_stdout(help::HOOK_HELP).map(|()| EXIT_BELOW_FAIL_ON),
        Command::Hook(hook_args) => Ok(hook::run(&hook_args)),
        Command::HookInstall(install_args) => run_install(&install_args),
        Command::Version => write_stdout(&format!("approval-risk {}\n", env!("CARGO_PKG_VERSION")))
            .map(|()| EXIT_BELOW_FAIL_ON),
        Command::Assess(assess_args) => run_assess(&assess_args),
    }
}

/// The format a file's extension names when `--input-format` is auto: a `.sh` or `.ps1` file
/// is a script and a `.sql` file SQL, whatever their first lines look like (one line of an
/// unknown program reads like a sentence). Extensions that hold several formats (`.md`,
/// `.txt`, `.json` transcripts or plans) are left to detection.
fn format_named_by(source: &InputSource) -> Option<Format> {
    let InputSource::File(path) = source else {
        return None;
    };
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "sh" | "bash" | "zsh" | "ksh" | "ps1" | "psm1" => Some(Format::Shell),
        "sql" => Some(Format::Sql),
        _ => None,
    }
}

fn run_assess(request: &AssessArgs) -> Result<u8, String> {
    // The policy is read before the plan so that a broken policy file is reported even when the
    // plan would come from a stdin that never closes.
    let policy = match &request.common.policy {
        Some(path) => read_policy(path)?,
        None => Policy::default(),
    };
    let mut options = Options {
        context: request.common.context,
        policy,
        format: request.input_format,
    };
    // Every plan is read and assessed before anything is written, so a missing second file
    // leaves no half report behind.
    let mut plans: Vec<(String, Assessment)> = Vec::with_capacity(request.inputs.len());
    for source in &request.inputs {
        let input = read_plan(source, request.common.max_input)?;
        // Without --input-format, each file is read as its own extension says.
        options.format = request.input_format.or_else(|| format_named_by(source));
        let assessment = assess(&input, &options);
        plans.push((input, assessment));
    }
    if let Some(path) = &request.common.log {
        for (source, (input, assessment)) in request.inputs.iter().zip(&plans) {
            let deciding = reason::deciding(assessment);
            let file = match source {
                InputSource::File(path) => Some(path.display().to_string()),
                InputSource::Stdin => None,
            };
            let entry = Entry {
                command: "assess",
                agent: None,
                tool: None,
                file: file.as_deref(),
                text: input,
                decision: Some(deciding.decision.as_str()),
                answer: None,
                rules: &deciding.rules,
                reason: &deciding.reason,
            };
            decision_log::append(path, &entry, request.common.log_text)?;
        }
    }
    match request.report {
        // The JSON of a big plan is many times the plan's size (gigabytes for tens of
        // megabytes of shell): it is streamed to standard output, never held whole.
        ReportFormat::Json => write_report(|out| {
            for (_, assessment) in &plans {
                assessment.write_json(&mut *out)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })?,
        ReportFormat::Sarif => {
            let sarif_plans: Vec<sarif::Plan<'_>> = request
                .inputs
                .iter()
                .zip(&plans)
                .map(|(source, (input, assessment))| sarif::Plan {
                    uri: match source {
                        InputSource::File(path) => Some(sarif::path_uri(&path.to_string_lossy())),
                        InputSource::Stdin => None,
                    },
                    input,
                    assessment,
                })
                .collect();
            write_stdout(&sarif::render(&sarif_plans, request.rules_url.as_deref()))?;
        }
        // Each plan's report is written as soon as it is made, never copied into one string
        // for all of them (that copy was the peak's second-largest allocation).
        ReportFormat::Text | ReportFormat::Markdown => write_report(|out| {
            for (input, assessment) in &plans {
                out.write_all(single_report(request.report, assessment, input).as_bytes())?;
            }
            Ok(())
        })?,
    }
    let worst = plans.iter().map(|(_, assessment)| assessment.verdict).max();
    Ok(if worst.is_some_and(|verdict| verdict >= request.fail_on) {
        EXIT_AT_OR_ABOVE_FAIL_ON
    } else {
        EXIT_BELOW_FAIL_ON
    })
}

/// One plan's report as text or Markdown (JSON is streamed and SARIF covers every plan at once,
/// both in `run_assess`).
fn single_report(format: ReportFormat, assessment: &Assessment, input: &str) -> String {
    match format {
        ReportFormat::Markdown => render::markdown(assessment, input),
        _ => text::render(
            assessment,
            input,
            text::Style {
                colour: wants_colour(),
            },
        ),
    }
}

/// `hook install`: prints the settings snippet, or merges it into the settings file.
fn run_install(request: &hook::args::InstallArgs) -> Result<u8, String> {
    if !request.write {
        return write_stdout(&hook::install::snippet(&request.command))
            .map(|()| EXIT_BELOW_FAIL_ON);
    }
    let shown = request.settings.display();
    let message = match hook::install::write(request)? {
        hook::install::Outcome::Created => format!("wrote the hook to {shown}\n"),
        hook::install::Outcome::Merged { backup } => {
            format!("merged the hook into {shown} (the old file is {backup})\n")
        }
        hook::install::Outcome::AlreadyPresent => {
            format!("{shown} already runs this hook; nothing was changed\n")
        }
    };
    write_stdout(&message).map(|()| EXIT_BELOW_FAIL_ON)
}

/// The plan as text, at most `limit` bytes: a bigger plan is refused with one line rather than
/// read, so a hostile or runaway input (`yes | approval-risk assess -`) cannot exhaust memory.
/// The limit is checked while reading, never after. Bytes that are not UTF-8 are replaced rather
/// than rejected: a plan with one stray byte still deserves an assessment, and the engine's
/// spans then index this very string.
fn read_plan(source: &InputSource, limit: u64) -> Result<String, String> {
    let (reader, name): (Box<dyn Read>, String) = match source {
        InputSource::Stdin => (Box::new(io::stdin().lock()), "standard input".to_string()),
        InputSource::File(path) => (
            Box::new(
                std::fs::File::open(path)
                    .map_err(|error| format!("cannot read {}: {error}", path.display()))?,
            ),
            path.display().to_string(),
        ),
    };
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read {name}: {error}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name} is larger than the input limit of {}; raise it with --max-input if this \
             really is one plan",
            shown_size(limit)
        ));
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    })
}

/// A byte count as a person writes it (`32 MiB`, `512 KiB`, `1000 bytes`).
fn shown_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// The most bytes of policy read: a policy names patterns and rule ids, a few kilobytes; the
/// engine refuses lists longer than it reads anyway (`policy::MAX_ENTRIES`).
const POLICY_LIMIT: u64 = 4 * 1024 * 1024;

fn read_policy(path: &Path) -> Result<Policy, String> {
    let cannot = |error: io::Error| format!("cannot read policy {}: {error}", path.display());
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(POLICY_LIMIT + 1).read_to_string(&mut text))
        .map_err(cannot)?;
    if text.len() as u64 > POLICY_LIMIT {
        return Err(format!(
            "policy {} is larger than {}; a policy names patterns and rule ids",
            path.display(),
            shown_size(POLICY_LIMIT)
        ));
    }
    // `PolicyError` already names the field at fault (`policy field `overrides.x`: ...`).
    Policy::from_json(&text).map_err(|error| error.to_string())
}

/// Writes the whole report.
fn write_stdout(text: &str) -> Result<(), String> {
    write_report(|out| out.write_all(text.as_bytes()))
}

/// Writes a report through a buffered standard output, as `write` produces it. A closed pipe
/// (`| head`) is the reader's choice, not a failure, so it ends the output quietly and the exit
/// status still carries the verdict.
fn write_report(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), String> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write the report: {error}")),
    }
}

/// Colour only for a person at a terminal, and never when they opted out: `NO_COLOR` set to any
/// non-empty value (the no-color.org convention) or a terminal that declares it cannot.
fn wants_colour() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    let dumb_terminal = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
    io::stdout().is_terminal() && !no_color && !dumb_terminal
}
