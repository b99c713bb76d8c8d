//! Training progress that survives a reload, and the session's results as a CSV file.
//!
//! Local storage keeps exercise ids, decisions and whether facilitator mode is on: never a
//! plan's text, nor a trainer's texts from a link (a built exercise is kept as `custom`). The
//! format is a few readable lines, so a person who looks in the browser's storage sees what is
//! kept; reading never fails, and a line it does not understand is skipped.
//!
//! ```text
//! training 1
//! facilitator
//! done kiro-delete-recreate pper ppee
//! current gitlab-wrong-host p--
//! ```
//!
//! `done` is an exercise revealed: its id, then one letter per step for the choice (`-` for
//! none) and one for the tool's decision. `current` is the library exercise under way, with its
//! choices so far.

use super::{library, Outcome, Session};
use approval_risk_engine::words::Join;
use approval_risk_engine::Decision;

/// The local storage key.
pub const KEY: &str = "approval-risk-training";
const HEADER: &str = "training 1";
/// The id under which an exercise made from a plan is kept: its plan is not.
const CUSTOM: &str = "custom";

/// What saved progress holds.
#[derive(Debug, Default, PartialEq)]
pub struct Progress {
    pub facilitator: bool,
    pub results: Vec<Outcome>,
    pub current: Option<(&'static library::Exercise, Vec<Option<Decision>>)>,
}

// The code below is written with loops and `push_str` rather than `format!`, iterator
// adapters and `collect`: each of those costs code in the page's download, and this first
// version cost 1.6 KB of gzip where the loops cost a third of that.

/// A decision as one letter: its name's first (`p`, `r`, `e`, `b`), or `-` for no choice.
fn letter(decision: Option<Decision>) -> char {
    decision.map_or('-', |decision| char::from(decision.as_str().as_bytes()[0]))
}

/// The decisions a word of letters spells, or `None` if any letter is not one.
fn decisions(word: &str) -> Option<Vec<Option<Decision>>> {
    let mut out = Vec::new();
    for letter_read in word.chars() {
        out.push(match letter_read {
            '-' => None,
            _ => Some(
                *Decision::ALL
                    .iter()
                    .find(|&&decision| letter(Some(decision)) == letter_read)?,
            ),
        });
    }
    Some(out)
}

fn push_letters(out: &mut String, decisions: &[Option<Decision>]) {
    out.push(' ');
    for &decision in decisions {
        out.push(letter(decision));
    }
}

/// The session as saved progress.
pub fn write(session: &Session) -> String {
    let mut out = String::from(HEADER);
    if session.facilitator {
        out.push_str("\nfacilitator");
    }
    for outcome in &session.results {
        out.push_str("\ndone ");
        out.push_str(outcome.id.unwrap_or(CUSTOM));
        push_letters(&mut out, &outcome.picks);
        out.push(' ');
        for &decision in &outcome.tool {
            out.push(letter(Some(decision)));
        }
    }
    // The exercise under way, or the one a reload interrupted and that is not reopened yet.
    let current = match (&session.round, &session.resume) {
        (Some(round), _) if !round.revealed() => round.lesson.id().zip(Some(&round.choices)),
        (None, Some((exercise, choices))) => Some((exercise.id, choices)),
        _ => None,
    };
    if let Some((id, choices)) = current {
        out.push_str("\ncurrent ");
        out.push_str(id);
        push_letters(&mut out, choices);
    }
    out
}

/// An exercise revealed, from the fields of its `done` line.
fn outcome(id: &str, picks: &str, tool: &str) -> Option<Outcome> {
    let id = match id {
        CUSTOM => None,
        id => Some(library::find(id)?.id),
    };
    let picks = decisions(picks)?;
    let mut decided = Vec::new();
    for decision in decisions(tool)? {
        decided.push(decision?);
    }
    (decided.len() == picks.len()).then_some(Outcome {
        id,
        picks,
        tool: decided,
    })
}

/// Saved progress read back. Anything else (another version, a damaged line, an id no longer
/// in the library) is left out rather than guessed at.
pub fn read(text: &str) -> Progress {
    let mut progress = Progress::default();
    let mut lines = text.split('\n');
    if lines.next() != Some(HEADER) {
        return progress;
    }
    for line in lines {
        let mut fields = line.split(' ');
        let kind = fields.next().unwrap_or_default();
        let id = fields.next().unwrap_or_default();
        let (first, second) = (fields.next(), fields.next());
        if fields.next().is_some() {
            continue;
        }
        match (kind, first, second) {
            ("facilitator", None, None) if id.is_empty() => progress.facilitator = true,
            ("done", Some(picks), Some(tool)) => {
                progress.results.extend(outcome(id, picks, tool));
            }
            ("current", Some(choices), None) => {
                if let (Some(exercise), Some(choices)) = (library::find(id), decisions(choices)) {
                    progress.current = Some((exercise, choices));
                }
            }
            _ => {}
        }
    }
    progress
}

/// A CSV field, quoted (titles hold commas and quotes).
fn field(text: &str) -> String {
    let mut out = String::from('"');
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
    out
}

/// The session's results as CSV, one row per judged step: which exercise, the step, the choice
/// (the room's, in facilitator mode; empty when nobody chose), the tool's decision and how they
/// compare. A spreadsheet totals it as the page does.
pub fn csv(session: &Session) -> String {
    let mut out = String::from("round,exercise,title,step,choice,tool,call\n");
    for (round, outcome) in (1..).zip(&session.results) {
        let title = outcome
            .id
            .and_then(library::find)
            .map_or("Exercise made from a plan", |exercise| exercise.title);
        for (step, (pick, tool)) in (1..).zip(outcome.picks.iter().zip(&outcome.tool)) {
            let row: [&str; 7] = [
                &round.to_string(),
                outcome.id.unwrap_or(CUSTOM),
                &field(title),
                &step.to_string(),
                pick.map_or("", Decision::as_str),
                tool.as_str(),
                pick.map_or("", |pick| super::Call::of(pick, *tool).as_str()),
            ];
            out.push_str(&row.joined(","));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{Framing, Shared};
    use crate::training::{Lesson, Move, Score};
    use approval_risk_engine::{Context, Decision::Escalate, Decision::Proceed};
    use std::rc::Rc;
    use yew::Reducible;

    /// Plays `lesson` choosing `pick` for every step.
    fn play(session: Rc<Session>, lesson: Lesson, pick: Decision) -> Rc<Session> {
        let mut session = session.reduce(Move::Start(lesson));
        let steps = session
            .round
            .as_ref()
            .map_or(0, |round| round.choices.len());
        for step in 1..=steps {
            session = session.reduce(Move::Choose {
                step,
                decision: pick,
            });
        }
        session.reduce(Move::Reveal)
    }

    fn incident(id: &str) -> Lesson {
        Lesson::Incident(library::find(id).expect("in the library"))
    }

    const SECRET_PLAN: &str = "1. Run `psql -c 'DROP TABLE payroll_2026'`.\n2. Tell Dana.\n";

    fn custom() -> Lesson {
        Lesson::Built(Rc::new(Shared {
            plan: SECRET_PLAN.to_string(),
            context: Context::default(),
            format: None,
            exercise: true,
            framing: Framing {
                title: "Payroll cleanup".to_string(),
                note: "Dana owns payroll".to_string(),
                ..Framing::default()
            },
        }))
    }

    #[test]
    fn progress_comes_back_after_a_reload_with_the_same_score() {
        let session = Rc::new(Session::default()).reduce(Move::Facilitate(true));
        let session = session.reduce(Move::Facilitate(false));
        let session = play(session, incident("kiro-delete-recreate"), Proceed);
        let session = play(session, custom(), Escalate);
        let session = session
            .reduce(Move::Start(incident("gitlab-wrong-host")))
            .reduce(Move::Choose {
                step: 2,
                decision: Escalate,
            });
        let saved = write(&session);
        let progress = read(&saved);
        let current = progress.current.clone();
        let restored = Session::restored(progress);
        assert_eq!(restored.total, session.total);
        assert_eq!(restored.rounds, 2);
        assert_eq!(restored.done, vec!["kiro-delete-recreate"]);
        assert_eq!(restored.results, session.results);
        assert!(!restored.facilitator);
        assert_eq!(restored.resume, current, "to reopen after the first paint");
        assert_eq!(
            read(&write(&restored)).current,
            current,
            "saved again before it is reopened, it is not lost"
        );
        let (exercise, choices) = current.expect("the exercise under way");
        assert_eq!(exercise.id, "gitlab-wrong-host");
        assert_eq!(choices[1], Some(Escalate));
        assert_eq!(choices[0], None);
        assert!(read(&write(&session.reduce(Move::Facilitate(true)))).facilitator);
    }

    #[test]
    fn progress_keeps_ids_and_decisions_never_a_plan_or_a_trainers_text() {
        let session = play(Rc::new(Session::default()), custom(), Escalate);
        let session = play(session, incident("secret-in-commit"), Proceed);
        let saved = write(&session);
        for secret in [
            "payroll",
            "DROP",
            "Dana",
            "Payroll cleanup",
            "config/settings.py",
        ] {
            assert!(!saved.contains(secret), "{secret} kept in {saved:?}");
        }
        assert!(saved.contains("done custom "), "{saved}");
        assert!(saved.contains("done secret-in-commit "), "{saved}");
    }

    #[test]
    fn damaged_or_foreign_progress_is_left_out_not_guessed() {
        assert_eq!(read(""), Progress::default());
        assert_eq!(read("training 9\nfacilitator"), Progress::default());
        let progress = read(
            "training 1\ndone no-such-id pp pp\ndone kiro-delete-recreate px pp\n\
             done kiro-delete-recreate pp p\ndone kiro-delete-recreate p- p-\n\
             current no-such-id p\nsomething else\ndone custom -e pe",
        );
        assert_eq!(progress.results.len(), 1, "{progress:?}");
        assert_eq!(progress.results[0].id, None);
        assert_eq!(progress.results[0].picks, vec![None, Some(Escalate)]);
        assert_eq!(progress.current, None);
        assert!(!progress.facilitator);
    }

    #[test]
    fn the_export_has_one_row_per_step_with_the_call() {
        let session = play(
            Rc::new(Session::default()),
            incident("kiro-delete-recreate"),
            Proceed,
        );
        let outcome = &session.results[0];
        let text = csv(&session);
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("round,exercise,title,step,choice,tool,call")
        );
        let rows: Vec<&str> = lines.collect();
        assert_eq!(rows.len(), outcome.tool.len());
        assert!(
            rows[0].starts_with(
                "1,kiro-delete-recreate,\"Fix a bug by recreating the environment\",1,proceed,"
            ),
            "{}",
            rows[0]
        );
        let missed = rows.iter().filter(|row| row.ends_with(",missed")).count();
        assert_eq!(missed, outcome.score().missed);
        assert!(missed >= 1, "the Kiro plan has a step to escalate");
        assert_eq!(csv(&Session::default()).lines().count(), 1, "a header only");
        assert_eq!(Score::of(&outcome.picks, &outcome.tool), session.total);
    }
}
