//! The page's state and everything that can happen to it, as a reducer tested natively.
//!
//! Typing only marks the assessment stale (`Typed`); the debounced `Assess` runs the engine once
//! the typing pauses. A plan too big for the main thread is `Delegate`d: the state then holds
//! no text and no assessment, only a `job` for the worker, whose board comes back as `Arrived`
//! (matched by `generation`, so a late answer to an older plan is dropped). The reducer never
//! talks to the worker itself; the app posts each new job. It returns the same `Rc` when
//! nothing changed, which tells Yew 0.23 to skip the render.

use crate::board::{reveal, Board, Filter, Selection};
use crate::share;
use approval_risk_engine::{
    assess, Assessment, Context, Credentials, Format, Options, Policy, Target,
};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// Plans up to this size are assessed on the main thread; bigger ones in the worker.
/// The limit is set by the costliest text, not the usual one: in the release wasm the engine
/// takes up to 3.4 ms per KB on words written to be slow ("remove remove ...") and 7 ms per KB
/// on a page of one-line destructive commands, so 4 KB keeps any plan's task, render
/// included, under the 50 ms that makes a page feel frozen, whoever wrote the plan. The usual
/// plan (one or two KB) still skips the round trip to the worker and re-scores within a frame.
pub const INLINE_LIMIT: usize = 4 * 1024;

/// Pasted or opened texts longer than this are not put whole into the text area: Chromium
/// takes about 1.7 s to lay out 5 MB of text there, in one task. The text area then shows the
/// start of the plan, read-only, while the worker assesses all of it.
pub const PREVIEW_LIMIT: usize = 256 * 1024;

/// How much of a long plan from a portal the text area shows, read-only (see `PREVIEW_LIMIT`).
pub const PREVIEW_BYTES: usize = 16 * 1024;

/// The plan a first visit opens with: the shape of the December 2025 Kiro incident, so the
/// page shows at once what it is for.
pub const EXAMPLE_PLAN: &str = "\
1. Check the current state of the Cost Explorer service in us-east-1.
2. Delete and recreate the production environment from the template.
3. Verify the service is healthy.
";

/// The colour theme: the system's unless the person picked one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|theme| theme.as_str() == text)
            .unwrap_or_default()
    }
}

/// What the worker must be asked for the current `generation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Assess with the current options; `with_text` when the plan itself is new (the app holds
    /// it, so the state never copies megabytes).
    Assess { with_text: bool },
    /// Draw another page or filter from the assessment the worker already holds.
    Select,
}

/// A card to bring into view and focus once it is rendered; `seq` makes a repeat count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    pub seq: u32,
    pub step: usize,
}

#[derive(Clone, Debug)]
pub struct State {
    /// The plan as last assessed here. While the worker holds the plan: its text when it is
    /// short enough for a share link (`Action::Delegate`), or a portal's plan for the text area
    /// to show (`Action::Adopt`); else empty.
    pub plan: AttrValue,
    /// The plan's size in bytes, wherever it is held.
    pub plan_bytes: usize,
    /// Bumped when the page replaces the text itself (clear, file, link), so the text area,
    /// which is otherwise left alone while someone types in it, takes the new text.
    pub revision: u32,
    pub options: Options,
    pub selection: Selection,
    pub board: Rc<Board>,
    /// The assessment behind `board` when it was made here (exports and re-filtering use it);
    /// `None` while the worker holds it.
    pub assessment: Option<Rc<Assessment>>,
    /// True from a keystroke (or a request to the worker) until the board is current.
    pub busy: bool,
    /// The text area shows only the start of the plan (see `PREVIEW_LIMIT`) and is read-only.
    pub preview: bool,
    pub generation: u64,
    /// The generation of the last plan a portal sent (`Action::Adopt`): any other new
    /// assessment in a frame is the approver's change, which the portal is told of.
    pub adopted: u64,
    pub job: Option<Job>,
    pub focus: Option<Focus>,
    pub theme: Theme,
    /// A message for the person that is not part of the assessment (a link that would not open).
    pub notice: Option<AttrValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Someone typed: the board is stale until the next `Assess`.
    Typed,
    /// Assess this text here, on the main thread.
    Assess(AttrValue),
    /// The page itself put this text in the text area (clear, a file, a link): assess it here.
    Replace(AttrValue),
    /// A plan of `bytes` bytes goes to the worker; `preview` when the text area shows only its
    /// start (the app has already put the text there). `text` is the plan itself when it is
    /// short enough for a share link, so a plan the worker assesses can still be shared.
    Delegate {
        bytes: usize,
        preview: bool,
        text: Option<AttrValue>,
    },
    /// The worker's board for `generation`.
    Arrived {
        generation: u64,
        board: Box<Board>,
    },
    /// A share link (the URL fragment) to open.
    Open(String),
    /// A share link whose plan goes to the worker (`Delegate` follows): its context and
    /// format only.
    Linked {
        context: Context,
        format: Option<Format>,
    },
    SetTarget(Target),
    SetCredentials(Credentials),
    SetFreeze(bool),
    /// `None` detects the format.
    SetFormat(Option<Format>),
    SetFilter(Filter),
    TurnPage(usize),
    /// Bring step `n`'s card into view (from the strip, the grid, a link), turning the page or
    /// lifting the filter as needed.
    Reveal(usize),
    SetTheme(Theme),
    /// Embedding (issue 7): a plan from the embedding portal and the assessment already made
    /// of it for the reply (`embed.rs`), shown with the options it was assessed with, so the
    /// frame never assesses the same plan twice. `None` when the plan is too big for the main
    /// thread: the worker, given it by `embed.rs`, assesses it as a delegated paste, and the
    /// state keeps its text (at most `embed::PLAN_LIMIT`) for the text area to show.
    Adopt {
        plan: AttrValue,
        context: Context,
        format: Option<Format>,
        policy: Box<Policy>,
        assessment: Option<Rc<Assessment>>,
    },
}

impl State {
    /// A state whose plan is `plan`, already assessed here, so the first render shows a verdict.
    pub fn assessed(plan: &str, options: Options) -> State {
        let mut state = State {
            plan: AttrValue::default(),
            plan_bytes: 0,
            revision: 0,
            options,
            selection: Selection::default(),
            board: Rc::new(Board::empty()),
            assessment: None,
            busy: false,
            preview: false,
            generation: 0,
            adopted: 0,
            job: None,
            focus: None,
            theme: Theme::System,
            notice: None,
        };
        state.assess_here(AttrValue::from(plan.to_owned()));
        state
    }

    /// The state a visit opens with: waiting (busy, nothing assessed) when `fragment` holds a
    /// share link, which the app then opens with `Action::Open` once the page is painted; else
    /// the example plan (with a notice when a link was there but unreadable).
    pub fn open(fragment: &str, theme: Theme) -> State {
        let mut state = match share::read(fragment) {
            Some(_) => {
                let mut waiting = State::assessed("", Options::default());
                waiting.busy = true;
                waiting
            }
            None => {
                let mut state = State::with_example();
                state.notice = unreadable(fragment);
                state
            }
        };
        state.theme = theme;
        state
    }

    /// The example plan, assessed.
    pub fn with_example() -> State {
        State::assessed(EXAMPLE_PLAN, Options::default())
    }

    /// The share link's fragment for what is shown, or `None` when the plan is too long for
    /// a link or its text is not held here.
    pub fn share_fragment(&self) -> Option<String> {
        if self.assessment.is_none() && (self.plan.is_empty() || self.preview) {
            return None;
        }
        share::fragment(&self.plan, &self.options)
    }

    fn assess_here(&mut self, plan: AttrValue) {
        let assessment = Rc::new(assess(&plan, &self.options));
        self.show(plan, assessment);
    }

    /// Shows `assessment`, made of `plan` here with the current options.
    fn show(&mut self, plan: AttrValue, assessment: Rc<Assessment>) {
        self.board = Rc::new(Board::new(&assessment, self.selection));
        self.selection = self.board.selection;
        self.assessment = Some(assessment);
        self.plan_bytes = plan.len();
        self.plan = plan;
        self.busy = false;
        self.preview = false;
        self.generation += 1;
        self.job = None;
    }

    /// Re-scores after the options changed, wherever the plan is held.
    fn rescore(&mut self) {
        if self.assessment.is_some() {
            self.assess_here(self.plan.clone());
        } else {
            self.ask_worker(Job::Assess { with_text: false });
        }
    }

    /// Redraws the board for a new selection, wherever the assessment is held.
    fn reselect(&mut self, selection: Selection) {
        self.selection = selection;
        match &self.assessment {
            Some(assessment) => {
                self.board = Rc::new(Board::new(assessment, selection));
                self.selection = self.board.selection;
            }
            None => self.ask_worker(Job::Select),
        }
    }

    fn ask_worker(&mut self, job: Job) {
        self.generation += 1;
        self.busy = true;
        // A new plan's text must reach the worker even if an option changes before it was sent.
        let with_text = matches!(self.job, Some(Job::Assess { with_text: true }));
        self.job = Some(match job {
            Job::Assess { .. } => Job::Assess {
                with_text: with_text || job == Job::Assess { with_text: true },
            },
            Job::Select if with_text => Job::Assess { with_text: true },
            Job::Select => Job::Select,
        });
    }
}

/// The start of a long plan that the text area shows (`PREVIEW_BYTES`), cut after a line
/// break when there is one.
fn preview(plan: &str) -> &str {
    let mut end = PREVIEW_BYTES.min(plan.len());
    while !plan.is_char_boundary(end) {
        end -= 1;
    }
    let start = &plan[..end];
    match start.rfind('\n') {
        Some(line) if end < plan.len() && line > 0 => &start[..=line],
        _ => start,
    }
}

fn options_of(context: Context, format: Option<Format>) -> Options {
    Options {
        context,
        format,
        ..Options::default()
    }
}

/// A notice for a fragment that looks like a share link but could not be read; ordinary
/// in-page anchors (`#top`) are not links and get none.
fn unreadable(fragment: &str) -> Option<AttrValue> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    // Some chat tools percent-encode the `=` of a fragment; such a link is still a link.
    let head = fragment
        .char_indices()
        .nth(4096)
        .map_or(fragment, |(end, _)| &fragment[..end]);
    let lower = head.to_ascii_lowercase();
    let looks_shared = lower.contains("plan=")
        || lower.contains("plan%3d")
        || lower.starts_with("v=")
        || lower.starts_with("v%3d");
    looks_shared.then(|| {
        AttrValue::from(
            "This link's plan could not be read (it may have been cut short when it was \
             copied). Showing the example plan instead.",
        )
    })
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Typed if self.busy => return self,
            Action::Typed => next.busy = true,
            Action::Assess(text) => {
                if self.assessment.is_some() && !self.busy && self.plan == text {
                    return self;
                }
                next.notice = None;
                next.assess_here(text);
            }
            Action::Replace(text) => {
                next.notice = None;
                next.revision += 1;
                next.assess_here(text);
            }
            Action::Delegate {
                bytes,
                preview,
                text,
            } => {
                next.notice = None;
                next.plan = text.unwrap_or_default();
                next.plan_bytes = bytes;
                next.assessment = None;
                next.preview = preview;
                next.job = None;
                next.ask_worker(Job::Assess { with_text: true });
            }
            Action::Arrived { generation, board } => {
                if generation != self.generation || self.assessment.is_some() {
                    return self;
                }
                next.selection = board.selection;
                next.board = Rc::new(*board);
                next.busy = false;
                next.job = None;
            }
            Action::Open(fragment) => match share::read(&fragment) {
                Some(shared) => {
                    next.options = options_of(shared.context, shared.format);
                    next.notice = None;
                    next.revision += 1;
                    next.assess_here(AttrValue::from(shared.plan));
                }
                None => match unreadable(&fragment) {
                    Some(notice) => next.notice = Some(notice),
                    None => return self,
                },
            },
            Action::Linked { context, format } => {
                next.options = options_of(context, format);
                next.notice = None;
            }
            Action::SetTarget(target) if target == self.options.context.target => return self,
            Action::SetTarget(target) => {
                next.options.context.target = target;
                next.rescore();
            }
            Action::SetCredentials(level) if level == self.options.context.credentials => {
                return self
            }
            Action::SetCredentials(level) => {
                next.options.context.credentials = level;
                next.rescore();
            }
            Action::SetFreeze(on) if on == self.options.context.change_freeze => return self,
            Action::SetFreeze(on) => {
                next.options.context.change_freeze = on;
                next.rescore();
            }
            Action::SetFormat(format) if format == self.options.format => return self,
            Action::SetFormat(format) => {
                next.options.format = format;
                next.rescore();
            }
            Action::SetFilter(filter) if filter == self.selection.filter => return self,
            Action::SetFilter(filter) => next.reselect(Selection { filter, page: 0 }),
            Action::TurnPage(page) if page == self.selection.page => return self,
            Action::TurnPage(page) => next.reselect(Selection {
                page,
                ..self.selection
            }),
            Action::Reveal(step) => {
                if step == 0 || step > self.board.marks.len() {
                    return self;
                }
                let selection = reveal(&self.board.marks, self.selection, step);
                if selection != self.selection {
                    next.reselect(selection);
                }
                next.focus = Some(Focus {
                    seq: self.focus.map_or(0, |focus| focus.seq + 1),
                    step,
                });
            }
            Action::SetTheme(theme) if theme == self.theme => return self,
            Action::SetTheme(theme) => next.theme = theme,
            Action::Adopt {
                plan,
                context,
                format,
                policy,
                assessment,
            } => {
                next.options = Options {
                    context,
                    format,
                    policy: *policy,
                };
                next.notice = None;
                next.revision += 1;
                // Whatever the branch, the generation is this plan's.
                next.adopted = next.generation + 1;
                match assessment {
                    Some(assessment) => next.show(plan, assessment),
                    None => {
                        // A long plan's text area shows the start, read-only, as for a long
                        // paste: laying out a quarter of a megabyte of text there takes
                        // Chromium a long task of its own (160 ms for one long line). One
                        // that is only costly to assess is shown whole.
                        next.plan_bytes = plan.len();
                        next.preview = plan.len() > PREVIEW_BYTES;
                        if next.preview {
                            next.plan = AttrValue::from(preview(&plan).to_owned());
                        } else {
                            next.plan = plan;
                        }
                        next.assessment = None;
                        next.job = None;
                        next.ask_worker(Job::Assess { with_text: true });
                    }
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
