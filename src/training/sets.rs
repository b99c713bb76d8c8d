//! Suggested sets: library exercises that fill a 15, 30 or 45-minute session, in the order a
//! trainer would play them (issue 18). A trainer starts a set, prints its handout and its
//! answer sheet; "Next exercise" then follows the set instead of the library.

use super::library::{find, Exercise};

pub struct Set {
    /// The session's length, in minutes; the exercises' own estimates add up to no more.
    pub minutes: u8,
    pub name: &'static str,
    /// Library ids, in playing order.
    pub ids: &'static [&'static str],
}

impl Set {
    /// The set's exercises. Every id is in the library (a test checks it), so none is lost.
    pub fn exercises(&self) -> impl Iterator<Item = &'static Exercise> + '_ {
        self.ids.iter().filter_map(|id| find(id))
    }

    /// The exercise after `id` in this set, or `None` at its end or for one not in it.
    pub fn after(&self, id: &str) -> Option<&'static Exercise> {
        let at = self.ids.iter().position(|&other| other == id)?;
        find(self.ids.get(at + 1)?)
    }
}

pub static SETS: [Set; 3] = [
    // Three starters whose danger is in the step's own words: a first session, or a warm-up.
    Set {
        minutes: 15,
        name: "First look",
        ids: &[
            "force-push-main",
            "kiro-delete-recreate",
            "secret-in-commit",
        ],
    },
    // Adds the context (a freeze), the wrong host and mail that cannot be recalled.
    Set {
        minutes: 30,
        name: "The core",
        ids: &[
            "force-push-main",
            "kiro-delete-recreate",
            "replit-code-freeze",
            "cleanup-deletes-backups",
            "gitlab-wrong-host",
            "test-email-to-everyone",
        ],
    },
    // The incidents, with the harder ones whose danger spans steps or hides in an input.
    Set {
        minutes: 45,
        name: "Incidents in depth",
        ids: &[
            "kiro-delete-recreate",
            "replit-code-freeze",
            "gemini-mkdir-move",
            "terraform-stale-state",
            "railway-volume-token",
            "gitlab-wrong-host",
            "s3-playbook-input",
            "migration-drop-column",
            "amazon-q-wiper",
        ],
    },
];
