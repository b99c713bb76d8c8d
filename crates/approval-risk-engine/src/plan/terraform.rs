//! `terraform plan` (and OpenTofu) text output, rewritten as one step per resource change in a
//! derived Markdown plan: `# aws_db_instance.main will be destroyed` becomes the step
//! `@resource destroy aws_db_instance aws_db_instance.main`, every word mapped to the line.
//! When only the summary line (`Plan: 1 to add, 0 to change, 2 to destroy.`) is present, it is
//! the step.

use crate::derived::Derived;
use crate::span::Span;
use crate::words::Words;

const VERBS: &[(&str, &str)] = &[
    ("will be destroyed", "destroy"),
    ("must be replaced", "replace"),
    ("will be replaced", "replace"),
    ("will be updated in-place", "update"),
    ("will be created", "create"),
];

/// Whether the plan output sits inside a fenced block: then it is the output a step of a larger
/// plan shows (run `terraform plan`, here is what it said, then apply), and the whole input is
/// that plan, read step by step, not the output alone.
fn quoted_in_a_fence(input: &str) -> bool {
    let mut fenced = false;
    for line in input.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if let Some(rest) = trimmed.strip_prefix("# ") {
            if VERBS.iter().any(|(text, _)| rest.contains(text)) {
                return fenced;
            }
        }
    }
    false
}

/// The resource type in an address: the segment before the name (`module.db.aws_db_instance.main[0]`
/// -> `aws_db_instance`).
fn resource_type(address: &str) -> &str {
    let segments: Vec<&str> = address.split('.').collect();
    match segments.len() {
        0 | 1 => address,
        n => segments[n - 2].split('[').next().unwrap_or(""),
    }
}

pub fn rewrite(input: &str) -> Option<Derived> {
    if quoted_in_a_fence(input) {
        return None;
    }
    let mut derived = Derived::new();
    let mut found = 0;
    let mut summary: Option<Span> = None;
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in input.split_inclusive('\n') {
        lines.push((offset, line));
        offset += line.len();
    }
    for (at, &(start, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        if let Some(rest) = trimmed.strip_prefix("# ") {
            let Some((verb_text, verb)) =
                VERBS.iter().find(|(text, _)| rest.contains(text)).copied()
            else {
                continue;
            };
            let address = rest.split_whitespace().next().unwrap_or("");
            if address.is_empty() || !address.contains('.') {
                continue;
            }
            // The address starts after any further blanks (`#   aws_s3_bucket.logs ...`).
            let address_at = start + lead + 2 + (rest.len() - rest.trim_start().len());
            let address_span = Span::new(address_at, address_at + address.len());
            let verb_at = start + lead + 2 + rest.find(verb_text).unwrap_or(0);
            let verb_span = Span::new(verb_at, verb_at + verb_text.len());
            derived.stand_in("```sh\n", Span::new(address_span.start, address_span.start));
            // The step reads from the `#` of the line to the end of its verb phrase.
            derived.stand_in("@resource ", Span::new(start + lead, start + lead + 1));
            derived.stand_in(verb, verb_span);
            derived.stand_in(" ", verb_span);
            derived.stand_in(resource_type(address), address_span);
            derived.stand_in(" ", address_span);
            derived.copy(input, address_span);
            // What the resource lets in from the whole internet, read from its attribute block,
            // as the arguments `--cidr` and `--port` of the CLI's own security group commands.
            if verb != "destroy" {
                if let Some(open) = open_ingress(&lines[at + 1..]) {
                    derived.stand_in(" --cidr ", open.source);
                    derived.copy(input, open.source);
                    for (port, end) in open.ports {
                        derived.stand_in(" --port ", port);
                        derived.copy(input, port);
                        if let Some(end) = end {
                            derived.stand_in("-", end);
                            derived.copy(input, end);
                        }
                    }
                }
            }
            // A safety setting the change switches off or cuts short, as the argument
            // `--weakens` and the changed line.
            if verb != "destroy" {
                if let Some([key, old, new]) = weakened_safety(&lines[at + 1..]) {
                    derived.stand_in(" --weakens ", key);
                    derived.copy(input, key);
                    derived.stand_in(" ", old);
                    derived.copy(input, old);
                    derived.stand_in(" ", new);
                    derived.copy(input, new);
                }
            }
            // The verb phrase follows as a comment, so the step reads on to it.
            derived.stand_in(" # ", Span::new(verb_span.start, verb_span.start));
            derived.copy(input, verb_span);
            derived.stand_in("\n```\n", Span::new(verb_span.end, verb_span.end));
            found += 1;
        } else if trimmed.starts_with("Plan: ") && trimmed.contains(" to destroy") {
            summary = Some(Span::new(start + lead, start + lead + trimmed.len()));
        }
    }
    if found == 0 {
        let span = summary?;
        let text = span.slice(input);
        let destroys: usize = text
            .split(", ")
            .find(|part| part.contains("to destroy"))
            .and_then(|part| part.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let replaces = text.contains("to replace") || text.contains("must be replaced");
        let verb = if destroys > 0 || replaces {
            "destroy-unlisted"
        } else {
            "update-unlisted"
        };
        derived.stand_in("```sh\n@resource ", Span::new(span.start, span.start));
        derived.stand_in(verb, span);
        derived.stand_in(" plan ", span);
        derived.copy(input, span);
        derived.stand_in("\n```\n", Span::new(span.end, span.end));
    }
    Some(derived)
}

/// The first changed attribute in a resource's block (up to the next change's header) that
/// switches a safety setting off or cuts a retention short: logging, deletion protection, key
/// rotation or versioning turned off; final snapshots skipped or non-empty deletes forced on;
/// fewer days kept of logs, backups or versions. Returns the spans of the attribute's name, its
/// old value and its new value.
fn weakened_safety(lines: &[(usize, &str)]) -> Option<[Span; 3]> {
    const OFF_WHEN_FALSE: Words = words![
        "enable_logging",
        "deletion_protection",
        "deletion_protection_enabled",
        "enable_deletion_protection",
        "enable_key_rotation",
        "mfa_delete"
    ];
    const OFF_WHEN_TRUE: &[&str] = &["skip_final_snapshot", "force_destroy"];
    for &(start, line) in lines {
        let trimmed = line.trim();
        if ends_block(trimmed) {
            break;
        }
        let Some(attribute) = trimmed.strip_prefix('~') else {
            continue;
        };
        let Some((key, change)) = attribute.split_once('=') else {
            continue;
        };
        let Some((old, new)) = change.split_once("->") else {
            continue;
        };
        let (key, old, new) = (
            key.trim(),
            old.trim().trim_matches('"'),
            new.split('#').next().unwrap_or("").trim().trim_matches('"'),
        );
        let span = |part: &str| {
            let at = start + offset_in(line, part);
            Span::new(at, at + part.len())
        };
        let weakened = (OFF_WHEN_FALSE.contains(&key) && old == "true" && new == "false")
            || (OFF_WHEN_TRUE.contains(&key) && old == "false" && new == "true")
            || (key == "status" && old == "Enabled" && matches!(new, "Suspended" | "Disabled"))
            || ((key.contains("retention") || key.ends_with("days")) && fewer(old, new));
        if weakened && !key.is_empty() && !old.is_empty() && !new.is_empty() {
            return Some([span(key), span(old), span(new)]);
        }
    }
    None
}

/// Whether `new` is a smaller whole number than `old`, both written in digits: compared as
/// text, which needs no number parser in the page.
fn fewer(old: &str, new: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (old, new) = (old.trim_start_matches('0'), new.trim_start_matches('0'));
    digits(old) && (new.is_empty() || digits(new)) && (new.len(), new) < (old.len(), old)
}

/// Whether a line ends a resource's attribute block: the next change's header or the plan's
/// summary. A note inside the block ("# (2 unchanged attributes hidden)") does not.
fn ends_block(trimmed: &str) -> bool {
    trimmed.starts_with("Plan: ")
        || trimmed.starts_with("# ") && VERBS.iter().any(|(text, _)| trimmed.contains(text))
}

/// A changed value reads `old -> new`: the new one is what counts.
fn new_value(text: &str) -> &str {
    text.split_once("->").map_or(text, |(_, new)| new)
}

/// Where `part` (a slice of `line`) starts in it.
fn offset_in(line: &str, part: &str) -> usize {
    part.as_ptr() as usize - line.as_ptr() as usize
}

/// A source that is every address in an attribute line: `0.0.0.0/0`, `::/0`, and Azure's `*`
/// and `Internet` for a rule's source prefix.
fn open_source(line: &str) -> Option<&str> {
    let value = new_value(line);
    let azure = line.contains("source_address_prefix");
    words!["0.0.0.0/0", "::/0", "\"*\"", "\"Internet\""]
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 2 || azure)
        .find_map(|(_, open)| {
            let at = value.find(open)?;
            Some(value[at..at + open.len()].trim_matches('"'))
        })
}

/// Where a resource's attribute block lets the whole internet in: the first open source in
/// an added or changed line that is not about outbound traffic, and the ports it opens (a
/// range as its first and last port, written `from-to`, which no rule reads as a web port).
struct OpenIngress {
    source: Span,
    ports: Vec<(Span, Option<Span>)>,
}

/// Reads a resource's attribute block (its lines up to the next change's header) for a source
/// open to the whole internet. Egress rules, blocks and `direction = "Outbound"` are outbound
/// and allowed everywhere by default, so an open address there opens nothing.
fn open_ingress(lines: &[(usize, &str)]) -> Option<OpenIngress> {
    let mut source = None;
    // Each port's text and span, and where a range ends.
    let mut ports: Vec<(&str, Span, Option<Span>)> = Vec::new();
    // A nested `egress` block and its indentation, while the lines are inside it.
    let mut egress_block: Option<usize> = None;
    for &(start, line) in lines {
        let trimmed = line.trim();
        if ends_block(trimmed) {
            break;
        }
        let indent = line.len() - line.trim_start().len();
        let attribute = trimmed.trim_start_matches(&['+', '~', '-', ' '][..]);
        if egress_block.is_some_and(|open_at| {
            indent <= open_at && !attribute.starts_with(&[']', '}', '{'][..])
        }) {
            egress_block = None;
        }
        if attribute.starts_with("egress") {
            egress_block = Some(indent);
            continue;
        }
        // An attribute's new value, unquoted, as a slice of the line.
        let value = |key: &str| {
            let rest = attribute
                .strip_prefix(key)?
                .trim_start()
                .strip_prefix('=')?;
            Some(new_value(rest).trim().trim_matches('"'))
        };
        let direction = value("type").or_else(|| value("direction")).unwrap_or("");
        if ["egress", "Outbound", "EGRESS"]
            .iter()
            .any(|out| direction.contains(out))
        {
            return None;
        }
        if !trimmed.starts_with(&['+', '~'][..]) || egress_block.is_some() {
            continue;
        }
        let span = |part: &str| {
            let at = start + offset_in(line, part);
            Span::new(at, at + part.len())
        };
        if source.is_none() {
            source = open_source(line).map(span);
        }
        // A port is a number, or a range written as two attributes.
        let opening = ["from_port", "port_range", "destination_port_range"];
        if let Some(port) = opening
            .iter()
            .find_map(|key| value(key))
            .filter(|p| !p.is_empty())
        {
            ports.push((port, span(port), None));
        }
        if let (Some(to), Some((from, _, end))) = (value("to_port"), ports.last_mut()) {
            if !to.is_empty() && to != *from {
                *end = Some(span(to));
            }
        }
    }
    let ports = ports
        .into_iter()
        .map(|(_, port, end)| (port, end))
        .collect();
    Some(OpenIngress {
        source: source?,
        ports,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blanks between `#` and the address (a plan's own spacing, or controls read as blanks)
    /// do not shift the address: its span is its bytes (found by fuzzing).
    #[test]
    fn the_address_span_skips_blanks_after_the_hash() {
        let plan = "  #    module.db.aws_db_instance.m\u{e9}in will be destroyed\n";
        let derived = rewrite(plan).expect("a change line");
        let address = "module.db.aws_db_instance.m\u{e9}in";
        let at = derived.text.find(address).expect("the address is copied");
        let mapped = derived.map(Span::new(at, at + address.len()));
        assert_eq!(plan.get(mapped.start..mapped.end), Some(address));
    }

    #[test]
    fn resource_lines_become_steps_mapped_to_the_plan() {
        let plan = "Terraform will perform the following actions:\n\n  # module.db.aws_db_instance.main will be destroyed\n  - resource \"aws_db_instance\" \"main\" {\n\nPlan: 0 to add, 0 to change, 1 to destroy.\n";
        let derived = rewrite(plan).expect("a plan");
        assert!(derived
            .text
            .contains("@resource destroy aws_db_instance module.db.aws_db_instance.main"));
        let at = derived.text.find("destroy").unwrap_or(0);
        assert_eq!(
            derived.map(Span::new(at, at + 7)).slice(plan),
            "will be destroyed"
        );
    }

    #[test]
    fn other_text_is_not_a_plan() {
        assert!(rewrite("1. Delete the stack\n# a heading").is_none());
    }
}
