//! `terraform plan` (and OpenTofu) text output, rewritten as one step per resource change in a
//! derived Markdown plan: `# aws_db_instance.main will be destroyed` becomes the step
//! `@resource destroy aws_db_instance aws_db_instance.main`, every word mapped to the line.
//! When only the summary line (`Plan: 1 to add, 0 to change, 2 to destroy.`) is present, it is
//! the step.

use crate::derived::Derived;
use crate::span::Span;

const VERBS: &[(&str, &str)] = &[
    ("will be destroyed", "destroy"),
    ("must be replaced", "replace"),
    ("will be replaced", "replace"),
    ("will be updated in-place", "update"),
    ("will be created", "create"),
];

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

/// A source that is every address: `0.0.0.0/0`, `::/0`, and Azure's `*` and `Internet` for a
/// rule's source prefix.
fn open_source(line: &str) -> Option<(usize, usize)> {
    // A changed value reads `old -> new`: the new one is what counts.
    let from = line.rfind("->").map_or(0, |at| at + 2);
    let value = &line[from..];
    for cidr in ["0.0.0.0/0", "::/0"] {
        if let Some(at) = value.find(cidr) {
            return Some((from + at, from + at + cidr.len()));
        }
    }
    if line.contains("source_address_prefix") {
        for word in ["\"*\"", "\"Internet\""] {
            if let Some(at) = value.find(word) {
                return Some((from + at + 1, from + at + word.len() - 1));
            }
        }
    }
    None
}

/// Where a resource's attribute block lets the whole internet in: the first open source in
/// an added or changed line that is not about outbound traffic, and the ports it opens (a
/// range as its first and last port, written `from-to`, which no rule reads as a web port).
struct OpenIngress {
    source: Span,
    ports: Vec<(Span, Option<Span>)>,
}

/// The text of a span that lies inside one of these lines.
fn lines_slice<'a>(lines: &[(usize, &'a str)], span: Span) -> Option<&'a str> {
    let &(start, line) = lines
        .iter()
        .find(|(start, line)| *start <= span.start && span.end <= start + line.len())?;
    line.get(span.start - start..span.end - start)
}

/// Reads a resource's attribute block (its lines up to the next change header) for a source
/// open to the whole internet. Egress rules, blocks and `direction = "Outbound"` are outbound
/// and allowed everywhere by default, so an open address there opens nothing.
fn open_ingress(lines: &[(usize, &str)]) -> Option<OpenIngress> {
    let mut source = None;
    let mut ports = Vec::new();
    let mut outbound_resource = false;
    // A nested `egress` block and its indentation, while the lines are inside it.
    let mut egress_block: Option<usize> = None;
    for &(start, line) in lines {
        let trimmed = line.trim();
        if trimmed.starts_with("# ") || trimmed.starts_with("Plan: ") {
            break;
        }
        let indent = line.len() - line.trim_start().len();
        let attribute = trimmed.trim_start_matches(['+', '~', '-', ' ']);
        if let Some(open_at) = egress_block {
            let closing = attribute.starts_with([']', '}', '{']);
            if indent <= open_at && !closing {
                egress_block = None;
            }
        }
        if attribute.starts_with("egress") {
            egress_block = Some(indent);
            continue;
        }
        let value = |key: &str| {
            attribute
                .strip_prefix(key)
                .filter(|rest| rest.trim_start().starts_with('='))
                .map(|rest| rest.trim_start()[1..].trim())
        };
        if value("type").is_some_and(|v| v.contains("egress"))
            || value("direction").is_some_and(|v| v.contains("Outbound") || v.contains("EGRESS"))
        {
            outbound_resource = true;
        }
        let added = trimmed.starts_with(['+', '~']);
        if !added || egress_block.is_some() {
            continue;
        }
        if source.is_none() {
            if let Some((from, to)) = open_source(line) {
                source = Some(Span::new(start + from, start + to));
            }
        }
        // A port is a number, or a range `from..to` written as two attributes.
        let number = |text: &str| {
            let text = text
                .rsplit("->")
                .next()
                .unwrap_or(text)
                .trim()
                .trim_matches('"');
            let at = line.rfind(text).filter(|_| !text.is_empty())?;
            Some(Span::new(start + at, start + at + text.len()))
        };
        let opening = ["from_port", "port_range", "destination_port_range"];
        if let Some(port) = opening.iter().find_map(|key| value(key)).and_then(number) {
            ports.push((port, None));
        }
        if let Some(to) = value("to_port").and_then(number) {
            if let Some((from, end)) = ports.last_mut() {
                let text = |span: Span| lines_slice(lines, span);
                if text(*from) != text(to) {
                    *end = Some(to);
                }
            }
        }
    }
    if outbound_resource {
        return None;
    }
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
