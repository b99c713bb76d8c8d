//! Finding the steps in a pasted plan: detects the format and splits the text into steps, each
//! with its exact byte span, its 1-based line, and the code inside it to be read as shell or SQL.

mod markdown;
mod script;
pub(crate) mod terraform;
pub(crate) mod transcript;

pub use script::sql_statements;

use crate::span::Span;

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
            "tf" | "tofu" | "cloudformation" | "cfn" => Some(Format::Terraform),
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
pub fn detect(input: &str) -> Format {
    let mut list_or_heading = 0;
    let mut fences = 0;
    let mut shell = 0;
    let mut sql = 0;
    let mut other = 0;
    for line in input.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fences += 1;
        } else if markdown::list_marker(line).is_some() || markdown::is_heading(trimmed) {
            list_or_heading += 1;
        } else if trimmed.starts_with('#') || trimmed.starts_with("-- ") {
            // Comments count for neither side.
        } else if script::looks_like_sql(trimmed) {
            sql += 1;
        } else if script::looks_like_shell(trimmed) {
            shell += 1;
        } else {
            other += 1;
        }
    }
    // A heredoc (`psql <<SQL`) makes the lines after it data for the command: still shell.
    let heredoc = shell > 0
        && input
            .lines()
            .any(|l| l.contains("<<") && script::looks_like_shell(l.trim()));
    if fences > 0 {
        Format::Markdown
    } else if list_or_heading > 0 {
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
    }

    #[test]
    fn line_numbers_are_one_based() {
        let index = LineIndex::new("a\nb\nc");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(4), 3);
    }
}
