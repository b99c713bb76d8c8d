//! Finding the steps in a pasted plan: detects the format and splits the text into steps, each
//! with its exact byte span, its 1-based line, and the code inside it to be read as shell or SQL.

mod markdown;
pub(crate) use markdown::command_in_sentence;
mod script;
pub(crate) mod terraform;
pub(crate) mod transcript;

pub use markdown::quoted_spans;
pub(crate) use script::looks_like_sql;
pub use script::sql_statements;

use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

/// The formats the engine reads. `Markdown` is prose with fenced code blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Prose,
    Markdown,
    Shell,
    Sql,
    /// Tool-call transcripts and other JSON (read through a derived Markdown plan).
    Json,
    /// `terraform plan` output, `terraform show -json` plans and CloudFormation change sets.
    Terraform,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Prose,
        Format::Markdown,
        Format::Shell,
        Format::Sql,
        Format::Json,
        Format::Terraform,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Prose => "prose",
            Format::Markdown => "markdown",
            Format::Shell => "shell",
            Format::Sql => "sql",
            Format::Json => "json",
            Format::Terraform => "terraform",
        }
    }

    /// Parses a format name; `auto` (or an empty string) means "detect", which is `None`.
    pub fn parse(text: &str) -> Option<Format> {
        let text = text.trim().to_ascii_lowercase();
        match text.as_str() {
            "md" => Some(Format::Markdown),
            "sh" | "bash" | "script" => Some(Format::Shell),
            "text" => Some(Format::Prose),
            "jsonl" | "transcript" => Some(Format::Json),
            listed if words!["tf", "tofu", "cloudformation", "cfn"].contains(listed) => {
                Some(Format::Terraform)
            }
            _ => Format::ALL.into_iter().find(|f| f.as_str() == text),
        }
    }
}

/// How the words of a piece of a step are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Shell,
    Sql,
    /// Code for an interpreter (Python, Node, Perl, Ruby, PHP) given inline.
    Interpreted,
}

/// A piece of a step that holds code: an inline `command`, a fenced block line, or a whole
/// shell line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub kind: CodeKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub span: Span,
    pub line: usize,
    /// The step is written in words (a list item or a sentence), not code.
    pub prose: bool,
    pub code: Vec<Code>,
    /// Commands the step quotes from someone else, inside double quotes (`The comment says:
    /// "run `make clean`"`): not what this step does, but what that text asks for, which the
    /// plan may go on to do.
    pub quoted: Vec<Code>,
    /// Fenced blocks under a list item, which belong to the item's step (the plan numbers
    /// them with it): their code is in `code`, and their words are not read as prose.
    pub blocks: Vec<Span>,
}

/// The word that ends a heredoc a shell line opens (`cat > f <<'EOF'`, `psql <<-SQL`), if the
/// line is a command that opens one.
fn heredoc_delimiter(line: &str) -> Option<&str> {
    let (_, after) = line.split_once("<<")?;
    if after.starts_with('<') || !script::looks_like_shell(line) {
        return None;
    }
    let word = after
        .trim_start_matches('-')
        .trim_start()
        .split(&[' ', '\t', '\n', '\r', ';', '|', '>', ')'][..])
        .next()?
        .trim_matches(&['\'', '"'][..]);
    (!word.is_empty()).then_some(word)
}

/// Detects the format (unless `forced`) and splits the input into steps.
pub fn split(input: &str, forced: Option<Format>) -> (Format, Vec<Step>) {
    let format = forced.unwrap_or_else(|| detect(input));
    let mut steps = match format {
        // JSON and infrastructure plans reach here only when they could not be rewritten;
        // what remains is read as words.
        Format::Prose | Format::Markdown | Format::Json | Format::Terraform => {
            markdown::steps(input)
        }
        Format::Shell => script::shell_steps(input, Span::new(0, input.len())),
        Format::Sql => script::sql_steps(input, Span::new(0, input.len())),
    };
    let lines = LineIndex::new(input);
    for step in &mut steps {
        step.line = lines.line_of(step.span.start);
    }
    (format, steps)
}

/// Guesses the format from the shape of the lines: list markers or headings mean prose; fenced
/// blocks mean Markdown; lines that start with a command mean shell; SQL keywords mean SQL.
/// A shebang names a script outright. `# words` is a heading only in a text of words: among
/// commands it is a comment. A SQL statement's clause lines (`SET ...`, `WHERE ...`) are read
/// with the statement they continue, since alone they look like nothing.
pub fn detect(input: &str) -> Format {
    if let Some(first) = input.lines().map(str::trim).find(|l| !l.is_empty()) {
        if shebang_names_a_shell(first) {
            return Format::Shell;
        }
    }
    let mut lists = 0;
    let mut hash_lines = 0;
    let mut fences = 0;
    let mut counts = Counts::default();
    let mut open: Option<OpenSql> = None;
    // The delimiter of the heredoc being read: its lines are the command's data (a YAML file,
    // a SQL script), not the plan's own lines, and count for no format.
    let mut heredoc_end: Option<&str> = None;
    let mut heredoc = false;
    let mut in_body = false;
    // Brackets a shell line left open (`New-MgIdentityConditionalAccessPolicy -BodyParameter
    // @{`, `ForEach-Object {`) or a trailing `\`: the lines up to the close are the same
    // command's arguments (a hashtable, a script block), not lines of their own.
    // At most `CONTINUED_LINES` of them: a bracket a line only seemed to open does not take
    // the rest of the plan out of the count.
    const CONTINUED_LINES: usize = 64;
    let mut open_brackets = 0i32;
    let mut continued = false;
    let mut arguments = 0;
    for line in input.lines() {
        let trimmed = line.trim();
        if (open_brackets > 0 || continued) && arguments < CONTINUED_LINES {
            open_brackets += crate::words::brackets(trimmed);
            continued = trimmed.ends_with('\\');
            arguments += 1;
            continue;
        }
        arguments = 0;
        open_brackets = 0;
        continued = false;
        if let Some(end) = heredoc_end {
            if trimmed == end {
                heredoc_end = None;
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        if let Some(end) = heredoc_delimiter(trimmed) {
            heredoc_end = Some(end);
            heredoc = true;
        }
        // A dollar-quoted body (`DO $$ ... $$;`, a function's `AS $$ ... $$`) is one
        // statement's text: PL/pgSQL, which line by line looks like anything but SQL.
        if in_body {
            counts.sql += 1;
            in_body = !opens_or_closes_body(trimmed);
            continue;
        }
        if opens_or_closes_body(trimmed)
            && (open.is_some() || OpenSql::start(trimmed).is_some() || sql_keyword_first(trimmed))
        {
            if let Some(statement) = open.take() {
                counts.sql += statement.lines;
            }
            counts.sql += 1;
            in_body = true;
            continue;
        }
        if let Some(statement) = open.as_mut() {
            if statement.continues_with(trimmed) {
                statement.text.push(' ');
                statement.text.push_str(trimmed);
                statement.lines += 1;
                if trimmed.ends_with(';') {
                    if let Some(done) = open.take() {
                        done.close(&mut counts);
                    }
                }
                continue;
            }
            if let Some(done) = open.take() {
                done.close(&mut counts);
            }
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fences += 1;
        } else if markdown::list_marker(line).is_some() {
            lists += 1;
        } else if markdown::is_heading(trimmed) {
            hash_lines += 1;
        } else if trimmed.starts_with('#') || trimmed == "--" || trimmed.starts_with("-- ") {
            // Comments count for neither side.
        } else if let Some(statement) = OpenSql::start(trimmed) {
            open = Some(statement);
        } else if counts.add(trimmed) {
            open_brackets = crate::words::brackets(trimmed).max(0);
            continued = trimmed.ends_with('\\');
        }
    }
    if let Some(done) = open.take() {
        done.close(&mut counts);
    }
    let Counts { shell, sql, other } = counts;
    // A heredoc (`psql <<SQL`) makes the lines after it data for the command: still shell.
    let heredoc = heredoc && shell > 0;
    if fences > 0 {
        Format::Markdown
    } else if lists > 0 || (hash_lines > 0 && other > shell + sql) {
        Format::Prose
    } else if heredoc {
        Format::Shell
    } else if sql > 0 && sql >= shell && sql >= other {
        Format::Sql
    } else if shell > 0 && shell >= other {
        Format::Shell
    } else {
        Format::Prose
    }
}

/// `#!/bin/bash`, `#!/usr/bin/env bash`: a script for a shell (a Python or Node shebang is not).
fn shebang_names_a_shell(first: &str) -> bool {
    const SHELLS: Words = words!["sh", "bash", "zsh", "ksh", "dash", "ash", "mksh", "fish"];
    let Some(rest) = first.strip_prefix("#!") else {
        return false;
    };
    rest.split_whitespace()
        .map(|word| word.after_last(b'/'))
        .any(|name| SHELLS.contains(&name))
}

/// Lines counted by what they look like.
#[derive(Default)]
struct Counts {
    shell: usize,
    sql: usize,
    other: usize,
}

impl Counts {
    /// Counts the line; whether it looks like a shell command.
    fn add(&mut self, trimmed: &str) -> bool {
        // A whole line in single backticks is Markdown's inline code, the way a chat message
        // quotes a command, not a shell command substitution.
        let inline_code = trimmed.len() > 2
            && trimmed.starts_with('`')
            && trimmed.ends_with('`')
            && !trimmed[1..trimmed.len() - 1].contains('`');
        if inline_code {
            self.other += 1;
        } else if script::looks_like_sql(trimmed) {
            self.sql += 1;
        } else if script::looks_like_shell(trimmed) {
            self.shell += 1;
            return true;
        } else {
            self.other += 1;
        }
        false
    }
}

/// A SQL statement begun on an earlier line and not yet ended by `;`.
struct OpenSql {
    text: String,
    lines: usize,
    first: String,
}

/// Words that begin a line continuing a SQL statement's clauses.
const SQL_CONTINUATIONS: Words = words![
    "set",
    "where",
    "from",
    "values",
    "and",
    "or",
    "not",
    "join",
    "inner",
    "left",
    "right",
    "full",
    "cross",
    "outer",
    "natural",
    "on",
    "using",
    "order",
    "group",
    "having",
    "limit",
    "offset",
    "fetch",
    "returning",
    "into",
    "select",
    "union",
    "except",
    "intersect",
    "case",
    "when",
    "then",
    "else",
    "end",
    "add",
    "drop",
    "alter",
    "modify",
    "rename",
    "in",
    "exists",
    "as",
    "cascade",
    "restrict",
    "default",
    "primary",
    "references",
    "constraint",
];

impl OpenSql {
    /// A line that starts a statement with a SQL keyword (in SQL's case: all capitals or all
    /// small letters, not a sentence's `Update the docs`) and does not end it.
    fn start(trimmed: &str) -> Option<OpenSql> {
        let first = trimmed.split_whitespace().next()?;
        if trimmed.ends_with(';') || trimmed.ends_with('.') || !sql_cased(first) {
            return None;
        }
        let lower = first.to_ascii_lowercase();
        script::SQL_STARTS
            .contains(&lower.as_str())
            .then(|| OpenSql {
                text: trimmed.to_string(),
                lines: 1,
                first: trimmed.to_string(),
            })
    }

    /// Inside parentheses every line continues; otherwise a line continues when it opens with
    /// a clause keyword or closes a parenthesis.
    fn continues_with(&self, trimmed: &str) -> bool {
        let depth =
            self.text.matches('(').count() as isize - self.text.matches(')').count() as isize;
        if depth > 0 || trimmed.starts_with(')') {
            return true;
        }
        let first = trimmed.split_whitespace().next().unwrap_or("");
        let word = first.trim_end_matches(&[',', ';', '('][..]);
        !trimmed.ends_with('.')
            && sql_cased(word)
            && SQL_CONTINUATIONS.contains(&word.to_ascii_lowercase().as_str())
    }

    fn close(self, counts: &mut Counts) {
        if script::looks_like_sql(&self.text) {
            counts.sql += self.lines;
        } else {
            // Not a statement after all: its first line is what it looks like, and the lines
            // taken as its clauses are words.
            counts.add(&self.first);
            counts.other += self.lines - 1;
        }
    }
}

/// Whether a line holds an odd number of dollar quotes (`$$`, `$body$`): it opens a quoted
/// body that a later line closes, or closes one an earlier line opened.
fn opens_or_closes_body(trimmed: &str) -> bool {
    let bytes = trimmed.as_bytes();
    let mut quotes = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'$') {
        let open = at + offset;
        let tag = bytes[open + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic() || **b == b'_')
            .count();
        if bytes.get(open + 1 + tag) == Some(&b'$') {
            quotes += 1;
            at = open + tag + 2;
        } else {
            at = open + 1;
        }
    }
    quotes % 2 == 1
}

/// A line whose first word is a SQL statement's, in SQL's casing (`DO $$`, `CREATE FUNCTION`).
/// `DO` counts only here, before a dollar quote: on its own it is an English word.
fn sql_keyword_first(trimmed: &str) -> bool {
    trimmed.split_whitespace().next().is_some_and(|first| {
        let lower = first.to_ascii_lowercase();
        sql_cased(first) && (lower == "do" || script::SQL_STARTS.contains(&lower.as_str()))
    })
}

fn sql_cased(word: &str) -> bool {
    !word.is_empty() && (word == word.to_ascii_uppercase() || word == word.to_ascii_lowercase())
}

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(input: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(input.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Trims ASCII and Unicode whitespace from both ends of `span`, keeping it on char boundaries.
pub(crate) fn trim_span(input: &str, span: Span) -> Span {
    let text = span.slice(input);
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        assert_eq!(detect("1. Delete the stack\n2. Recreate it"), Format::Prose);
        assert_eq!(detect("Plan:\n```sh\nrm -rf build\n```"), Format::Markdown);
        assert_eq!(
            detect("cd /srv\nrm -rf old\ngit push origin main"),
            Format::Shell
        );
        assert_eq!(
            detect("DROP TABLE users;\nDELETE FROM orders;"),
            Format::Sql
        );
        assert_eq!(detect("I will clean up the old stuff."), Format::Prose);
        // A script whose header comments read as headings, and whose commands take hashtables
        // over several lines, is still a script.
        let powershell = "# CHG-1 Conditional Access baseline\n# Tenant contoso\nConnect-MgGraph -Scopes 'Policy.ReadWrite.ConditionalAccess'\nNew-MgIdentityConditionalAccessPolicy -BodyParameter @{\n    displayName = 'CA01'\n    state = 'enabled'\n    conditions = @{\n        users = @{ includeUsers = @('All') }\n    }\n}\n";
        assert_eq!(detect(powershell), Format::Shell);
    }

    #[test]
    fn a_dollar_quoted_body_is_one_statement_of_sql() {
        let guarded = "BEGIN;\nUPDATE t SET a = 1 WHERE b = 2;\nDO $$\nBEGIN\n  IF (SELECT count(*) FROM t) <> 3 THEN\n    RAISE EXCEPTION 'wrong count';\n  END IF;\nEND $$;\nCOMMIT;";
        assert_eq!(detect(guarded), Format::Sql);
        assert_eq!(detect("BEGIN;\nDELETE FROM x;\nCOMMIT;"), Format::Sql);
        let function = "CREATE FUNCTION touch() RETURNS trigger AS $body$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql;";
        assert_eq!(detect(function), Format::Sql);
        // A shell line with a variable is not a body.
        assert_eq!(detect("echo $HOME\nrm -rf $DIR/build"), Format::Shell);
    }

    #[test]
    fn what_a_heredoc_holds_is_the_commands_data() {
        // YAML list lines, Markdown and SQL inside a heredoc are the file being written, not
        // the plan's own lines.
        let yaml = "cat > .github/workflows/ci.yml <<'EOF'\non: push\njobs:\n  test:\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\nEOF";
        assert_eq!(detect(yaml), Format::Shell);
        let notes = "tee NOTES.md <<EOF\n# Release notes\n1. Faster search\n2. Dark mode\nEOF\ngit add NOTES.md";
        assert_eq!(detect(notes), Format::Shell);
        // A list that only mentions `<<` is still a list.
        assert_eq!(
            detect("1. Append with `cat >> log <<EOF`\n2. Check it"),
            Format::Prose
        );
    }

    #[test]
    fn comments_and_shebangs_open_scripts() {
        assert_eq!(
            detect("#!/bin/bash\n# Clean up old releases\nrm -rf /srv/releases/old"),
            Format::Shell
        );
        assert_eq!(
            detect("# Clean up old releases\ncd /srv/releases\nrm -rf old"),
            Format::Shell
        );
        assert_eq!(
            detect("# Clean up\n\nDelete the old releases.\nThen restart the app."),
            Format::Prose
        );
        assert_eq!(detect("# Plan\n1. Delete the stack"), Format::Prose);
        assert_eq!(detect("#!/usr/bin/env python3\nimport os"), Format::Prose);
    }

    #[test]
    fn multi_line_sql_statements_are_sql() {
        let sql = "-- Archive trials\nBEGIN;\nUPDATE accounts\n   SET status = 'archived'\n WHERE status = 'trial'\n   AND last_login_at < now();\nDELETE FROM sessions\n WHERE account_id IN (SELECT id FROM accounts);\nCOMMIT;";
        assert_eq!(detect(sql), Format::Sql);
        let table = "CREATE TABLE accounts (\n  id bigint primary key,\n  email text\n);";
        assert_eq!(detect(table), Format::Sql);
        // Words in a sentence's case are not clauses.
        assert_eq!(
            detect("Update the docs\nSet the flag for everyone\nWhere needed, restart."),
            Format::Prose
        );
    }

    /// A command quoted in single backticks on a line of its own is Markdown inline code: the
    /// quoted command is read (and judged), the backticks are not part of its program name.
    #[test]
    fn a_line_of_inline_code_is_prose_quoting_a_command() {
        assert_eq!(detect("`echo \"rm -rf /\" >> notes.txt`"), Format::Prose);
        let quiet = crate::assess(
            "`grep -r \"DROP TABLE\" migrations/`\n",
            &Default::default(),
        );
        assert_eq!(quiet.verdict, crate::Decision::Proceed);
        let loud = crate::assess("`rm -rf /srv/data`\n", &Default::default());
        assert!(loud.verdict >= crate::Decision::Escalate);
    }

    #[test]
    fn line_numbers_are_one_based() {
        let index = LineIndex::new("a\nb\nc");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(4), 3);
    }
}
