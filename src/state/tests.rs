//! The reducer, natively: typing, assessing here, delegating to the worker, context, pages and
//! share links.

use super::*;
use crate::board::CARD_PAGE;
use approval_risk_engine::Decision;

fn reduce(state: &Rc<State>, action: Action) -> Rc<State> {
    Rc::clone(state).reduce(action)
}

fn text(plan: &str) -> AttrValue {
    AttrValue::from(plan.to_owned())
}

fn start() -> Rc<State> {
    Rc::new(State::with_example())
}

/// A board as the worker would send it for `plan`, under the state's current options.
fn worker_board(state: &State, plan: &str) -> Box<Board> {
    Box::new(Board::new(&assess(plan, &state.options), state.selection))
}

#[test]
fn the_example_plan_opens_assessed_at_escalate_or_above() {
    let state = State::with_example();
    assert!(!state.busy);
    assert_eq!(state.board.cards.len(), 3, "one card per numbered step");
    assert!(state.board.verdict >= Decision::Escalate);
    let recreate = &state.board.cards[1];
    assert_eq!(recreate.index, 2);
    assert!(recreate.decision >= Decision::Escalate);
}

#[test]
fn typing_marks_the_board_stale_without_rescoring() {
    let start = start();
    let typed = reduce(&start, Action::Typed);
    assert!(typed.busy);
    assert!(
        Rc::ptr_eq(&typed.board, &start.board),
        "cards keep their data"
    );
    assert!(
        Rc::ptr_eq(&typed, &reduce(&typed, Action::Typed)),
        "no render per key"
    );
}

#[test]
fn assessing_rescores_the_new_text() {
    let start = start();
    let listed = reduce(
        &start,
        Action::Assess(text("1. List the files in the repo")),
    );
    assert!(!listed.busy);
    assert_eq!(listed.board.verdict, Decision::Proceed);
    assert_eq!(listed.board.cards.len(), 1);
    let dangerous = reduce(&listed, Action::Assess(text("rm -rf /")));
    assert!(dangerous.board.verdict >= Decision::Escalate);
    assert_eq!(
        dangerous.revision, start.revision,
        "typed text is left alone"
    );
}

#[test]
fn nothing_changed_returns_the_same_state_so_yew_skips_the_render() {
    let start = start();
    assert!(Rc::ptr_eq(
        &start,
        &reduce(&start, Action::Assess(text(EXAMPLE_PLAN)))
    ));
    assert!(Rc::ptr_eq(
        &start,
        &reduce(&start, Action::SetTarget(Target::Unknown))
    ));
    assert!(Rc::ptr_eq(
        &start,
        &reduce(&start, Action::SetFilter(Filter::All))
    ));
    assert!(Rc::ptr_eq(&start, &reduce(&start, Action::TurnPage(0))));
    assert!(Rc::ptr_eq(&start, &reduce(&start, Action::Reveal(99))));
    assert!(Rc::ptr_eq(
        &start,
        &reduce(&start, Action::Open("#top".into()))
    ));
}

#[test]
fn replacing_the_text_tells_the_text_area_and_clearing_empties_the_board() {
    let start = start();
    let cleared = reduce(&start, Action::Replace(text("")));
    assert_eq!(cleared.revision, start.revision + 1);
    assert!(cleared.board.cards.is_empty());
    assert_eq!(cleared.board.verdict, Decision::Proceed);
}

#[test]
fn context_changes_rescore_at_once_and_the_decision_follows() {
    let plan = "kubectl delete deployment api\n";
    let start = Rc::new(State::assessed(plan, Options::default()));
    let development = reduce(&start, Action::SetTarget(Target::Development));
    let production = reduce(&start, Action::SetTarget(Target::Production));
    assert!(
        production.board.verdict > development.board.verdict,
        "production {} vs development {}",
        production.board.verdict,
        development.board.verdict
    );
    assert_eq!(production.board.context.target, Target::Production);
    let frozen = reduce(&development, Action::SetFreeze(true));
    assert!(frozen.board.context.change_freeze);
    assert!(frozen.board.verdict >= development.board.verdict);
    let admin = reduce(&development, Action::SetCredentials(Credentials::Admin));
    assert_eq!(admin.board.context.credentials, Credentials::Admin);
    assert!(
        admin.board.verdict > development.board.verdict,
        "admin credentials reach further"
    );
}

#[test]
fn the_format_selector_overrides_detection() {
    let start = Rc::new(State::assessed("rm -rf build", Options::default()));
    let prose = reduce(&start, Action::SetFormat(Some(Format::Prose)));
    assert_eq!(prose.board.format, "prose");
    let auto = reduce(&prose, Action::SetFormat(None));
    assert_eq!(auto.board.format, start.board.format);
}

#[test]
fn a_big_plan_goes_to_the_worker_and_only_its_latest_answer_counts() {
    let start = start();
    let delegated = reduce(
        &start,
        Action::Delegate {
            bytes: 5_000_000,
            preview: true,
            text: None,
        },
    );
    assert!(delegated.busy && delegated.assessment.is_none() && delegated.preview);
    assert_eq!(delegated.job, Some(Job::Assess { with_text: true }));
    assert_eq!(
        delegated.share_fragment(),
        None,
        "the page does not hold the text"
    );

    // The approver changes the target before the worker answered: the text must still go.
    let retargeted = reduce(&delegated, Action::SetTarget(Target::Production));
    assert_eq!(retargeted.job, Some(Job::Assess { with_text: true }));
    assert!(retargeted.generation > delegated.generation);

    let stale = Action::Arrived {
        generation: delegated.generation,
        board: worker_board(&delegated, "rm -rf /"),
    };
    assert!(Rc::ptr_eq(&retargeted, &reduce(&retargeted, stale)));
    let arrived = reduce(
        &retargeted,
        Action::Arrived {
            generation: retargeted.generation,
            board: worker_board(&retargeted, "rm -rf /"),
        },
    );
    assert!(!arrived.busy && arrived.job.is_none());
    let cleared = reduce(&arrived, Action::Replace(text("")));
    assert!(!cleared.preview, "a new text is shown whole again");
    assert!(arrived.board.verdict >= Decision::Escalate);

    // Later questions reuse the text the worker already holds.
    let frozen = reduce(&arrived, Action::SetFreeze(true));
    assert_eq!(frozen.job, Some(Job::Assess { with_text: false }));
    let filtered = reduce(&arrived, Action::SetFilter(Filter::Attention));
    assert_eq!(filtered.job, Some(Job::Select));
    assert_eq!(filtered.selection.filter, Filter::Attention);
}

#[test]
fn a_big_plan_from_a_portal_goes_to_the_worker_with_the_portals_options() {
    let start = start();
    let plan = "rm -rf /srv/x\n".repeat(PREVIEW_BYTES / 14 * 2);
    let policy = Policy {
        protected: vec![String::from("billing-db")],
        ..Policy::default()
    };
    let adopted = reduce(
        &start,
        Action::Adopt {
            plan: text(&plan),
            context: Context {
                target: Target::Production,
                ..Context::default()
            },
            format: Some(Format::Shell),
            policy: Box::new(policy.clone()),
            assessment: None,
        },
    );
    assert!(adopted.busy && adopted.assessment.is_none());
    assert_eq!(adopted.job, Some(Job::Assess { with_text: true }));
    // The text area is given the start of the portal's plan, whole lines, read-only, and the
    // controls its options.
    assert_eq!(adopted.revision, start.revision + 1);
    assert!(adopted.preview);
    assert!(plan.starts_with(adopted.plan.as_str()) && adopted.plan.ends_with('\n'));
    assert!(adopted.plan.len() <= PREVIEW_BYTES && adopted.plan.len() > PREVIEW_BYTES - 14);
    assert_eq!(adopted.plan_bytes, plan.len());
    assert_eq!(adopted.options.context.target, Target::Production);
    assert_eq!(adopted.options.format, Some(Format::Shell));
    assert_eq!(adopted.options.policy, policy);
    // Typing a small plan afterwards is assessed here under the portal's policy, as before.
    let typed = reduce(&adopted, Action::Assess(text("git status")));
    assert!(typed.assessment.is_some() && !typed.busy);
    assert_eq!(typed.options.policy, policy);
    // The worker's board for the portal's plan is shown when it comes.
    let arrived = reduce(
        &adopted,
        Action::Arrived {
            generation: adopted.generation,
            board: worker_board(&adopted, &plan),
        },
    );
    assert!(!arrived.busy && arrived.board.verdict >= Decision::Escalate);
}

#[test]
fn revealing_a_step_turns_the_page_and_asks_for_focus() {
    let plan: String = (1..=250)
        .map(|i| format!("{i}. List the files in folder {i}.\n"))
        .collect();
    let start = Rc::new(State::assessed(&plan, Options::default()));
    assert_eq!(start.board.cards.len(), CARD_PAGE);
    let revealed = reduce(&start, Action::Reveal(180));
    assert_eq!(revealed.selection.page, 1);
    assert!(revealed.board.cards.iter().any(|card| card.index == 180));
    assert_eq!(revealed.focus, Some(Focus { seq: 0, step: 180 }));
    let again = reduce(&revealed, Action::Reveal(180));
    assert_eq!(
        again.focus,
        Some(Focus { seq: 1, step: 180 }),
        "a repeat still focuses"
    );
    let turned = reduce(&revealed, Action::TurnPage(2));
    assert_eq!(turned.board.cards[0].index, 201);
}

#[test]
fn a_share_link_opens_with_its_plan_and_context() {
    let options = options_of(
        Context {
            target: Target::Production,
            credentials: Credentials::Broad,
            change_freeze: true,
        },
        Some(Format::Shell),
    );
    let shared = State::assessed("kubectl delete namespace payments", options);
    let fragment = shared.share_fragment().expect("a short plan has a link");
    // The page opens waiting, and assesses the link once it is painted (`App`).
    let waiting = Rc::new(State::open(&format!("#{fragment}"), Theme::Dark));
    assert!(waiting.busy && waiting.plan.is_empty());
    assert_eq!(waiting.theme, Theme::Dark);
    let opened = reduce(&waiting, Action::Open(format!("#{fragment}")));
    assert_eq!(opened.plan, shared.plan);
    assert_eq!(opened.options.context, shared.options.context);
    assert_eq!(opened.options.format, Some(Format::Shell));
    assert_eq!(opened.board, shared.board, "the same assessment");
    assert_eq!(opened.theme, Theme::Dark);
    assert_eq!(opened.notice, None);

    let reopened = reduce(&start(), Action::Open(fragment));
    assert_eq!(reopened.board, shared.board);
    assert_eq!(reopened.revision, 1, "the text area takes the linked plan");
}

#[test]
fn a_damaged_link_says_so_and_an_ordinary_anchor_says_nothing() {
    let damaged = State::open("#v=1&plan=AAA!", Theme::System);
    assert!(damaged.notice.is_some());
    assert_eq!(damaged.plan, EXAMPLE_PLAN);
    assert_eq!(State::open("#top", Theme::System).notice, None);
    let encoded = State::open("#v%3D1%26plan%3Dxyz", Theme::System);
    assert!(encoded.notice.is_some(), "a percent-encoded link is a link");
    assert_eq!(State::open("", Theme::System).notice, None);
}

#[test]
fn themes_parse_back_and_default_to_the_system() {
    for theme in Theme::ALL {
        assert_eq!(Theme::parse(theme.as_str()), theme);
    }
    assert_eq!(Theme::parse("sepia"), Theme::System);
}

/// A plan the worker assesses because it is costly, but short enough for a link, can still be
/// shared: the state keeps its text, and the link carries it with the context it came with.
#[test]
fn a_delegated_plan_short_enough_for_a_link_can_still_be_shared() {
    let plan = "rm -rf /srv/x\n".repeat(400);
    let linked = reduce(
        &start(),
        Action::Linked {
            context: Context {
                target: Target::Production,
                ..Context::default()
            },
            format: None,
        },
    );
    assert_eq!(linked.options.context.target, Target::Production);
    let delegated = reduce(
        &linked,
        Action::Delegate {
            bytes: plan.len(),
            preview: false,
            text: Some(AttrValue::from(plan.clone())),
        },
    );
    assert!(delegated.assessment.is_none() && delegated.busy);
    assert_eq!(delegated.job, Some(Job::Assess { with_text: true }));
    let fragment = delegated.share_fragment().expect("a 5 KB plan has a link");
    let shared = crate::share::read(&fragment).expect("the link reads back");
    assert_eq!(shared.plan, plan);
    assert_eq!(shared.context.target, Target::Production);
    // Without its text (a plan too long for a link), there is no link.
    let unkept = reduce(
        &linked,
        Action::Delegate {
            bytes: plan.len(),
            preview: false,
            text: None,
        },
    );
    assert_eq!(unkept.share_fragment(), None);
}

/// A portal's plan that is only costly to assess, not long, goes to the worker but is shown
/// whole and editable, and can be shared.
#[test]
fn a_costly_but_short_plan_from_a_portal_is_shown_whole() {
    let plan = "rm -rf /srv/x\n".repeat(INLINE_LIMIT / 14 + 1);
    let adopted = reduce(
        &start(),
        Action::Adopt {
            plan: text(&plan),
            context: Context::default(),
            format: None,
            policy: Box::default(),
            assessment: None,
        },
    );
    assert!(adopted.busy && adopted.assessment.is_none());
    assert!(!adopted.preview);
    assert_eq!(adopted.plan.as_str(), plan);
    assert!(adopted.share_fragment().is_some());
}

/// In a frame, the portal is told of a new assessment only when the approver made it: the
/// state records which generation the portal's own plan was.
#[test]
fn a_portals_plan_is_marked_as_the_portals_and_a_later_change_is_not() {
    let plan = "git status\n";
    let adopted = reduce(
        &start(),
        Action::Adopt {
            plan: text(plan),
            context: Context::default(),
            format: None,
            policy: Box::default(),
            assessment: Some(Rc::new(assess(plan, &Options::default()))),
        },
    );
    assert_eq!(adopted.adopted, adopted.generation);
    let retargeted = reduce(&adopted, Action::SetTarget(Target::Production));
    assert_ne!(retargeted.adopted, retargeted.generation);
    let delegated = reduce(
        &start(),
        Action::Adopt {
            plan: text(&"rm -rf /srv/x\n".repeat(INLINE_LIMIT / 14 + 1)),
            context: Context::default(),
            format: None,
            policy: Box::default(),
            assessment: None,
        },
    );
    assert_eq!(delegated.adopted, delegated.generation);
}
