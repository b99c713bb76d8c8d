//! Share links: the plan and its context, compressed into the URL fragment.
//!
//! The fragment (after `#`) is the one part of a URL that browsers never send to a server, so a
//! link can carry the plan without the plan leaving anyone's machine until a person chooses to
//! paste the link somewhere. Shape: `v=1&plan=<base64url(lz77(utf-8))>` followed by whatever
//! context differs from the default (`&target=production&credentials=broad&freeze=1&format=shell`),
//! readable so a person can see what the link asserts before opening it. A training exercise
//! link (issue 7) is the same link with `&exercise=1` after it; readers that predate the key
//! ignore it and open the plan as usual. After it may come what a trainer wrote around the plan
//! (issue 18): `&title=`, `&story=`, `&debrief=` and `&note=`, each compressed like the plan.
//! Links made before those keys open as they always did.

use crate::compress::{compress, decompress, from_base64url, to_base64url};
use approval_risk_engine::{Context, Credentials, Format, Options, Target};

/// Plans up to this size get a link: some 300 steps, far more than a plan people pass around.
/// Browsers take URLs of megabytes, but chat tools and trackers cut long ones, and a link is
/// opened (and assessed) while the page starts, where a few milliseconds of work must do;
/// past this size a file (export) is the better way to pass a plan on.
pub const SHARE_LIMIT: usize = 16 * 1024;
/// Plans up to this size can be training exercises: about 40 steps, which is the most a round
/// shows (`training::EXERCISE_STEPS`). A round assesses its plan where the trainee plays it, on
/// the main thread, so the limit is the one for assessing there (`state::INLINE_LIMIT`).
pub const EXERCISE_LIMIT: usize = crate::state::INLINE_LIMIT;
/// Reading a link never yields more than the page writes, whatever its compressed stream
/// claims: a plan from a link is assessed where a typed one of its size would be, so a few
/// characters of link cannot ask the tab for megabytes of work.
const DECODED_LIMIT: usize = SHARE_LIMIT;
/// The longest `plan=` value read. The compressed form of a plan the page writes is at most a
/// little longer than the plan (literal runs cost a byte or two each) and base64 adds a third,
/// so twice the plan limit leaves room for every real link and refuses a hostile one before it
/// is decoded.
const ENCODED_LIMIT: usize = 2 * SHARE_LIMIT;
const VERSION: &str = "1";
/// Appended to a share link to open it as a training exercise.
const EXERCISE_MARK: &str = "&exercise=1";

/// Each text a trainer adds to an exercise is cut to this many bytes: a title and a few
/// paragraphs, not a second plan.
pub const FRAMING_LIMIT: usize = 2048;

/// What a trainer wrote around an exercise's plan: its title, the story that sets the scene
/// (shown before the steps), the debrief (shown after the reveal) and a note for the trainer.
/// The note is shown only in facilitator mode, but it travels in the link like the rest: it is
/// hidden from the room, not secret, and the page says so where it is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Framing {
    pub title: String,
    pub story: String,
    pub debrief: String,
    pub note: String,
}

impl Framing {
    /// The texts with the keys they travel under, in link order.
    fn keyed(&self) -> [(&'static str, &str); 4] {
        [
            ("title", &self.title),
            ("story", &self.story),
            ("debrief", &self.debrief),
            ("note", &self.note),
        ]
    }
}

/// A text as a link value: compressed and base64url, like the plan, so any character travels.
fn encode_text(text: &str) -> String {
    let mut end = text.len().min(FRAMING_LIMIT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    to_base64url(&compress(&text.as_bytes()[..end]))
}

/// A text back from a link value; a damaged one reads as empty rather than refusing the plan
/// it came with (the plan is the exercise; the text only frames it).
fn decode_text(value: &str) -> String {
    if value.len() > 2 * FRAMING_LIMIT {
        return String::new();
    }
    from_base64url(value)
        .and_then(|bytes| decompress(&bytes, FRAMING_LIMIT))
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// What a share link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub plan: String,
    pub context: Context,
    pub format: Option<Format>,
    /// The link asks to open the plan as a training exercise.
    pub exercise: bool,
    /// What the trainer wrote around the plan; empty in a plain share link.
    pub framing: Framing,
}

/// The fragment (without `#`) for `plan` assessed with `options`, or `None` when the plan is
/// too long for a link.
pub fn fragment(plan: &str, options: &Options) -> Option<String> {
    if plan.len() > SHARE_LIMIT {
        return None;
    }
    let mut out = format!(
        "v={VERSION}&plan={}",
        to_base64url(&compress(plan.as_bytes()))
    );
    let context = options.context;
    if context.target != Target::Unknown {
        out.push_str("&target=");
        out.push_str(context.target.as_str());
    }
    if context.credentials != Credentials::Unknown {
        out.push_str("&credentials=");
        out.push_str(context.credentials.as_str());
    }
    if context.change_freeze {
        out.push_str("&freeze=1");
    }
    if let Some(format) = options.format {
        out.push_str("&format=");
        out.push_str(format.as_str());
    }
    Some(out)
}

/// The share link `link` (a whole URL, or a fragment) as a training exercise link, with the
/// trainer's texts that are not empty.
pub fn exercise_link(link: &str, framing: &Framing) -> String {
    let mut out = format!("{link}{EXERCISE_MARK}");
    for (key, text) in framing.keyed() {
        if !text.trim().is_empty() {
            out.push_str(&format!("&{key}={}", encode_text(text)));
        }
    }
    out
}

/// Reads a fragment made by [`fragment`] (with or without its `#`). Anything else, including
/// a damaged link, is `None`; unknown keys are ignored so later versions can add some.
pub fn read(fragment: &str) -> Option<Shared> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut version = None;
    let mut plan = None;
    let mut shared = Shared {
        plan: String::new(),
        context: Context::default(),
        format: None,
        exercise: false,
        framing: Framing::default(),
    };
    for pair in fragment.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "v" => version = Some(value),
            "plan" => plan = Some(value),
            "target" => shared.context.target = Target::parse(value)?,
            "credentials" => shared.context.credentials = Credentials::parse(value)?,
            "freeze" => shared.context.change_freeze = value == "1",
            "format" => shared.format = Some(Format::parse(value)?),
            "exercise" => shared.exercise = value == "1",
            "title" => shared.framing.title = decode_text(value),
            "story" => shared.framing.story = decode_text(value),
            "debrief" => shared.framing.debrief = decode_text(value),
            "note" => shared.framing.note = decode_text(value),
            _ => {}
        }
    }
    if version != Some(VERSION) {
        return None;
    }
    let plan = plan?;
    if plan.len() > ENCODED_LIMIT {
        return None;
    }
    let bytes = decompress(&from_base64url(plan)?, DECODED_LIMIT)?;
    shared.plan = String::from_utf8(bytes).ok()?;
    Some(shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(target: Target, credentials: Credentials, freeze: bool) -> Options {
        Options {
            context: Context {
                target,
                credentials,
                change_freeze: freeze,
            },
            ..Options::default()
        }
    }

    #[test]
    fn a_link_brings_back_the_plan_and_its_context() {
        let plan = "1. Delete and recreate the production environment.\n2. `rm -rf /srv/data`\n";
        for (target, credentials, freeze) in [
            (Target::Unknown, Credentials::Unknown, false),
            (Target::Production, Credentials::Admin, true),
            (Target::Staging, Credentials::Scoped, false),
        ] {
            let mut options = options(target, credentials, freeze);
            options.format = Some(Format::Markdown);
            let link = fragment(plan, &options).expect("a short plan gets a link");
            let shared = read(&format!("#{link}")).expect("the link reads back");
            assert_eq!(shared.plan, plan);
            assert_eq!(shared.context, options.context);
            assert_eq!(shared.format, Some(Format::Markdown));
        }
    }

    #[test]
    fn the_default_context_keeps_the_link_short_and_readable() {
        let link = fragment("git status", &Options::default()).expect("a link");
        assert!(link.starts_with("v=1&plan="), "{link}");
        assert!(!link.contains("target"), "{link}");
        let link = fragment(
            "git status",
            &options(Target::Production, Credentials::Unknown, true),
        )
        .expect("a link");
        assert!(link.ends_with("&target=production&freeze=1"), "{link}");
    }

    #[test]
    fn the_link_holds_only_url_safe_characters() {
        let plan = "DROP TABLE users; -- ünïcode ✓ & = # ? / %\n".repeat(20);
        let link = fragment(&plan, &Options::default()).expect("a link");
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_=&".contains(&b)),
            "{link}"
        );
        assert!(link.len() < plan.len(), "repetition compresses");
    }

    #[test]
    fn an_exercise_link_is_a_share_link_that_says_so() {
        let options = options(Target::Production, Credentials::Broad, true);
        let link = fragment("git push --force origin main", &options).expect("a link");
        let plain = read(&link).expect("the link reads back");
        assert!(!plain.exercise, "an ordinary link is not an exercise");
        let exercise =
            read(&exercise_link(&format!("#{link}"), &Framing::default())).expect("still a link");
        assert!(exercise.exercise);
        assert_eq!(
            Shared {
                exercise: false,
                ..exercise
            },
            plain,
            "the same plan and context"
        );
    }

    #[test]
    fn an_exercise_link_carries_the_trainers_texts_and_older_links_still_open() {
        let link = fragment("1. `terraform destroy`\n", &Options::default()).expect("a link");
        let framing = Framing {
            title: "Friday's teardown".to_string(),
            story: "The preview for PR 214 is still up; the agent offers to clean up & go.".into(),
            debrief: "Ask which workspace was selected.".to_string(),
            note: "Answer: escalate step 1; the workspace is not named.".to_string(),
        };
        let framed = exercise_link(&link, &framing);
        let back = read(&framed).expect("the link reads back");
        assert!(back.exercise);
        assert_eq!(back.framing, framing);
        assert!(
            !framed.contains("workspace") && !framed.contains("Answer"),
            "the texts are encoded, not readable in the address: {framed}"
        );
        // Empty texts add nothing to the link, and a link made before issue 18 opens with none.
        let plain = exercise_link(&link, &Framing::default());
        assert_eq!(plain, format!("{link}&exercise=1"));
        assert_eq!(read(&plain).map(|s| s.framing), Some(Framing::default()));
        // A damaged text is left out; the plan still opens.
        let damaged = read(&format!("{plain}&title=!!&story=AAAA")).expect("the plan opens");
        assert_eq!(damaged.framing, Framing::default());
        // A text longer than the limit is cut on a character boundary.
        let long = Framing {
            title: "é".repeat(FRAMING_LIMIT),
            ..Framing::default()
        };
        let cut = read(&exercise_link(&link, &long))
            .expect("a link")
            .framing
            .title;
        assert_eq!(cut.len(), FRAMING_LIMIT);
        assert!(cut.chars().all(|c| c == 'é'));
    }

    #[test]
    fn long_plans_get_no_link() {
        let plan = "x".repeat(SHARE_LIMIT + 1);
        assert_eq!(fragment(&plan, &Options::default()), None);
    }

    #[test]
    fn a_link_never_opens_more_than_the_page_writes() {
        // The largest plan the page writes a link for opens; one byte more, which only a
        // hand-made link can carry, is refused, however well it compresses.
        let largest = "rm -rf /x\n".repeat(SHARE_LIMIT / 10 + 1);
        let largest = &largest[..SHARE_LIMIT];
        let link = fragment(largest, &Options::default()).expect("the largest plan gets a link");
        assert_eq!(read(&link).map(|s| s.plan.len()), Some(SHARE_LIMIT));
        let hostile = "delete ".repeat(SHARE_LIMIT / 7 + 1);
        assert!(hostile.len() > SHARE_LIMIT);
        let link = format!("v=1&plan={}", to_base64url(&compress(hostile.as_bytes())));
        assert!(link.len() < 200, "a short link: {} characters", link.len());
        assert_eq!(read(&link), None);
        // A plan value longer than any the page writes is refused before it is decoded.
        let noise = "A".repeat(ENCODED_LIMIT + 1);
        assert_eq!(read(&format!("v=1&plan={noise}")), None);
        // The worst case the page writes (text that does not compress) stays under the bound.
        let mut seed: u32 = 7;
        let random: String = (0..SHARE_LIMIT)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'!' + ((seed >> 16) % 90) as u8)
            })
            .collect();
        let link = fragment(&random, &Options::default()).expect("a link");
        assert!(read(&link).is_some(), "{} characters", link.len());
    }

    #[test]
    fn damaged_or_foreign_fragments_are_refused() {
        let good = fragment("git push --force", &Options::default()).expect("a link");
        assert!(read(&good).is_some());
        assert_eq!(read(""), None);
        assert_eq!(read("#section-2"), None, "an ordinary anchor is not a link");
        assert_eq!(
            read(&good.replace("v=1", "v=9")),
            None,
            "an unknown version"
        );
        assert_eq!(read(&good[..good.len() - 3]), None, "a truncated link");
        assert_eq!(
            read(&format!("{good}&target=moon")),
            None,
            "an unknown target"
        );
        assert_eq!(read("v=1&plan=!!"), None);
        // Valid base64url of bytes that are not UTF-8.
        let bad = to_base64url(&compress(&[0xff, 0xfe]));
        assert_eq!(read(&format!("v=1&plan={bad}")), None);
        assert!(
            read(&format!("{good}&later=1")).is_some(),
            "unknown keys are ignored"
        );
    }
}
