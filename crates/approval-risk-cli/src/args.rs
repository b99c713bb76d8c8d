//! The command line, parsed by hand: what the user asked for, or a one-line reason why not.
//!
//! A few flags do not justify a parser crate; keeping the binary's dependency tree to the engine
//! alone keeps it quick to build in CI and easy to audit. Every option takes its value either as
//! the next argument (`--format json`) or after an equals sign (`--format=json`).

use approval_risk_engine::{Context, Credentials, Decision, Format, Target};
use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

/// What one run of the binary does.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `approval-risk --help`: the overview.
    Help,
    /// `approval-risk assess --help`.
    AssessHelp,
    /// `approval-risk hook --help` (and `hook install --help`).
    HookHelp,
    Version,
    Assess(AssessArgs),
    Hook(crate::hook::args::HookArgs),
    HookInstall(crate::hook::args::InstallArgs),
}

/// Everything `assess` needs besides the plan itself.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessArgs {
    /// The plans to read, in order: one, or several for one SARIF log.
    pub inputs: Vec<InputSource>,
    pub report: ReportFormat,
    pub input_format: Option<Format>,
    pub fail_on: Decision,
    /// The base address of `docs/rules.md` for SARIF's `helpUri` (`--rules-url`); without it
    /// the rules carry no link, since SARIF wants an absolute address.
    pub rules_url: Option<String>,
    pub common: Common,
}

/// The options `assess` and `hook` share: the approver's context, the policy, the input limit
/// and the decision log.
#[derive(Debug, Clone, PartialEq)]
pub struct Common {
    pub context: Context,
    pub policy: Option<PathBuf>,
    /// The most bytes of plan read (`--max-input`); more is refused, not assessed in part.
    pub max_input: u64,
    /// Where one JSON line per decision is appended (`--log`).
    pub log: Option<PathBuf>,
    /// Whether the log lines carry the plan's text, not only its SHA-256 (`--log-text`).
    pub log_text: bool,
}

impl Default for Common {
    fn default() -> Common {
        Common {
            context: Context::default(),
            policy: None,
            max_input: DEFAULT_MAX_INPUT,
            log: None,
            log_text: false,
        }
    }
}

/// The default input limit: far above any plan a person approves (a 10,000-line script is about
/// half a megabyte), and low enough that the assessment of the largest accepted plan fits in the
/// memory of a usual CI container: measured, a 4 MiB script peaks under 1 GB, a 10 MB one at
/// about 2 GB.
pub const DEFAULT_MAX_INPUT: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    Stdin,
    File(PathBuf),
}

/// How the assessment is written to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Markdown,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// Bad usage, worded as the one line printed after `approval-risk: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) const SEE_HELP: &str = "see approval-risk --help";

/// The options `assess` knows, used to suggest the intended one after a typo.
const ASSESS_OPTIONS: [&str; 13] = [
    "--format",
    "--target",
    "--credentials",
    "--change-freeze",
    "--policy",
    "--input-format",
    "--fail-on",
    "--max-input",
    "--log",
    "--log-text",
    "--rules-url",
    "--help",
    "--version",
];

/// The input formats `--input-format` names, in the order the help lists them.
pub const INPUT_FORMATS: &str = "auto, prose, markdown, shell, sql, json or terraform";

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Err(UsageError(format!(
            "missing command: try `approval-risk assess FILE` ({SEE_HELP})"
        )));
    };
    match first.to_str() {
        Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("--version" | "-V") => Ok(Command::Version),
        Some("assess") => parse_assess(args),
        Some("hook") => crate::hook::args::parse(args),
        Some(other) if ASSESS_OPTIONS.contains(&other.split('=').next().unwrap_or(other)) => Err(UsageError(format!(
            "option {other} belongs after the command: approval-risk assess [FILE] {other} ({SEE_HELP})"
        ))),
        Some(other) if other.starts_with('-') => Err(unknown_option(other, &["--help", "--version"])),
        _ => Err(UsageError(format!(
            "unknown command `{}` ({SEE_HELP})",
            first.to_string_lossy()
        ))),
    }
}

fn parse_assess(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut parsed = AssessArgs {
        inputs: Vec::new(),
        report: ReportFormat::Text,
        input_format: None,
        fail_on: Decision::Block,
        rules_url: None,
        common: Common::default(),
    };
    let mut files: Vec<OsString> = Vec::new();
    let mut only_files = false;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let text = arg.to_str();
        let is_option = !only_files && text.is_some_and(|t| t.starts_with('-') && t != "-");
        if !is_option {
            if !only_files && text.is_none() && arg.to_string_lossy().starts_with("--") {
                // A non-UTF-8 `--policy=<path>` cannot be split without platform code; the
                // separate-argument form carries any path.
                return Err(UsageError(format!(
                    "option {} is not valid UTF-8 (pass a path as its own argument: --policy FILE)",
                    arg.to_string_lossy()
                )));
            }
            files.push(arg);
            continue;
        }
        let text = text.unwrap_or_default();
        if text == "--" {
            only_files = true;
            continue;
        }
        let (name, inline_value) = split_option(text);
        if common_option(name, inline_value.clone(), &mut args, &mut parsed.common)? {
            continue;
        }
        match name {
            "--help" | "-h" => return Ok(Command::AssessHelp),
            "--version" | "-V" => return Ok(Command::Version),
            "--format" => {
                let expected = "text, json, markdown or sarif";
                let value = take_value(name, inline_value, &mut args, expected)?;
                parsed.report = match value.trim().to_ascii_lowercase().as_str() {
                    "text" => ReportFormat::Text,
                    "json" => ReportFormat::Json,
                    "markdown" | "md" => ReportFormat::Markdown,
                    "sarif" => ReportFormat::Sarif,
                    _ => return Err(invalid_value(name, &value, expected)),
                };
            }
            "--fail-on" => {
                let expected = "proceed, review, escalate or block";
                let value = take_value(name, inline_value, &mut args, expected)?;
                parsed.fail_on =
                    Decision::parse(&value).ok_or_else(|| invalid_value(name, &value, expected))?;
            }
            "--input-format" => {
                let value = take_value(name, inline_value, &mut args, INPUT_FORMATS)?;
                parsed.input_format = parse_input_format(&value, INPUT_FORMATS)?;
            }
            "--rules-url" => {
                let expected = "the https:// address of docs/rules.md";
                let value = take_value(name, inline_value, &mut args, expected)?;
                // SARIF's `helpUri` must be an absolute address; a relative one would make the
                // whole log fail validation in code scanning.
                if !(value.starts_with("https://") || value.starts_with("http://")) {
                    return Err(invalid_value(name, &value, expected));
                }
                parsed.rules_url = Some(value);
            }
            _ => return Err(unknown_option(name, &ASSESS_OPTIONS)),
        }
    }
    // Several plans make sense only in one SARIF log, whose results each name their file; the
    // other reports are about one plan, and their exit status would hide which plan failed.
    if files.len() > 1 && parsed.report != ReportFormat::Sarif {
        return Err(UsageError(format!(
            "unexpected argument `{}`: assess reads one plan and `{}` is already given \
             (several plans only with --format sarif; {SEE_HELP})",
            files[1].to_string_lossy(),
            files[0].to_string_lossy()
        )));
    }
    parsed.inputs = files
        .into_iter()
        .map(|path| {
            if path == "-" {
                InputSource::Stdin
            } else {
                InputSource::File(PathBuf::from(path))
            }
        })
        .collect();
    if parsed.inputs.is_empty() {
        parsed.inputs.push(InputSource::Stdin);
    }
    Ok(Command::Assess(parsed))
}

/// `--name=value` into the name and the value; anything else is a name alone.
pub(crate) fn split_option(text: &str) -> (&str, Option<String>) {
    match text.split_once('=') {
        Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
        _ => (text, None),
    }
}

/// Reads one of the options `assess` and `hook` share into `common`; `false` when `name` is
/// not one of them.
pub(crate) fn common_option(
    name: &str,
    inline_value: Option<String>,
    args: &mut impl Iterator<Item = OsString>,
    common: &mut Common,
) -> Result<bool, UsageError> {
    match name {
        "--change-freeze" | "--log-text" => {
            if inline_value.is_some() {
                return Err(UsageError(format!(
                    "option {name} takes no value ({SEE_HELP})"
                )));
            }
            if name == "--change-freeze" {
                common.context.change_freeze = true;
            } else {
                common.log_text = true;
            }
        }
        "--target" => {
            let expected = "unknown, development, staging or production";
            let value = take_value(name, inline_value, args, expected)?;
            common.context.target =
                Target::parse(&value).ok_or_else(|| invalid_value(name, &value, expected))?;
        }
        "--credentials" => {
            let expected = "unknown, scoped, broad or admin";
            let value = take_value(name, inline_value, args, expected)?;
            common.context.credentials =
                Credentials::parse(&value).ok_or_else(|| invalid_value(name, &value, expected))?;
        }
        "--max-input" => {
            let expected = "a size in bytes, or with K, M or G (32M)";
            let value = take_value(name, inline_value, args, expected)?;
            common.max_input =
                parse_size(&value).ok_or_else(|| invalid_value(name, &value, expected))?;
        }
        "--policy" => {
            common.policy = Some(take_path(name, inline_value, args, "a JSON policy file")?);
        }
        "--log" => {
            common.log = Some(take_path(name, inline_value, args, "a file to append to")?);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A path option's value. The path may be any bytes, so the separate-argument form is kept as
/// an OsString.
pub(crate) fn take_path(
    name: &str,
    inline_value: Option<String>,
    args: &mut impl Iterator<Item = OsString>,
    expected: &str,
) -> Result<PathBuf, UsageError> {
    let path = match inline_value {
        Some(value) if !value.is_empty() => OsString::from(value),
        Some(_) => return Err(missing_value(name, expected)),
        None => match args.next() {
            Some(value) if !value.is_empty() => value,
            _ => return Err(missing_value(name, expected)),
        },
    };
    Ok(PathBuf::from(path))
}

/// The option's value: after `=`, or the next argument. A missing value is bad usage rather
/// than silently the default, because a CI gate with a dropped `--fail-on` value would pass
/// plans it was meant to stop.
pub(crate) fn take_value(
    name: &str,
    inline_value: Option<String>,
    args: &mut impl Iterator<Item = OsString>,
    expected: &str,
) -> Result<String, UsageError> {
    if let Some(value) = inline_value {
        return Ok(value);
    }
    match args.next() {
        Some(value) => Ok(value.to_string_lossy().into_owned()),
        None => Err(missing_value(name, expected)),
    }
}

/// A size such as `1048576`, `512K`, `32M` or `2G` (powers of 1024); `None` for anything else,
/// including zero and sizes past what a 64-bit count holds.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last()? {
        (at, 'k' | 'K') => (&text[..at], 1 << 10),
        (at, 'm' | 'M') => (&text[..at], 1 << 20),
        (at, 'g' | 'G') => (&text[..at], 1 << 30),
        _ => (text, 1),
    };
    let count: u64 = digits.parse().ok()?;
    count.checked_mul(unit).filter(|size| *size > 0)
}

fn parse_input_format(value: &str, expected: &str) -> Result<Option<Format>, UsageError> {
    let wanted = value.trim().to_ascii_lowercase();
    if wanted == "auto" {
        return Ok(None);
    }
    match Format::parse(&wanted) {
        Some(format) => Ok(Some(format)),
        // A documented name the linked engine does not read yet is worded apart from a typo, so
        // the user knows the flag was right.
        None if ["prose", "markdown", "shell", "sql", "json", "terraform"]
            .contains(&wanted.as_str()) =>
        {
            Err(UsageError(format!(
                "--input-format {wanted} is not supported by this build of the engine; use auto"
            )))
        }
        None => Err(invalid_value("--input-format", value, expected)),
    }
}

pub(crate) fn missing_value(name: &str, expected: &str) -> UsageError {
    UsageError(format!("option {name} needs a value ({expected})"))
}

pub(crate) fn invalid_value(name: &str, value: &str, expected: &str) -> UsageError {
    UsageError(format!(
        "invalid value `{value}` for {name} (expected {expected})"
    ))
}

pub(crate) fn unknown_option(name: &str, known: &[&str]) -> UsageError {
    match closest(name, known) {
        Some(guess) => UsageError(format!(
            "unknown option {name} (did you mean {guess}? {SEE_HELP})"
        )),
        None => UsageError(format!("unknown option {name} ({SEE_HELP})")),
    }
}

/// The known option within two edits of what was typed, if there is one.
fn closest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| (edit_distance(typed, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars; option names are short, so the quadratic table is cheap.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            let deletion = previous[j + 1] + 1;
            let insertion = current[j] + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
// A failing test says what it got through `panic!`.
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn assess(args: &[&str]) -> AssessArgs {
        let mut all = vec!["assess"];
        all.extend_from_slice(args);
        match parse_strs(&all) {
            Ok(Command::Assess(parsed)) => parsed,
            other => panic!("expected assess arguments, got {other:?}"),
        }
    }

    fn error(args: &[&str]) -> String {
        match parse_strs(args) {
            Err(UsageError(message)) => message,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn defaults_read_stdin_as_text_and_fail_on_block() {
        let parsed = assess(&[]);
        assert_eq!(parsed.inputs, vec![InputSource::Stdin]);
        assert_eq!(parsed.report, ReportFormat::Text);
        assert_eq!(parsed.fail_on, Decision::Block);
        assert_eq!(parsed.common.context, Context::default());
        assert_eq!(parsed.input_format, None);
        assert_eq!(parsed.common.max_input, DEFAULT_MAX_INPUT);
        assert_eq!(parsed.common.log, None);
    }

    #[test]
    fn sizes_read_with_and_without_a_unit() {
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("512K"), Some(512 << 10));
        assert_eq!(parse_size("32m"), Some(32 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(assess(&["--max-input=8M"]).common.max_input, 8 << 20);
        for bad in ["", "0", "M", "-1M", "1.5M", "32MB", "99999999999999999999G"] {
            assert_eq!(parse_size(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn both_value_forms_are_accepted() {
        let spaced = assess(&[
            "plan.md",
            "--format",
            "json",
            "--target",
            "production",
            "--fail-on",
            "review",
        ]);
        let joined = assess(&[
            "--format=json",
            "--target=production",
            "--fail-on=review",
            "plan.md",
        ]);
        assert_eq!(spaced, joined);
        assert_eq!(spaced.report, ReportFormat::Json);
        assert_eq!(spaced.common.context.target, Target::Production);
        assert_eq!(spaced.fail_on, Decision::Review);
        assert_eq!(
            spaced.inputs,
            vec![InputSource::File(PathBuf::from("plan.md"))]
        );
    }

    #[test]
    fn context_flags_reach_the_context() {
        let parsed = assess(&[
            "--credentials",
            "admin",
            "--change-freeze",
            "--policy",
            "org.json",
        ]);
        assert_eq!(parsed.common.context.credentials, Credentials::Admin);
        assert!(parsed.common.context.change_freeze);
        assert_eq!(parsed.common.policy, Some(PathBuf::from("org.json")));
    }

    #[test]
    fn dash_and_double_dash_name_stdin_and_odd_files() {
        assert_eq!(assess(&["-"]).inputs, vec![InputSource::Stdin]);
        assert_eq!(
            assess(&["--", "--plan.md"]).inputs,
            vec![InputSource::File(PathBuf::from("--plan.md"))]
        );
    }

    #[test]
    fn help_and_version_win_over_other_arguments() {
        assert_eq!(parse_strs(&["--help"]), Ok(Command::Help));
        assert_eq!(parse_strs(&["--version"]), Ok(Command::Version));
        assert_eq!(parse_strs(&["assess", "--frmat", "x", "--help"]).ok(), None);
        assert_eq!(
            parse_strs(&["assess", "plan.md", "--help"]),
            Ok(Command::AssessHelp)
        );
    }

    #[test]
    fn mistakes_are_named_in_one_line() {
        assert_eq!(
            error(&["assess", "--frmat", "json"]),
            "unknown option --frmat (did you mean --format? see approval-risk --help)"
        );
        assert_eq!(
            error(&["assess", "--xyzzy"]),
            "unknown option --xyzzy (see approval-risk --help)"
        );
        assert!(error(&["assess", "--target", "prd"]).contains("invalid value `prd` for --target"));
        assert!(error(&["assess", "--fail-on"]).contains("needs a value"));
        assert!(error(&["assess", "--change-freeze=yes"]).contains("takes no value"));
        assert!(error(&["assess", "a.md", "b.md"]).contains("unexpected argument `b.md`"));
        assert!(error(&["asess"]).contains("unknown command `asess`"));
        assert!(error(&["--format", "json"]).contains("belongs after the command"));
        assert!(error(&[]).contains("missing command"));
        for message in [
            error(&["assess", "--format", "yaml"]),
            error(&["assess", "--policy="]),
        ] {
            assert!(!message.contains('\n'), "{message}");
        }
    }

    #[test]
    fn the_help_names_exactly_the_options_the_parser_accepts() {
        let named: Vec<&str> = crate::help::ASSESS_HELP
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|word| word.starts_with("--") && word.len() > 2)
            .collect();
        for option in &named {
            let message = parse_strs(&["assess", option])
                .err()
                .map(|e| e.0)
                .unwrap_or_default();
            assert!(
                !message.contains("unknown option"),
                "{option} is in the help but rejected"
            );
        }
        for option in ASSESS_OPTIONS.iter().filter(|o| **o != "--version") {
            assert!(
                named.contains(option),
                "{option} is accepted but not in the help"
            );
        }
    }

    #[test]
    fn several_plans_only_for_sarif() {
        assert!(error(&["assess", "a.md", "b.md"]).contains("only with --format sarif"));
        assert_eq!(
            assess(&["--format", "sarif", "a.md", "b.md"]).inputs.len(),
            2
        );
    }

    #[test]
    fn log_options_are_read() {
        let parsed = assess(&["--log", "decisions.jsonl", "--log-text"]);
        assert_eq!(parsed.common.log, Some(PathBuf::from("decisions.jsonl")));
        assert!(parsed.common.log_text);
        assert!(error(&["assess", "--log"]).contains("needs a value"));
        assert!(error(&["assess", "--rules-url", "docs/rules.md"]).contains("invalid value"));
    }

    #[test]
    fn input_format_auto_means_detect() {
        assert_eq!(assess(&["--input-format", "auto"]).input_format, None);
        assert_eq!(
            assess(&["--input-format", "shell"]).input_format,
            Some(Format::Shell)
        );
        assert!(error(&["assess", "--input-format", "yaml"]).contains("invalid value `yaml`"));
        assert_eq!(
            assess(&["--input-format", "terraform"]).input_format,
            Some(Format::Terraform)
        );
    }
}
