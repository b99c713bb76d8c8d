//! The training page (`training.html`): training mode as a page of its own, so the approver's
//! page does not download it (issue 16). It holds the session the approver's page used to
//! hold, opens the exercise a link names (`entry`), and links back to the plan.
//!
//! Old addresses keep working: the approver's page sends `?view=training` and exercise links
//! here before its app starts (`src/boot.js`), and a link too long to be an exercise is sent
//! back there as the plan it shares (`share::EXERCISE_LIMIT`).

use super::entry::use_training;
use crate::components::TrainingView;
use crate::{dom, share};
use approval_risk_engine::words::Join;
use yew::prelude::*;

/// Where the approver's page is, from the training page beside it.
const PLAN_PAGE: &str = "./";

#[function_component(TrainingPage)]
pub fn training_page() -> Html {
    let training = use_training();
    {
        let training = training.clone();
        use_effect_with((), move |_| {
            let fragment = dom::fragment();
            if is_long_exercise(&fragment) {
                dom::replace_location(&format!("{PLAN_PAGE}{}", without_exercise(&fragment)));
            } else {
                training.listen();
            }
        });
    }
    html! {
        <>
            <header class="page-header">
                <h1>{ "Approval Risk Explainer: training" }</h1>
                <div class="header-tools">
                    <a id="show-training" class="button" href={PLAN_PAGE}>{ "Back to the plan" }</a>
                </div>
                <p class="tagline">
                    { "Judge each step of an agent's plan, then compare with the tool. Everything \
                       runs in this browser tab: nothing you choose leaves it." }
                </p>
            </header>
            <main class="training-main">
                <TrainingView session={training.session.clone()} />
            </main>
        </>
    }
}

/// A share link marked as an exercise whose plan is longer than an exercise may be
/// (`entry::linked` does not take it).
fn is_long_exercise(fragment: &str) -> bool {
    share::read(fragment)
        .is_some_and(|shared| shared.exercise && shared.plan.len() > share::EXERCISE_LIMIT)
}

/// The fragment without its exercise mark: the plan it shares, opened as a plan.
fn without_exercise(fragment: &str) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let kept: Vec<&str> = fragment
        .split('&')
        .filter(|pair| !pair.starts_with("exercise=") && *pair != "facilitator=1")
        .collect();
    format!("#{}", kept.joined("&"))
}

#[cfg(test)]
mod tests {
    use super::{is_long_exercise, without_exercise};
    use crate::share::{exercise_link, fragment, read, EXERCISE_LIMIT};
    use approval_risk_engine::Options;

    #[test]
    fn a_long_exercise_link_goes_back_as_the_plan_it_shares() {
        let plan = "x".repeat(EXERCISE_LIMIT + 1);
        let link = exercise_link(
            &format!("#{}", fragment(&plan, &Options::default()).expect("a link")),
            &Default::default(),
        );
        assert!(is_long_exercise(&link));
        let short = exercise_link(
            &format!(
                "#{}",
                fragment("git status\n", &Options::default()).expect("a link")
            ),
            &Default::default(),
        );
        assert!(!is_long_exercise(&short));
        let back = without_exercise(&link);
        let shared = read(&back).expect("still a share link");
        assert!(!shared.exercise);
        assert_eq!(shared.plan, plan);
    }
}
