//! Code the plan does not show because it is fetched when the step runs: a package runner
//! (`npx`, `pnpm dlx`, `bunx`, `uvx`, `pipx run`, `go run pkg@version`, `deno run URL`) that
//! downloads a package and runs it, and an install of a name one letter away from a popular
//! package, the shape of a typosquat. The engine cannot see into either, so neither is ever
//! taken as safe (issue 15).

#[cfg(test)]
use super::examples;
use super::matching::{positionals, Hit};
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Last;
use crate::words::Words;

/// A version that names one release: `1.4.2`, `v1.4.2` (not `latest`, `next` or a range).
fn exact_version(version: &str) -> bool {
    let digits = version.strip_prefix('v').unwrap_or(version);
    digits.split('.').count() == 3
        && digits
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The package name and the version it asks for (`some-cli@latest`, `@acme/cli@1.2.0`,
/// `ruff==0.4.1`), if any.
fn name_and_version(spec: &str) -> (&str, Option<&str>) {
    if let Some((name, version)) = spec.split_once("==") {
        return (name, Some(version));
    }
    // A scope's own `@` starts the name, not a version.
    let from = usize::from(spec.starts_with('@'));
    match spec[from..].find('@') {
        Some(at) => (&spec[..from + at], Some(&spec[from + at + 1..])),
        None => (spec, None),
    }
}

/// A package a runner fetches and runs unpinned: any that `pnpm dlx`, `yarn dlx`, `uvx`,
/// `pipx run` or `go run pkg@version` fetch without an exact version, a script `deno run` takes
/// from a URL, and for `npx`, `pnpx` and `bunx` (which run the project's own installed tool
/// when there is one) a package asked for by tag (`@latest`), from a URL or a git host, or
/// with the prompt before a download switched off (`-y`) for a tool the engine does not know.
fn fetched_package(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let (first, rest) = words.split_first()?;
    let program = command.program.as_str();
    let local_first =
        words!["npx", "pnpx", "bunx"].contains(program) || (program == "bun" && first.value == "x");
    let package: &Arg = match program {
        listed if words!["npx", "pnpx", "bunx", "uvx"].contains(listed) => first,
        "pnpm" | "yarn" if first.value == "dlx" => rest.first()?,
        "bun" if first.value == "x" => rest.first()?,
        "pipx" if first.value == "run" => rest.first()?,
        "go" if first.value == "run" && rest.first()?.value.contains('@') => rest.first()?,
        "deno" if first.value == "run" => rest.iter().copied().find(|a| {
            a.value.contains("://") || a.value.starts_with("npm:") || a.value.starts_with("jsr:")
        })?,
        _ => return None,
    };
    let spec = package.value.as_str();
    let remote = spec.contains("://") || spec.starts_with("github:") || spec.starts_with("git+");
    let (name, version) = name_and_version(spec);
    let pinned = version.is_some_and(exact_version);
    let fetched = if program == "deno" || remote {
        true
    } else if local_first {
        let tagged = version.is_some() && !pinned;
        let unprompted = command
            .args
            .iter()
            .any(|a| matches!(a.value.as_str(), "-y" | "--yes"));
        let bare = name.after_last(b'/');
        tagged || (unprompted && !pinned && !super::is_known_program(bare))
    } else {
        !pinned
    };
    if !fetched {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, package.span);
    hit.target(spec);
    Some(hit)
}

/// The most installed packages of npm and PyPI, each list for its own installer: a name one
/// edit away from one of these (and not itself on the list) is how typosquats catch a typing
/// slip. Short names are left out: at four letters, one edit reaches too many real packages.
const NPM_POPULAR: Words = words![
    "react",
    "lodash",
    "express",
    "axios",
    "chalk",
    "commander",
    "typescript",
    "webpack",
    "eslint",
    "prettier",
    "moment",
    "dotenv",
    "jquery",
    "request",
    "underscore",
    "classnames",
    "uuid",
    "yargs",
    "inquirer",
    "bluebird",
    "mongoose",
    "jsonwebtoken",
    "nodemon",
    "socket.io",
    "body-parser",
    "cors",
    "vue",
    "next",
    "redux",
    "rxjs",
    "babel-core",
    "core-js",
    "debug",
    "minimist",
    "glob",
    "rimraf",
    "mkdirp",
    "semver",
    "colors",
    "async",
    "fs-extra",
    "cross-env",
    "electron",
    "puppeteer",
    "jest",
    "mocha",
    "sequelize",
    "prisma",
    "tailwindcss",
];
const PYPI_POPULAR: Words = words![
    "requests",
    "numpy",
    "pandas",
    "urllib3",
    "boto3",
    "botocore",
    "setuptools",
    "certifi",
    "idna",
    "charset-normalizer",
    "python-dateutil",
    "pyyaml",
    "typing-extensions",
    "packaging",
    "cryptography",
    "django",
    "flask",
    "fastapi",
    "pydantic",
    "sqlalchemy",
    "matplotlib",
    "scipy",
    "pytest",
    "jinja2",
    "click",
    "pillow",
    "beautifulsoup4",
    "selenium",
    "tensorflow",
    "torch",
    "scikit-learn",
    "psycopg2",
    // Version 3 of the PostgreSQL driver, one letter from version 2 and as popular.
    "psycopg",
    "pymongo",
    "redis",
    "celery",
    "openai",
    "anthropic",
    "colorama",
    "paramiko",
    "httpx",
    "aiohttp",
    "pyjwt",
    "wheel",
    "virtualenv",
    "six",
];

/// Whether `a` and `b` are one edit apart: one letter added, dropped, changed, or two
/// neighbours swapped.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[start..a.len() - end], &b[start..b.len() - end]);
    let swapped =
        a_mid.len() == 2 && b_mid.len() == 2 && a_mid[0] == b_mid[1] && a_mid[1] == b_mid[0];
    a_mid.len() <= 1 && b_mid.len() <= 1 || swapped
}

/// An install of a package whose name is one edit from a popular one of the same registry.
fn near_popular(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let (first, rest) = words.split_first()?;
    let popular = match (command.program.as_str(), first.value.as_str()) {
        ("npm" | "pnpm" | "yarn" | "bun", "install" | "i" | "add") => NPM_POPULAR,
        ("pip" | "pip3" | "pipx" | "uv" | "poetry", "install" | "add") => PYPI_POPULAR,
        ("uv", "pip") => {
            return near_popular_in(rest.get(1..).unwrap_or_default(), PYPI_POPULAR, command)
        }
        _ => return None,
    };
    near_popular_in(rest, popular, command)
}

fn near_popular_in(packages: &[&Arg], popular: Words, command: &Command) -> Option<Hit> {
    packages.iter().find_map(|package| {
        let name = package.value.to_ascii_lowercase();
        // `requests==2.31`, `lodash@4`: the name before the version.
        let name = name
            .split(&['=', '<', '>', '~', '[', '@'][..])
            .find(|part| !part.is_empty())
            .unwrap_or(&name);
        if name.len() < 5 || popular.contains(name) {
            return None;
        }
        let near = popular.iter().find(|known| one_edit(name, known))?;
        let mut hit = Hit::pair(command.program_span, package.span);
        hit.target(name);
        hit.set_note(crate::words::fill2(
            "`{}` is one letter from `{}`, a popular package: the shape of a typosquat.",
            name,
            near,
        ));
        Some(hit)
    })
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("pkg.run-fetched", "Runs a package fetched at run time", "The runner downloads the package and runs its code; the plan shows only a name, and releases change it.", "the plan does not show its code; its effect is unknown", "Pin an exact version the team has reviewed, and read what it does before running it.", ["What does this package do with these arguments?", "Who publishes it, and is the version pinned?"], "Pin {target} to a reviewed version and read its documentation before running it."),
        reversibility: R::Unknown,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Opaque,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["npx", "pnpx", "bunx", "uvx", "pnpm", "yarn", "bun", "pipx", "go", "deno"],
            check: fetched_package,
        },
        #[cfg(test)]
        references: words!["https://docs.npmjs.com/cli/v10/commands/npx"],
        #[cfg(test)]
        examples: examples(&["npx some-cli@latest --all", "npx -y acme-cleanup", "pnpm dlx create-acme-app", "uvx ruff-fixer", "go run github.com/acme/migrate@latest up", "deno run https://example.com/install.ts"]),
        #[cfg(test)]
        counterexamples: examples(&["npx eslint .", "npx markdownlint-cli2 docs", "npx some-cli@2.4.1 --all", "go run ./cmd/server", "uvx ruff@0.4.1 check ."]),
    },
    Rule {
        text: rule_text!("pkg.install-near-popular", "Installs a near-copy of a popular package's name", "Names one letter from popular packages are registered to catch typing slips; installing runs their setup code with your credentials.", "its install code runs with everything this machine can reach", "Check the spelling against the package's own page and install the exact name: `pip install requests`.", ["Is this the package's exact name on the registry?", "Who publishes it?"], "pip install requests"),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Opaque,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["npm", "pnpm", "yarn", "bun", "pip", "pip3", "pipx", "uv", "poetry"],
            check: near_popular,
        },
        #[cfg(test)]
        references: words!["https://blog.phylum.io/pypi-typosquatting-campaign/"],
        #[cfg(test)]
        examples: examples(&["pip install reqeusts", "npm install lodahs", "uv add pandsa"]),
        #[cfg(test)]
        counterexamples: examples(&["pip install requests", "npm install lodash", "pip install numpy==1.26", "pip install \"psycopg[binary]==3.2.3\""]),
    },
];
