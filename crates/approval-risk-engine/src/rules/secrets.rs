//! Secret managers: deleting items, vaults and configurations in 1Password, Doppler,
//! Bitwarden and Infisical. A deleted secret breaks every service that reads it, at once.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, positionals, Hit};
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Words;

/// `<tool> <noun> delete` (1Password `op`, Doppler) or `<tool> delete <noun>` (Bitwarden `bw`,
/// Infisical), with the words as evidence.
fn noun_then_delete(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let (first, second) = (words.first()?, words.get(1)?);
    let (noun, verb) = if words!["delete", "rm", "remove"].contains(second.value.as_str()) {
        (first, second)
    } else if words!["delete", "rm", "remove"].contains(first.value.as_str()) {
        (second, first)
    } else {
        return None;
    };
    const NOUNS: Words = words![
        "item",
        "items",
        "document",
        "documents",
        "vault",
        "vaults",
        "group",
        "groups",
        "user",
        "users",
        "secret",
        "secrets",
        "config",
        "configs",
        "project",
        "projects",
        "environment",
        "environments",
        "attachment",
        "folder",
        "org-collection",
        "send",
        "connect",
    ];
    if !NOUNS.contains(&noun.value.as_str()) {
        return None;
    }
    let mut hit = Hit::three(command.program_span, noun.span, verb.span);
    hit.target_of(words.get(2).copied());
    // 1Password can archive instead of deleting; Bitwarden moves items to its trash unless
    // told `--permanent`.
    let archived = find_flag(command, words!["--archive"]).is_some();
    let trashed =
        command.program == "bw" && find_flag(command, words!["--permanent", "-p"]).is_none();
    if archived || trashed {
        hit.reversibility = Some(R::Recoverable);
        hit.set_note(
            if archived {
                "`--archive` keeps it in the archive, where it can be restored."
            } else {
                "Bitwarden moves it to the trash, where it stays restorable for 30 days."
            }
            .to_string(),
        );
    }
    if words!["vault", "vaults", "project", "projects", "group", "groups"]
        .contains(noun.value.as_str())
    {
        hit.scope = Some(S::Production);
        hit.note_with(
            "A whole {} holds many secrets and the access of everyone who uses them.",
            noun.value.trim_end_matches('s'),
        );
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[Rule {
    text: rule_text!("secrets.delete", "Deletes secrets or vaults in a secret manager", "Services fetching it at startup fail at their next restart; without a copy, the credential must be re-issued everywhere.", "every reader fails, and it cannot be recovered", "Disable {target} first, watch what breaks, and delete it only once nothing reads it.", ["Which services read {target}, and will they fail without it?", "Is there another copy, or must the credential be re-issued?"], "doppler secrets get {target} --plain"),
    reversibility: R::Irreversible,
    scope: S::Shared,
    reach: Reach::Environment,
    action: Action::Delete,
    floor: None,
    matcher: Matcher::CommandFn { programs: words!["op", "doppler", "bw", "infisical"], check: noun_then_delete },
    #[cfg(test)]
    references: words!["https://developer.1password.com/docs/cli/reference/management-commands/item#item-delete", "https://docs.doppler.com/docs/cli"],
    #[cfg(test)]
    examples: examples(&["op item delete \"Prod DB password\"", "doppler secrets delete STRIPE_KEY --project api --config prd -y", "op vault delete Engineering"]),
    #[cfg(test)]
    counterexamples: examples(&["op item get \"Prod DB password\"", "doppler secrets list --project api", "bw list items"]),
}];
