//! Profile URL normalisation: the identity every import joins on (DESIGN.md §2).
//!
//! `https://www.linkedin.com/in/Ren%C3%A9-Sample/?trk=x` and `linkedin.com/in/rené-sample`
//! both become the key `linkedin.com/in/rené-sample`. An empty slug (the Dec 2023
//! placeholder `https://www.linkedin.com/in`) is no key.
//!
//! Must not: look anything up; it is pure string work.

use percent_encoding::percent_decode_str;

/// The normalised identity key of a profile URL, or `None` when there is no usable slug.
pub fn profile_key(raw: &str) -> Option<String> {
    export_profile_key(raw).or_else(|| any_profile_key(raw))
}

/// The key of the shape nearly every export row has: `https://www.linkedin.com/in/` and a
/// slug of ASCII letters, digits, '-' and '_' (maybe a trailing slash), in one allocation;
/// or such a slug percent-encoded, as accented and non-Latin names are, decoded and
/// lowercased in one go when it decodes to letters, digits, '-' and '_'. `None` for any
/// other shape, which [`any_profile_key`] handles.
fn export_profile_key(raw: &str) -> Option<String> {
    let slug = written_slug(raw)?;
    if !slug.contains('%') {
        let mut key = String::with_capacity(KEY_PREFIX.len() + slug.len());
        key.push_str(KEY_PREFIX);
        key.push_str(slug);
        key.make_ascii_lowercase();
        return Some(key);
    }
    let decoded = percent_decode_str(slug).decode_utf8().ok()?;
    let plain = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    (!decoded.is_empty() && decoded.chars().all(plain))
        .then(|| format!("{KEY_PREFIX}{}", decoded.to_lowercase()))
}

/// What the key of a linkedin.com profile starts with.
const KEY_PREFIX: &str = "linkedin.com/in/";

/// The slug of a URL of the export's own shape, as written: ASCII letters, digits, '-',
/// '_' and percent escapes.
fn written_slug(raw: &str) -> Option<&str> {
    let slug = raw.strip_prefix("https://www.linkedin.com/in/")?;
    let slug = slug.strip_suffix('/').unwrap_or(slug);
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-_%".contains(&b);
    (!slug.is_empty() && slug.bytes().all(allowed)).then_some(slug)
}

/// [`written_slug`] without escapes: the slug is its key's as it is, but for case.
fn export_slug(raw: &str) -> Option<&str> {
    written_slug(raw).filter(|slug| !slug.contains('%'))
}

/// Whether `key` is the key of `raw` (`profile_key(raw) == Some(key)`), without making
/// the key for a URL of the export's own shape.
pub fn is_key_of(raw: &str, key: &str) -> bool {
    match export_slug(raw) {
        Some(slug) => key.strip_prefix(KEY_PREFIX).is_some_and(|k| {
            k.len() == slug.len() && k.bytes().eq(slug.bytes().map(|b| b.to_ascii_lowercase()))
        }),
        None => profile_key(raw).as_deref() == Some(key),
    }
}

fn any_profile_key(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let rest = match s.find("://") {
        Some(i) => &s[i + 3..],
        None => s,
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.to_lowercase();
    let mut host = host.trim();
    while let Some(rest) = host.strip_prefix("www.") {
        host = rest.trim();
    }
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    let path = decoded_path(path).to_lowercase();
    let segments: Vec<&str> = path
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let key_path = match segments.as_slice() {
        [] => return None,
        ["in"] => return None,
        ["in", slug, ..] => format!("in/{slug}"),
        other => other.join("/"),
    };
    let host = if host.ends_with("linkedin.com") {
        "linkedin.com"
    } else {
        host
    };
    Some(format!("{host}/{key_path}"))
}

/// A URL's path with its percent escapes decoded (again while that changes it, so that a
/// key is its own key: each round decodes an escape, shortening the path or, for a byte
/// that is no text, leaving one `%` fewer), up to a `?` or `#` it then holds.
fn decoded_path(path: &str) -> String {
    let mut path = path.to_string();
    loop {
        let decoded = percent_decode_str(&path).decode_utf8_lossy();
        if decoded == path {
            break;
        }
        path = decoded.into_owned();
    }
    path.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// `raw` as a browser's address bar shows it: its percent escapes decoded when they spell
/// UTF-8 text (`…/in/björn-yilmaz` for `…/in/bj%C3%B6rn-yilmaz`), as a reader sees it
/// ([`crate::text::seen`]: an escaped line break is a space). For showing only: opening
/// and copying take the URL as it is.
pub fn readable(raw: &str) -> String {
    let decoded = match raw.contains('%') {
        true => percent_decode_str(raw).decode_utf8().ok(),
        false => None,
    };
    crate::text::seen(decoded.as_deref().unwrap_or(raw)).into_owned()
}

/// A URL a browser can open for a key.
pub fn key_to_url(key: &str) -> String {
    format!("https://www.{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_as_an_address_bar_shows_them() {
        assert_eq!(
            readable("https://www.linkedin.com/in/bj%C3%B6rn-yilmaz-11f3"),
            "https://www.linkedin.com/in/björn-yilmaz-11f3"
        );
        assert_eq!(
            readable("https://www.linkedin.com/in/%E5%B1%B1%E7%94%B0"),
            "https://www.linkedin.com/in/山田"
        );
        let plain = "https://www.linkedin.com/in/ada-lovelace";
        assert_eq!(readable(plain), plain);
        // Escapes that are not UTF-8 stay as written; an escaped line break is a space.
        let latin1 = "https://example.com/in/ren%E9";
        assert_eq!(readable(latin1), latin1);
        assert_eq!(
            readable("https://x.example/a%0Ab\u{1b}"),
            "https://x.example/a b "
        );
    }

    #[test]
    fn percent_encoded_and_raw_utf8_are_one_identity() {
        let a = profile_key("https://www.linkedin.com/in/ren%C3%A9-sample").unwrap();
        let b = profile_key("https://www.linkedin.com/in/rené-sample").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, "linkedin.com/in/rené-sample");
        let upper = "https://www.linkedin.com/in/REN%C3%89-Sample/";
        assert_eq!(
            export_profile_key(upper).as_deref(),
            Some("linkedin.com/in/rené-sample"),
            "by the shortcut"
        );
    }

    #[test]
    fn normalises_scheme_host_case_query_and_slash() {
        assert_eq!(
            profile_key("LinkedIn.com/in/Jane-Doe-123/?trk=abc#x").as_deref(),
            Some("linkedin.com/in/jane-doe-123")
        );
        assert_eq!(
            profile_key("http://WWW.LINKEDIN.COM/in/jane-doe-123/").as_deref(),
            Some("linkedin.com/in/jane-doe-123")
        );
        assert_eq!(
            profile_key("https://de.linkedin.com/in/jane-doe-123").as_deref(),
            Some("linkedin.com/in/jane-doe-123")
        );
    }

    #[test]
    fn placeholder_and_empty_are_no_key() {
        assert_eq!(profile_key("https://www.linkedin.com/in"), None);
        assert_eq!(profile_key("https://www.linkedin.com/in/"), None);
        assert_eq!(profile_key("   "), None);
        assert_eq!(profile_key(""), None);
    }

    /// Slugs as exports write them, with percent escapes of accented and non-Latin
    /// letters, of characters that end or split a slug, and broken ones.
    fn escaped_slug() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const ESCAPES: [&str; 12] = [
            "%C3%A9",
            "%c3%89",
            "%C5%99",
            "%E6%9D%B1",
            "%CE%A3",
            "%2D",
            "%20",
            "%2F",
            "%3F",
            "%C3",
            "%ZZ",
            "%",
        ];
        let escape = proptest::sample::select(&ESCAPES[..]).prop_map(str::to_string);
        let piece = prop_oneof!["[A-Za-z0-9_-]{1,3}", escape];
        proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        /// The percent-decoding shortcut agrees with the general path on export-shaped
        /// URLs, and so does checking a key against one.
        #[test]
        fn the_escaped_slug_shortcut_agrees_with_the_general_path(
            slug in escaped_slug(),
            slash in proptest::bool::ANY,
        ) {
            let url = format!("https://www.linkedin.com/in/{slug}{}", if slash { "/" } else { "" });
            if let Some(fast) = export_profile_key(&url) {
                proptest::prop_assert_eq!(Some(fast), any_profile_key(&url));
            }
            let key = any_profile_key(&url);
            proptest::prop_assert_eq!(profile_key(&url), key.clone());
            if let Some(key) = key {
                proptest::prop_assert!(is_key_of(&url, &key));
            }
        }

        /// The one-allocation path agrees with the general one wherever it applies.
        #[test]
        fn the_export_shape_shortcut_agrees_with_the_general_path(
            slug in "[A-Za-z0-9_%é/ -]{0,24}",
            slash in proptest::bool::ANY,
        ) {
            let url = format!("https://www.linkedin.com/in/{slug}{}", if slash { "/" } else { "" });
            if let Some(fast) = export_profile_key(&url) {
                proptest::prop_assert_eq!(Some(fast), any_profile_key(&url));
            }
            proptest::prop_assert_eq!(profile_key(&url), any_profile_key(&url));
        }

        /// Checking a key against a URL agrees with making the URL's key, for its own key,
        /// another's, and a key that differs only in case.
        #[test]
        fn checking_a_key_agrees_with_making_it(
            slug in "[A-Za-z0-9_%é/ -]{0,24}",
            other in "[A-Za-z0-9_é -]{0,24}",
        ) {
            let url = format!("https://www.linkedin.com/in/{slug}");
            let own = profile_key(&url);
            let upper = own.as_deref().map(str::to_uppercase);
            let candidates = [own.clone(), upper, Some(format!("linkedin.com/in/{other}"))];
            for key in candidates.into_iter().flatten() {
                proptest::prop_assert_eq!(is_key_of(&url, &key), own.as_deref() == Some(key.as_str()));
            }
        }
    }
}
