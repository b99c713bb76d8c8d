//! Training mode, natively: how choices compare, how the score adds up, and the library's
//! promises (stable ids, public sources, plans the engine has something to say about).

use super::*;
use crate::share::Framing;
use approval_risk_engine::Decision::{Block, Escalate, Proceed, Review};

fn session() -> Rc<Session> {
    Rc::new(Session::default())
}

fn play(session: Rc<Session>, lesson: Lesson, pick: impl Fn(Decision) -> Decision) -> Rc<Session> {
    let mut session = session.reduce(Move::Start(lesson));
    let decisions = session.round.as_ref().expect("a round").decisions();
    for (i, decision) in decisions.into_iter().enumerate() {
        session = session.reduce(Move::Choose {
            step: i + 1,
            decision: pick(decision),
        });
    }
    session.reduce(Move::Reveal)
}

fn kiro() -> Lesson {
    Lesson::Incident(library::find("kiro-delete-recreate").expect("in the library"))
}

#[test]
fn a_matching_choice_scores_and_a_lax_one_on_an_escalate_step_is_flagged() {
    assert_eq!(Call::of(Escalate, Escalate), Call::Matched);
    assert_eq!(Call::of(Block, Review), Call::Stricter);
    assert_eq!(Call::of(Proceed, Review), Call::Laxer);
    assert_eq!(Call::of(Proceed, Escalate), Call::Missed);
    assert_eq!(Call::of(Review, Block), Call::Missed);
    assert_eq!(Call::of(Escalate, Block), Call::Missed);

    let score = Score::of(
        &[Some(Proceed), Some(Proceed), Some(Block), Some(Review)],
        &[Proceed, Escalate, Review, Review],
    );
    assert_eq!(
        score,
        Score {
            steps: 4,
            matched: 2,
            stricter: 1,
            laxer: 1,
            missed: 1,
        }
    );
    assert!(!score.full_marks());
    assert_eq!(score.matched_sentence(), "2 of 4 steps matched the tool.");
    assert_eq!(
        score.lax_sentence().as_deref(),
        Some("Less cautious than the tool on 1 step, 1 of them escalated or blocked by the tool.")
    );
}

#[test]
fn being_too_strict_is_not_a_lax_warning() {
    let score = Score::of(&[Some(Block), Some(Escalate)], &[Proceed, Review]);
    assert_eq!(score.matched, 0);
    assert_eq!(score.stricter, 2);
    assert_eq!(score.lax_sentence(), None);
}

#[test]
fn choosing_the_tools_decisions_gives_full_marks_and_the_session_adds_up() {
    let session = play(session(), kiro(), |tool| tool);
    let round = session.round.as_ref().expect("the round stays open");
    let first = round.score.expect("revealed");
    assert!(first.full_marks(), "{first:?}");
    assert_eq!(first.lax_sentence(), None);
    assert_eq!(session.total, first);
    assert_eq!(session.rounds, 1);
    assert_eq!(session.done, vec!["kiro-delete-recreate"]);

    // The same exercise again, approving everything: a lower score, and the escalate step
    // (recreating the production environment) flagged.
    let session = play(session, kiro(), |_| Proceed);
    let second = session
        .round
        .as_ref()
        .and_then(|round| round.score)
        .expect("revealed");
    assert!(second.matched < second.steps, "{second:?}");
    assert!(second.missed >= 1, "{second:?}");
    assert!(second.lax_sentence().is_some());
    assert_eq!(session.total, first.plus(second));
    assert_eq!(session.rounds, 2);
    assert_eq!(session.done, vec!["kiro-delete-recreate"], "listed once");
}

#[test]
fn the_reveal_waits_for_every_step_and_choices_freeze_after_it() {
    let session = session().reduce(Move::Start(kiro()));
    let steps = session.round.as_ref().expect("a round").choices.len();
    assert!(steps >= 2, "the Kiro plan has several steps");
    let session = session.reduce(Move::Choose {
        step: 1,
        decision: Review,
    });
    assert_eq!(session.round.as_ref().and_then(Round::unanswered), Some(2));
    let early = session.clone().reduce(Move::Reveal);
    let round = early.round.as_ref().expect("a round");
    assert_eq!(
        round.prompt,
        Some(2),
        "sent back to the first step without a choice"
    );
    assert!(!round.revealed());
    assert_eq!(early.rounds, 0, "nothing scored yet");
    let again = early.clone().reduce(Move::Reveal);
    assert!(Rc::ptr_eq(&again, &early), "asking again changes nothing");

    let session = play(session, kiro(), |tool| tool);
    let frozen = session.clone().reduce(Move::Choose {
        step: 1,
        decision: Block,
    });
    assert!(
        Rc::ptr_eq(&frozen, &session),
        "a revealed round keeps its choices"
    );
    let out_of_range = session.clone().reduce(Move::Choose {
        step: steps + 1,
        decision: Block,
    });
    assert!(Rc::ptr_eq(&out_of_range, &session));
    let left = session.reduce(Move::Leave);
    assert_eq!(left.round, None);
    assert_eq!(left.rounds, 1, "leaving keeps the score");
}

#[test]
fn a_shared_plan_becomes_an_exercise_with_its_context() {
    let shared = Shared {
        plan: "1. Read the logs.\n2. Run `kubectl delete namespace payments`.\n".to_string(),
        context: Context {
            target: approval_risk_engine::Target::Production,
            ..Context::default()
        },
        format: None,
        exercise: true,
        framing: Framing::default(),
    };
    let session = play(session(), Lesson::Built(Rc::new(shared)), |tool| tool);
    let round = session.round.as_ref().expect("a round");
    assert_eq!(round.choices.len(), 2);
    assert_eq!(
        round.context.target,
        approval_risk_engine::Target::Production
    );
    assert!(round.decisions()[1] >= Escalate, "{:?}", round.decisions());
    assert!(
        session.done.is_empty(),
        "built exercises are not library entries"
    );
}

#[test]
fn a_long_plan_is_cut_to_the_exercise_length() {
    let plan = "1. Run `git push --force origin main`.\n".repeat(EXERCISE_STEPS + 10);
    let shared = Shared {
        plan,
        context: Context::default(),
        format: None,
        exercise: true,
        framing: Framing::default(),
    };
    let round = Round::new(Lesson::Built(Rc::new(shared)));
    assert_eq!(round.choices.len(), EXERCISE_STEPS);
    assert_eq!(round.decisions().len(), EXERCISE_STEPS);
}

#[test]
fn the_library_has_ten_or_more_exercises_with_stable_ids_and_public_sources() {
    assert!(LIBRARY.len() >= 10);
    for (i, exercise) in LIBRARY.iter().enumerate() {
        assert!(
            exercise
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: ids go into data attributes and links",
            exercise.id
        );
        assert!(
            LIBRARY[..i].iter().all(|other| other.id != exercise.id),
            "{}: ids are unique",
            exercise.id
        );
        assert!(exercise.source.starts_with("https://"), "{}", exercise.id);
        let sentences = exercise.account.matches(". ").count() + 1;
        assert!(
            (2..=4).contains(&sentences),
            "{}: the account is two to four sentences",
            exercise.id
        );
    }
}

#[test]
fn every_library_plan_has_steps_to_judge_and_something_to_catch() {
    for exercise in &LIBRARY {
        let round = Round::new(Lesson::Incident(exercise));
        let decisions = round.decisions();
        assert!(decisions.len() >= 2, "{}: {decisions:?}", exercise.id);
        // An exercise where every step proceeds teaches nothing about approval.
        assert!(
            decisions.iter().any(|&decision| decision >= Review),
            "{}: {decisions:?}",
            exercise.id
        );
    }
}
