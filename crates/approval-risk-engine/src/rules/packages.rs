//! Package registries: publishing, unpublishing, yanking, deprecating, dist-tags, visibility and
//! ownership. A public release reaches people outside the organisation and cannot be taken
//! back (the version number is burned even where the files can be removed), so publishing to a
//! public registry is irreversible at organisation scope; an internal registry is shared.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, flag_value, positionals, Hit};
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Last;
use crate::words::Words;

/// The value of the first of `flags` present, without a `--flag=` prefix.
fn value_of(command: &Command, flags: Words) -> Option<(&Arg, String)> {
    flags.iter().find_map(|flag| {
        let arg = flag_value(command, flag)?;
        let value = arg
            .value
            .strip_prefix(flag)
            .and_then(|v| v.strip_prefix('='))
            .unwrap_or(&arg.value);
        Some((arg, value.to_string()))
    })
}

/// Narrows a publish hit to `shared` when it names a registry that is not the public one.
fn internal_registry(hit: &mut Hit, command: &Command, flags: Words, public: Words) {
    let Some((arg, value)) = value_of(command, flags) else {
        return;
    };
    let lower = value.to_ascii_lowercase();
    if public.iter().any(|p| {
        lower == *p
            || lower.contains(&crate::words::fill("{}/", p))
            || lower.ends_with(p) && lower.contains("://")
    }) {
        return;
    }
    hit.evidence.push(arg.span);
    hit.scope = Some(S::Shared);
    hit.set_note(if lower.contains("test") {
        crate::words::fill("`{}` is a test index: nothing there reaches real installs, though the upload is still permanent there.", &value)
    } else {
        crate::words::fill("It goes to `{}`, not the public registry, so it reaches people inside the organisation rather than everyone.", &value)
    });
}

/// `npm publish`, `pnpm publish`, `yarn publish`, `yarn npm publish`, `bun publish`,
/// `lerna publish`.
fn npm_publish(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let at = match (command.program.as_str(), words.first()?.value.as_str()) {
        (_, "publish") => 0,
        ("yarn", "npm") if words.get(1)?.value == "publish" => 1,
        _ => return None,
    };
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words[..=at].iter().map(|w| w.span));
    hit.target_of(words.get(at + 1).copied());
    internal_registry(
        &mut hit,
        command,
        words!["--registry"],
        words![
            "registry.npmjs.org",
            "registry.yarnpkg.com",
            "registry.npmjs.com",
        ],
    );
    if hit.scope.is_none() {
        if let Some((arg, value)) = value_of(command, words!["--access"]) {
            if value == "restricted" {
                hit.evidence.push(arg.span);
                hit.scope = Some(S::Shared);
                hit.note("`--access restricted` keeps the package private to the organisation's npm members.");
            }
        }
    }
    Some(hit)
}

fn npm_deprecate(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let sub = words.first().filter(|w| w.value == "deprecate")?;
    let package = words.get(1)?;
    // An empty message takes the deprecation back off.
    if words.get(2).is_some_and(|m| m.value.trim().is_empty()) {
        return None;
    }
    let mut hit = Hit::three(command.program_span, sub.span, package.span);
    hit.target_of(Some(package));
    Some(hit)
}

fn dist_tag(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let (sub, verb, rest) = match (command.program.as_str(), words.as_slice()) {
        (_, [sub, verb, rest @ ..]) if sub.value == "dist-tag" => (*sub, *verb, rest),
        ("yarn", [sub, verb, rest @ ..]) if sub.value == "tag" => (*sub, *verb, rest),
        ("yarn", [npm, sub, verb, rest @ ..]) if npm.value == "npm" && sub.value == "tag" => {
            (*sub, *verb, rest)
        }
        _ => return None,
    };
    if !words!["add", "rm", "remove", "set"].contains(verb.value.as_str()) {
        return None;
    }
    let mut hit = Hit::three(command.program_span, sub.span, verb.span);
    hit.set_target(rest.first().map(|a| {
        let spec = a.value.as_str();
        // `@scope/name@1.2.3` names the package before the last `@`.
        match spec.find_last(b'@') {
            Some(at) if at > 0 => spec[..at].to_string(),
            _ => spec.to_string(),
        }
    }));
    Some(hit)
}

fn access_public(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let sub = words.first().filter(|w| w.value == "access")?;
    let (setting, package) = match words.get(1)?.value.as_str() {
        "public" => (words[1], words.get(2)),
        "set" => {
            let value = words.get(2)?;
            if value.value != "status=public" {
                return None;
            }
            (*value, words.get(3))
        }
        _ => return None,
    };
    let mut hit = Hit::three(command.program_span, sub.span, setting.span);
    hit.target_of(package.copied());
    Some(hit)
}

fn owner_change(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    match command.program.as_str() {
        "npm" | "pnpm" | "yarn" => {
            let sub = words.first().filter(|w| w.value == "owner")?;
            let verb = words
                .get(1)
                .filter(|w| words!["add", "rm", "remove"].contains(w.value.as_str()))?;
            let mut hit = Hit::three(command.program_span, sub.span, verb.span);
            hit.target_of(words.get(3).copied());
            Some(hit)
        }
        _ => {
            let sub = words.first().filter(|w| w.value == "owner")?;
            let change = find_flag(command, words!["--add", "-a", "--remove", "-r"])?;
            let mut hit = Hit::three(command.program_span, sub.span, change.span);
            hit.target_of(
                words
                    .iter()
                    .skip(1)
                    .find(|w| {
                        // The user being added is the flag's value, the package the other word.
                        flag_value(command, &change.value).is_none_or(|v| v.span != w.span)
                    })
                    .copied(),
            );
            Some(hit)
        }
    }
}

/// `cargo publish`, and `cargo release ... --execute` (cargo-release publishes only then).
fn cargo_publish(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let sub = words.first()?;
    let mut hit = Hit::pair(command.program_span, sub.span);
    match sub.value.as_str() {
        "publish" => {}
        "release" => {
            let execute = find_flag(command, words!["--execute", "-x"])?;
            hit.evidence.push(execute.span);
        }
        _ => return None,
    }
    if let Some((_, package)) = value_of(command, words!["-p", "--package"]) {
        hit.set_target(package);
    }
    internal_registry(
        &mut hit,
        command,
        words!["--registry", "--index"],
        words![
            "crates-io",
            "crates.io",
            "github.com/rust-lang/crates.io-index",
        ],
    );
    Some(hit)
}

fn cargo_yank(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let sub = words.first().filter(|w| w.value == "yank")?;
    if find_flag(command, words!["--undo"]).is_some() {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, sub.span);
    hit.set_target(
        words
            .iter()
            .skip(1)
            .find(|w| {
                value_of(command, words!["--version", "--vers"])
                    .is_none_or(|(v, _)| v.span != w.span)
            })
            .map(|a| a.value.split('@').next().unwrap_or(&a.value).to_string()),
    );
    Some(hit)
}

/// Uploads to the Python Package Index: `twine upload`, `python -m twine upload`, and the
/// `publish` command of poetry, flit, hatch, uv and pdm.
fn pypi_upload(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let mut hit = Hit::on(command.program_span);
    match command.program.as_str() {
        "twine" => {
            let sub = words.first().filter(|w| w.value == "upload")?;
            hit.evidence.push(sub.span);
        }
        "python" | "python3" => {
            let at = command.args.iter().position(|a| a.value == "-m")?;
            let module = command.args.get(at + 1).filter(|a| a.value == "twine")?;
            let sub = command.args.get(at + 2).filter(|a| a.value == "upload")?;
            hit.evidence.push(module.span.cover(sub.span));
        }
        _ => {
            let sub = words.first().filter(|w| w.value == "publish")?;
            hit.evidence.push(sub.span);
        }
    }
    internal_registry(
        &mut hit,
        command,
        words![
            "--repository-url",
            "--repository",
            "-r",
            "--repo",
            "--publish-url",
            "--index",
        ],
        words!["pypi", "upload.pypi.org", "upload.pypi.org/legacy"],
    );
    Some(hit)
}

fn gem_push(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let sub = words.first().filter(|w| w.value == "push")?;
    let mut hit = Hit::pair(command.program_span, sub.span);
    hit.target_of(words.get(1).copied());
    internal_registry(&mut hit, command, words!["--host"], words!["rubygems.org"]);
    Some(hit)
}

fn nuget_push(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let mut hit = Hit::on(command.program_span);
    let rest = match command.program.as_str() {
        "dotnet" => {
            let [nuget, push, rest @ ..] = words.as_slice() else {
                return None;
            };
            if nuget.value != "nuget" || push.value != "push" {
                return None;
            }
            hit.evidence.extend([nuget.span, push.span]);
            rest.to_vec()
        }
        _ => {
            let [push, rest @ ..] = words.as_slice() else {
                return None;
            };
            if push.value != "push" {
                return None;
            }
            hit.evidence.push(push.span);
            rest.to_vec()
        }
    };
    hit.target_of(rest.iter().find(|a| a.value.ends_with(".nupkg")).copied());
    internal_registry(
        &mut hit,
        command,
        words!["--source", "-s", "-Source"],
        words!["nuget.org", "api.nuget.org/v3/index.json"],
    );
    Some(hit)
}

/// Public package registries, as plans name them.
const PUBLIC_REGISTRIES: Words = words![
    "pypi",
    "npm",
    "npmjs",
    "crates.io",
    "rubygems",
    "maven central",
    "nuget",
    "docker hub",
    "dockerhub",
    "packagist",
    "hex.pm",
    "pub.dev",
    "the app store",
    "app store",
    "play store",
    "the public registry",
];

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("pkg.prose-publish", "Publishes a package to a public registry", "Public registries never reuse a version number, so a bad release cannot be replaced, only superseded.", "its contents are public for good, mirrored within minutes", "List what the package contains (`npm pack --dry-run`, `cargo package --list`) and publish a pre-release first.", ["Has someone inspected exactly what goes into the package?", "Is the version right, given it can never be reused?"], "Build the package and list the files it would publish."),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["publish*", "upload*", "releas*", "ship*", "push", "pushes", "pushing"],
            objects: PUBLIC_REGISTRIES,
            also: words![],
            window: 6,
            // "Release" and "push" are nouns too ("the broken 2.3.0 release").
            leading: true,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Publish version 2.3.1 to PyPI.", "Release the new version to npm."]),
        #[cfg(test)]
        counterexamples: examples(&["Check which version is on PyPI.", "Do not publish to npm yet."]),
    },
    Rule {
        text: rule_text!("pkg.prose-unpublish", "Withdraws a published package version", "Lock files pin exact versions and never fall back to another; mirrors keep copies, so a leaked secret stays leaked.", "projects pinning it break, and its number cannot be reused", "Deprecate it with a message pointing to a fixed release; withdraw only for malware or leaked secrets.", ["Whose builds break when this version disappears?", "Would deprecating it and publishing a fix do?"], "Publish a fixed version and deprecate the broken one with a message."),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["unpublish*", "yank*"],
            objects: words![],
            also: words![],
            window: 0,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Unpublish the broken 2.3.0 release from npm.", "Yank version 0.4.1 from crates.io."]),
        #[cfg(test)]
        counterexamples: examples(&["Deprecate 2.3.0 with a message pointing to 2.3.1.", "Do not unpublish anything."]),
    },
    Rule {
        text: rule_text!("pkg.npm-publish", "Publishes a package to the npm registry", "npm allows unpublishing only if nothing depends on it, and after 72 hours only for little-used packages.", "anyone can install it within minutes; its contents stay public", "Run `npm publish --dry-run` and read the file list; publish from CI with provenance after review.", ["Has anyone checked the files going out for secrets?", "Is the version right, and which dist-tag will it take?", "Is this the usual release path, or the agent alone?"], "npm publish --dry-run"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["npm", "pnpm", "yarn", "bun", "lerna"], check: npm_publish },
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/cli/commands/npm-publish", "https://docs.npmjs.com/policies/unpublish"],
        #[cfg(test)]
        examples: examples(&["npm publish", "npm publish --access public", "pnpm publish --no-git-checks", "yarn npm publish --tag next", "npm publish --registry https://npm.internal.example.com"]),
        #[cfg(test)]
        counterexamples: examples(&["npm pack", "npm run publish:docs", "echo 'npm publish'", "yarn npm info react"]),
    },
    Rule {
        text: rule_text!("pkg.npm-unpublish", "Removes a published package or version from npm", "Dependents get no warning, as the 2016 left-pad removal showed; `--force` removes the whole package.", "projects depending on it break, and its version cannot return", "Deprecate the version with a message instead (`npm deprecate`), and publish a fixed version.", ["How many users depend on this version?", "If a secret leaked, has it been rotated already?"], "npm deprecate {target} \"Broken release, use the next version\""),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["npm"],
            subcommands: &[words!["unpublish"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/policies/unpublish", "https://docs.npmjs.com/cli/commands/npm-unpublish"],
        #[cfg(test)]
        examples: examples(&["npm unpublish my-lib@1.4.2", "npm unpublish @acme/widgets --force"]),
        #[cfg(test)]
        counterexamples: examples(&["npm view my-lib versions", "npm publish --dry-run", "echo npm unpublish my-lib"]),
    },
    Rule {
        text: rule_text!("pkg.npm-deprecate", "Marks published npm versions as deprecated", "The version part is a semver range, and leaving it out deprecates every version; an empty message undoes it.", "installs of matching versions warn, and some CI builds fail", "Name the exact affected versions, not a broad range, after listing them with `npm view`.", ["Does the range cover only the affected versions?", "Does the message say which version to move to?"], "npm view {target} versions"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["npm", "pnpm"], check: npm_deprecate },
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/cli/commands/npm-deprecate"],
        #[cfg(test)]
        examples: examples(&["npm deprecate my-lib@\"< 2.0.0\" \"Please upgrade to 2.x\"", "npm deprecate @acme/widgets@1.4.2 'security issue, use 1.4.3'"]),
        #[cfg(test)]
        counterexamples: examples(&["npm deprecate my-lib@1.4.2 \"\"", "npm view my-lib deprecated", "npm outdated"]),
    },
    Rule {
        text: rule_text!("pkg.npm-dist-tag", "Moves the npm tag users install by default", "A plain `npm install` follows `latest`; moving the tag back does not undo installs or lock files made meanwhile.", "every new install, everywhere, gets a different version at once", "Test the version under a non-default tag such as `next` before moving `latest`.", ["Which version does the tag point at now?", "Was the new version tested under another tag?"], "npm dist-tag ls {target}"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["npm", "pnpm", "yarn"], check: dist_tag },
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/cli/commands/npm-dist-tag"],
        #[cfg(test)]
        examples: examples(&["npm dist-tag add my-lib@2.0.0 latest", "npm dist-tag rm @acme/widgets beta", "yarn tag add my-lib@1.2.3 stable"]),
        #[cfg(test)]
        counterexamples: examples(&["npm dist-tag ls my-lib", "yarn tag list my-lib", "npm install react@next"]),
    },
    Rule {
        text: rule_text!("pkg.npm-access-public", "Makes a private npm package public", "The switch covers every version, so old releases with forgotten files go public too; reverting it recalls no copies.", "anyone can download its code and any secrets in it", "Check what every published version contains, or publish a clean new package instead.", ["Was every published version checked for secrets and internal code?", "Who in the organisation approved making this package public?"], "npm access get status {target}"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        // Anyone may read it from now on: it is published, not access the plan goes on to use.
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["npm"], check: access_public },
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/cli/commands/npm-access"],
        #[cfg(test)]
        examples: examples(&["npm access public @acme/internal-sdk", "npm access set status=public @acme/billing-client"]),
        #[cfg(test)]
        counterexamples: examples(&["npm access get status @acme/internal-sdk", "npm access set status=private @acme/internal-sdk", "npm access list packages @acme"]),
    },
    Rule {
        text: rule_text!("pkg.owner-change", "Changes who can publish a package", "Owners publish without review, and version ranges pull new releases in automatically; hijacked owner accounts start supply-chain attacks.", "its owners can ship code to every user, or block fixes", "List current owners, then grant publishing via team settings that require two-factor authentication.", ["Who is being added or removed, and who approved it?", "Does the new owner have two-factor authentication turned on?"], "npm owner ls {target}"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["npm", "pnpm", "yarn", "gem", "cargo"], check: owner_change },
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/cli/commands/npm-owner", "https://doc.rust-lang.org/cargo/commands/cargo-owner.html", "https://guides.rubygems.org/command-reference/#gem-owner"],
        #[cfg(test)]
        examples: examples(&["npm owner add alice my-lib", "cargo owner --add github:acme:release-team my-crate", "gem owner acme-sdk --remove bob@example.com"]),
        #[cfg(test)]
        counterexamples: examples(&["npm owner ls my-lib", "cargo owner --list my-crate", "gem owner acme-sdk"]),
    },
    Rule {
        text: rule_text!("pkg.cargo-publish", "Publishes a crate to crates.io", "It ships every file not excluded by `.gitignore` or the manifest's `exclude` list; `--allow-dirty` adds uncommitted changes.", "its source is public for good; yanking never deletes it", "Run `cargo publish --dry-run` (or `cargo package --list`) and read what goes out; publish from CI after review.", ["Does `cargo package --list` show anything private?", "Is the version number right for the changes it contains?"], "cargo publish --dry-run"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["cargo"], check: cargo_publish },
        #[cfg(test)]
        references: words!["https://doc.rust-lang.org/cargo/reference/publishing.html", "https://doc.rust-lang.org/cargo/commands/cargo-publish.html"],
        #[cfg(test)]
        examples: examples(&["cargo publish", "cargo publish -p approval-risk-engine --allow-dirty", "cargo release patch --execute", "cargo publish --registry acme-internal"]),
        #[cfg(test)]
        counterexamples: examples(&["cargo package --list", "cargo build --release", "cargo release patch"]),
    },
    Rule {
        text: rule_text!("pkg.cargo-yank", "Yanks a published crate version", "Lock files keep working and `cargo yank --undo` reverses it, but requirements only that version satisfies stop resolving.", "no new resolution can pick it, for any user", "Publish a fixed version first, and yank only the versions that are really broken.", ["Is there a fixed version users can move to?", "Is the yanked version really broken?"], "cargo info {target}"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["cargo"], check: cargo_yank },
        #[cfg(test)]
        references: words!["https://doc.rust-lang.org/cargo/commands/cargo-yank.html"],
        #[cfg(test)]
        examples: examples(&["cargo yank --version 1.0.1 my-crate", "cargo yank my-crate@0.3.0"]),
        #[cfg(test)]
        counterexamples: examples(&["cargo yank --undo --version 1.0.1 my-crate", "cargo search my-crate", "cargo update -p my-crate"]),
    },
    Rule {
        text: rule_text!("pkg.pypi-upload", "Uploads a Python package to PyPI", "PyPI never accepts a deleted file name again, so a broken release can only be superseded by a new version.", "anyone can install it at once; mirrors keep copies", "Upload to TestPyPI first (`--repository testpypi`) and install from there, then publish from CI.", ["Has the release been installed and tried from TestPyPI?", "Are all files in `dist/` from this build and version?"], "twine upload --repository testpypi dist/*"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["twine", "python", "python3", "poetry", "flit", "hatch", "uv", "pdm"], check: pypi_upload },
        #[cfg(test)]
        references: words!["https://packaging.python.org/en/latest/guides/using-testpypi/", "https://pypi.org/help/#file-name-reuse"],
        #[cfg(test)]
        examples: examples(&["twine upload dist/*", "python3 -m twine upload --skip-existing dist/*", "poetry publish --build", "uv publish"]),
        #[cfg(test)]
        counterexamples: examples(&["twine check dist/*", "poetry build", "python -m build", "pip install twine"]),
    },
    Rule {
        text: rule_text!("pkg.gem-push", "Publishes a gem to RubyGems", "The gem holds whatever files the gemspec's `files` list matched at build time, and RubyGems never reuses a version.", "it is public at once and can be yanked, never replaced", "Unpack the built gem (`gem unpack`) to check its files; push internal gems to a private server.", ["Which files does the gem contain?", "Is the version number right?"], "gem push --host https://gems.internal.example.com NAME"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["gem"], check: gem_push },
        #[cfg(test)]
        references: words!["https://guides.rubygems.org/publishing/"],
        #[cfg(test)]
        examples: examples(&["gem push acme-sdk-2.1.0.gem", "gem push pkg/widgets-0.9.0.gem --otp 123456"]),
        #[cfg(test)]
        counterexamples: examples(&["gem build acme-sdk.gemspec", "gem install rails", "gem list"]),
    },
    Rule {
        text: rule_text!("pkg.gem-yank", "Yanks a gem version from RubyGems", "A yank removes the version from the index Bundler resolves against, and its number can never be pushed again.", "projects whose lock files pin it fail to install", "Release a fixed version first; yank only for a security problem or a broken build.", ["Who depends on this version?", "Is there a fixed version to move to?"], "gem info {target} --remote --all"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gem"],
            subcommands: &[words!["yank"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://guides.rubygems.org/command-reference/#gem-yank"],
        #[cfg(test)]
        examples: examples(&["gem yank acme-sdk -v 2.1.0", "gem yank widgets --version 0.9.0"]),
        #[cfg(test)]
        counterexamples: examples(&["gem search acme-sdk", "gem info acme-sdk --remote"]),
    },
    Rule {
        text: rule_text!("pkg.nuget-push", "Publishes a package to NuGet", "nuget.org refuses deletion so restores never break, and its version number can never be pushed again.", "it stays downloadable to anyone; unlisting only hides it", "Inspect the package (`dotnet pack`, then open the .nupkg) and push to an internal feed first.", ["Which feed does this push to?", "Has anyone checked what the package contains?"], "dotnet nuget push NAME --source https://nuget.internal.example.com/v3/index.json"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["dotnet", "nuget"], check: nuget_push },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/nuget/nuget-org/policies/deleting-packages"],
        #[cfg(test)]
        examples: examples(&["dotnet nuget push bin/Release/Acme.Sdk.2.1.0.nupkg --api-key $NUGET_KEY --source https://api.nuget.org/v3/index.json", "nuget push Acme.Sdk.2.1.0.nupkg"]),
        #[cfg(test)]
        counterexamples: examples(&["dotnet pack -c Release", "dotnet nuget list source", "dotnet nuget locals all --list"]),
    },
];
