//! The page's Content-Security-Policy is written in three places: the `<meta>` in index.html
//! (for hosts that send nothing), the header `cargo xtask serve` sends (Trunk.toml), and the
//! hosting examples (docs/hosting.md). Each header is the `<meta>` policy plus a
//! `frame-ancestors` directive; this test fails when one of them drifts.
#![cfg(not(target_arch = "wasm32"))]
// A test that cannot read a file or finds a drift says so by panicking.
#![allow(clippy::panic)]

use std::path::Path;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
}

/// The policy in index.html's `<meta http-equiv="Content-Security-Policy">`.
fn meta_policy() -> String {
    meta_policy_of("index.html")
}

/// The policy in a page's `<meta http-equiv="Content-Security-Policy">`.
fn meta_policy_of(page: &str) -> String {
    let html = read(page);
    let at = html
        .find("http-equiv=\"Content-Security-Policy\"")
        .unwrap_or_else(|| panic!("{page} has no CSP <meta>"));
    let content = &html[at..];
    let start = content.find("content=\"").expect("the <meta> has content") + "content=\"".len();
    let end = content[start..].find('"').expect("the content is closed") + start;
    content[start..end].to_string()
}

/// Every header value in `text` that starts like the policy, with its `frame-ancestors` part.
fn headers_in(text: &str, policy: &str) -> Vec<String> {
    let first = policy.split(';').next().unwrap_or(policy);
    text.match_indices(first)
        .map(|(at, _)| {
            let rest = &text[at..];
            let end = rest.find(['"', '\n']).unwrap_or(rest.len());
            rest[..end].to_string()
        })
        .collect()
}

/// The training page and the page for portals' frames are served by the same hosts with the
/// same headers, so their `<meta>` must say the same.
#[test]
fn the_other_pages_have_the_same_policy() {
    for page in ["training.html", "embed.html"] {
        assert_eq!(meta_policy_of(page), meta_policy(), "{page}");
    }
}

#[test]
fn every_csp_header_is_the_meta_policy_with_frame_ancestors() {
    let policy = meta_policy();
    assert!(policy.contains("connect-src 'self'"), "{policy}");
    for (file, minimum) in [("Trunk.toml", 1), ("docs/hosting.md", 5)] {
        let headers = headers_in(&read(file), &policy);
        assert!(
            headers.len() >= minimum,
            "{file}: expected at least {minimum} CSP headers, found {}",
            headers.len()
        );
        for header in headers {
            let (base, ancestors) = header
                .split_once("; frame-ancestors ")
                .unwrap_or_else(|| panic!("{file}: no frame-ancestors in {header}"));
            assert_eq!(
                base, policy,
                "{file}: the header drifted from index.html's <meta>"
            );
            assert!(
                !ancestors.contains('*') || ancestors.contains(":*"),
                "{file}: {ancestors}"
            );
        }
    }
}
