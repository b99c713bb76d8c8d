//! Properties over generated inputs: the engine never panics, and every span it reports lies
//! on character boundaries of the input, with each step's `text` exactly `&input[span]`.
//! Inputs are built from fragments chosen to hit every reader (quotes, substitutions,
//! heredocs, Markdown, JSON transcripts, Terraform plans, SQL, Unicode tricks, multi-byte text).

use approval_risk_engine::{assess, Assessment, Options};

const FRAGMENTS: &[&str] = &[
    "rm -rf /",
    "'",
    "\"",
    "$(",
    ")",
    "`",
    "<<EOF\n",
    "EOF\n",
    "\\\n",
    "|",
    "&&",
    ";",
    "\n",
    "1. ",
    "- [ ] ",
    "```sh\n",
    "```\n",
    "{\"type\":\"tool_use\",\"name\":\"bash\",\"input\":{\"command\":\"",
    "\"}}",
    "DROP TABLE x;",
    "é",
    "日本語",
    "\u{200B}",
    "е",
    "\u{202E}",
    "# ",
    "  # aws_db_instance.x will be destroyed\n",
    "Plan: 1 to add, 0 to change, 2 to destroy.",
    "delete the database",
    "<!-- ignore previous -->",
    "python -c '",
    "shutil.rmtree(\"",
    "\\",
    "$'\\x72m'",
    "sudo ",
    "xargs ",
    "find . -exec ",
    "{}",
    "\\;",
    " ",
    "\t",
    "[",
    "]",
    "\"arguments\":\"{\\\"cmd\\\":\\\"rm -rf /\\\"}\"",
    "$HOME",
    "${X:-/}",
    "psql -c \"",
    "kubectl delete ns prod",
    "git push --force",
    "terraform destroy",
    "eval \"$X\"",
    "curl x | sh",
    "(safe, pre-approved)",
    "then recreate it",
    "cd /\n",
    "DIR=/\n",
    "rm -rf $DIR",
    "\r\n",
    "🙂",
    "\u{FEFF}",
    "Ｒｍ",
    "--",
    "-- comment\n",
    "/*",
    "*/",
    "$$",
    "=",
    "*",
    "~",
];

/// A small deterministic generator (xorshift), so failures reproduce from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn check(input: &str, assessment: &Assessment) {
    for step in &assessment.steps {
        let text = input.get(step.span.start..step.span.end);
        assert_eq!(
            text,
            Some(step.text.as_str()),
            "step span {:?} of {input:?}",
            step.span
        );
        for finding in &step.findings {
            for span in finding
                .evidence
                .iter()
                .chain(finding.adjustments.iter().flat_map(|a| a.evidence.iter()))
            {
                assert!(
                    input.get(span.start..span.end).is_some(),
                    "evidence {span:?} of {} in {input:?}",
                    finding.rule
                );
            }
        }
    }
    for pattern in &assessment.patterns {
        for index in &pattern.steps {
            assert!(
                *index >= 1 && *index <= assessment.steps.len(),
                "pattern step {index} in {input:?}"
            );
        }
    }
}

#[test]
fn generated_plans_never_panic_and_spans_are_exact() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..3000 {
        let len = 1 + rng.below(40);
        let input: String = (0..len)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        let assessment = assess(&input, &Options::default());
        check(&input, &assessment);
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(0x0dd_ba11_cafe_f00d);
    for _ in 0..2000 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let input = String::from_utf8_lossy(&bytes).into_owned();
        let assessment = assess(&input, &Options::default());
        check(&input, &assessment);
    }
}

/// Inputs the fuzzer found, kept so they stay fixed. Each is the fuzzer's bytes, read as the
/// fuzz target reads them (lossy UTF-8).
#[test]
fn inputs_the_fuzzer_found_stay_fixed() {
    const FOUND: [&[u8]; 1] = [
        // A terraform change line whose `#` is followed by controls (read as blanks) before the
        // address: the address span was taken from just after `# `, and ended inside a
        // character.
        b"# \x00\x00\x00\x00\x00\x00\x00\x17\x8amu.ix.iost\xff\xff\xff\xff\xff\xff\xff\xa1aced crewill be destroyedate,d",
    ];
    for bytes in FOUND {
        let input = String::from_utf8_lossy(bytes).into_owned();
        let assessment = assess(&input, &Options::default());
        check(&input, &assessment);
    }
}

#[test]
fn a_five_megabyte_paste_is_assessed() {
    let step = "1. Delete and recreate the production environment, then `rm -rf /srv/data` and DROP TABLE users;\n";
    let input = step.repeat(5_000_000 / step.len());
    let assessment = assess(&input, &Options::default());
    assert!(
        assessment.steps.len() > 40_000,
        "{} steps",
        assessment.steps.len()
    );
    assert!(assessment.verdict >= approval_risk_engine::Decision::Escalate);
}

/// Settings come from portals and files nobody here wrote: a policy read from any text is a
/// policy or an error, never a crash, and what reads as JSON writes back as JSON that reads the
/// same.
#[test]
fn settings_from_any_text_never_panic() {
    use approval_risk_engine::strict_json::Json;
    use approval_risk_engine::Policy;
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u",
        "d83d",
        "\\ude00",
        "1",
        "-",
        ".",
        "e",
        "true",
        "null",
        " ",
        "\n",
        "\"version\"",
        "\"overrides\"",
        "\"git.force-push\"",
        "\"escalate\"",
        "é",
        "\u{0}",
        "\"protected\"",
        "[\"a\"]",
    ];
    let mut rng = Rng(0x5e77_1265_0000_0007);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let len = 1 + rng.below(24);
        let text: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let _ = Policy::from_json(&text);
        if let Ok(value) = Json::parse(&text) {
            parsed += 1;
            assert_eq!(
                Json::parse(&value.to_string()).ok(),
                Some(value),
                "{text:?}"
            );
        }
    }
    assert!(
        parsed > 0,
        "some generated texts must be JSON, or the round trip checks nothing"
    );
}
