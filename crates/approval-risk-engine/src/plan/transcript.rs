//! JSON tool-call transcripts (Anthropic `tool_use`, OpenAI `tool_calls` with `arguments` as a
//! JSON string, MCP `tools/call`, generic `{"tool": ..., "input": ...}` and JSON Lines), and
//! machine-readable infrastructure plans (`terraform show -json`, CloudFormation change sets).
//! Each is rewritten as a Markdown plan in a derived text: commands in fenced blocks, other
//! tool calls and resource changes as list items, every byte mapped back to the JSON.

use crate::derived::Derived;
use crate::json::{parse_all, Text, Value};
use crate::span::Span;

/// Keys whose value is a shell command or script.
const SHELL_KEYS: &[&str] = &[
    "command",
    "cmd",
    "script",
    "shell",
    "bash",
    "commands",
    "code_to_run",
    "run",
];
/// Keys whose value is SQL.
const SQL_KEYS: &[&str] = &["query", "sql", "statement", "statements"];
/// Keys whose value is content being written, which is data, not an action.
const DATA_KEYS: &[&str] = &[
    "content",
    "contents",
    "new_string",
    "old_string",
    "text",
    "body",
    "file_text",
    "patch",
    "diff",
    "description",
    "message",
    "new_str",
    "old_str",
    "insert_text",
    "data",
    "value",
];

/// A derived Markdown plan and what kind of document it came from.
pub struct Rewritten {
    pub derived: Derived,
    pub kind: &'static str,
}

pub fn rewrite(input: &str) -> Option<Rewritten> {
    let first = input.trim_start().chars().next()?;
    if first != '{' && first != '[' {
        return None;
    }
    let values = parse_all(input, &|s| s);
    let mut out = Writer {
        input,
        derived: Derived::new(),
        items: 0,
    };
    let mut kind = "json";
    for value in &values {
        if value.get("resource_changes").is_some() {
            kind = "terraform-json";
        } else if value.get("Changes").is_some() || value.get("ChangeSetName").is_some() {
            kind = "cloudformation";
        }
        out.walk(value, 0);
    }
    (out.items > 0).then_some(Rewritten {
        derived: out.derived,
        kind,
    })
}

struct Writer<'a> {
    input: &'a str,
    derived: Derived,
    items: usize,
}

impl Writer<'_> {
    fn walk(&mut self, value: &Value, depth: usize) {
        if depth > 48 {
            return;
        }
        if self.tool_call(value)
            || self.terraform_change(value)
            || self.cloudformation_change(value)
        {
            return;
        }
        match value {
            Value::Object(fields, _) => fields.iter().for_each(|(_, v)| self.walk(v, depth + 1)),
            Value::Array(items, _) => items.iter().for_each(|v| self.walk(v, depth + 1)),
            _ => {}
        }
    }

    /// Recognises a tool call in any of the transcript shapes and writes it.
    fn tool_call(&mut self, value: &Value) -> bool {
        let Value::Object(..) = value else {
            return false;
        };
        // OpenAI: {"function": {"name": ..., "arguments": "<json>"}}
        if let Some(function) = value.get("function") {
            if let (Some(Value::String(name)), Some(arguments)) =
                (function.get("name"), function.get("arguments"))
            {
                self.write_call(name, arguments);
                return true;
            }
        }
        // MCP: {"method": "tools/call", "params": {"name": ..., "arguments": {...}}}
        if value.get("method").and_then(Value::str) == Some("tools/call") {
            if let Some(params) = value.get("params") {
                if let (Some(Value::String(name)), Some(arguments)) =
                    (params.get("name"), params.get("arguments"))
                {
                    self.write_call(name, arguments);
                    return true;
                }
            }
        }
        // Anthropic {"type": "tool_use", "name", "input"} and generic shapes.
        let name = ["name", "tool", "tool_name", "action", "recipient_name"]
            .iter()
            .find_map(|k| match value.get(k) {
                Some(Value::String(t)) => Some(t),
                _ => None,
            });
        let arguments = [
            "input",
            "arguments",
            "args",
            "parameters",
            "params",
            "tool_input",
        ]
        .iter()
        .find_map(|k| value.get(k));
        match (name, arguments) {
            (Some(name), Some(arguments)) if !matches!(arguments, Value::Scalar(_)) => {
                self.write_call(name, arguments);
                true
            }
            _ => false,
        }
    }

    fn write_call(&mut self, name: &Text, arguments: &Value) {
        // `arguments` may itself be a JSON document inside a string.
        if let Value::String(text) = arguments {
            let trimmed = text.as_str().trim_start();
            if trimmed.starts_with('{') || trimmed.starts_with('[') {
                let nested = parse_all(text.as_str(), &|s| text.derived.map(s));
                if let Some(inner) = nested.first() {
                    return self.write_arguments(name, inner);
                }
            }
            return self.write_code_or_words(name, None, text);
        }
        self.write_arguments(name, arguments);
    }

    fn write_arguments(&mut self, name: &Text, arguments: &Value) {
        let Value::Object(fields, _) = arguments else {
            if let Value::String(text) = arguments {
                self.write_code_or_words(name, None, text);
            }
            return;
        };
        let mut words: Vec<&Text> = Vec::new();
        let mut wrote_code = false;
        for (key, value) in fields {
            let key = key.as_str().to_ascii_lowercase();
            let strings: Vec<&Text> = match value {
                Value::String(t) => vec![t],
                Value::Array(items, _) => items
                    .iter()
                    .filter_map(|i| {
                        if let Value::String(t) = i {
                            Some(t)
                        } else {
                            None
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if SHELL_KEYS.contains(&key.as_str()) || SQL_KEYS.contains(&key.as_str()) {
                let language = if SQL_KEYS.contains(&key.as_str()) {
                    "sql"
                } else {
                    "sh"
                };
                // An argv array (`["rm", "-rf", "/x"]`) is one command.
                if let (Value::Array(..), "sh") = (value, language) {
                    self.fence_argv(language, &strings);
                } else {
                    for text in strings {
                        self.fence(language, text);
                    }
                }
                wrote_code = true;
            } else if !DATA_KEYS.contains(&key.as_str()) {
                words.extend(strings.into_iter().filter(|t| t.as_str().len() <= 300));
            }
        }
        if !wrote_code {
            self.item(name, &words);
        }
    }

    fn write_code_or_words(&mut self, name: &Text, _key: Option<&str>, text: &Text) {
        let tool = name.as_str().to_ascii_lowercase();
        if [
            "bash", "shell", "terminal", "exec", "run", "command", "sh", "execute",
        ]
        .iter()
        .any(|t| tool.contains(t))
        {
            self.fence("sh", text);
        } else if ["sql", "query", "database", "postgres", "mysql"]
            .iter()
            .any(|t| tool.contains(t))
        {
            self.fence("sql", text);
        } else {
            self.item(name, &[text]);
        }
    }

    fn fence(&mut self, language: &str, text: &Text) {
        let anchor = Span::new(text.span.start, text.span.start);
        self.derived.stand_in(&format!("\n```{language}\n"), anchor);
        self.append_text(text);
        self.derived
            .stand_in("\n```\n", Span::new(text.span.end, text.span.end));
        self.items += 1;
    }

    fn fence_argv(&mut self, language: &str, parts: &[&Text]) {
        let Some(first) = parts.first() else { return };
        self.derived.stand_in(
            &format!("\n```{language}\n"),
            Span::new(first.span.start, first.span.start),
        );
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.derived
                    .stand_in(" ", Span::new(part.span.start, part.span.start));
            }
            // Each argv element is one word: quote it so spaces inside stay inside.
            let quoted = part.as_str().contains(char::is_whitespace);
            if quoted {
                self.derived
                    .stand_in("'", Span::new(part.span.start, part.span.start));
            }
            self.append_text(part);
            if quoted {
                self.derived
                    .stand_in("'", Span::new(part.span.end, part.span.end));
            }
        }
        self.derived.stand_in(
            "\n```\n",
            Span::new(
                parts[parts.len() - 1].span.end,
                parts[parts.len() - 1].span.end,
            ),
        );
        self.items += 1;
    }

    /// A tool call without a command, written as a prose step: the tool's name in words,
    /// then its argument values (`delete_file` with `/etc/hosts` reads "delete file /etc/hosts").
    fn item(&mut self, name: &Text, words: &[&Text]) {
        let spoken: String = split_identifier(name.as_str());
        let name_span = inner(name);
        self.derived
            .stand_in("\n- ", Span::new(name_span.start, name_span.start));
        self.derived.stand_in(&spoken, name_span);
        for word in words {
            let text = word.as_str();
            if text.contains('\n') || text.is_empty() {
                continue;
            }
            self.derived
                .stand_in(" ", Span::new(word.span.start, word.span.start));
            self.append_text(word);
        }
        self.derived
            .stand_in("\n", Span::new(name_span.end, name_span.end));
        self.items += 1;
    }

    /// Appends a decoded string, each character mapped to the input bytes it came from.
    fn append_text(&mut self, text: &Text) {
        let decoded = text.as_str();
        for (i, c) in decoded.char_indices() {
            let piece = &decoded[i..i + c.len_utf8()];
            let origin = text.derived.map(Span::new(i, i + piece.len()));
            if origin.slice(self.input) == piece {
                self.derived.copy_text(piece, origin);
            } else {
                self.derived.stand_in(piece, origin);
            }
        }
    }

    /// `terraform show -json`: `{"address", "type", "change": {"actions": [...]}}`.
    fn terraform_change(&mut self, value: &Value) -> bool {
        let (Some(Value::String(address)), Some(Value::String(kind)), Some(change)) =
            (value.get("address"), value.get("type"), value.get("change"))
        else {
            return false;
        };
        let Some(Value::Array(actions, actions_span)) = change.get("actions") else {
            return false;
        };
        let actions: Vec<&str> = actions.iter().filter_map(Value::str).collect();
        let verb = match actions.as_slice() {
            ["delete"] => "destroy",
            ["delete", "create"] | ["create", "delete"] => "replace",
            ["update"] => "update",
            ["create"] => "create",
            _ => return true,
        };
        self.resource_line(verb, kind.as_str(), address, *actions_span);
        true
    }

    /// CloudFormation change set: `{"ResourceChange": {"Action", "Replacement", "ResourceType", "LogicalResourceId"}}`.
    fn cloudformation_change(&mut self, value: &Value) -> bool {
        let Some(change) = value.get("ResourceChange") else {
            return false;
        };
        let (Some(Value::String(action)), Some(Value::String(kind)), Some(Value::String(id))) = (
            change.get("Action"),
            change.get("ResourceType"),
            change.get("LogicalResourceId"),
        ) else {
            return false;
        };
        let replacement = change
            .get("Replacement")
            .and_then(Value::str)
            .unwrap_or("False");
        let verb = match (action.as_str(), replacement) {
            ("Remove", _) | ("Delete", _) => "destroy",
            ("Modify", "True") => "replace",
            ("Modify", "Conditional") => "maybe-replace",
            ("Modify", _) => "update",
            ("Add", _) => "create",
            _ => return true,
        };
        self.resource_line(verb, kind.as_str(), id, action.span.cover(change.span()));
        true
    }

    /// One resource change as a step `@resource <verb> <type> <address>`, read by the
    /// infrastructure-plan rules; the verb stands for the JSON that says it.
    fn resource_line(&mut self, verb: &str, kind: &str, address: &Text, verb_span: Span) {
        self.derived.stand_in(
            "\n```sh\n@resource ",
            Span::new(address.span.start, address.span.start),
        );
        self.derived.stand_in(verb, verb_span);
        self.derived.stand_in(" ", verb_span);
        self.derived.stand_in(kind, address.span);
        self.derived.stand_in(" ", address.span);
        self.append_text(address);
        self.derived
            .stand_in("\n```\n", Span::new(address.span.end, address.span.end));
        self.items += 1;
    }
}

/// A string's span without its quotes.
fn inner(text: &Text) -> Span {
    if text.span.len() >= 2 {
        Span::new(text.span.start + 1, text.span.end - 1)
    } else {
        text.span
    }
}

/// `delete_file` / `deleteFile` / `delete-file` -> "delete file".
fn split_identifier(name: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' || c == '/' {
            out.push(' ');
            previous_lower = false;
        } else if c.is_uppercase() && previous_lower {
            out.push(' ');
            out.extend(c.to_lowercase());
            previous_lower = false;
        } else {
            out.extend(c.to_lowercase());
            previous_lower = c.is_lowercase();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anthropic_tool_use_becomes_a_fenced_command() {
        let input = r#"{"type":"tool_use","id":"t1","name":"bash","input":{"command":"terraform destroy -auto-approve"}}"#;
        let rewritten = rewrite(input).expect("a transcript");
        assert!(rewritten
            .derived
            .text
            .contains("```sh\nterraform destroy -auto-approve\n```"));
        let at = rewritten.derived.text.find("destroy").unwrap_or(0);
        assert_eq!(
            rewritten.derived.map(Span::new(at, at + 7)).slice(input),
            "destroy"
        );
    }

    #[test]
    fn other_tools_become_words() {
        let input = r#"[{"tool":"delete_file","args":{"path":"/etc/hosts"}}]"#;
        let rewritten = rewrite(input).expect("a transcript");
        assert!(rewritten.derived.text.contains("- delete file /etc/hosts"));
    }

    #[test]
    fn plain_json_is_not_a_transcript() {
        assert!(rewrite(r#"{"a": 1}"#).is_none());
        assert!(rewrite("1. Delete it").is_none());
    }
}
