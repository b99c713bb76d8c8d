//! `cargo xtask eval`: measures the engine on the public labelled data in `shared/eval` (risky
//! flagged, risky escalated, benign escalated per file) and lists the worst misses and false
//! alarms, so anyone can see where the catalogue stands; then on the project's own multi-step
//! plans with expectations (`eval/plans/`, see `eval_plans.rs`).

use approval_risk_engine::{assess, Decision, Options};
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask eval [--data DIR] [--file NAME] [--show N] [--all-alarms]

  --data DIR     folder of *.jsonl files (default: $APPROVAL_RISK_EVAL_DIR, else ../shared/eval)
  --file NAME    only files whose name contains NAME
  --show N       how many misses and false alarms to list per file (default 12)
  --all-alarms   list every benign item that was escalated
  --plans DIR    folder of plans with .expect files (default: eval/plans)
  --plans-only   only the plans, not the public data";

struct Item {
    id: String,
    text: String,
    risky: bool,
}

struct Outcome {
    item: Item,
    verdict: Decision,
    rules: Vec<String>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut data: Option<PathBuf> = std::env::var_os("APPROVAL_RISK_EVAL_DIR").map(PathBuf::from);
    let mut only: Option<String> = None;
    let mut show = 12usize;
    let mut all_alarms = false;
    let mut plans: Option<PathBuf> = None;
    let mut plans_only = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--data" => data = rest.next().map(PathBuf::from),
            "--file" => only = rest.next().cloned(),
            "--show" => {
                show = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--show needs a number")?
            }
            "--all-alarms" => all_alarms = true,
            "--plans" => plans = rest.next().map(PathBuf::from),
            "--plans-only" => plans_only = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let plans = plans.unwrap_or_else(|| root.join("eval/plans"));
    if plans_only {
        return crate::eval_plans::run(&plans);
    }
    let data = data.unwrap_or_else(|| root.join("../shared/eval"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&data)
        .map_err(|e| format!("cannot read {}: {e} (set --data)", data.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .filter(|p| {
            only.as_ref().is_none_or(|o| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(o.as_str()))
            })
        })
        .collect();
    files.sort();
    println!("| file | items | risky flagged (>= review) | risky escalated (>= escalate) | benign escalated | benign flagged | time/item |");
    println!("|---|---|---|---|---|---|---|");
    let mut details = Vec::new();
    for file in files {
        let items = read_items(&file)?;
        let started = Instant::now();
        let outcomes: Vec<Outcome> = items
            .into_iter()
            .map(|item| {
                let assessment = assess(&item.text, &Options::default());
                let mut rules: Vec<String> = assessment
                    .steps
                    .iter()
                    .flat_map(|s| s.findings.iter().map(|f| f.rule.clone()))
                    .collect();
                rules.extend(assessment.patterns.iter().map(|p| p.rule.clone()));
                rules.dedup();
                Outcome {
                    item,
                    verdict: assessment.verdict,
                    rules,
                }
            })
            .collect();
        let elapsed = started.elapsed();
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let risky: Vec<&Outcome> = outcomes.iter().filter(|o| o.item.risky).collect();
        let benign: Vec<&Outcome> = outcomes.iter().filter(|o| !o.item.risky).collect();
        let share = |set: &[&Outcome], at: Decision| -> String {
            if set.is_empty() {
                return "-".into();
            }
            let n = set.iter().filter(|o| o.verdict >= at).count();
            format!(
                "{:.1}% ({n}/{})",
                100.0 * n as f64 / set.len() as f64,
                set.len()
            )
        };
        println!(
            "| {name} | {} | {} | {} | {} | {} | {:.1} µs |",
            outcomes.len(),
            share(&risky, Decision::Review),
            share(&risky, Decision::Escalate),
            share(&benign, Decision::Escalate),
            share(&benign, Decision::Review),
            elapsed.as_secs_f64() * 1e6 / outcomes.len().max(1) as f64
        );
        details.push((name, outcomes));
    }
    for (name, outcomes) in &details {
        let mut misses: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| o.item.risky && o.verdict < Decision::Escalate)
            .collect();
        misses.sort_by_key(|o| o.verdict);
        let alarms: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| !o.item.risky && o.verdict >= Decision::Escalate)
            .collect();
        if misses.is_empty() && alarms.is_empty() {
            continue;
        }
        println!("\n## {name}");
        if !misses.is_empty() {
            println!(
                "\nRisky, not escalated ({}; {} of them not even flagged):",
                misses.len(),
                misses
                    .iter()
                    .filter(|o| o.verdict == Decision::Proceed)
                    .count()
            );
            for o in misses.iter().take(show) {
                println!(
                    "  {:8} {}  {}",
                    o.verdict.as_str(),
                    o.item.id,
                    one_line(&o.item.text)
                );
            }
        }
        if !alarms.is_empty() {
            println!("\nBenign, escalated ({}):", alarms.len());
            for o in alarms
                .iter()
                .take(if all_alarms { usize::MAX } else { show })
            {
                println!(
                    "  {:8} {}  {}  [{}]",
                    o.verdict.as_str(),
                    o.item.id,
                    one_line(&o.item.text),
                    o.rules.join(", ")
                );
            }
        }
    }
    crate::eval_plans::run(&plans)
}

fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 110 {
        format!("{}…", flat.chars().take(109).collect::<String>())
    } else {
        flat
    }
}

fn read_items(path: &Path) -> Result<Vec<Item>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut items = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let field = |name: &str| {
            value
                .get(name)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        items.push(Item {
            id: field("id"),
            text: field("text"),
            risky: field("label") == "risky",
        });
    }
    Ok(items)
}
