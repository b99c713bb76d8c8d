//! The risk model: the two axes, the decision, and the matrix that joins them (DESIGN.md).

use serde::{Deserialize, Serialize};
use std::fmt;

/// How hard a step is to undo. Ordered from easiest to hardest; `Unknown` sorts last because
/// the engine fails closed: what it cannot see into is treated as the worst plausible case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reversibility {
    Reversible,
    Recoverable,
    Irreversible,
    Unknown,
}

/// Who feels it if the step goes wrong (the blast radius).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    None,
    Local,
    Shared,
    Production,
    Organization,
}

/// What the approver should do. Ordered `proceed < review < escalate < block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Proceed,
    Review,
    Escalate,
    Block,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Proceed,
        Decision::Review,
        Decision::Escalate,
        Decision::Block,
    ];

    /// One decision lower (proceed stays proceed): what a mitigation is worth at most.
    pub fn lower(self) -> Decision {
        match self {
            Decision::Block => Decision::Escalate,
            Decision::Escalate => Decision::Review,
            Decision::Review | Decision::Proceed => Decision::Proceed,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Proceed => "proceed",
            Decision::Review => "review",
            Decision::Escalate => "escalate",
            Decision::Block => "block",
        }
    }

    pub fn parse(text: &str) -> Option<Decision> {
        Decision::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// What the decision asks of the approver, in one sentence.
    pub fn advice(self) -> &'static str {
        match self {
            Decision::Proceed => "Safe to approve: nothing here is hard to undo.",
            Decision::Review => "Read it before approving: it changes things, but they can be put back.",
            Decision::Escalate => "Do not approve alone: get a second look, because it is hard or impossible to undo or reaches far.",
            Decision::Block => "Do not approve as written: the plan must change (scope it down, back up first, split it) or go through the break-glass path.",
        }
    }
}

impl Reversibility {
    /// The axis in two or three words, for summaries.
    pub fn short(self) -> &'static str {
        match self {
            Reversibility::Reversible => "easy to undo",
            Reversibility::Recoverable => "restorable only from backups",
            Reversibility::Irreversible => "cannot be undone",
            Reversibility::Unknown => "cannot be judged",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reversibility::Reversible => "reversible",
            Reversibility::Recoverable => "recoverable",
            Reversibility::Irreversible => "irreversible",
            Reversibility::Unknown => "unknown",
        }
    }

    /// The axis in words an approver reads on a card.
    pub fn phrase(self) -> &'static str {
        match self {
            Reversibility::Reversible => "can be undone with a routine action",
            Reversibility::Recoverable => "can be restored only from a backup, snapshot or history, with effort and usually a gap",
            Reversibility::Irreversible => "cannot be undone",
            Reversibility::Unknown => "cannot be judged, because the tool cannot see what it does",
        }
    }
}

impl Scope {
    /// The axis in two or three words, for summaries.
    pub fn short(self) -> &'static str {
        match self {
            Scope::None => "changes nothing",
            Scope::Local => "stays local",
            Scope::Shared => "reaches shared systems",
            Scope::Production => "reaches production",
            Scope::Organization => "reaches the whole organisation",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::None => "none",
            Scope::Local => "local",
            Scope::Shared => "shared",
            Scope::Production => "production",
            Scope::Organization => "organization",
        }
    }

    pub fn phrase(self) -> &'static str {
        match self {
            Scope::None => "changes nothing",
            Scope::Local => "stays in the agent's own workspace",
            Scope::Shared => "reaches systems other people use (shared, dev or staging)",
            Scope::Production => "reaches production, which customers or the business rely on",
            Scope::Organization => "reaches the whole organisation or people outside it",
        }
    }

    /// One notch wider, saturating at `Organization`.
    pub fn widen(self) -> Scope {
        match self {
            Scope::None => Scope::Local,
            Scope::Local => Scope::Shared,
            Scope::Shared => Scope::Production,
            Scope::Production | Scope::Organization => Scope::Organization,
        }
    }
}

macro_rules! display_via_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
display_via_as_str!(Decision, Reversibility, Scope);

/// The decision matrix of DESIGN.md, cell for cell. The cells the design leaves empty
/// (something that cannot be undone yet changes nothing) cannot arise from a real finding; they
/// are answered as `review` so that an inconsistent rule never yields `proceed`.
pub fn decide(reversibility: Reversibility, scope: Scope) -> Decision {
    use Decision::*;
    use Reversibility as R;
    use Scope as S;
    match (reversibility, scope) {
        (R::Reversible, S::None | S::Local) => Proceed,
        (R::Reversible, S::Shared | S::Production) => Review,
        (R::Reversible, S::Organization) => Escalate,
        (R::Recoverable, S::None | S::Local | S::Shared) => Review,
        (R::Recoverable, S::Production | S::Organization) => Escalate,
        (R::Irreversible, S::None) => Review,
        (R::Irreversible, S::Local | S::Shared | S::Production) => Escalate,
        (R::Irreversible, S::Organization) => Block,
        (R::Unknown, S::None | S::Local) => Review,
        (R::Unknown, S::Shared | S::Production) => Escalate,
        (R::Unknown, S::Organization) => Block,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_matches_the_design_table() {
        use Decision::*;
        use Reversibility as R;
        use Scope as S;
        let table = [
            (R::Reversible, [Proceed, Proceed, Review, Review, Escalate]),
            (R::Recoverable, [Review, Review, Review, Escalate, Escalate]),
            (
                R::Irreversible,
                [Review, Escalate, Escalate, Escalate, Block],
            ),
            (R::Unknown, [Review, Review, Escalate, Escalate, Block]),
        ];
        let scopes = [S::None, S::Local, S::Shared, S::Production, S::Organization];
        for (rev, row) in table {
            for (scope, want) in scopes.iter().zip(row) {
                assert_eq!(decide(rev, *scope), want, "{rev} x {scope}");
            }
        }
    }

    #[test]
    fn decisions_are_ordered_and_parse_back() {
        assert!(Decision::Proceed < Decision::Review);
        assert!(Decision::Escalate < Decision::Block);
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
        }
        assert_eq!(Decision::parse("maybe"), None);
    }

    #[test]
    fn unknown_is_never_proceed() {
        for scope in [
            Scope::None,
            Scope::Local,
            Scope::Shared,
            Scope::Production,
            Scope::Organization,
        ] {
            assert!(decide(Reversibility::Unknown, scope) > Decision::Proceed);
        }
    }
}
