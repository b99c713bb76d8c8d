//! The examples in `docs/integrations.md` are run: every hook payload there is piped through the
//! binary and its answer compared with the reply shown after it, the install snippet is what
//! `hook install` prints, and every other JSON block on the page parses.
//!
//! Blocks are marked by words after the fence's language, which Markdown viewers ignore:
//! ```` ```json hook=AGENT ```` (a payload), ```` ```json reply=AGENT ```` (the answer on
//! stdout, empty for none), ```` ```text refused=AGENT ```` (the line on stderr, with exit 2),
//! ```` ```json install=claude-code ```` (the printed snippet).

// A failing test says what it saw through `panic!` with the output attached.
#![allow(clippy::panic)]

mod common;

use common::{repo_root, run};
use serde_json::Value;

struct Block {
    info: String,
    body: String,
}

fn blocks() -> Vec<Block> {
    let text = std::fs::read_to_string(repo_root().join("docs/integrations.md"))
        .expect("docs/integrations.md is read");
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for line in text.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some(Block {
                    info: info.trim().to_string(),
                    body: String::new(),
                })
            }
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some(block), _) => {
                block.body.push_str(line);
                block.body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

fn tag<'a>(block: &'a Block, key: &str) -> Option<&'a str> {
    block
        .info
        .split_whitespace()
        .find_map(|word| word.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn every_hook_example_gets_the_answer_the_page_shows() {
    let blocks = blocks();
    let mut checked = 0;
    for (at, block) in blocks.iter().enumerate() {
        let Some(agent) = tag(block, "hook") else {
            continue;
        };
        let answer = blocks
            .get(at + 1)
            .unwrap_or_else(|| panic!("the {agent} example has no answer after it"));
        let payload = block.body.trim_end();
        let result = run(&["hook", "--agent", agent], payload.as_bytes());
        if let Some(shown) = tag(answer, "reply") {
            assert_eq!(shown, agent, "reply to another agent after {payload}");
            assert_eq!(result.status, 0, "{payload}: {}", result.stderr);
            let expected = answer.body.trim();
            if expected.is_empty() {
                assert!(result.stdout.is_empty(), "{payload}: {}", result.stdout);
            } else {
                let expected: Value = serde_json::from_str(expected).expect("the reply is JSON");
                let actual: Value = serde_json::from_str(&result.stdout)
                    .unwrap_or_else(|e| panic!("{e}: {}", result.stdout));
                assert_eq!(
                    actual, expected,
                    "the page shows another answer to {payload}"
                );
            }
        } else if let Some(shown) = tag(answer, "refused") {
            assert_eq!(shown, agent);
            assert_eq!(result.status, 2, "{payload}");
            assert_eq!(result.stderr.trim(), answer.body.trim());
        } else {
            panic!(
                "the {agent} example is followed by `{}`, not a reply",
                answer.info
            );
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} hook examples found");
}

#[test]
fn the_install_snippet_is_what_hook_install_prints() {
    let blocks = blocks();
    let snippet = blocks
        .iter()
        .find(|block| tag(block, "install") == Some("claude-code"))
        .expect("the page shows the Claude Code snippet");
    let printed = run(&["hook", "install", "--agent", "claude-code"], b"");
    assert_eq!(printed.status, 0);
    assert_eq!(printed.stdout, snippet.body);
}

#[test]
fn every_other_json_example_parses() {
    let mut parsed = 0;
    for block in blocks() {
        if block.info != "json" {
            continue;
        }
        serde_json::from_str::<Value>(&block.body)
            .unwrap_or_else(|error| panic!("{error} in:\n{}", block.body));
        parsed += 1;
    }
    assert!(parsed >= 5, "only {parsed} settings examples found");
}
