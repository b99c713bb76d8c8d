//! Issue 18, natively: facilitator mode (a step at a time, answers held, the room's tally, the
//! answer key and notes), spoiler-free titles, levels and sets, exercise links, reset and
//! resume. Each test says what shows and what stays hidden.

use super::entry::{facilitated, linked};
use super::*;
use crate::share::{Framing, Shared};
use approval_risk_engine::Decision::{Block, Escalate, Proceed, Review};

fn kiro() -> Lesson {
    Lesson::Incident(library::find("kiro-delete-recreate").expect("in the library"))
}

fn facilitating() -> Rc<Session> {
    Rc::new(Session::default()).reduce(Move::Facilitate(true))
}

fn round(session: &Session) -> &Round {
    session.round.as_ref().expect("a round")
}

fn built(framing: Framing) -> Lesson {
    Lesson::Built(Rc::new(Shared {
        plan: "1. Read the logs.\n2. Run `terraform destroy -auto-approve`.\n".to_string(),
        context: Context::default(),
        format: None,
        exercise: true,
        framing,
    }))
}

#[test]
fn a_facilitator_shows_one_step_at_a_time_and_holds_each_answer_until_revealed() {
    let session = facilitating().reduce(Move::Start(kiro()));
    let steps = round(&session).choices.len();
    assert!(steps >= 3, "the Kiro plan has several steps");
    assert_eq!(round(&session).shown, 1, "the first step alone");
    assert_eq!(round(&session).tool_shown(1), None, "its answer is held");

    let session = session.reduce(Move::Next);
    assert_eq!(round(&session).shown, 2);
    assert_eq!(round(&session).tool_shown(1), None, "still held after Next");

    // The reveal needs no choice, shows the answers of the steps on screen and no others.
    let session = session.reduce(Move::Reveal);
    let now = round(&session);
    assert_eq!(now.answered, 2);
    assert!(now.tool_shown(1).is_some() && now.tool_shown(2).is_some());
    assert_eq!(
        now.tool_shown(3),
        None,
        "a step not yet shown keeps its answer"
    );
    assert!(!now.revealed(), "the round goes on");
    assert_eq!(session.rounds, 0);
    let again = session.clone().reduce(Move::Reveal);
    assert!(Rc::ptr_eq(&again, &session), "nothing new to reveal");

    // A step whose answer is shown can no longer be chosen.
    let late = session.clone().reduce(Move::Choose {
        step: 1,
        decision: Block,
    });
    assert!(Rc::ptr_eq(&late, &session));

    // Step by step to the end; the last reveal ends the round, with nobody having chosen.
    let mut session = session;
    for _ in 2..steps {
        session = session.reduce(Move::Next).reduce(Move::Reveal);
    }
    let done = round(&session);
    assert!(done.revealed(), "the last answer ends the round");
    assert_eq!(done.score.map(|score| score.steps), Some(0), "nobody chose");
    assert_eq!(session.rounds, 1);
    let past = session.clone().reduce(Move::Next);
    assert!(Rc::ptr_eq(&past, &session), "no step after the last");
}

#[test]
fn the_rooms_tally_counts_until_the_answer_and_is_scored_as_the_rooms_choice() {
    let mut session = facilitating().reduce(Move::Start(kiro()));
    let hands = |session: Rc<Session>, decision, up, times| {
        (0..times).fold(session, |session, _| {
            session.reduce(Move::Tally {
                step: 1,
                decision,
                up,
            })
        })
    };
    session = hands(session, Escalate, true, 3);
    session = hands(session, Proceed, true, 1);
    assert_eq!(round(&session).tally[0], [1, 0, 3, 0]);
    assert_eq!(round(&session).pick(1), Some(Escalate), "the most hands");
    session = hands(session, Proceed, true, 2);
    assert_eq!(
        round(&session).pick(1),
        Some(Proceed),
        "a tie counts the less cautious reading"
    );
    let floor = hands(session.clone(), Block, false, 1);
    assert!(Rc::ptr_eq(&floor, &session), "no count below zero");
    let hidden = session.clone().reduce(Move::Tally {
        step: 2,
        decision: Block,
        up: true,
    });
    assert!(Rc::ptr_eq(&hidden, &session), "no vote on a step not shown");
    // A choice made on screen wins over the tally.
    session = session.reduce(Move::Choose {
        step: 1,
        decision: Review,
    });
    assert_eq!(round(&session).pick(1), Some(Review));

    session = session.reduce(Move::Reveal);
    let locked = session.clone().reduce(Move::Tally {
        step: 1,
        decision: Block,
        up: true,
    });
    assert!(
        Rc::ptr_eq(&locked, &session),
        "the vote is over once the answer shows"
    );
    let steps = round(&session).choices.len();
    for _ in 1..steps {
        session = session.reduce(Move::Next).reduce(Move::Reveal);
    }
    assert_eq!(
        session.total.steps, 1,
        "only the step with a choice is scored"
    );
    assert_eq!(session.results[0].picks[0], Some(Review));
}

#[test]
fn a_trainee_sees_every_step_and_next_changes_nothing() {
    let session = Rc::new(Session::default()).reduce(Move::Start(kiro()));
    let now = round(&session);
    assert_eq!(now.shown, now.choices.len());
    assert_eq!(now.tool_shown(1), None, "answers hidden until the reveal");
    let next = session.clone().reduce(Move::Next);
    assert!(Rc::ptr_eq(&next, &session));
    // Leaving facilitator mode mid-round shows the whole plan again.
    let paced = facilitating().reduce(Move::Start(kiro()));
    assert_eq!(round(&paced).shown, 1);
    let whole = paced.reduce(Move::Facilitate(false));
    assert_eq!(round(&whole).shown, round(&whole).choices.len());
}

#[test]
fn the_answer_key_and_the_trainers_note_show_in_facilitator_mode_only() {
    let trainee = Rc::new(Session::default()).reduce(Move::Start(kiro()));
    assert_eq!(trainee.answer_key(), None);
    assert_eq!(round(&trainee).lesson.note(false), None);
    let trainer = trainee.reduce(Move::Facilitate(true));
    assert_eq!(trainer.answer_key(), Some(round(&trainer).decisions()));
    assert!(round(&trainer).lesson.note(true).is_some());

    let framed = built(Framing {
        note: "The destroy in step 2 names no workspace.".to_string(),
        ..Framing::default()
    });
    assert_eq!(framed.note(false), None, "hidden from trainees");
    assert_eq!(
        framed.note(true),
        Some("The destroy in step 2 names no workspace.")
    );
    assert_eq!(
        built(Framing::default()).note(true),
        None,
        "no note, nothing"
    );
}

#[test]
fn a_custom_exercise_shows_its_title_story_and_debrief() {
    let framed = built(Framing {
        title: "Friday's teardown".to_string(),
        story: "The preview for PR 214 is still up.".to_string(),
        debrief: "Ask which workspace was selected.".to_string(),
        note: String::new(),
    });
    assert_eq!(framed.title(false), "Friday's teardown");
    assert_eq!(framed.title(true), "Friday's teardown");
    assert_eq!(framed.story(), Some("The preview for PR 214 is still up."));
    assert_eq!(framed.debrief(), "Ask which workspace was selected.");
    // An older link, with none of them, opens as before.
    let plain = built(Framing::default());
    assert_eq!(plain.title(false), "An exercise made from a plan");
    assert_eq!(plain.story(), None);
    assert!(plain.debrief().contains("no incident is behind it"));
}

#[test]
fn library_titles_give_nothing_away_until_the_reveal() {
    // Words that name the danger; none may appear in a title shown before the reveal.
    const TELLING: [&str; 12] = [
        "delete",
        "recreat",
        "drop",
        "force",
        "wipe",
        "destroy",
        "password",
        "everyone",
        "backup",
        "planted",
        "old state",
        "never made",
    ];
    for exercise in &LIBRARY {
        let lesson = Lesson::Incident(exercise);
        let before = lesson.title(false).to_lowercase();
        assert_ne!(lesson.title(false), lesson.title(true), "{}", exercise.id);
        assert_eq!(lesson.title(true), exercise.title, "{}", exercise.id);
        for word in TELLING {
            assert!(
                !before.contains(word),
                "{}: {before:?} says {word:?}",
                exercise.id
            );
        }
        assert!(
            (2..=10).contains(&exercise.minutes),
            "{}: {} minutes",
            exercise.id,
            exercise.minutes
        );
        assert!(
            !exercise.notes.is_empty(),
            "{}: notes for the trainer",
            exercise.id
        );
    }
    let levels: Vec<_> = LIBRARY.iter().map(|exercise| exercise.level).collect();
    for level in [
        library::Level::Starter,
        library::Level::Practised,
        library::Level::Advanced,
    ] {
        assert!(
            levels.contains(&level),
            "some exercise is {}",
            level.as_str()
        );
    }
}

#[test]
fn the_suggested_sets_fit_their_minutes_and_next_follows_the_set() {
    let minutes: Vec<u8> = SETS.iter().map(|set| set.minutes).collect();
    assert_eq!(minutes, [15, 30, 45]);
    for set in &SETS {
        assert_eq!(
            set.exercises().count(),
            set.ids.len(),
            "{}: every id in the library",
            set.name
        );
        let minutes: u32 = set
            .exercises()
            .map(|exercise| u32::from(exercise.minutes))
            .sum();
        assert!(
            minutes <= u32::from(set.minutes),
            "{}: {minutes} minutes",
            set.name
        );
        for (i, id) in set.ids.iter().enumerate() {
            assert!(!set.ids[..i].contains(id), "{}: {id} twice", set.name);
        }
    }

    let session = Rc::new(Session::default()).reduce(Move::StartSet(0));
    assert_eq!(session.set, Some(0));
    assert_eq!(round(&session).lesson.id(), Some(SETS[0].ids[0]));
    let mut session = session;
    for id in &SETS[0].ids[1..] {
        let next = session.next_lesson().expect("the set goes on");
        assert_eq!(next.id(), Some(*id));
        session = session.reduce(Move::Start(next));
    }
    assert_eq!(session.next_lesson(), None, "the set ends");
    assert_eq!(session.set, Some(0), "played within the set");
    // An exercise chosen outside the set leaves it: Next follows the library again.
    let outside = session.reduce(Move::Start(Lesson::Incident(
        library::find("gemini-mkdir-move").expect("in the library"),
    )));
    assert_eq!(outside.set, None);
    assert!(outside.next_lesson().is_some());
    let missing = Rc::new(Session::default());
    assert!(Rc::ptr_eq(
        &missing.clone().reduce(Move::StartSet(9)),
        &missing
    ));
}

#[test]
fn a_library_exercise_has_a_link_of_its_own_and_facilitator_mode_one_key() {
    assert_eq!(
        linked("#exercise=gitlab-wrong-host").and_then(|lesson| lesson.id()),
        Some("gitlab-wrong-host")
    );
    assert_eq!(
        linked("exercise=gitlab-wrong-host&facilitator=1").and_then(|lesson| lesson.id()),
        Some("gitlab-wrong-host")
    );
    assert_eq!(linked("#exercise=no-such-exercise"), None);
    assert_eq!(linked("#section-2"), None);
    assert!(facilitated("#exercise=gitlab-wrong-host&facilitator=1"));
    assert!(!facilitated("#exercise=gitlab-wrong-host"));
    assert!(!facilitated("#facilitator=0"));
    // A share link made into an exercise is still a built exercise.
    let link =
        crate::share::fragment("1. `git push --force`\n", &Options::default()).expect("a link");
    let framed = crate::share::exercise_link(&link, &Framing::default());
    assert!(matches!(linked(&framed), Some(Lesson::Built(_))));
    assert_eq!(linked(&link), None, "a plain share link is not an exercise");
}

#[test]
fn reset_forgets_the_session_and_resume_brings_back_the_choices() {
    let mut session = Rc::new(Session::default()).reduce(Move::Start(kiro()));
    let steps = round(&session).choices.len();
    for step in 1..=steps {
        session = session.reduce(Move::Choose {
            step,
            decision: Escalate,
        });
    }
    let session = session.reduce(Move::Reveal).reduce(Move::Facilitate(true));
    assert_eq!(session.rounds, 1);
    let reset = session.clone().reduce(Move::Reset);
    assert_eq!((reset.rounds, reset.total), (0, Score::default()));
    assert!(reset.results.is_empty() && reset.done.is_empty() && reset.round.is_none());
    assert!(reset.facilitator, "the mode is the trainer's, not progress");
    assert!(
        reset.started > session.started,
        "the view goes back to the library"
    );

    let exercise = library::find("kiro-delete-recreate").expect("in the library");
    let mut choices = vec![None; steps];
    choices[0] = Some(Block);
    let interrupted = |choices: Vec<Option<Decision>>| {
        Rc::new(Session {
            resume: Some((exercise, choices)),
            ..Session::default()
        })
    };
    let resumed = interrupted(choices.clone()).reduce(Move::Resume);
    assert_eq!(round(&resumed).choices, choices);
    assert_eq!(resumed.resume, None, "reopened once");
    let wrong = interrupted(vec![Some(Block)]).reduce(Move::Resume);
    assert_eq!(
        round(&wrong).choices,
        vec![None; steps],
        "choices for another plan are dropped"
    );
    // A link that opened another exercise first wins; the interrupted one is let go.
    let linked = interrupted(choices).reduce(Move::Start(built(Framing::default())));
    assert_eq!(linked.resume, None);
    assert!(Rc::ptr_eq(&linked.clone().reduce(Move::Resume), &linked));
}
