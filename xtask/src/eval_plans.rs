//! The plan half of `cargo xtask eval`: multi-step plans in `eval/plans/`, each with a sidecar
//! `.expect` file written before the engine ran on it (the decision a careful senior approver
//! makes for every step, and the neighbours they would also accept). Reports, per plan and in
//! total, how many steps the engine decided exactly, acceptably, too laxly and too strictly,
//! and whether the plan's verdict matches.
//!
//! Steps are matched by line, not by number: an expectation `L7:` covers every step the engine
//! finds from line 7 up to the next expectation's line, and the highest of their decisions is
//! compared. So a plan step the engine splits in two (a fenced block of three commands) is
//! still judged as one, and a difference in numbering never shifts every later step. The other
//! way round, expectations written line by line for what the engine reads as one step (a list
//! item and the fenced block under it) are judged once, by the strictest of them.

use approval_risk_engine::{assess, Context, Credentials, Decision, Options, Target};
use std::path::{Path, PathBuf};

/// One step's expectation.
struct Expected {
    line: usize,
    /// The decision the approver wrote first, then the ones they would also accept.
    accepted: Vec<Decision>,
    why: String,
}

struct Expectations {
    context: Context,
    verdict: Decision,
    steps: Vec<Expected>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Grade {
    Exact,
    Acceptable,
    TooLax,
    TooStrict,
}

/// Reads an `.expect` file; errors name the file and line.
fn read_expectations(path: &Path) -> Result<Expectations, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let at = |n: usize, what: &str| format!("{}:{}: {what}", path.display(), n + 1);
    let decision = |n: usize, word: &str| {
        Decision::parse(word).ok_or_else(|| at(n, &format!("`{word}` is not a decision")))
    };
    let mut expectations = Expectations {
        context: Context::default(),
        verdict: Decision::Proceed,
        steps: Vec::new(),
    };
    let mut verdict = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line
            .split_once(':')
            .ok_or_else(|| at(n, "expected `key: value`"))?;
        let rest = rest.trim();
        match key {
            "context" => {
                for pair in rest.split_whitespace() {
                    let (name, value) = pair
                        .split_once('=')
                        .ok_or_else(|| at(n, "context entries are name=value"))?;
                    let context = &mut expectations.context;
                    match name {
                        "target" => {
                            context.target = Target::parse(value)
                                .ok_or_else(|| at(n, &format!("unknown target `{value}`")))?
                        }
                        "credentials" => {
                            context.credentials = Credentials::parse(value)
                                .ok_or_else(|| at(n, &format!("unknown credentials `{value}`")))?
                        }
                        "freeze" => context.change_freeze = value == "yes",
                        other => return Err(at(n, &format!("unknown context entry `{other}`"))),
                    }
                }
            }
            "verdict" => verdict = Some(decision(n, rest)?),
            _ if key.starts_with('L') => {
                let line_number: usize = key[1..]
                    .parse()
                    .map_err(|_| at(n, "a step row starts with L and a line number"))?;
                let (decisions, why) = rest.split_once("--").unwrap_or((rest, ""));
                let accepted = decisions
                    .split_whitespace()
                    .map(|word| decision(n, word))
                    .collect::<Result<Vec<_>, _>>()?;
                if accepted.is_empty() {
                    return Err(at(n, "a step row needs a decision"));
                }
                if expectations
                    .steps
                    .last()
                    .is_some_and(|last| last.line >= line_number)
                {
                    return Err(at(n, "step rows must go down the file"));
                }
                expectations.steps.push(Expected {
                    line: line_number,
                    accepted,
                    why: why.trim().to_string(),
                });
            }
            other => return Err(at(n, &format!("unknown key `{other}`"))),
        }
    }
    expectations.verdict = verdict.ok_or_else(|| format!("{}: no `verdict:`", path.display()))?;
    Ok(expectations)
}

fn grade(got: Decision, accepted: &[Decision]) -> Grade {
    let low = accepted.iter().min().copied().unwrap_or(Decision::Proceed);
    let high = accepted.iter().max().copied().unwrap_or(Decision::Block);
    if accepted.first() == Some(&got) {
        Grade::Exact
    } else if got < low {
        Grade::TooLax
    } else if got > high {
        Grade::TooStrict
    } else {
        Grade::Acceptable
    }
}

/// A step's first line, shortened, for the listing.
fn first_line(text: &str, line: usize) -> String {
    let shown = text
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .trim();
    if shown.chars().count() > 90 {
        format!("{}…", shown.chars().take(89).collect::<String>())
    } else {
        shown.to_string()
    }
}

/// Runs every plan in `dir` against its expectations and prints the report.
pub fn run(dir: &Path) -> Result<(), String> {
    let mut plans: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x != "expect"))
        .filter(|p| p.with_extension("expect").exists())
        .collect();
    plans.sort();
    println!("\n## Plans with expectations ({})\n", dir.display());
    println!("| plan | steps | exact | acceptable | too lax | too strict | verdict (expected) |");
    println!("|---|---|---|---|---|---|---|");
    let mut totals = [0usize; 4];
    let mut verdicts_right = 0;
    let mut plans_right = 0;
    let mut listing = Vec::new();
    // Words in the explanation and the headline of every escalate and block card (issue 13:
    // median explanation at most ~60 words, headline at most 30).
    let mut explained: Vec<usize> = Vec::new();
    let mut headlined: Vec<usize> = Vec::new();
    for plan in &plans {
        let text = std::fs::read_to_string(plan)
            .map_err(|e| format!("cannot read {}: {e}", plan.display()))?;
        let expectations = read_expectations(&plan.with_extension("expect"))?;
        let options = Options {
            context: expectations.context,
            ..Options::default()
        };
        let assessment = assess(&text, &options);
        for step in assessment
            .steps
            .iter()
            .filter(|s| s.decision >= Decision::Escalate)
        {
            explained.push(step.explanation.split_whitespace().count());
            headlined.push(step.headline.split_whitespace().count());
        }
        let mut counts = [0usize; 4];
        let last_line =
            |s: &approval_risk_engine::StepReport| s.line + s.text.matches('\n').count();
        let container = |line: usize| {
            assessment
                .steps
                .iter()
                .position(|s| s.line <= line && line <= last_line(s))
        };
        // The step that holds each expectation's line is that expectation's, even when it
        // starts a line or two before it (a transcript's tool call opens at its `{`, the
        // expectation names its `"type"` line): it is not also the step before's.
        let homes: Vec<usize> = expectations
            .steps
            .iter()
            .filter_map(|e| container(e.line))
            .collect();
        let mut k = 0;
        while k < expectations.steps.len() {
            // Consecutive expectations inside one engine step are judged once, by the
            // strictest of them.
            let mut expected = &expectations.steps[k];
            let home = container(expected.line);
            while home.is_some()
                && expectations
                    .steps
                    .get(k + 1)
                    .is_some_and(|next| container(next.line) == home)
            {
                k += 1;
                let next = &expectations.steps[k];
                if next.accepted.first() > expected.accepted.first() {
                    expected = next;
                }
            }
            let until = expectations
                .steps
                .get(k + 1)
                .map_or(usize::MAX, |next| next.line);
            k += 1;
            let covered: Vec<_> = assessment
                .steps
                .iter()
                .enumerate()
                .filter(|(i, s)| {
                    let in_range = s.line >= expected.line && s.line < until;
                    (in_range && !homes.contains(i)) || Some(*i) == home
                })
                .map(|(_, s)| s)
                .collect();
            // A step the engine did not find at all is one it let through.
            let got = covered
                .iter()
                .map(|s| s.decision)
                .max()
                .unwrap_or(Decision::Proceed);
            let graded = grade(got, &expected.accepted);
            counts[graded as usize] += 1;
            if matches!(graded, Grade::TooLax | Grade::TooStrict) {
                let rules: Vec<&str> = covered
                    .iter()
                    .flat_map(|s| s.findings.iter().map(|f| f.rule.as_str()))
                    .collect();
                listing.push(format!(
                    "  {} {}:L{}  got {} want {}  `{}`  [{}]  -- {}",
                    if graded == Grade::TooLax {
                        "LAX   "
                    } else {
                        "STRICT"
                    },
                    plan.file_name().unwrap_or_default().to_string_lossy(),
                    expected.line,
                    got.as_str(),
                    expected
                        .accepted
                        .iter()
                        .map(|d| d.as_str())
                        .collect::<Vec<_>>()
                        .join("|"),
                    first_line(&text, expected.line),
                    rules.join(", "),
                    expected.why
                ));
            }
        }
        let verdict_right = assessment.verdict == expectations.verdict;
        verdicts_right += usize::from(verdict_right);
        plans_right += usize::from(verdict_right && counts[2] == 0 && counts[3] == 0);
        for (total, count) in totals.iter_mut().zip(counts) {
            *total += count;
        }
        println!(
            "| {} | {} | {} | {} | {} | {} | {}{} |",
            plan.file_name().unwrap_or_default().to_string_lossy(),
            counts.iter().sum::<usize>(),
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            assessment.verdict.as_str(),
            if verdict_right {
                String::new()
            } else {
                format!(" ({})", expectations.verdict.as_str())
            }
        );
    }
    let steps: usize = totals.iter().sum();
    let share = |n: usize| 100.0 * n as f64 / steps.max(1) as f64;
    println!(
        "\n{} plans, {steps} steps: exact {} ({:.1}%), acceptable {} ({:.1}%), too lax {} ({:.1}%), too strict {} ({:.1}%); within the acceptable decisions {:.1}%; plan verdicts right {}/{}; plans fully right {}/{}",
        plans.len(),
        totals[0],
        share(totals[0]),
        totals[1],
        share(totals[1]),
        totals[2],
        share(totals[2]),
        totals[3],
        share(totals[3]),
        share(totals[0] + totals[1]),
        verdicts_right,
        plans.len(),
        plans_right,
        plans.len()
    );
    let centile = |list: &mut Vec<usize>, p: usize| {
        list.sort_unstable();
        list.get((list.len() * p / 100).min(list.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };
    println!(
        "Escalate and block cards: {}; explanation words median {}, 90th percentile {}, longest {}; headline words median {}, longest {}",
        explained.len(),
        centile(&mut explained, 50),
        centile(&mut explained, 90),
        explained.last().copied().unwrap_or(0),
        centile(&mut headlined, 50),
        headlined.last().copied().unwrap_or(0)
    );
    if !listing.is_empty() {
        println!("\nSteps outside the acceptable decisions:");
        for line in listing {
            println!("{line}");
        }
    }
    Ok(())
}
