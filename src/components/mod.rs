//! The page's components. Each receives data and callbacks only; none of them scores anything.

mod decision_badge;
mod pattern_list;
mod plan_input;
mod step_card;
mod verdict_banner;

pub use decision_badge::DecisionBadge;
pub use pattern_list::PatternList;
pub use plan_input::PlanInput;
pub use step_card::StepCard;
pub use verdict_banner::VerdictBanner;
