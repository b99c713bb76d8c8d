//! CI/CD, repositories and secrets: GitHub and GitLab CLIs (repositories, releases, CI secrets,
//! branch protection, workflows) and HashiCorp Vault.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, match_command, option_value, positionals, shape, Hit};
use super::messages::http_method;
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Words;

/// A CI or code-hosting API endpoint: GitHub, GitLab (any host), Bitbucket, Azure DevOps,
/// CircleCI.
fn is_ci_api(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    url.contains("api.github.com/")
        || url.contains("/api/v4/")
        || url.contains("api.bitbucket.org/")
        || url.contains("circleci.com/api/")
        || (url.contains("dev.azure.com/") && url.contains("/_apis/"))
}

/// A deletion through a CI or code-hosting API: `gh api -X DELETE …`, `glab api -X DELETE …`,
/// `curl -X DELETE https://api.github.com/…`, or Jenkins' `POST …/doDelete`. The hit and the
/// endpoint.
fn ci_api_delete(command: &Command) -> Option<(Hit, String)> {
    if command.program == "gh" || command.program == "glab" {
        let mut hit = match_command(&shape(words!["gh", "glab"], &[words!["api"]]), command)?;
        let (method, span) = option_value(command, words!["--method", "-X"])?;
        if !method.eq_ignore_ascii_case("delete") {
            return None;
        }
        hit.evidence.push(span);
        // The endpoint is the first word after `api` that is not the method.
        let endpoint = positionals(command)
            .into_iter()
            .skip(1)
            .find(|a| a.value.contains('/') && !a.value.eq_ignore_ascii_case(method))?;
        hit.evidence.push(endpoint.span);
        return Some((hit, endpoint.value.clone()));
    }
    let method = http_method(command);
    let url = command.args.iter().find(|a| {
        let v = a.value.to_ascii_lowercase();
        (method == "DELETE" && is_ci_api(&v))
            || (method == "POST"
                && v.contains("://")
                && v.trim_end_matches('/').ends_with("/dodelete"))
    })?;
    let hit = Hit::pair(command.program_span, url.span);
    Some((hit, url.value.clone()))
}

/// The code-hosting CLIs and the HTTP clients that call the same APIs directly.
const CI_API_CLIENTS: Words = words!["gh", "glab", "curl", "wget", "http", "https", "xh", "xhs"];

fn is_protection_endpoint(endpoint: &str) -> bool {
    endpoint.contains("/protection")
        || endpoint.contains("/rulesets/")
        || endpoint.contains("protected_branches")
        || endpoint.contains("protected_tags")
        || endpoint.contains("/branchrestrictions")
}

fn branch_protection_off(command: &Command) -> Option<Hit> {
    if let Some((mut hit, endpoint)) = ci_api_delete(command) {
        if !is_protection_endpoint(&endpoint) {
            return None;
        }
        hit.set_target(endpoint);
        return Some(hit);
    }
    let (mut hit, endpoint) = protection_switched_off(command)?;
    hit.set_target(endpoint);
    hit.note("It rewrites the protection with settings set to null or false, which switches those checks off.");
    Some(hit)
}

/// A write (`PUT`, `PATCH`, `POST`) to a protection endpoint that sets one of its settings to
/// `null` or `false` (`-F required_pull_request_reviews=null`, a JSON body with `"enforce_admins":
/// false`): the API's way of switching a protection off without deleting the rest. A write whose
/// settings the plan does not show (`--input protection.json`) is not counted here.
fn protection_switched_off(command: &Command) -> Option<(Hit, String)> {
    let api_cli = matches!(command.program.as_str(), "gh" | "glab");
    let method = if api_cli {
        option_value(command, words!["--method", "-X"])
            .map_or_else(|| "POST".to_string(), |(m, _)| m.to_string())
    } else {
        http_method(command)
    };
    if !["PUT", "PATCH", "POST"]
        .iter()
        .any(|m| method.eq_ignore_ascii_case(m))
    {
        return None;
    }
    let endpoint = command
        .args
        .iter()
        .find(|a| a.value.contains('/') && is_protection_endpoint(&a.value.to_ascii_lowercase()))?;
    let off = command.args.iter().find(|a| {
        let value = a.value.to_ascii_lowercase();
        let set_off = |text: &str| {
            text.ends_with("=null")
                || text.ends_with("=false")
                || text.contains(":null")
                || text.contains(": null")
                || text.contains(":false")
                || text.contains(": false")
        };
        !std::ptr::eq(*a, endpoint) && set_off(&value)
    })?;
    let hit = Hit::three(command.program_span, endpoint.span, off.span);
    Some((hit, endpoint.value.clone()))
}

fn api_delete_other(command: &Command) -> Option<Hit> {
    let (mut hit, endpoint) = ci_api_delete(command)?;
    if is_protection_endpoint(&endpoint) {
        return None;
    }
    hit.set_target(endpoint);
    Some(hit)
}

/// `gh <thing> delete` for things other than repositories, releases and secrets (which have
/// rules of their own), with how hard each is to get back.
fn gh_delete_other(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(
            words!["gh"],
            &[
                words![
                    "gist",
                    "issue",
                    "label",
                    "run",
                    "cache",
                    "ssh-key",
                    "gpg-key",
                    "project",
                    "codespace",
                    "ruleset",
                ],
                words!["delete"],
            ],
        ),
        command,
    )
    .or_else(|| {
        match_command(
            &shape(
                words!["gh"],
                &[words!["repo"], words!["deploy-key"], words!["delete"]],
            ),
            command,
        )
    })?;
    let kind = positionals(command)
        .first()
        .map(|w| w.value.clone())
        .unwrap_or_default();
    match kind.as_str() {
        "cache" => {
            hit.reversibility = Some(R::Recoverable);
            hit.scope = Some(S::Local);
            hit.note =
                Some("A CI cache is rebuilt by the next run; only that run is slower.".to_string());
        }
        "ssh-key" | "gpg-key" | "repo" => {
            hit.reversibility = Some(R::Recoverable);
            hit.note("Whoever signs in or deploys with that key is locked out until it is added again (if the key itself is still held).");
        }
        "ruleset" => {
            hit.note("A ruleset is branch or tag protection: removing it lets anyone push straight to what it protected.");
        }
        _ => {}
    }
    Some(hit)
}

fn repo_make_public(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(words!["gh"], &[words!["repo"], words!["edit"]]),
        command,
    )?;
    let (visibility, span) = option_value(command, words!["--visibility"])?;
    if !visibility.eq_ignore_ascii_case("public") {
        return None;
    }
    hit.evidence.push(span);
    Some(hit)
}

fn secret_set(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(words!["gh"], &[words!["secret"], words!["set"]]),
        command,
    )
    .or_else(|| {
        match_command(
            &shape(
                words!["glab"],
                &[words!["variable"], words!["set", "update"]],
            ),
            command,
        )
    })?;
    if let Some((body, span)) = option_value(command, words!["--body", "-b", "--value", "-v"]) {
        let arg = command.args.iter().find(|a| a.span == span);
        if !body.is_empty() && !arg.is_some_and(|a| a.dynamic) {
            hit.evidence.push(span);
            hit.note("The secret's value is written into the command itself, so it is now in the plan, the shell history and the agent's transcript.");
        }
    }
    Some(hit)
}

fn vault_kv_destroy(command: &Command) -> Option<Hit> {
    match_command(
        &shape(words!["vault"], &[words!["kv"], words!["destroy"]]),
        command,
    )
    .or_else(|| {
        let mut hit = match_command(
            &shape(
                words!["vault"],
                &[words!["kv"], words!["metadata"], words!["delete"]],
            ),
            command,
        )?;
        hit.note(
            "`kv metadata delete` removes every version of the secret and its history at once.",
        );
        Some(hit)
    })
}

fn vault_delete(command: &Command) -> Option<Hit> {
    match_command(&shape(words!["vault"], &[words!["delete"]]), command).or_else(|| {
        match_command(
            &shape(words!["vault"], &[words!["policy"], words!["delete"]]),
            command,
        )
    })
}

fn vault_revoke(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(
            words!["vault"],
            &[words!["token", "lease"], words!["revoke"]],
        ),
        command,
    )?;
    if let Some(prefix) = find_flag(command, words!["-prefix", "--prefix"]) {
        hit.evidence.push(prefix.span);
        hit.scope = Some(S::Production);
        hit.note("`-prefix` revokes every lease under the path at once: every credential Vault handed out from it stops working.");
    }
    Some(hit)
}

fn vault_root_token(command: &Command) -> Option<Hit> {
    if let Some(hit) = match_command(
        &shape(
            words!["vault"],
            &[words!["operator"], words!["generate-root"]],
        ),
        command,
    ) {
        return find_flag(command, words!["-cancel", "-status", "-generate-otp"])
            .is_none()
            .then_some(hit);
    }
    let mut hit = match_command(
        &shape(words!["vault"], &[words!["token"], words!["create"]]),
        command,
    )?;
    let (policy, span) = option_value(command, words!["-policy", "--policy"])?;
    if !policy.split(',').any(|p| p == "root") {
        return None;
    }
    hit.evidence.push(span);
    Some(hit)
}

/// `java -jar jenkins-cli.jar ... delete-job|delete-node|delete-view|delete-credentials NAME`.
fn jenkins_delete(command: &Command) -> Option<Hit> {
    let via_cli = command.program == "jenkins-cli"
        || command
            .args
            .iter()
            .any(|a| a.value.ends_with("jenkins-cli.jar"));
    if !via_cli {
        return None;
    }
    let at = command.args.iter().position(|a| {
        words![
            "delete-job",
            "delete-node",
            "delete-view",
            "delete-credentials",
            "delete-builds",
            "delete-credentials-domain"
        ]
        .contains(a.value.as_str())
    })?;
    let verb = &command.args[at];
    let mut hit = Hit::pair(command.program_span, verb.span);
    hit.target_of(command.args.get(at + 1));
    Some(hit)
}

/// `gh workflow run NAME` or `gh run rerun ID`: a workflow started by hand.
fn workflow_run(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let (verb, target) = match words.as_slice() {
        [group, verb, rest @ ..] if group.value == "workflow" && verb.value == "run" => {
            (verb, rest.first())
        }
        [group, verb, rest @ ..] if group.value == "run" && verb.value == "rerun" => {
            (verb, rest.first())
        }
        _ => return None,
    };
    let mut hit = Hit::three(command.program_span, words[0].span, verb.span);
    hit.target_of(target.copied());
    Some(hit)
}

/// What a GitHub Actions workflow the plan shows (a fenced YAML block of a step, a file it
/// writes) would do once it is on the default branch, read from its text: a workflow that
/// checks out a pull request's code where that code runs with the repository's secrets, one
/// that runs pull requests on a self-hosted runner, and one that asks for every permission. Both lines are specific to Actions, so no path is needed
/// to tell a workflow; lines commented out do not count.
pub fn workflow_content(input: &str, content: crate::span::Span) -> Vec<(&'static Rule, Hit)> {
    let mut found = Vec::new();
    let mut trigger = None;
    let mut fork_code = None;
    let mut write_all = None;
    let mut pull_requests = None;
    let mut self_hosted = None;
    let mut offset = content.start;
    for line in content.slice(input).split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let code = line.split(" #").next().unwrap_or(line);
        if code.trim_start().starts_with('#') {
            continue;
        }
        let at = |needle: &str| {
            code.find(needle)
                .map(|i| crate::span::Span::new(start + i, start + i + needle.len()))
        };
        // The triggers that run with secrets and a write token whoever opened the pull
        // request: `pull_request_target`, and `workflow_run` after a fork's workflow.
        trigger = trigger.or_else(|| at("pull_request_target").or_else(|| at("workflow_run:")));
        // The pull request's own code: its head commit or branch, or its merge ref.
        fork_code = fork_code.or_else(|| FORK_REFS.iter().find_map(&at));
        if code.trim_start().starts_with("permissions:") {
            write_all = write_all.or_else(|| at("write-all"));
        }
        // Any pull request, forks' included, and a job on a machine of the owner's own.
        pull_requests = pull_requests.or_else(|| at("pull_request"));
        if code.trim_start().starts_with("runs-on:") {
            self_hosted = self_hosted.or_else(|| at("self-hosted"));
        }
    }
    if let (Some(trigger), Some(runner)) = (pull_requests, self_hosted) {
        if let Some(rule) = super::find("github.workflow-self-hosted-pr") {
            found.push((rule, Hit::pair(trigger, runner)));
        }
    }
    if let (Some(trigger), Some(checkout)) = (trigger, fork_code) {
        if let Some(rule) = super::find("github.workflow-runs-fork-code") {
            found.push((rule, Hit::pair(trigger, checkout)));
        }
    }
    if let Some(span) = write_all {
        if let Some(rule) = super::find("github.workflow-write-all") {
            found.push((rule, Hit::at(vec![span])));
        }
    }
    found
}

/// Expressions that name a pull request's own code in a workflow.
const FORK_REFS: Words = words![
    "github.event.pull_request.head.sha",
    "github.event.pull_request.head.ref",
    "github.head_ref",
    "refs/pull/",
    "github.event.workflow_run.head_sha",
    "github.event.workflow_run.head_branch",
    "gh pr checkout",
];

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("github.workflow-self-hosted-pr", "Runs pull requests on a self-hosted runner", "Any fork's pull request runs its own scripts on the host, with the host's network and cloud rights.", "strangers' code runs inside the network with the host's rights", "Run pull requests on GitHub-hosted runners, or only after a maintainer's label, on ephemeral runners without production rights.", ["Is the repository public, or can outside contributors open pull requests?", "What can the runner's host reach: networks, cloud roles, secrets?"], "```yaml\non: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n```"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::Builtin,
        #[cfg(test)]
        references: words!["https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security"],
        #[cfg(test)]
        examples: examples(&[
            "1. Run the render tests on every pull request:\n   ```yaml\n   on:\n     pull_request:\n       paths: [\"src/**\"]\n   jobs:\n     render:\n       runs-on: [self-hosted, gpu]\n       steps:\n         - run: npm ci && npm test\n   ```",
            "cat > .github/workflows/ci.yml <<'EOF'\non: [push, pull_request]\njobs:\n  build:\n    runs-on: self-hosted\n    steps:\n      - run: make test\nEOF",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "cat > .github/workflows/deploy.yml <<'EOF'\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: [self-hosted, deploy]\n    steps:\n      - run: make deploy\nEOF",
            "1. Test pull requests:\n   ```yaml\n   on: pull_request\n   jobs:\n     test:\n       runs-on: ubuntu-latest\n       steps:\n         - run: npm test\n   ```",
            "cat > .github/workflows/bench.yml <<'EOF'\non: workflow_dispatch\njobs:\n  bench:\n    runs-on: self-hosted\n    steps:\n      - run: make bench\nEOF",
        ]),
    },
    Rule {
        text: rule_text!("github.workflow-runs-fork-code", "Runs pull request code with the repository's secrets", "`pull_request_target` runs with secrets and a write token; checking out the pull request's head runs any fork's scripts with them.", "any fork's pull request can steal its secrets and push code", "Build pull requests under `pull_request`, without secrets; deploy previews only after a maintainer approves.", ["Can a pull request from any fork trigger this workflow?", "Which secrets and token permissions does the job hold while the pull request's code runs?"], "```yaml\non: pull_request\npermissions:\n  contents: read\n```"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Builtin,
        #[cfg(test)]
        references: words!["https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/"],
        #[cfg(test)]
        examples: examples(&[
            "1. Add the preview workflow:\n   ```yaml\n   on:\n     pull_request_target:\n   jobs:\n     preview:\n       runs-on: ubuntu-latest\n       steps:\n         - uses: actions/checkout@v4\n           with:\n             ref: ${{ github.event.pull_request.head.sha }}\n         - run: npm ci && npm run build\n   ```",
            "cat > .github/workflows/label.yml <<'EOF'\non: pull_request_target\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.number }}/merge\n      - run: make test\nEOF",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "1. Label new pull requests:\n   ```yaml\n   on: pull_request_target\n   jobs:\n     label:\n       runs-on: ubuntu-latest\n       steps:\n         - uses: actions/labeler@v5\n   ```",
            "1. Test pull requests:\n   ```yaml\n   on: pull_request\n   jobs:\n     test:\n       runs-on: ubuntu-latest\n       steps:\n         - uses: actions/checkout@v4\n           with:\n             ref: ${{ github.event.pull_request.head.sha }}\n   ```",
            "1. Do not trigger the preview on `pull_request_target`; use `pull_request` and check out `github.event.pull_request.head.sha` there.",
        ]),
    },
    Rule {
        text: rule_text!("github.workflow-write-all", "Gives a workflow every write permission", "`write-all` lets the job's token push code, edit releases and change settings; anything the job runs holds it.", "whatever the workflow runs can rewrite the repository", "Grant only what the job uses, such as `permissions: pull-requests: write`.", ["Which permission does the failing step actually need?", "Does the workflow run code from pull requests or third-party actions?"], "```yaml\npermissions:\n  pull-requests: write\n```"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Builtin,
        #[cfg(test)]
        references: words!["https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token"],
        #[cfg(test)]
        examples: examples(&[
            "1. Give the workflow every permission:\n   ```yaml\n   permissions: write-all\n   ```",
            "cat > .github/workflows/release.yml <<'EOF'\non: push\npermissions: write-all\njobs: {}\nEOF",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "1. Make the token read-only:\n   ```yaml\n   permissions: read-all\n   ```",
            "1. Let the job comment:\n   ```yaml\n   permissions:\n     pull-requests: write\n   ```",
        ]),
    },
    // ---- GitHub and GitLab ----
    Rule {
        text: rule_text!("github.repo-delete", "Deletes a GitHub or GitLab repository", "GitHub restores it within 90 days, minus release attachments and team permissions; its private forks are deleted too.", "its issues and secrets go, and pipelines using it break", "Archive {target} instead (read-only, reversible), and delete it months later if nobody needs it.", ["Does anything still clone, build or deploy from {target}?", "Is it a fork, or does it have forks?"], "gh repo archive {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh", "glab"],
            subcommands: &[words!["repo"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.github.com/en/repositories/creating-and-managing-repositories/restoring-a-deleted-repository"],
        #[cfg(test)]
        examples: examples(&[
            "gh repo delete acme/payments-service --yes",
            "glab repo delete acme/legacy-api",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh repo view acme/payments-service",
            "gh repo archive acme/payments-service",
            "gh repo clone acme/payments-service",
        ]),
    },
    Rule {
        text: rule_text!("github.repo-archive", "Archives a repository", "Issues, pull requests and comments turn read-only too, so bots and open reviews stall; unarchiving fully restores it.", "it turns read-only and pushes fail; nothing is lost", "Tell the people working in {target} first, and check no pipeline pushes to it.", ["Does anyone or any pipeline still push to {target}?", "Which open pull requests or bots would stall?"], "gh repo view {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh", "glab"],
            subcommands: &[words!["repo"], words!["archive"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.github.com/en/repositories/archiving-a-github-repository/archiving-repositories"],
        #[cfg(test)]
        examples: examples(&[
            "gh repo archive acme/legacy-api --yes",
            "gh repo archive acme/old-website",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh repo unarchive acme/legacy-api",
            "gh repo list acme --archived",
        ]),
    },
    Rule {
        text: rule_text!("github.repo-make-public", "Makes a private repository public", "Bots clone newly public repositories within minutes; making it private again cannot recall those copies or public forks.", "anyone can read its code, history and committed secrets", "Publish a fresh repository with only the code meant to be public, after a `gitleaks` scan.", ["Was the full history scanned for secrets and personal data?", "Who approved making this code public?"], "gh repo view {target} --json visibility"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gh"],
            check: repo_make_public,
        },
        #[cfg(test)]
        references: words!["https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/managing-repository-settings/setting-repository-visibility"],
        #[cfg(test)]
        examples: examples(&[
            "gh repo edit acme/internal-tools --visibility public --accept-visibility-change-consequences",
            "gh repo edit --visibility=public",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh repo edit acme/internal-tools --visibility private",
            "gh repo edit acme/internal-tools --description 'Internal tools'",
        ]),
    },
    Rule {
        text: rule_text!("github.prose-publish-repo", "Publishes private code", "Every branch, tag and past commit becomes readable, so a secret removed from today's code is still exposed.", "anyone can copy its code and history, for good", "Publish a fresh repository with only the code meant to be public, after scanning it for secrets.", ["Which repositories exactly, and who approved making them public?", "Has their full history been scanned for secrets?"], "List the repositories and their visibility for the owners to review."),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words![
                "publish",
                "publishing",
                "open-source",
                "open source",
                "open-sourcing",
                "expose",
                "exposing",
            ],
            objects: words![
                "repo",
                "repos",
                "repository",
                "repositories",
                "source code",
                "codebase",
            ],
            also: words![],
            window: 5,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/managing-repository-settings/setting-repository-visibility"],
        #[cfg(test)]
        examples: examples(&[
            "Publish all private repositories to increase exposure.",
            "Open-source the SDK repository today.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Do not publish the repository.",
            "Publish the release notes.",
            "List the private repositories.",
        ]),
    },
    Rule {
        text: rule_text!("github.secret-delete", "Deletes a CI secret", "GitHub Actions expands a missing secret to an empty string, so jobs run on with blank credentials.", "pipelines using it break; its value cannot be read back", "Check which workflows use {target}, and keep its value in a secrets store before deleting.", ["Which workflows or deploys read {target}?", "Is its value kept anywhere else?"], "gh secret list"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh", "glab"],
            subcommands: &[words!["secret", "variable"], words!["delete", "remove"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_secret_delete"],
        #[cfg(test)]
        examples: examples(&[
            "gh secret delete AWS_SECRET_ACCESS_KEY",
            "gh secret delete NPM_TOKEN --env production --repo acme/web",
            "glab variable delete DEPLOY_TOKEN",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh secret list --repo acme/web",
            "gh variable list",
        ]),
    },
    Rule {
        text: rule_text!("github.secret-set", "Overwrites a CI secret", "`gh secret set` overwrites an existing secret without asking, and neither GitHub nor GitLab keeps earlier versions.", "its old value is lost; a wrong one breaks pipelines", "Check whether {target} exists (`gh secret list`) and save its value; pass the new one via stdin.", ["Is the current value of {target} kept anywhere?", "Which environments and workflows use it?"], "gh secret list"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gh", "glab"],
            check: secret_set,
        },
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_secret_set"],
        #[cfg(test)]
        examples: examples(&[
            "gh secret set DEPLOY_KEY < deploy_key.pem",
            "gh secret set STRIPE_KEY --body sk_live_abc123 --env production",
            "glab variable set AWS_ACCESS_KEY_ID --value AKIAEXAMPLE",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh secret list",
            "gh variable set REGION --body us-east-1",
        ]),
    },
    Rule {
        text: rule_text!("github.release-delete", "Deletes a published release", "Rebuilt files rarely match byte for byte, so re-uploading breaks pinned checksums; the tag stays unless `--cleanup-tag` is given.", "its downloads vanish and installs of that version fail", "Mark {target} as a pre-release (`--prerelease`) and publish a fixed release; keep its files downloadable.", ["Who downloads {target}, and does any install script pin it?", "Why not mark it withdrawn instead?"], "gh release edit {target} --prerelease"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh", "glab"],
            subcommands: &[words!["release"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_release_delete"],
        #[cfg(test)]
        examples: examples(&[
            "gh release delete v2.3.0 --yes",
            "gh release delete v1.0.0 --cleanup-tag -y --repo acme/cli",
            "glab release delete v3.1.0",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh release view v2.3.0",
            "gh release create v2.3.1 --notes 'Fix'",
            "gh release delete-asset v2.3.0 old.zip",
        ]),
    },
    Rule {
        text: rule_text!("github.branch-protection-off", "Removes branch protection", "Deleting it discards its required checks, reviewers and push rules, re-entered only by hand; force pushes can then rewrite history.", "anyone can push unreviewed code straight to what ships", "Merge through a pull request; for a one-off, grant a ruleset bypass instead of deleting the rules.", ["What step needs protection off, and has it been reviewed?", "Who re-enables it, and are its settings written down?"], "gh api {target}"),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: CI_API_CLIENTS,
            check: branch_protection_off,
        },
        #[cfg(test)]
        references: words!["https://docs.github.com/en/rest/branches/branch-protection#delete-branch-protection"],
        #[cfg(test)]
        examples: examples(&[
            "gh api -X DELETE repos/acme/web/branches/main/protection",
            "gh api --method DELETE /repos/acme/web/rulesets/42",
            "glab api -X DELETE projects/12/protected_branches/main",
            "curl -X DELETE -H \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com/repos/acme/web/branches/main/protection",
            "gh api -X PUT repos/acme/web/branches/main/protection -F required_status_checks=null -F enforce_admins=false -F required_pull_request_reviews=null -F restrictions=null",
            "curl -X PUT https://api.github.com/repos/acme/web/branches/main/protection -d '{\"required_pull_request_reviews\": null, \"enforce_admins\": false}'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh api repos/acme/web/branches/main/protection",
            "gh api -X PUT repos/acme/web/branches/main/protection --input protection.json",
            "gh api -X PUT repos/acme/web/branches/main/protection -F enforce_admins=true -f required_status_checks[strict]=true",
            "gh api -X PATCH repos/acme/web -F delete_branch_on_merge=false",
        ]),
    },
    Rule {
        text: rule_text!("github.api-delete", "Deletes something through a CI or code-hosting API", "Only the token's rights limit the call: an admin token deletes a whole repository as readily as a webhook.", "what it names is deleted without confirmation or undo", "Read the endpoint with a `GET` first, then delete with the dedicated `gh` or `glab` command.", ["What exactly does {target} name, and who uses it?", "Would a dedicated command ask for confirmation?"], "gh api {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: CI_API_CLIENTS,
            check: api_delete_other,
        },
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_api"],
        #[cfg(test)]
        examples: examples(&[
            "gh api -X DELETE repos/acme/web/git/refs/heads/release-2024",
            "gh api --method=DELETE repos/acme/web/hooks/123456",
            "curl -X DELETE --header \"PRIVATE-TOKEN: $TOKEN\" https://gitlab.example.com/api/v4/projects/42/environments/15",
            "curl -X POST -u admin:$JENKINS_TOKEN https://jenkins.example.com/job/deploy-prod/doDelete",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh api repos/acme/web/hooks",
            "gh api -X POST repos/acme/web/issues -f title=Bug",
            "curl https://gitlab.example.com/api/v4/projects/42/environments",
            "curl -X POST https://jenkins.example.com/job/deploy-prod/build",
        ]),
    },
    Rule {
        text: rule_text!("github.delete-other", "Deletes a GitHub issue, gist, key or cache", "No trash exists: comments, run logs and artifacts go too, and a deleted label vanishes from every issue.", "it is gone; a deleted key locks out its users", "Close or archive it instead (`gh issue close`); check who uses a key before removing it.", ["Does anyone link to {target} or rely on it?", "Could it be closed or archived instead?"], "gh issue close {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gh"],
            check: gh_delete_other,
        },
        #[cfg(test)]
        references: words!["https://docs.github.com/en/issues/tracking-your-work-with-issues/administering-issues/deleting-an-issue"],
        #[cfg(test)]
        examples: examples(&[
            "gh issue delete 123 --yes",
            "gh gist delete 5b0e0062eb8e9654adad7bb1d81cc75f",
            "gh ssh-key delete 1 --yes",
            "gh cache delete build-cache",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh issue close 123",
            "gh gist list",
            "gh cache list",
        ]),
    },
    Rule {
        text: rule_text!("github.workflow-disable", "Disables a CI workflow", "A disabled required check never reports, so pull requests wait forever or get merged around it; nothing prompts re-enabling it.", "its checks and scheduled jobs silently stop running", "Fix the workflow or skip one run instead; if it must be off, plan `gh workflow enable`.", ["What goes unchecked or undone while {target} is off?", "Which step turns it back on?"], "gh workflow view {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh"],
            subcommands: &[words!["workflow"], words!["disable"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_workflow_disable"],
        #[cfg(test)]
        examples: examples(&[
            "gh workflow disable security-scan.yml",
            "gh workflow disable 'Nightly backup' --repo acme/ops",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh workflow enable security-scan.yml",
            "gh workflow list",
            "gh workflow run deploy.yml --ref main",
        ]),
    },
    Rule {
        text: rule_text!("github.workflow-run", "Starts a CI workflow by hand", "The workflow does whatever its file says, with the repository's secrets; a deploy it runs is a deploy.", "what the workflow deploys or changes reaches that environment", "Read the workflow file and run it against a non-production environment first.", ["What does {target} deploy or change, and where?", "Which ref and inputs does it run with?"], "gh workflow view {target} --yaml"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["gh"], check: workflow_run },
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_workflow_run"],
        #[cfg(test)]
        examples: examples(&[
            "gh workflow run deploy-staging.yml --repo acme/infra --ref main",
            "gh workflow run release.yml -f version=2.3.0",
            "gh run rerun 123456 --failed",
        ]),
        #[cfg(test)]
        counterexamples: examples(&["gh workflow list", "gh workflow view deploy.yml", "gh run view 123456", "gh run watch 123456"]),
    },
    Rule {
        text: rule_text!("github.pr-merge-admin", "Merges a pull request skipping reviews and checks", "`--admin` skips branch protection using the caller's admin rights, and nothing in the git history shows it was skipped.", "unreviewed, unchecked code lands and its deploys run", "Merge with `--auto` so it lands once checks and reviews pass; fix flaky checks instead.", ["Which required checks or reviews have not passed, and why?", "Does merging deploy automatically?"], "gh pr checks {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh"],
            subcommands: &[words!["pr"], words!["merge"]],
            flags_any: words!["--admin"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_pr_merge"],
        #[cfg(test)]
        examples: examples(&[
            "gh pr merge 482 --admin --squash",
            "gh pr merge --merge --admin --delete-branch",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gh pr merge 482 --squash --auto",
            "gh pr checks 482",
        ]),
    },
    Rule {
        text: rule_text!("github.pr-merge", "Merges a pull request", "A revert commit removes the code but not what its deploy already did, such as migrations run.", "its changes reach the shared branch and often deploy", "Confirm reviews and checks passed, and whether merging deploys, before merging.", ["Does merging this deploy automatically, and where?", "Have all reviews and required checks passed?"], "gh pr checks {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh", "glab"],
            subcommands: &[words!["pr", "mr"], words!["merge"]],
            flags_none: words!["--admin"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_pr_merge"],
        #[cfg(test)]
        examples: examples(&["gh pr merge 318 --squash", "glab mr merge 42"]),
        #[cfg(test)]
        counterexamples: examples(&["gh pr view 318", "gh pr merge 318 --admin"]),
    },
    Rule {
        text: rule_text!("github.release-create", "Publishes a release", "Publishing fires the `release` event that workflows listen for, and deleting the release does not undo what they ran.", "watchers are notified and pipelines may ship it to users", "Create it as a draft (`--draft`), check notes and assets, then publish.", ["What does publishing start: builds, uploads, notifications?", "Are the notes and version number final?"], "gh release create {target} --draft"),
        reversibility: R::Recoverable,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gh", "glab"],
            subcommands: &[words!["release"], words!["create"]],
            flags_none: words!["--draft", "-d"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cli.github.com/manual/gh_release_create"],
        #[cfg(test)]
        examples: examples(&["gh release create v2.14.3 --notes-file CHANGELOG.md", "glab release create v1.0.0"]),
        #[cfg(test)]
        counterexamples: examples(&["gh release create v2.14.3 --draft", "gh release view v2.14.3"]),
    },
    Rule {
        text: rule_text!("jenkins.delete", "Deletes Jenkins jobs, nodes, views or credentials", "Jenkins deletes the job's directory, `config.xml` and build history; only a `JENKINS_HOME` backup or job DSL seed restores it.", "its configuration and history are gone; dependent builds fail", "Disable the job (`disable-job`) or take the node offline, and save its `config.xml` (`get-job`).", ["Which pipelines or deployments use {target}?", "Is its configuration saved (config.xml or job DSL)?"], "java -jar jenkins-cli.jar get-job {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["java", "jenkins-cli"], check: jenkins_delete },
        #[cfg(test)]
        references: words!["https://www.jenkins.io/doc/book/managing/cli/"],
        #[cfg(test)]
        examples: examples(&["java -jar jenkins-cli.jar -s http://jenkins.local/ delete-job deploy-prod", "java -jar jenkins-cli.jar delete-node agent-1"]),
        #[cfg(test)]
        counterexamples: examples(&["java -jar jenkins-cli.jar get-job deploy-prod", "java -jar app.jar delete-job"]),
    },
    // ---- HashiCorp Vault ----
    Rule {
        text: rule_text!("vault.kv-delete", "Deletes a secret from Vault", "KV v2 only soft-deletes the latest version, which `kv undelete` restores; KV v1 erases the value for good.", "applications reading it fail until it is restored", "Save its value first (`vault kv get`), and check the store is versioned (KV v2).", ["Which applications read {target}?", "Is this a versioned (KV v2) secrets engine?"], "vault kv metadata get {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["vault"],
            subcommands: &[words!["kv"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/kv/delete"],
        #[cfg(test)]
        examples: examples(&[
            "vault kv delete secret/payments/stripe",
            "vault kv delete -mount=secret app/db-password",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "vault kv get secret/payments/stripe",
            "vault kv undelete -versions=3 secret/payments/stripe",
        ]),
    },
    Rule {
        text: rule_text!("vault.kv-destroy", "Permanently destroys Vault secret versions", "Unlike `kv delete`, which `kv undelete` reverses, destroy erases the data from storage; only reissuing credentials at their source helps.", "its values are gone for good; applications needing them fail", "Use `vault kv delete`, which can be undone; destroy versions only after weeks unread.", ["Is anything still reading these versions of {target}?", "Why destroy the values rather than delete them?"], "vault kv metadata get {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["vault"],
            check: vault_kv_destroy,
        },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/kv/destroy"],
        #[cfg(test)]
        examples: examples(&[
            "vault kv destroy -versions=1,2,3 secret/payments/stripe",
            "vault kv metadata delete secret/app/db-password",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "vault kv metadata get secret/app/db-password",
            "vault kv delete secret/app/db-password",
        ]),
    },
    Rule {
        text: rule_text!("vault.delete", "Deletes a Vault path or policy", "Its effect depends on the path's engine; tokens keep a deleted policy's name, so recreating it restores their access.", "its data or permissions are gone, with no undelete", "Save what {target} holds first (`vault read`); for a policy, update the roles and tokens using it.", ["What is stored at {target}, and is it saved elsewhere?", "Which applications or people depend on it?"], "vault read {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["vault"],
            check: vault_delete,
        },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/delete"],
        #[cfg(test)]
        examples: examples(&[
            "vault delete secret/myapp/config",
            "vault delete database/roles/readonly",
            "vault policy delete myapp-policy",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "vault read secret/myapp/config",
            "vault policy read myapp-policy",
            "vault write database/roles/readonly db_name=pg",
        ]),
    },
    Rule {
        text: rule_text!("vault.secrets-disable", "Disables a Vault secrets engine", "Disabling wipes the engine's storage; re-enabling the path gives an empty engine, and only a whole-Vault snapshot restores it.", "its secrets are deleted and its issued credentials revoked", "Remove individual secrets instead, after listing what is under {target}; snapshot Vault's storage first.", ["Which applications use the secrets under {target}?", "Is there a recent snapshot of Vault's storage?"], "vault secrets list -detailed"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["vault"],
            subcommands: &[words!["secrets"], words!["disable"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/secrets/disable"],
        #[cfg(test)]
        examples: examples(&["vault secrets disable secret/", "vault secrets disable database"]),
        #[cfg(test)]
        counterexamples: examples(&["vault secrets list", "vault secrets enable -path=kv2 kv-v2"]),
    },
    Rule {
        text: rule_text!("vault.auth-disable", "Disables a Vault login method", "Disabling deletes the method's roles, group mappings and settings, so enabling it again at the same path starts from nothing.", "its users are locked out and their tokens revoked", "Find who logs in via {target} (audit log), move them elsewhere, and export its roles first.", ["Who and what logs in through {target}?", "Is its configuration (roles, mappings) saved anywhere?"], "vault auth list -detailed"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["vault"],
            subcommands: &[words!["auth"], words!["disable"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/auth/disable"],
        #[cfg(test)]
        examples: examples(&["vault auth disable kubernetes", "vault auth disable userpass/"]),
        #[cfg(test)]
        counterexamples: examples(&["vault auth list", "vault auth enable approle"]),
    },
    Rule {
        text: rule_text!("vault.revoke", "Revokes Vault tokens or leases", "Child tokens and leases go too, deleting the database users and cloud keys those leases issued.", "whatever uses it stops working until new credentials are issued", "Find what uses {target} first (audit log), and revoke single leases rather than a `-prefix`.", ["What uses {target}, and will it renew credentials itself?", "Does this revoke one lease or everything under a path?"], "vault token lookup {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Revoke,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["vault"],
            check: vault_revoke,
        },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/lease/revoke"],
        #[cfg(test)]
        examples: examples(&[
            "vault token revoke hvs.CAESIJ1",
            "vault lease revoke -prefix database/creds/readonly",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "vault token lookup hvs.CAESIJ1",
            "vault lease renew database/creds/readonly/abcd",
        ]),
    },
    Rule {
        text: rule_text!("vault.operator-seal", "Seals Vault", "Unsealing needs a quorum of key holders entering their shares, which can take hours if they are not at hand.", "every application reading secrets from it fails until unsealed", "Revoke a compromised token with `vault token revoke`; seal only in an emergency, with key holders ready.", ["Why seal Vault rather than revoke a token?", "Are enough unseal key holders ready?"], "vault status"),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["vault"],
            subcommands: &[words!["operator"], words!["seal"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/commands/operator/seal"],
        #[cfg(test)]
        examples: examples(&["vault operator seal", "VAULT_ADDR=https://vault.internal:8200 vault operator seal"]),
        #[cfg(test)]
        counterexamples: examples(&["vault status", "vault operator unseal"]),
    },
    Rule {
        text: rule_text!("vault.root-token", "Creates a Vault root token", "A root token skips every policy check and can be set never to expire; HashiCorp advises revoking it after use.", "whoever holds it can read and change everything until revoked", "Create a short-lived token limited to the task's paths (`vault token create -policy=... -ttl=1h`).", ["What does the task need beyond a limited policy?", "Who revokes the root token, and when?"], "vault token create -policy=deploy-readonly -ttl=1h"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["vault"],
            check: vault_root_token,
        },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/vault/docs/concepts/tokens#root-tokens"],
        #[cfg(test)]
        examples: examples(&[
            "vault token create -policy=root",
            "vault operator generate-root -init",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "vault token create -policy=deploy -ttl=1h",
            "vault operator generate-root -status",
        ]),
    },
];
