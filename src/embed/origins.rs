//! The embedding URL: `?embed=1` asks for the compact view, `origins=` lists the parent origins
//! allowed to send plans (`?embed=1&origins=https://a.example,https://b.example`).
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
}

impl Embedding {
    /// Reads `?embed=1&origins=...` from a URL's query (`location.search`, with or without its
    /// `?`). `None` unless `embed=1` is there.
    pub fn from_query(search: &str) -> Option<Embedding> {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut embed = false;
        let mut origins = Vec::new();
        let mut refused = Vec::new();
        for pair in search.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match decode(key).as_str() {
                "embed" => embed = decode(value) == "1",
                // Repeated `origins=` parameters add up, as one list.
                "origins" => {
                    for entry in decode(value).split(',') {
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
                }
                _ => {}
            }
        }
        embed.then_some(Embedding { origins, refused })
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

/// Percent-decodes a query component (`+` is a space, as in forms). Bytes that do not decode
/// to UTF-8 become U+FFFD; a `%` without two hex digits stays as it is.
fn decode(component: &str) -> String {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|pair| std::str::from_utf8(pair).ok())
                    .and_then(|pair| u8::from_str_radix(pair, 16).ok());
                if let Some(byte) = hex {
                    out.push(byte);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(search: &str) -> Vec<String> {
        Embedding::from_query(search).map_or_else(Vec::new, |embedding| embedding.origins)
    }

    #[test]
    fn only_embed_1_asks_for_the_compact_view() {
        assert!(Embedding::from_query("?embed=1").is_some());
        assert!(Embedding::from_query("view=x&embed=1").is_some());
        assert!(Embedding::from_query("").is_none());
        assert!(Embedding::from_query("?embed=0").is_none());
        assert!(Embedding::from_query("?origins=https://a.example").is_none());
    }

    #[test]
    fn no_list_allows_no_one() {
        let embedding = Embedding::from_query("?embed=1").expect("embedded");
        assert!(embedding.origins.is_empty());
        assert!(!embedding.allows("https://a.example"));
        assert!(!embedding.allows("null"));
    }

    #[test]
    fn listed_origins_are_allowed_in_event_form() {
        let embedding =
            Embedding::from_query("?embed=1&origins=https://a.example,HTTPS://B.Example:443/")
                .expect("embedded");
        assert!(embedding.allows("https://a.example"));
        assert!(embedding.allows("https://b.example"));
        assert!(!embedding.allows("https://c.example"));
        assert!(!embedding.allows("http://a.example"));
        assert!(!embedding.allows("https://a.example:8443"));
        // Percent-encoded lists and repeated parameters read the same.
        assert_eq!(
            allowed("embed=1&origins=http%3A%2F%2F127.0.0.1%3A4181%2Chttp%3A%2F%2Flocalhost:80&origins=http://[::1]:9000"),
            vec!["http://127.0.0.1:4181", "http://localhost", "http://[::1]:9000"]
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
        ] {
            let embedding =
                Embedding::from_query(&format!("?embed=1&origins={entry}")).expect("embedded");
            assert!(embedding.origins.is_empty(), "{entry} was allowed");
            assert_eq!(embedding.refused, vec![entry.to_string()]);
        }
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz+b"), "%zz b");
        assert_eq!(decode("%ff"), "\u{fffd}");
    }
}
