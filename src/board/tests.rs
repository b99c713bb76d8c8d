//! The board drawn from real assessments: reasons, counts, pages and rebased spans.

use super::*;
use approval_risk_engine::{assess, Options};

const KIRO: &str = "\
1. Check the current state of the Cost Explorer service in us-east-1.
2. Delete and recreate the production environment from the template.
3. Verify the service is healthy.
";

fn board(plan: &str, selection: Selection) -> Board {
    Board::new(&assess(plan, &Options::default()), selection)
}

fn plan_of(steps: usize) -> String {
    (1..=steps)
        .map(|i| {
            if i % 10 == 0 {
                format!("{i}. Delete the production database.\n")
            } else {
                format!("{i}. List the files in folder {i}.\n")
            }
        })
        .collect()
}

#[test]
fn the_reason_names_the_deciding_step_and_why() {
    let board = board(KIRO, Selection::default());
    assert!(board.verdict >= Decision::Escalate);
    assert!(
        board.reason.starts_with("Because of step 2: "),
        "{}",
        board.reason
    );
    let deciding = &board.cards[1];
    assert!(
        !deciding.headline.is_empty() && board.reason.contains(&deciding.headline),
        "the reason leads with the deciding step's headline: {}",
        board.reason
    );
    assert_eq!(board.deciding(), (vec![2], 1));
}

#[test]
fn an_empty_or_harmless_plan_says_so_and_links_nothing() {
    let empty = board("", Selection::default());
    assert_eq!(empty.verdict, Decision::Proceed);
    assert!(empty.reason.starts_with("No steps found"));
    assert!(empty.cards.is_empty() && empty.marks.is_empty());
    let harmless = board("1. List the files in the repo", Selection::default());
    assert_eq!(harmless.deciding(), (Vec::new(), 0));
    assert!(harmless.reason.starts_with("No step is hard to undo"));
}

#[test]
fn counts_and_marks_cover_every_step_even_beyond_the_page() {
    let board = board(&plan_of(250), Selection::default());
    assert_eq!(board.marks.len(), 250);
    assert_eq!(board.counts().iter().sum::<usize>(), 250);
    assert_eq!(board.cards.len(), CARD_PAGE);
    assert_eq!(board.card_range(), (1, CARD_PAGE));
    let (linked, total) = board.deciding();
    assert_eq!(total, 25, "every tenth step deletes production");
    assert_eq!(linked.len(), DECIDING_LINKS);
    assert_eq!(linked[0], 10);
    assert!(
        board.reason.contains("24 more steps are"),
        "{}",
        board.reason
    );
}

#[test]
fn the_attention_filter_keeps_escalate_and_block_only() {
    let board = board(
        &plan_of(30),
        Selection {
            filter: Filter::Attention,
            page: 0,
        },
    );
    assert_eq!(board.matching, 3);
    assert!(board
        .cards
        .iter()
        .all(|card| card.decision >= Decision::Escalate));
    assert_eq!(
        board.cards.iter().map(|c| c.index).collect::<Vec<_>>(),
        [10, 20, 30]
    );
}

#[test]
fn pages_past_the_end_come_back_to_the_last_page() {
    let board = board(
        &plan_of(150),
        Selection {
            filter: Filter::All,
            page: 7,
        },
    );
    assert_eq!(board.selection.page, 1);
    assert_eq!(board.card_range(), (101, 150));
    assert_eq!(board.cards[0].index, 101);
}

#[test]
fn revealing_a_step_turns_to_its_page_and_widens_the_filter_if_needed() {
    let marks = board(&plan_of(250), Selection::default()).marks;
    let attention = Selection {
        filter: Filter::Attention,
        page: 0,
    };
    assert_eq!(
        reveal(&marks, Selection::default(), 150),
        Selection {
            filter: Filter::All,
            page: 1
        }
    );
    assert_eq!(
        reveal(&marks, attention, 20),
        attention,
        "step 20 is on page 0"
    );
    assert_eq!(
        reveal(&marks, attention, 21),
        Selection {
            filter: Filter::All,
            page: 0
        },
        "step 21 proceeds, so the filter is lifted"
    );
    assert_eq!(reveal(&marks, attention, 0), attention);
    assert_eq!(reveal(&marks, attention, 251), attention);
}

#[test]
fn cards_carry_spans_into_their_own_text() {
    let board = board(KIRO, Selection::default());
    let card = &board.cards[1];
    assert_eq!(card.span, Span::new(0, card.text.len()));
    let words: Vec<&str> = card
        .findings
        .iter()
        .flat_map(|f| f.evidence.iter().map(|span| span.slice(&card.text)))
        .collect();
    assert!(words.contains(&"Delete"), "{words:?}");
    let adjusted: Vec<&str> = card
        .findings
        .iter()
        .flat_map(|f| &f.adjustments)
        .flat_map(|a| a.evidence.iter().map(|span| span.slice(&card.text)))
        .collect();
    assert!(adjusted.contains(&"production"), "{adjusted:?}");
}

#[test]
fn a_keystroke_in_one_step_leaves_the_other_cards_equal() {
    let before = board(KIRO, Selection::default());
    let after = board(
        &KIRO.replace("Check the current", "Check the curent"),
        Selection::default(),
    );
    assert_ne!(before.cards[0], after.cards[0]);
    assert_eq!(
        before.cards[1], after.cards[1],
        "later cards do not re-render"
    );
}

#[test]
fn big_numbers_are_grouped_in_thousands() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(51_545), "51,545");
    assert_eq!(thousands(1_234_567), "1,234,567");
}
