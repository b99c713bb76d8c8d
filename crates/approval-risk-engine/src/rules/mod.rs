//! The rule catalogue: one declaration per rule (id, axes, matcher, prose, its own examples
//! and counterexamples), grouped in one file per domain, plus the matching machinery the
//! declarations use.

mod autorun;
mod backups;
mod cicd;
mod cloud;
mod containers;
mod files;
pub(crate) mod flows;
mod generic;
mod git;
mod infra;
mod kubernetes;
mod locks;
pub use locks::{sets_lock_timeout, takes_table_lock};
mod matching;
pub(crate) use matching::option_value;
mod messages;
mod migrations;
pub use migrations::is_migration_tool;
pub(crate) use sql::SENDS_OUT;
mod fetched;
mod nosql;
pub use nosql::{kafka_changes, mongo_reads, redis_reads};
mod packages;
mod plans;
mod powershell;
mod programs;
mod prose_steps;
pub(crate) use crate::prose::DELETE_VERBS;
// The reference is generated in a unit test, from the rules and their examples (test builds only).
#[cfg(test)]
mod reference;
mod secrets;
// The prose the WebAssembly builds ship; the tests check it against the catalogue.
#[cfg(any(target_arch = "wasm32", test))]
mod shipped;
mod sql;
mod windows;

pub use autorun::{
    autorun, ci_script_lines, installed, is_ci_pipeline, pipeline_lines, playbook_commands,
    playbook_removals, script_lines, written,
};
pub use cicd::workflow_content;
pub use cloud::whole_bucket_if_empty;
pub use files::{deletes_regenerated, remakes};
pub use generic::{is_script_name, unseen_ops_script, unseen_script};
pub use matching::{
    command_flag, find_flag, flag_matches, match_command, match_prose, match_sql,
    positionals as positionals_of, Hit,
};
pub use messages::is_public_drop;
pub use powershell::{
    changing_cmdlet, from_folder, is_cmdlet, is_expression, is_plain_assignment, is_variable_name,
    listed_folder, removing_cmdlet, verb_noun_lower,
};
pub use programs::{
    behind_runner, is_known_program, is_plain_word, is_read_only, is_routine, is_workspace_tool,
    preview, Preview,
};

use crate::model::{Decision, Reversibility, Scope};
use crate::shell::Command;
use crate::span::Span;
use crate::words::Words;
use std::sync::OnceLock;

/// What a rule's target is, which decides how the environment moves its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Something in an environment (a stack, cluster, database, bucket): its scope follows the
    /// environment the step names, and an unnamed one is assumed to be production.
    Environment,
    /// The machine the command runs on (its journal, services, users, cron): the scope follows
    /// the environment the step names, as for `Environment`, but account or cluster
    /// credentials do not widen it. Admin rights on the cloud account do not make trimming
    /// one host's journal reach the organisation.
    Host,
    /// The agent's own workspace (a working copy, local files): production-looking names in
    /// the step still raise it.
    Workspace,
    /// The scope is the rule's own whatever the names say (an organisation-wide action).
    Fixed,
}

impl Reach {
    /// Whether the scope follows the environment the step names (`Environment`, `Host`).
    pub fn follows_environment(self) -> bool {
        matches!(self, Reach::Environment | Reach::Host)
    }
}

/// What kind of change a rule sees; plan patterns join steps by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Destroys or removes something.
    Delete,
    /// Deletes something and builds it again in the same step.
    DeleteRecreate,
    /// Creates or re-creates something.
    Create,
    /// Changes something in place.
    Change,
    /// Takes a backup, snapshot or export.
    Backup,
    /// Switches off a safety net (deletion protection, audit logging, alarms, backups).
    DisableSafety,
    /// Grants wider access than before.
    WidenPrivilege,
    /// Takes access away: revokes a key, token, certificate, lease or grant. Nothing is stored
    /// in a credential, so no backup brings it back; what breaks is whoever still uses it.
    Revoke,
    /// Runs something the engine cannot see into.
    Opaque,
    /// Makes something public or sends it outside (a release, a message, a payment).
    Publish,
}

/// How a rule recognises its shape. Every rule's matcher sits in the page's data, so the large
/// command pattern is held by reference: the enum stays the size of its small variants.
pub enum Matcher {
    Command(&'static CommandPattern),
    /// For shapes a table cannot say; `programs` lists the program names it looks at.
    CommandFn {
        programs: Words,
        check: fn(&Command) -> Option<Hit>,
    },
    Sql(&'static SqlPattern),
    /// For statement shapes a keyword table cannot say (which clause of an `ALTER TABLE` does
    /// what); given the input, the statement's words and its span, as `BuildInstead` is.
    SqlFn(fn(&str, &[crate::sql::SqlWord], Span) -> Option<Hit>),
    Prose(&'static ProsePattern),
    /// Found by the engine itself rather than by a pattern (claims, unknown programs, changes
    /// no specific rule covers); the rule is declared for its id, prose and examples.
    Builtin,
    /// Found by reading the commands of one step together (a folder deleted and rebuilt in the
    /// same step): as specific as a command rule, declared like a built-in one.
    StepCommands,
}

/// A command shape: program, leading subcommand words, flags present or absent.
#[derive(Debug, Clone, Copy)]
pub struct CommandPattern {
    pub programs: Words,
    /// The first positional words, in order, each a set of alternatives.
    pub subcommands: &'static [Words],
    /// At least one of these flags must be present (no requirement when empty).
    pub flags_any: Words,
    /// Every one of these flags must be present.
    pub flags_all: Words,
    /// None of these flags may be present.
    pub flags_none: Words,
    /// Some positional after the subcommands must match one of these (`*` globs allowed).
    pub args_any: Words,
    /// The flag whose value names the target (`--stack-name`); otherwise the first positional
    /// after the subcommands.
    pub target_flag: Option<&'static str>,
}

impl CommandPattern {
    pub const ANY: CommandPattern = CommandPattern {
        programs: words![],
        subcommands: &[],
        flags_any: words![],
        flags_all: words![],
        flags_none: words![],
        args_any: words![],
        target_flag: None,
    };
}

/// A SQL statement shape, over its keywords (strings and comments skipped).
#[derive(Debug, Clone, Copy)]
pub struct SqlPattern {
    /// The statement starts with one of these keyword sequences.
    pub starts: &'static [Words],
    /// The statement contains none of these keywords.
    pub lacks: Words,
    /// The statement contains at least one of these (no requirement when empty).
    pub contains: Words,
    /// The target is the name after this keyword (`from`: what a copy is taken of) rather
    /// than the first name after the leading keywords.
    pub target_after: Option<&'static str>,
    /// Builds the safer example from the statement itself (its own table, condition or
    /// column) where the rule's `instead` template would need a value the step does not give:
    /// `Some("")` for a statement it cannot rewrite faithfully (no example then), `None` to
    /// keep the template.
    pub instead_from: Option<BuildInstead>,
}

/// Builds a safer statement from the input, the statement's words and its span.
pub type BuildInstead = fn(&str, &[crate::sql::SqlWord], Span) -> Option<String>;

/// A prose shape: a verb, an object near it in the same clause, and optional companion terms.
#[derive(Debug, Clone, Copy)]
pub struct ProsePattern {
    pub verbs: Words,
    /// Required within `window` words of the verb, same clause (none required when empty).
    pub objects: Words,
    /// One of these must also appear, not negated, anywhere in the step (none when empty).
    pub also: Words,
    pub window: usize,
    /// The verb must lead its clause, as an instruction does ("Email the customers", "we will
    /// email the customers"); for verbs that are also nouns ("update the email template").
    pub leading: bool,
    /// None of these may appear in the verb's clause: a recipient or object that makes the step
    /// another rule's ("send a message to #deploys" is a team post, not a message that speaks
    /// for the organisation).
    pub unless: Words,
}

pub struct Rule {
    /// The id, the title, why, consequence and safer texts, the concrete safer step and the
    /// questions to ask (see their methods), joined by [`crate::words::SEPARATOR`] with
    /// `rule_text!`: one pointer for them all instead of seven, across some 380 rules. In the
    /// WebAssembly builds it is the id alone, and the rest comes from `shipped`.
    pub text: &'static str,
    pub reversibility: Reversibility,
    pub scope: Scope,
    pub reach: Reach,
    pub action: Action,
    /// A decision this shape never goes below, for shapes catastrophic in any context.
    pub floor: Option<Decision>,
    pub matcher: Matcher,
    /// Further reading, for `docs/rules.md` (test builds only, like the examples: the page's
    /// approver reads the card, not the sources, and the links were kilobytes of download).
    #[cfg(test)]
    pub references: Words,
    /// Steps this rule must fire on, each assessed alone. Test builds only (with the
    /// counterexamples): they test the rule and document it, and cost the page nothing.
    #[cfg(test)]
    pub examples: &'static [&'static str],
    /// Steps this rule must stay quiet on.
    #[cfg(test)]
    pub counterexamples: &'static [&'static str],
}

/// Where the first separator of a rule's joined texts is, or the end.
fn separator_at(text: &str) -> usize {
    text.bytes().position(|b| b == 0x1f).unwrap_or(text.len())
}

impl Rule {
    /// The rule's joined texts: as declared in native builds, from the shipped prose in the
    /// WebAssembly ones (`shipped`).
    fn texts(&self) -> &'static str {
        #[cfg(target_arch = "wasm32")]
        return shipped::texts(self.text);
        #[cfg(not(target_arch = "wasm32"))]
        self.text
    }

    /// The `n`th of the rule's joined texts (see `text`).
    fn part(&self, n: usize) -> &'static str {
        let rest = self.after_parts(n);
        rest.get(..separator_at(rest)).unwrap_or(rest)
    }

    /// The rule's joined texts after the first `n` of them.
    fn after_parts(&self, n: usize) -> &'static str {
        let mut rest = self.texts();
        for _ in 0..n {
            rest = rest.get(separator_at(rest) + 1..).unwrap_or_default();
        }
        rest
    }

    /// Permanent id, `domain.name`. Never renamed: policies and portals refer to it.
    pub fn id(&self) -> &'static str {
        // Asked for every finding (policies, dedupe, patterns): a byte scan to the first
        // separator.
        self.text.get(..separator_at(self.text)).unwrap_or_default()
    }

    pub fn title(&self) -> &'static str {
        self.part(1)
    }

    /// Why: the mechanism behind the loss, for an approver: at most two sentences, 20 words.
    pub fn why(&self) -> &'static str {
        self.part(2)
    }

    /// The end of the step's headline: what is lost or who is reached, as a lower-case clause
    /// of at most 11 words that reads after "Deletes a Kubernetes namespace (`checkout`,
    /// production): ". It names no object (the headline names the step's own).
    pub fn consequence(&self) -> &'static str {
        self.part(3)
    }

    /// What to do instead; `{target}` is replaced by the step's own target name.
    pub fn safer(&self) -> &'static str {
        self.part(4)
    }

    /// A concrete safer step in place of the first example; `{target}` as in `safer`. The
    /// engine must score it strictly lower than the example (a test checks every rule). In the
    /// wasm builds only a step with `{target}` is shipped (see `shipped::form`); elsewhere it is
    /// empty.
    pub fn instead(&self) -> &'static str {
        self.part(5)
    }

    /// Two or three questions for the approver to ask; `{target}` as in `safer`. They are the
    /// rest of `text` after the id, the four texts and the safer step, a word list as it stands.
    pub fn questions(&self) -> Words {
        Words {
            joined: self.after_parts(6),
        }
    }
}

impl Rule {
    /// How specific a rule is: a command or SQL rule says more than a sentence rule, which says
    /// more than the engine's own fallbacks. Used to choose which finding leads a step.
    pub fn specificity(&self) -> u8 {
        match self.matcher {
            Matcher::Command(_)
            | Matcher::CommandFn { .. }
            | Matcher::Sql(_)
            | Matcher::SqlFn(_)
            | Matcher::StepCommands => 2,
            Matcher::Prose(_) => 1,
            Matcher::Builtin => 0,
        }
    }
}

/// A rule's examples and counterexamples, which exist only in test builds (see `Rule`).
#[cfg(test)]
pub(crate) const fn examples(list: &'static [&'static str]) -> &'static [&'static str] {
    list
}

/// Every rule, in catalogue order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    [
        generic::RULES,
        prose_steps::RULES,
        files::RULES,
        git::RULES,
        sql::RULES,
        locks::RULES,
        infra::RULES,
        kubernetes::RULES,
        cloud::RULES,
        containers::RULES,
        packages::RULES,
        fetched::RULES,
        windows::RULES,
        powershell::RULES,
        autorun::RULES,
        cicd::RULES,
        messages::RULES,
        migrations::RULES,
        nosql::RULES,
        plans::RULES,
        backups::RULES,
        secrets::RULES,
        flows::RULES,
    ]
    .into_iter()
    .flatten()
}

/// A fingerprint of the catalogue (FNV-1a, 64 bits, as 16 hex digits) over each rule's id,
/// axes, reach, action, floor and, for command rules, the words of its pattern, then over the
/// digest of every rule's card prose (`prose_digest`). It is what `engine.catalogue` reports:
/// equal fingerprints mean the same rules with the same scores. Logic written as code (a
/// `CommandFn` or the engine's own checks) is not in it; the engine's version covers that.
pub fn fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| {
        let mut hash = Fnv::new();
        for rule in all() {
            hash.feed(rule.id().as_bytes());
            hash.feed(&[
                rule.reversibility as u8,
                rule.scope as u8,
                rule.reach as u8,
                rule.action as u8,
                rule.floor.map_or(0xfe, |d| d as u8),
            ]);
            if let Matcher::Command(pattern) = &rule.matcher {
                for words in [
                    pattern.programs,
                    pattern.flags_any,
                    pattern.flags_all,
                    pattern.flags_none,
                    pattern.args_any,
                ]
                .iter()
                .chain(pattern.subcommands)
                {
                    hash.feed(words.joined.as_bytes());
                }
                hash.feed(pattern.target_flag.unwrap_or("").as_bytes());
            }
        }
        // The page's builds read the prose's digest from the shipped file's header, so the
        // first report does not wait for every rule's prose to be decoded (see `shipped`).
        #[cfg(target_arch = "wasm32")]
        let prose = shipped::digest();
        #[cfg(not(target_arch = "wasm32"))]
        let prose = prose_digest();
        hash.feed(&prose.to_le_bytes());
        let hash = hash.0;
        let mut out = String::with_capacity(16);
        crate::words::push_hex(&mut out, hash, 16, false);
        out
    })
}

/// FNV-1a, 64 bits, with a 0xff after each piece so that pieces cannot run into each other.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes.iter().chain([0xffu8].iter()) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A digest of every rule's card prose, in catalogue order: title, why, consequence, safer and
/// questions. Not `instead`: the page's build shortens it (`shipped::form`), and the same rules
/// must give the same fingerprint in the CLI, the module and the page. The shipped file's
/// header carries this digest, and a test checks that it is this one.
#[cfg(not(target_arch = "wasm32"))]
fn prose_digest() -> u64 {
    let mut hash = Fnv::new();
    for rule in all() {
        for text in [rule.title(), rule.why(), rule.consequence(), rule.safer()] {
            hash.feed(text.as_bytes());
        }
        hash.feed(rule.questions().joined.as_bytes());
    }
    hash.0
}

pub fn find(id: &str) -> Option<&'static Rule> {
    // The id opens the rule's text and ends at the first separator: a prefix test, which
    // fails at the first differing byte, rather than reading each id out first.
    all().find(|r| opens_with_id(r.text, id))
}

/// Does a rule's text open with this id: all of the text (the wasm builds keep only the id,
/// see `shipped`) or up to the first separator?
fn opens_with_id(text: &str, id: &str) -> bool {
    text.starts_with(id) && matches!(text.as_bytes().get(id.len()), Some(&SEPARATOR_BYTE) | None)
}

/// [`crate::words::SEPARATOR`] as the byte it is in UTF-8.
const SEPARATOR_BYTE: u8 = 0x1f;

/// Rules indexed for matching: command rules by program, then SQL and prose rules.
pub struct Index {
    /// The catalogue's program names, sorted, each with its rules: found by binary search, so
    /// the page compiles no hash table of its own for them.
    pub(crate) by_program: ByProgram,
    pub sql: Vec<&'static Rule>,
    pub prose: Vec<&'static Rule>,
}

/// Command rules by the program they match, sorted by its name.
pub(crate) struct ByProgram(Vec<(&'static str, Vec<&'static Rule>)>);

impl ByProgram {
    pub(crate) fn get(&self, program: &str) -> Option<&[&'static Rule]> {
        let at = self
            .0
            .binary_search_by(|(name, _)| (*name).cmp(program))
            .ok()?;
        Some(&self.0[at].1)
    }
}

pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index {
            by_program: ByProgram(Vec::new()),
            sql: Vec::new(),
            prose: Vec::new(),
        };
        for rule in all() {
            let programs = match &rule.matcher {
                Matcher::Command(pattern) => Some(pattern.programs),
                Matcher::CommandFn { programs, .. } => Some(*programs),
                _ => None,
            };
            for program in programs.into_iter().flat_map(Words::iter) {
                let list = &mut index.by_program.0;
                match list.binary_search_by(|(name, _)| name.cmp(&program)) {
                    Ok(at) => list[at].1.push(rule),
                    Err(at) => list.insert(at, (program, vec![rule])),
                }
            }
            match &rule.matcher {
                Matcher::Command(_) | Matcher::CommandFn { .. } => {}
                Matcher::Sql(_) | Matcher::SqlFn(_) => index.sql.push(rule),
                Matcher::Prose(_) => index.prose.push(rule),
                Matcher::Builtin | Matcher::StepCommands => {}
            }
        }
        index
    })
}

#[cfg(test)]
mod tests;
