//! The engine's rule catalogue, searchable by id, title or explanation: what each rule looks
//! for, how far it reaches, what to do instead, and where to read more.

use super::{axes, prose};
use approval_risk_engine::rules::{self, Rule};
use yew::prelude::*;

/// At most this many matches are on the page at once: the whole catalogue would make the DOM
/// heavy for no reader's benefit, and a few more letters narrow it down.
const SHOWN: usize = 50;

/// Whether `rule` matches `query` (already lower-cased and trimmed): an empty query matches all.
fn matches(rule: &Rule, query: &str) -> bool {
    query.is_empty()
        || [rule.id(), rule.title(), rule.why()]
            .iter()
            .any(|field| field.to_ascii_lowercase().contains(query))
}

fn rule_item(rule: &'static Rule) -> Html {
    html! {
        <li class="rule" data-rule-id={rule.id()}>
            <p class="rule-head">
                <strong>{ rule.title() }</strong>
                <code class="rule-id">{ rule.id() }</code>
            </p>
            { axes(rule.reversibility, rule.scope) }
            <p class="explanation">{ prose(rule.why()) }</p>
            if !rule.safer().is_empty() {
                <p class="safer"><strong>{ "Safer: " }</strong>{ prose(rule.safer()) }</p>
            }
        </li>
    }
}

/// The catalogue for a search `query`; `oninput` receives each edit of the search box. The
/// query lives in the page's state, so this is a plain function, not a component (a component
/// carries its own copy of Yew's lifecycle code in the download).
pub fn rules_view(query: &str, oninput: &Callback<InputEvent>) -> Html {
    let needle = query.trim().to_ascii_lowercase();
    let found: Vec<&'static Rule> = rules::all().filter(|rule| matches(rule, &needle)).collect();
    let status = match found.len() {
        0 => "No rule matches.".to_string(),
        1 => "1 rule matches.".to_string(),
        n if needle.is_empty() => format!("{n} rules."),
        n => format!("{n} rules match."),
    };

    html! {
        <section id="rules-view" class="rules-view" aria-labelledby="rules-title">
            <h2 id="rules-title">{ "Rules" }</h2>
            <p class="rules-intro">
                { "Every rule the engine scores a step with. Each says whether what it finds can be \
                   undone and how far it reaches; together they decide the step." }
            </p>
            <div class="field rules-search">
                <label for="rules-search">{ "Search rules" }</label>
                <input
                    id="rules-search"
                    type="search"
                    value={query.to_string()}
                    oninput={oninput.clone()}
                    placeholder="force-push, drop table, terraform…"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="rules-count"
                />
            </div>
            <p id="rules-count" class="more-note" role="status" aria-live="polite">{ status }</p>
            <ul class="rules-list">
                { for found.iter().take(SHOWN).map(|&rule| rule_item(rule)) }
            </ul>
            if found.len() > SHOWN {
                <p class="more-note">{ format!("{} more, refine the search", found.len() - SHOWN) }</p>
            }
        </section>
    }
}
