//! What the approver (or the embedding portal, or CLI flags) tells the engine about the
//! situation: target environment, the agent's credentials, a change freeze.

use serde::{Deserialize, Serialize};

/// The environment the plan is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// Not said. A target the plan does not name is then assumed to be production.
    #[default]
    Unknown,
    Development,
    Staging,
    Production,
}

/// How much the agent's credentials can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Credentials {
    #[default]
    Unknown,
    /// Limited to the task at hand.
    Scoped,
    /// Broader than the task needs.
    Broad,
    /// Administrator of the account or cluster.
    Admin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    pub target: Target,
    pub credentials: Credentials,
    pub change_freeze: bool,
}

impl Target {
    pub const ALL: [Target; 4] = [
        Target::Unknown,
        Target::Development,
        Target::Staging,
        Target::Production,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Unknown => "unknown",
            Target::Development => "development",
            Target::Staging => "staging",
            Target::Production => "production",
        }
    }

    pub fn parse(text: &str) -> Option<Target> {
        let text = text.trim().to_ascii_lowercase();
        match text.as_str() {
            "dev" => Some(Target::Development),
            "stage" => Some(Target::Staging),
            "prod" => Some(Target::Production),
            _ => Target::ALL.into_iter().find(|t| t.as_str() == text),
        }
    }
}

impl Credentials {
    pub const ALL: [Credentials; 4] = [
        Credentials::Unknown,
        Credentials::Scoped,
        Credentials::Broad,
        Credentials::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Credentials::Unknown => "unknown",
            Credentials::Scoped => "scoped",
            Credentials::Broad => "broad",
            Credentials::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Credentials> {
        let text = text.trim().to_ascii_lowercase();
        Credentials::ALL.into_iter().find(|c| c.as_str() == text)
    }
}
