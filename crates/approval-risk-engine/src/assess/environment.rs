//! Which environment a step names: production-looking words (and the policy's own patterns),
//! non-production words, or nothing at all.

use crate::policy::Policy;
use crate::prose::Token;
use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// The first word that names production, if any.
    pub production: Option<Span>,
    /// The first word that names a non-production environment (staging, dev, test, sandbox).
    pub nonproduction: Option<Span>,
    /// The first word that names a scratch or temporary target.
    pub scratch: Option<Span>,
    /// A tool call's filter whose matches an earlier read in the plan counted as many (see
    /// `transcript::Rewritten::counted`); the plan's words, not the step's, show it.
    pub counted: Option<Span>,
}

const PRODUCTION: Words = words!["prod", "production", "prd", "live", "prods", "productive"];
/// Production in German, Spanish, Portuguese, French compounds, Japanese and Chinese.
const PRODUCTION_ELSEWHERE: Words = words![
    "produktion",
    "producción",
    "produccion",
    "produção",
    "producao",
    "本番",
    "生产",
    "生產"
];
const NONPRODUCTION: Words = words![
    "staging",
    "stage",
    "stg",
    "dev",
    "development",
    "test",
    "testing",
    "qa",
    "uat",
    "sandbox",
    "preprod",
    "nonprod",
    "demo",
    "local",
    "localhost",
    "preview",
    "integration",
];
const SCRATCH: Words = words![
    "scratch",
    "temp",
    "temporary",
    "tmp",
    "throwaway",
    "disposable",
    "ephemeral",
];

/// Whether a name the step gives for a non-production environment is a development one
/// (`dev`, `gke-acme-dev`, `dev-priya`, `localhost`, a sandbox), not a shared stage such as
/// staging or QA: with the target set to development, it names that target.
pub fn is_development(name: &str) -> bool {
    let mut parts = name
        .split(crate::words::not_alphanumeric)
        .filter(|p| !p.is_empty())
        .map(str::to_ascii_lowercase);
    let mut development = false;
    for part in parts.by_ref() {
        if DEVELOPMENT.contains(&part) {
            development = true;
        } else if NONPRODUCTION.contains(&part) || PRODUCTION.contains(&part) {
            return false;
        }
    }
    development
}

/// Programs and words after which `test` is the name of a task to run.
const TASK_RUNNERS: Words = words![
    "npm", "yarn", "pnpm", "bun", "make", "cargo", "go", "mix", "dotnet", "gradle", "mvn", "rake",
    "run",
];

/// Whether a name the step gives for a non-production environment is the developer's own
/// machine ("my local database", `--env local`), whatever target the approver set. Not
/// `localhost`: an address on the machine the command runs on may be a server's own service
/// or a tunnel to one.
pub fn is_local_machine(name: &str) -> bool {
    name.split(crate::words::not_alphanumeric)
        .any(|part| part.eq_ignore_ascii_case("local"))
}

/// What "test" describes when it names no environment: a test email, a test suite.
const TESTED_THINGS: Words = words![
    "email", "emails", "copy", "message", "messages", "sms", "send", "suite", "suites", "run",
    "runs", "results", "case", "cases",
];

/// The non-production names that are a developer's own environment.
const DEVELOPMENT: Words = words!["dev", "development", "local", "localhost", "sandbox"];

impl Environment {
    pub fn of(tokens: &[Token], policy: &Policy) -> Environment {
        let mut env = Environment::default();
        for (at, token) in tokens.iter().enumerate() {
            let text = token.text.as_str();
            // `npm test`, `make test`, `go test`: the task a runner is given is named `test`,
            // and it names no environment; nor does a test email, copy or suite. Its neighbours
            // are looked at only for that word: every token of every step passes here.
            if matches!(text, "test" | "tests")
                && (at > 0 && TASK_RUNNERS.contains(tokens[at - 1].text.as_str())
                    || tokens
                        .get(at + 1)
                        .is_some_and(|next| TESTED_THINGS.contains(next.text.as_str())))
            {
                continue;
            }
            // Device paths (`/dev/sdb1`) name hardware, not a development environment.
            if text.starts_with("/dev/") || text == "/dev" {
                continue;
            }
            // In a URL or host name, the last label is a top-level domain (`.dev`, `.live`),
            // not an environment; only the labels before it count.
            let owned;
            let url = if text.as_bytes().contains(&b':') {
                text.find("://")
            } else {
                None
            };
            let text = match url {
                Some(at) => {
                    let rest = &text[at + 3..];
                    let host_end = rest.find('/').unwrap_or(rest.len());
                    let host = &rest[..host_end];
                    let without_tld = host.split_last(b'.').map_or(host, |(h, _)| h);
                    owned = crate::words::fill3(
                        "{}{}{}",
                        &text[..at + 3],
                        without_tld,
                        &rest[host_end..],
                    );
                    owned.as_str()
                }
                None => text,
            };
            let policy_hit = policy
                .production_patterns
                .iter()
                .any(|p| text.contains(p.as_str()));
            let mut parts = text
                .split(crate::words::not_alphanumeric)
                .filter(|p| !p.is_empty())
                .peekable();
            let mut previous = "";
            let mut production = policy_hit;
            let mut nonproduction = false;
            let mut scratch = false;
            while let Some(part) = parts.next() {
                // Production in other languages, alone or opening a compound
                // ("Produktionsdatenbank", "本番環境", "生产数据库").
                // Chinese has no spaces to split a compound at, so its word may sit anywhere
                // (searched for only in words that are not ASCII, as every token passes here).
                let elsewhere = |p: &str| {
                    part.starts_with(p) || (!p.is_ascii() && !part.is_ascii() && part.contains(p))
                };
                // Every such word in a Latin script opens with `produ`: any other word in
                // ASCII is none of them, which spares the list for nearly every word.
                if (!part.is_ascii() || part.starts_with("produ"))
                    && PRODUCTION_ELSEWHERE.iter().any(elsewhere)
                {
                    production = true;
                    previous = part;
                    continue;
                }
                // "non-prod" and "pre-prod" name the environments before production.
                if PRODUCTION.contains(&part) && !words!["non", "pre", "not"].contains(previous) {
                    // "live" is production only as a qualifier, not in "live with it".
                    production |= part != "live" || parts.peek().is_some() || previous.is_empty();
                } else if NONPRODUCTION.contains(&part)
                    || (PRODUCTION.contains(&part) && !previous.is_empty())
                {
                    nonproduction = true;
                } else if SCRATCH.contains(&part) {
                    scratch = true;
                }
                previous = part;
            }
            if production && env.production.is_none() {
                env.production = Some(token.span);
            }
            if nonproduction && env.nonproduction.is_none() {
                env.nonproduction = Some(token.span);
            }
            if scratch && env.scratch.is_none() {
                env.scratch = Some(token.span);
            }
        }
        env
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prose::tokens;

    fn env(text: &str) -> Environment {
        Environment::of(
            &tokens(text, Span::new(0, text.len()), &[]),
            &Policy::default(),
        )
    }

    #[test]
    fn production_names_are_seen() {
        assert!(env("kubectl --context=prod-eu delete ns x")
            .production
            .is_some());
        assert!(env("Delete the production environment")
            .production
            .is_some());
        assert!(env("drop database app_prd").production.is_some());
    }

    #[test]
    fn production_elsewhere_in_latin_script_opens_with_produ() {
        // `Environment::of` reads the list only for such words (and those not in ASCII).
        for word in PRODUCTION_ELSEWHERE {
            assert!(!word.is_ascii() || word.starts_with("produ"), "{word}");
        }
    }

    #[test]
    fn lookalikes_are_not_production() {
        let e = env("Deploy the new products page to pre-prod");
        assert!(e.production.is_none());
        assert!(e.nonproduction.is_some());
        assert!(env("reproduce the bug").production.is_none());
        assert!(env("Die Produkte neu sortieren").production.is_none());
    }

    #[test]
    fn production_in_other_languages_is_seen() {
        for text in [
            "Lösche die Produktionsdatenbank",
            "Apague o banco de dados de produção",
            "Elimina la base de datos de producción",
            "本番環境のバケットを削除する",
            "删除生产数据库",
        ] {
            assert!(env(text).production.is_some(), "{text}");
        }
    }

    #[test]
    fn policy_patterns_count_as_production() {
        let policy = Policy {
            production_patterns: vec!["acct-7".into()],
            ..Policy::default()
        };
        let text = "aws --profile acct-7 s3 rb s3://x";
        assert!(
            Environment::of(&tokens(text, Span::new(0, text.len()), &[]), &policy)
                .production
                .is_some()
        );
    }
}
