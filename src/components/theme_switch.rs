//! Light, dark, or whatever the system prefers.

use crate::state::Theme;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub fn theme_switch(theme: Theme, on_change: &Callback<Theme>) -> Html {
    let onchange = on_change.reform(|event: Event| {
        Theme::parse(&event.target_unchecked_into::<HtmlSelectElement>().value())
    });
    html! {
        <div class="theme-switch">
            <label for="theme-select">{ "Theme" }</label>
            <select id="theme-select" {onchange}>
                { for Theme::ALL.into_iter().map(|option| html! {
                    <option value={option.as_str()} selected={option == theme}>
                        { match option {
                            Theme::System => "as the system",
                            Theme::Light => "light",
                            Theme::Dark => "dark",
                        } }
                    </option>
                }) }
            </select>
        </div>
    }
}
