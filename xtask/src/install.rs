//! Installs the tools the page needs, each only when it is missing or the wrong version: the
//! wasm target and the standard library's source, Trunk, the wasm-bindgen CLI, wasm-opt (npm `binaryen`), Chromium and its
//! driver, and the Playwright packages. The versions are pinned here because other versions
//! fail on this project's machines (see the notes on each).

use crate::command::{cargo, local_tools_bin, probe, repo_root, run, step, tool};
use std::path::Path;

/// Trunk 0.22 needs a newer rustc than the machines have.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian's binaryen (108) cannot read what rustc 1.95 emits; npm's 132 can.
const BINARYEN_VERSION: &str = "132";
/// terser minifies the page's wasm-bindgen glue, which Trunk's minifier cannot parse.
const TERSER_VERSION: &str = "5.51.4";
/// Playwright 1.65 refuses to start on an older Node.js.
const MIN_NODE_MAJOR: u32 = 20;
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `cargo xtask serve` and `cargo xtask build` need.
pub fn for_page() -> Result<(), String> {
    for_engine()?;
    terser()?;
    trunk()
}

/// Everything the engine module needs (`cargo xtask package`): the page's tools but Trunk,
/// which only the page is built with and which takes the longest to install.
pub fn for_engine() -> Result<(), String> {
    wasm_target()?;
    rust_src()?;
    wasm_bindgen_cli()?;
    node()?;
    binaryen()
}

/// Everything `cargo xtask test` needs: the page's tools plus a browser and Playwright.
pub fn for_test() -> Result<(), String> {
    for_page()?;
    chromium()?;
    e2e_packages()
}

fn wasm_target() -> Result<(), String> {
    step(&format!("Rust target {WASM_TARGET}"));
    let installed = probe(tool("rustup").args(["target", "list", "--installed"])).ok_or(
        "`rustup` is needed to add the wasm target; install Rust with rustup (https://rustup.rs)",
    )?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("    already installed");
        return Ok(());
    }
    run(
        tool("rustup").args(["target", "add", WASM_TARGET]),
        "adding the wasm target",
    )
}

/// The standard library's source: the release build of the page compiles its own standard
/// library, one that aborts on panic without formatting a message (see `build.rs`).
fn rust_src() -> Result<(), String> {
    step("Rust component rust-src");
    let installed = probe(tool("rustup").args(["component", "list", "--installed"])).ok_or(
        "`rustup` is needed to add rust-src; install Rust with rustup (https://rustup.rs)",
    )?;
    if installed
        .lines()
        .any(|line| line.trim().starts_with("rust-src"))
    {
        println!("    already installed");
    } else {
        run(
            tool("rustup").args(["component", "add", "rust-src"]),
            "adding rust-src",
        )?;
    }
    std_dependencies()
}

/// The crates the standard library depends on (`moto-rt`, `hashbrown`, ...), downloaded into
/// Cargo's cache. Trunk runs Cargo offline (Trunk.toml), so on a fresh machine the rebuilt
/// standard library would find none of them; `cargo fetch` on the library's own lock file gets
/// them once and is a no-op after. Its manifest uses unstable Cargo features, hence
/// `RUSTC_BOOTSTRAP=1`, as for the build itself.
fn std_dependencies() -> Result<(), String> {
    step("Crates the standard library is built from");
    let sysroot = probe(tool("rustc").args(["--print", "sysroot"]))
        .ok_or("`rustc --print sysroot` failed; is Rust installed with rustup?")?;
    let manifest = Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
    run(
        cargo()
            .env("RUSTC_BOOTSTRAP", "1")
            .arg("fetch")
            .arg("--manifest-path")
            .arg(&manifest),
        "fetching the standard library's dependencies",
    )
}

fn trunk() -> Result<(), String> {
    step(&format!("Trunk {TRUNK_VERSION}"));
    let found = probe(tool("trunk").arg("--version"));
    if found.as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        println!("    already installed");
        return Ok(());
    }
    println!(
        "    found {}; installing (about 11 minutes on 2 cores, once)",
        found.as_deref().unwrap_or("none")
    );
    run(
        cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]),
        "installing Trunk",
    )
}

/// The CLI must match the `wasm-bindgen` crate in Cargo.lock exactly, or Trunk tries to
/// download one (and fails offline). `--locked` is left out on purpose: a dependency version
/// it pins has been yanked from the registry, and the plain install works.
fn wasm_bindgen_cli() -> Result<(), String> {
    let version = locked_version("wasm-bindgen")?;
    step(&format!(
        "wasm-bindgen CLI {version} (the version in Cargo.lock)"
    ));
    let found = probe(tool("wasm-bindgen").arg("--version"));
    let runner = probe(tool("wasm-bindgen-test-runner").arg("--version"));
    let wanted = format!("wasm-bindgen {version}");
    if found.as_deref() == Some(wanted.as_str()) && runner.is_some() {
        println!("    already installed");
        return Ok(());
    }
    println!(
        "    found {}; installing (about 5 minutes on 2 cores, once)",
        found.as_deref().unwrap_or("none")
    );
    run(
        cargo().args(["install", "wasm-bindgen-cli", "--version", &version]),
        "installing the wasm-bindgen CLI",
    )
}

/// npm installs binaryen here, and Playwright runs on node.
fn node() -> Result<(), String> {
    step(&format!("Node.js {MIN_NODE_MAJOR} or newer, and npm"));
    let version = |program: &str| probe(tool(program).arg("--version"));
    if version("node").is_none() || version("npm").is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    let node = version("node").unwrap_or_default();
    let npm = version("npm").unwrap_or_default();
    let major = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse::<u32>().ok())
        .unwrap_or(0);
    if major < MIN_NODE_MAJOR {
        return Err(format!(
            "Playwright needs Node.js {MIN_NODE_MAJOR} or newer, found `{node}`; install a newer \
             nodejs package (for example from NodeSource) and run this again"
        ));
    }
    println!("    node {node}, npm {npm}");
    Ok(())
}

/// wasm-opt from npm into `.tools/` (gitignored), which `command::tool_path` puts first on
/// PATH so Trunk's release build finds it instead of an older system copy.
fn binaryen() -> Result<(), String> {
    step(&format!(
        "wasm-opt from npm binaryen@{BINARYEN_VERSION} in .tools/"
    ));
    let wasm_opt = local_tools_bin().join("wasm-opt");
    let found = probe(tool(&wasm_opt.to_string_lossy()).arg("--version"));
    if found
        .as_deref()
        .is_some_and(|text| text.contains(&format!("version {BINARYEN_VERSION}")))
    {
        println!("    already installed");
        return Ok(());
    }
    npm_into_tools("binaryen", BINARYEN_VERSION)
}

/// terser from npm into `.tools/`, for `scripts/minify-glue.mjs`.
fn terser() -> Result<(), String> {
    step(&format!("terser@{TERSER_VERSION} in .tools/"));
    let installed = repo_root()
        .join(".tools")
        .join("node_modules")
        .join("terser")
        .join("package.json");
    let version = std::fs::read_to_string(&installed).unwrap_or_default();
    if version.contains(&format!("\"version\": \"{TERSER_VERSION}\"")) {
        println!("    already installed");
        return Ok(());
    }
    npm_into_tools("terser", TERSER_VERSION)
}

/// Installs `package@version` from npm into `.tools/` (gitignored).
fn npm_into_tools(package: &str, version: &str) -> Result<(), String> {
    let tools = repo_root().join(".tools");
    std::fs::create_dir_all(&tools).map_err(|error| format!("creating .tools/: {error}"))?;
    run(
        tool("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&tools)
            .arg(format!("{package}@{version}")),
        &format!("installing {package} from npm"),
    )
}

fn chromium() -> Result<(), String> {
    step("Chromium and chromedriver (Debian packages)");
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        println!("    already installed");
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// The Playwright packages and the tests' other tools (ajv), from the committed
/// package-lock.json. Playwright must not fetch its own browser (that download is blocked
/// here); the tests use Debian's Chromium.
fn e2e_packages() -> Result<(), String> {
    step("Playwright packages in tests/e2e");
    let e2e = repo_root().join("tests").join("e2e");
    let modules = e2e.join("node_modules");
    // Every package package.json names, read from it rather than listed here, so a machine
    // that installed an older list gets the packages added since (ajv came after Playwright).
    let manifest = std::fs::read_to_string(e2e.join("package.json"))
        .map_err(|error| format!("reading tests/e2e/package.json: {error}"))?;
    let manifest: serde_json::Value = serde_json::from_str(&manifest)
        .map_err(|error| format!("tests/e2e/package.json is not JSON: {error}"))?;
    let wanted = manifest["devDependencies"]
        .as_object()
        .ok_or("tests/e2e/package.json has no devDependencies")?;
    let present = wanted
        .keys()
        .all(|package| modules.join(package).join("package.json").exists());
    if present {
        println!("    already installed");
        return Ok(());
    }
    run(
        tool("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&e2e)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        "installing the Playwright packages",
    )
}

/// Installs Debian packages, through sudo unless already root.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let root = probe(tool("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut command = if root {
            tool("apt-get")
        } else {
            let mut sudo = tool("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    println!("    installing {} with apt-get", packages.join(" "));
    run(&mut apt(&["update"]), "apt-get update")?;
    // With recommended packages, as the toolchain notes install it: fonts come with them.
    let mut install = apt(&["install", "-y"]);
    install.args(packages);
    run(
        &mut install,
        &format!("apt-get install {}", packages.join(" ")),
    )
}

/// The version Cargo.lock records for `package` (the first entry of that name).
pub fn locked_version(package: &str) -> Result<String, String> {
    let path = repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path)
        .map_err(|error| format!("reading {}: {error}", path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines
                .next()
                .and_then(|next| next.trim().strip_prefix("version = \""))
                .and_then(|rest| rest.strip_suffix('"'));
            if let Some(version) = version {
                return Ok(version.to_string());
            }
        }
    }
    Err(format!("Cargo.lock has no `{package}` package"))
}
