//! Where a database's rows go once a query takes them out: files a query fills with people's
//! details (and what later happens to those files), and dumps of a production database loaded
//! into another one. Part of following the plan (`flows.rs`): each finding here is about what
//! the rows become, not about the command that reads them, which on its own only reads.

use super::environment::Environment;
use crate::prose::{after_determiner, find_all, Token};
use crate::rules::Hit;
use crate::shell::{normal_path, Arg, Command, Input};
use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

/// Columns that hold a person's contact or identity details.
const PERSONAL_COLUMNS: Words = words![
    "email",
    "email_address",
    "firstname",
    "lastname",
    "phone",
    "phone_number",
    "mobile",
    "full_name",
    "first_name",
    "last_name",
    "address",
    "date_of_birth",
    "birth_date",
    "dob",
    "ssn",
    "national_id",
    "nhi_number",
    "nhs_number",
    "passport_number",
    "tax_id",
    "iban",
];

/// Of those, the ones a person cannot change: identity and health numbers and birth dates. A
/// copy that leaks stays harmful for the person's life, unlike a password that can be rotated.
const IDENTITY_COLUMNS: Words = words![
    "date_of_birth",
    "birth_date",
    "dob",
    "ssn",
    "national_id",
    "nhi_number",
    "nhs_number",
    "passport_number",
    "tax_id",
];

/// Programs that dump a database into a file.
const DUMPERS: Words = words![
    "pg_dump",
    "pg_dumpall",
    "mysqldump",
    "mariadb-dump",
    "mongodump"
];

/// A file a query filled with people's details.
pub(super) struct PersonalFile {
    /// The path as the plan wrote it.
    pub path: String,
    /// The first personal column the query selects, for evidence.
    pub column: Span,
    /// The step that wrote it (1-based).
    pub step: usize,
    /// The query takes every row of its table: no `WHERE` or `LIMIT` narrows it.
    pub every_row: bool,
}

impl PersonalFile {
    pub fn name(&self) -> &str {
        self.path.after_last(b'/')
    }

    /// Who wrote the file, as a card at step `now` says it.
    fn by(&self, now: usize) -> String {
        if self.step == now {
            "A query in this step".to_string()
        } else {
            format!("Step {}", self.step)
        }
    }
}

/// A report of people's details a step says it makes in words ("Export the refunds report
/// (customer name, email, lease number)"): a later step that hands "the refunds report" or "the
/// file from step 8" to someone hands them those people.
pub(super) struct PersonalReport {
    /// The step that makes it (1-based).
    step: usize,
    /// What the step calls it, two words or more ("refunds report"), if it names it so.
    phrase: Option<String>,
    /// The first and last words naming the details, for the note.
    fields: (Span, Span),
}

/// Words naming people's details in a sentence about what a report or file holds.
const PERSONAL_FIELDS: Words = words![
    "email*",
    "e-mail*",
    "phone*",
    "mobile number*",
    "address*",
    "postcode*",
    "date* of birth",
    "birth date*",
    "customer name*",
    "customers' name*",
    "full name*",
    "first name*",
    "last name*",
    "surname*",
    "passport*",
    "iban*",
];

/// Verbs that make a report out of a system's records.
const MAKING: Words = words![
    "export*",
    "download*",
    "extract*",
    "dump*",
    "pull*",
    "generate*"
];

/// What such a report is called.
const REPORTS: Words = words![
    "report",
    "export",
    "file",
    "csv",
    "spreadsheet",
    "sheet",
    "list",
    "extract",
];

/// Verbs that hand a report to someone.
const HANDING: Words =
    words!["post*", "send*", "share*", "email*", "forward*", "attach*", "paste*", "upload*"];

/// The report of people's details a prose step makes, if it makes one: a making verb and two
/// or more words naming people's details.
pub(super) fn report_made(input: &str, tokens: &[Token], step: usize) -> Option<PersonalReport> {
    let making = find_all(tokens, MAKING);
    let (verb, _) = *making.first()?;
    let fields = find_all(tokens, PERSONAL_FIELDS);
    let (first, last) = (fields.first()?, fields.last()?);
    if fields.len() < 2 {
        return None;
    }
    // The report's name: the noun after the verb and the word before it ("the refunds
    // report"), unless that word is an article, when the name alone says too little.
    let noun = find_all(tokens, REPORTS)
        .into_iter()
        .find(|&(i, _)| i > verb && i <= verb + 4)
        .map(|(i, _)| i);
    let phrase = noun
        .filter(|&i| i > verb + 1 && !after_determiner(tokens, i))
        .map(|i| {
            let span = tokens[i - 1].span.cover(tokens[i].span);
            span.slice(input).to_ascii_lowercase()
        });
    Some(PersonalReport {
        step,
        phrase,
        fields: (tokens[first.0].span, tokens[last.1 - 1].span),
    })
}

/// What the plan has done with rows so far.
#[derive(Default)]
pub(super) struct Records {
    pub personal_files: Vec<PersonalFile>,
    /// Reports of people's details that steps said they make.
    pub reports: Vec<PersonalReport>,
    /// Files a dump of a production database wrote (or a copy of one fetched): the path, the
    /// span of the command, and the step (1-based).
    production_dumps: Vec<(String, Span, usize)>,
}

/// One export of people's details into a file, found in a step.
pub(super) struct Export {
    pub path: String,
    pub file: Span,
    pub column: Span,
    /// The first identity number or birth date the query takes, if any.
    pub identity: Option<Span>,
    /// The query takes every row of its table (see `PersonalFile::every_row`).
    pub every_row: bool,
}

/// The files a step's queries copy people's details into: `COPY (SELECT ... email ...) TO
/// 'file'` and psql's `\copy` anywhere in the step's text, and a database client's query
/// whose output goes to a file (`psql -Atc "SELECT full_name, email ..." > list.txt`).
pub(super) fn exports(
    input: &str,
    span: Span,
    commands: &[Command],
    production: bool,
) -> Vec<Export> {
    let text = span.slice(input);
    let mut out: Vec<Export> = Vec::new();
    // Every step passes here; only one that copies a query out is lowered and read.
    if text
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"copy"))
    {
        let lower = text.to_ascii_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find("copy").map(|i| from + i) {
            from = at + 4;
            let rest = &lower[at..];
            let Some(to) = rest.find(") to '").map(|i| i + 6) else {
                continue;
            };
            let Some(end) = rest[to..].find('\'') else {
                continue;
            };
            let Some(found) = personal_columns(&text[at..at + to], production) else {
                continue;
            };
            let file = Span::new(span.start + at + to, span.start + at + to + end);
            // "from the local copy: \copy (...) TO 'x'": the same export, found twice.
            if !out.iter().any(|e| e.file == file) {
                out.push(export(input, span.start + at, found, file));
            }
        }
    }
    if commands.is_empty() {
        out.extend(exported_fields(input, span));
    }
    for command in commands {
        let client =
            words!["psql", "mysql", "mariadb", "sqlite3"].contains(command.program.as_str());
        let written = command.span.slice(input);
        if out.iter().any(|e| command.span.contains(e.file)) {
            continue;
        }
        let file = if client {
            output_file(command).map(|arg| arg.span)
        } else {
            stored_results(input, command)
        };
        let Some(file) = file else {
            continue;
        };
        if let Some(found) = personal_columns(written, production) {
            out.push(export(input, command.span.start, found, file));
        }
    }
    out
}

/// An export call that names the fields it takes out, written by the transcript reader in
/// parentheses after the call (`hubspot export the list (email, firstname, city)
/// /workspace/lapsed.csv`), into a data file: people's details in that file when a field is one.
fn exported_fields(input: &str, span: Span) -> Option<Export> {
    let text = span.slice(input);
    let open = text.find(" (")? + 2;
    let close = open + text[open..].find(')')?;
    let lower = text[..open].to_ascii_lowercase();
    if !words!["export", "download", "dump", "extract"]
        .iter()
        .any(|verb| lower.contains(verb))
    {
        return None;
    }
    let mut at = open;
    let first = text[open..close].split(", ").find_map(|field| {
        let found = PERSONAL_COLUMNS
            .contains(field.to_ascii_lowercase().as_str())
            .then_some((at, field.len()));
        at += field.len() + 2;
        found
    })?;
    // The data file it writes: a path after the fields, by its extension.
    let rest = &text[close..];
    let file = rest.split(' ').find(|word| {
        word.contains('/')
            && words!["csv", "tsv", "json", "jsonl", "xlsx", "xls", "parquet"]
                .contains(word.after_last(b'.').to_ascii_lowercase().as_str())
    })?;
    let start = span.start + close + (file.as_ptr() as usize - rest.as_ptr() as usize);
    Some(export(
        input,
        span.start,
        Columns {
            first,
            identity: None,
            every_row: false,
        },
        Span::new(start, start + file.len()),
    ))
}

/// Where a query service stores what a query returns, in a bucket: Athena's
/// `OutputLocation=s3://...`, a BigQuery or Snowflake export to `gs://` or `s3://`. The
/// location is an argument of its own, not part of the query (which may read from a bucket).
fn stored_results(input: &str, command: &Command) -> Option<Span> {
    // Every command of every step passes here: a byte scan, not a lowered copy of each word.
    let query = |arg: &Arg| {
        arg.value
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"select "))
    };
    if !command.args.iter().any(query) {
        return None;
    }
    command.args.iter().find_map(|arg| {
        if query(arg) {
            return None;
        }
        let raw = arg.span.slice(input);
        let at = raw.find("s3://").or_else(|| raw.find("gs://"))?;
        let len = raw[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '\'' | '\\'))
            .unwrap_or(raw.len() - at);
        Some(Span::new(arg.span.start + at, arg.span.start + at + len))
    })
}

fn export(input: &str, base: usize, found: Columns, file: Span) -> Export {
    let at = |(offset, len): (usize, usize)| Span::new(base + offset, base + offset + len);
    Export {
        path: normal_path(file.slice(input)),
        file,
        column: at(found.first),
        identity: found.identity.map(at),
        every_row: found.every_row,
    }
}

/// The personal columns of a query's select list: the first, and the first identity number or
/// birth date, each as where it is in the query and how long.
struct Columns {
    first: (usize, usize),
    identity: Option<(usize, usize)>,
    /// Nothing after `FROM` narrows the rows (`WHERE`, `LIMIT`, `TOP`, `FETCH FIRST`).
    every_row: bool,
}

/// Where a database client writes what its query prints: a redirect, or psql's `-o FILE`.
fn output_file(command: &Command) -> Option<&Arg> {
    if let Some(write) = command.writes.first() {
        return (write.value != "/dev/null").then_some(write);
    }
    let at = command
        .args
        .iter()
        .position(|a| a.value == "-o" || a.value == "--output")?;
    command.args.get(at + 1)
}

/// The first personal column a query selects, as a whole word of its select list (between
/// `SELECT` and `FROM`, so a filter on `email IS NULL` is not a copy of it): where it is in
/// `query`, how long, and the first identity number or birth date the list takes. From
/// production, every column (`SELECT *`, `p.*`) counts as well: whatever details the table
/// holds go with its rows.
fn personal_columns(query: &str, production: bool) -> Option<Columns> {
    let lower = query.to_ascii_lowercase();
    let select = lower.find("select")? + 6;
    let end = lower[select..]
        .find(" from ")
        .map_or(lower.len(), |i| select + i);
    let mut first = None;
    let mut identity = None;
    let mut offset = select;
    for piece in
        lower[select..end].split_inclusive(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
    {
        let word = piece.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        // `*` alone or after a table's name, not inside `count(*)`.
        let every = production
            && piece.starts_with('*')
            && word.is_empty()
            && !lower[..offset].ends_with('(');
        if every || PERSONAL_COLUMNS.contains(word) {
            first.get_or_insert((offset, word.len().max(1)));
            if IDENTITY_COLUMNS.contains(word) {
                identity.get_or_insert((offset, word.len()));
            }
        }
        offset += piece.len();
    }
    let narrowed = lower[end..]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| words!["where", "limit", "top", "fetch", "tablesample"].contains(word));
    // A table-valued source with no FROM (`SELECT 'a@b.c' AS email`) is one row, not a table.
    let every_row = end < lower.len() && !narrowed;
    first.map(|first| Columns {
        first,
        identity,
        every_row,
    })
}

/// A finding on the export itself: the rows are outside the database's controls.
pub(super) fn exported(input: &str, export: &Export) -> Hit {
    let mut hit = Hit::pair(export.column, export.file);
    hit.target(&export.path);
    if let Some(identity) = export.identity {
        if identity != export.column {
            hit.evidence.push(identity);
            crate::order::sort_by_rank(&mut hit.evidence, |s| crate::order::by_position(*s));
        }
        hit.reversibility = Some(crate::model::Reversibility::Irreversible);
        hit.note_with(
            "It takes `{}`, which the person cannot change: a copy that leaks stays harmful.",
            identity.slice(input),
        );
    }
    hit
}

impl Records {
    /// A step that posts, sends or shares a report an earlier step made of people's details,
    /// named by its step ("the file from step 8") or by the same name ("the refunds report").
    pub fn report_handed(&self, input: &str, tokens: &[Token], step: Span) -> Option<Hit> {
        // Every step passes here; only a plan that made such a report lowers its text.
        if self.reports.is_empty() {
            return None;
        }
        let text = step.slice(input).to_ascii_lowercase();
        self.reports.iter().rev().find_map(|report| {
            let number = report.step.to_string();
            // Where the step names the report: "step 8", or the report's own name.
            let named = tokens.iter().enumerate().find_map(|(i, token)| {
                if token.text == "step" && tokens.get(i + 1).is_some_and(|t| t.text == number) {
                    return Some((i, token.span.cover(tokens[i + 1].span)));
                }
                let phrase = report.phrase.as_deref()?;
                let at = token.span.start.checked_sub(step.start)?;
                text.get(at..)?.starts_with(phrase).then(|| {
                    (
                        i,
                        Span::new(token.span.start, token.span.start + phrase.len()),
                    )
                })
            });
            let (at, named) = named?;
            // The report is what is handed: the object of the verb, a few words after it, not
            // a clause about it ("post that the export from step 1 is in the folder").
            let verb = find_all(tokens, HANDING)
                .into_iter()
                .map(|(v, _)| v)
                .rev()
                .find(|&v| v < at && at <= v + 6)?;
            if tokens[verb + 1..at]
                .iter()
                .any(|t| matches!(t.text.as_str(), "that" | "about" | "whether"))
            {
                return None;
            }
            let mut hit = Hit::pair(tokens[verb].span, named);
            let (first, last) = report.fields;
            hit.set_note(format!(
                "What it hands over is the report step {} made, which holds people's details ({}).",
                report.step,
                first.cover(last).slice(input)
            ));
            Some(hit)
        })
    }

    /// A `git add` or `git commit` that takes in a working-copy file a query filled with
    /// people's details: history keeps it after the file is deleted, and a push sends it to
    /// everyone with the repository.
    pub fn committed(&self, input: &str, command: &Command, step: usize) -> Option<Hit> {
        if command.program != "git" {
            return None;
        }
        let file = self
            .personal_files
            .iter()
            .find(|f| crate::rules::flows::is_working_file(&f.path))?;
        let verb = super::flows::git_takes(command, &file.path)?;
        let mut hit = Hit::pair(command.program_span.cover(verb.span), file.column);
        hit.target(&file.path);
        hit.set_note(format!(
            "{} filled `{}` with people's details (`{}`).",
            file.by(step),
            file.path,
            file.column.slice(input)
        ));
        Some(hit)
    }

    /// A command that sends a file a query filled with people's details to another machine
    /// (`curl -F file=@requesters.txt`, `scp`).
    pub fn sent(&self, input: &str, command: &Command, step: usize) -> Option<Hit> {
        if !crate::rules::flows::SENDERS.contains(command.program.as_str()) {
            return None;
        }
        command.args.iter().find_map(|arg| {
            let file = self.personal_files.iter().find(|f| {
                let name = f.name();
                !name.is_empty() && arg.value.after_last_of(b"/@<=") == name
            })?;
            let mut hit = Hit::pair(arg.span, file.column);
            hit.target(&file.path);
            hit.set_note(format!(
                "{} filled `{}` with people's details (`{}`); here it leaves the machine.",
                file.by(step),
                file.name(),
                file.column.slice(input)
            ));
            Some(hit)
        })
    }

    /// Remembers a dump of a production database (or a copy of one fetched from a production
    /// bucket) that `command` writes into a file. A dump into someone's home folder is a
    /// finding of its own: production's rows now sit on a workstation.
    pub fn note_dump(
        &mut self,
        input: &str,
        command: &Command,
        step: usize,
        policy: &crate::policy::Policy,
    ) -> Option<Hit> {
        let file = if DUMPERS.contains(command.program.as_str()) {
            dump_file(command)
        } else {
            fetched_copy(command)
        }?;
        if !names_production(input, command, policy) {
            return None;
        }
        let path = normal_path(&file.value);
        self.production_dumps
            .push((path.clone(), command.span, step));
        let home = ["~/", "/home/", "/Users/"]
            .iter()
            .any(|start| path.starts_with(start))
            || path.contains("/Downloads/")
            || path.contains("/Desktop/");
        if !home {
            return None;
        }
        let mut hit = Hit::pair(command.program_span, file.span);
        hit.target(&path);
        hit.note_with(
            "It writes production's rows into `{}`, a home folder.",
            &path,
        );
        Some(hit)
    }

    /// A restore into a database the command does not name as production, of a file a
    /// production dump wrote: production's rows, people's details included, now live in a
    /// database without production's controls.
    pub fn restored(
        &self,
        input: &str,
        command: &Command,
        policy: &crate::policy::Policy,
    ) -> Option<Hit> {
        if self.production_dumps.is_empty() {
            return None;
        }
        let file = restore_file(command)?;
        let path = normal_path(&file.value);
        let name = path.after_last(b'/');
        let (dumped, dump, step) = self
            .production_dumps
            .iter()
            .find(|(dumped, _, _)| *dumped == path || dumped.after_last(b'/') == name)?;
        // Restoring into production is a recovery; restoring into a throwaway database
        // (`billing_scratch`, `restore_tmp`) is how a backup is checked before it is relied on.
        // The dump's own name (`crm-prod.dump`) says where it came from, not where it goes.
        let words = crate::prose::tokens(input, command.span, &[file.span]);
        let environment = Environment::of(&words, policy);
        if environment.production.is_some() || environment.scratch.is_some() {
            return None;
        }
        let mut hit = Hit::pair(file.span, *dump);
        let database = database_of(command);
        hit.set_target(database.unwrap_or(dumped).to_string());
        // The structure without the rows is what a development copy usually needs.
        if let (Some(database), "pg_restore") = (database, command.program.as_str()) {
            hit.set_instead(crate::words::fill2(
                "pg_restore --schema-only --no-owner -d {} {}",
                database,
                &file.value,
            ));
        }
        hit.set_note(format!("Step {step} dumped production into `{dumped}`."));
        Some(hit)
    }
}

/// Does the command itself name production (its host, database or bucket)?
fn names_production(input: &str, command: &Command, policy: &crate::policy::Policy) -> bool {
    let words = crate::prose::tokens(input, command.span, &[]);
    Environment::of(&words, policy).production.is_some()
}

/// The file a dump program writes: its output flag, or its redirected output.
fn dump_file(command: &Command) -> Option<&Arg> {
    const OUTPUT: &[&str] = &[
        "-f",
        "--file",
        "-r",
        "--result-file",
        "--archive",
        "--out",
        "-o",
    ];
    for (i, arg) in command.args.iter().enumerate() {
        if OUTPUT.contains(&arg.value.as_str()) {
            return command.args.get(i + 1);
        }
        if let Some((flag, value)) = arg.value.split_once('=') {
            if OUTPUT.contains(&flag) && !value.is_empty() {
                return Some(arg);
            }
        }
    }
    command.writes.first()
}

/// The local file an object-store copy writes (`aws s3 cp s3://prod-backups/x.dump
/// /var/tmp/x.dump`, `gsutil cp`).
fn fetched_copy(command: &Command) -> Option<&Arg> {
    let words: Vec<&Arg> = command.positionals().collect();
    let rest = match (command.program.as_str(), words.as_slice()) {
        ("aws", [s3, cp, rest @ ..]) if s3.value == "s3" && cp.value == "cp" => rest,
        ("gsutil", [cp, rest @ ..]) if cp.value == "cp" => rest,
        _ => return None,
    };
    match rest {
        [source, target] if source.value.contains("://") && !target.value.contains("://") => {
            Some(target)
        }
        _ => None,
    }
}

/// The file a restore reads: `pg_restore FILE`, `mongorestore --archive=FILE`, `psql -f FILE`,
/// or a client fed the file with `<`.
fn restore_file(command: &Command) -> Option<&Arg> {
    if let Input::File(file) = &command.input {
        if words!["psql", "mysql", "mariadb", "mongorestore", "pg_restore"]
            .contains(command.program.as_str())
        {
            return Some(file);
        }
    }
    match command.program.as_str() {
        "pg_restore" | "mongorestore" => command
            .args
            .iter()
            .find(|a| a.value.starts_with("--archive=") && a.value.len() > 10)
            .or_else(|| {
                crate::rules::positionals_of(command)
                    .last()
                    .copied()
                    .filter(|a| a.value.contains(&['.', '/'][..]))
            }),
        "psql" => {
            let at = command
                .args
                .iter()
                .position(|a| a.value == "-f" || a.value == "--file")?;
            command.args.get(at + 1)
        }
        _ => None,
    }
}

/// The database a restore writes into, when the command names one (`-d crm_local`).
fn database_of(command: &Command) -> Option<&str> {
    let at = command
        .args
        .iter()
        .position(|a| a.value == "-d" || a.value == "--dbname")?;
    command.args.get(at + 1).map(|a| a.value.as_str())
}
