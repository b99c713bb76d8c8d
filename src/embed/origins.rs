//! The embedding URL: `?embed=1` asks for the compact view, `origins=` lists the parent origins
//! allowed to send plans (`?embed=1&origins=https://a.example,https://b.example`). The browser
//! decodes the address (`URLSearchParams`); this file judges what it says.
//!
//! The list is read strictly, because it is the only thing between a plan and a page that
//! should not see its assessment: an entry must be a whole origin, `http` or `https`, host and
//! optional port. `*`, `null` (the origin of sandboxed and `file:` documents), paths and
//! anything else are refused, never widened into "everyone". Entries are put in the form
//! browsers give `MessageEvent.origin` (lower case, no default port, no trailing slash), so
//! the comparison is plain string equality.

/// What the page's address says about embedding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embedding {
    /// Origins whose messages are answered, in the form of `MessageEvent.origin`.
    pub origins: Vec<String>,
    /// Entries of `origins=` that are not origins, as given, to tell the portal's owner.
    pub refused: Vec<String>,
    /// `readonly=1`: the frame shows the portal's plan and lets nothing in it be changed,
    /// shared or exported.
    pub readonly: bool,
}

impl Embedding {
    /// Reads the parameters of the page's address (the browser's `URLSearchParams` has
    /// already decoded them): `embed`, and every `origins` given. `None` unless `embed` is `1`.
    pub fn read<'a>(
        embed: Option<&str>,
        origin_lists: impl IntoIterator<Item = &'a str>,
    ) -> Option<Embedding> {
        if embed != Some("1") {
            return None;
        }
        let mut origins = Vec::new();
        let mut refused = Vec::new();
        // Repeated `origins=` parameters add up, as one list.
        for entry in origin_lists.into_iter().flat_map(|list| list.split(',')) {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            match origin(entry) {
                Some(origin) if !origins.contains(&origin) => origins.push(origin),
                Some(_) => {}
                None => refused.push(entry.to_string()),
            }
        }
        Some(Embedding {
            origins,
            refused,
            readonly: false,
        })
    }

    /// Whether a message from `origin` (as `MessageEvent.origin` gives it) may be answered.
    pub fn allows(&self, origin: &str) -> bool {
        self.origins.iter().any(|allowed| allowed == origin)
    }
}

/// An allow-list entry in `MessageEvent.origin` form, or `None` when it is not an origin.
pub fn origin(entry: &str) -> Option<String> {
    let entry = entry.strip_suffix('/').unwrap_or(entry);
    let (scheme, authority) = entry.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let authority = authority.to_ascii_lowercase();
    // An IPv6 host is bracketed (`[::1]:8080`); its colons are not the port's.
    let (host, port) = match authority.rfind(':') {
        Some(colon) if !authority[colon..].contains(']') => {
            (&authority[..colon], Some(&authority[colon + 1..]))
        }
        _ => (authority.as_str(), None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']' | ':'))
        && (host.starts_with('[') == host.ends_with(']'))
        && (!host.contains(':') || host.starts_with('['));
    if !host_ok {
        return None;
    }
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(port) if port == default_port => Some(format!("{scheme}://{host}")),
        Some(port)
            if !port.is_empty()
                && port.len() <= 5
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n)) =>
        {
            Some(format!("{scheme}://{host}:{port}"))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded(lists: &[&str]) -> Embedding {
        Embedding::read(Some("1"), lists.iter().copied()).expect("embedded")
    }

    #[test]
    fn only_embed_1_asks_for_the_compact_view() {
        assert!(Embedding::read(Some("1"), []).is_some());
        assert!(Embedding::read(None, []).is_none());
        assert!(Embedding::read(Some("0"), []).is_none());
        assert!(Embedding::read(Some("true"), []).is_none());
        assert!(Embedding::read(None, ["https://a.example"]).is_none());
    }

    #[test]
    fn no_list_allows_no_one() {
        let embedding = embedded(&[]);
        assert!(embedding.origins.is_empty());
        assert!(!embedding.allows("https://a.example"));
        assert!(!embedding.allows("null"));
        assert!(!embedding.allows(""));
    }

    #[test]
    fn listed_origins_are_allowed_in_event_form() {
        let embedding = embedded(&["https://a.example, HTTPS://B.Example:443/"]);
        assert!(embedding.allows("https://a.example"));
        assert!(embedding.allows("https://b.example"));
        assert!(!embedding.allows("https://c.example"));
        assert!(!embedding.allows("http://a.example"));
        assert!(!embedding.allows("https://a.example:8443"));
        // Repeated parameters add up; duplicates count once.
        assert_eq!(
            embedded(&[
                "http://127.0.0.1:4181,http://localhost:80",
                "http://[::1]:9000,http://127.0.0.1:4181"
            ])
            .origins,
            vec![
                "http://127.0.0.1:4181",
                "http://localhost",
                "http://[::1]:9000"
            ]
        );
    }

    #[test]
    fn anything_but_an_origin_is_refused_not_widened() {
        for entry in [
            "*",
            "null",
            "https://*.example",
            "https://a.example/path",
            "https://user@a.example",
            "file:///tmp",
            "javascript:alert(1)",
            "a.example",
            "https://",
            "https://a.example:0",
            "https://a.example:99999",
            "https://a.example:http",
            "https://[::1",
        ] {
            let embedding = embedded(&[entry]);
            assert!(embedding.origins.is_empty(), "{entry} was allowed");
            assert_eq!(embedding.refused, vec![entry.to_string()]);
        }
    }
}
