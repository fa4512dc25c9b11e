//! Property tests (proptest) for the parsers users feed by hand or by file: dates, URLs,
//! queries and whole CSV files. No input panics; results keep their invariants. The
//! worst inputs found are kept in fixtures/fuzz/ and replayed here.

use netcurate::import::dates::{parse_date, parse_datetime};
use netcurate::import::url::profile_key;
use netcurate::import::{SourceFile, parse_source};
use netcurate::query::Query;
use proptest::prelude::*;

fn parse_bytes(bytes: Vec<u8>) {
    let source = SourceFile {
        name: "fuzz.csv".into(),
        bytes,
        in_container: false,
    };
    if let Err(e) = parse_source(&source) {
        let msg = e.to_string();
        assert!(!msg.contains('\n'), "one-line errors: {msg:?}");
        assert!(msg.starts_with("fuzz.csv"), "errors name the file: {msg:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn dates_never_panic(s in ".{0,40}") {
        let _ = parse_date(&s);
        let _ = parse_datetime(&s);
    }

    #[test]
    fn valid_dates_round_trip(y in 1990i32..2100, m in 1u32..13, d in 1u32..29) {
        let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        prop_assert_eq!(parse_date(&date.format("%d %b %Y").to_string()), Some(date));
        prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Some(date));
    }

    #[test]
    fn url_keys_are_normalised(s in ".{0,60}") {
        if let Some(k) = profile_key(&s) {
            prop_assert!(!k.is_empty());
            prop_assert!(!k.contains('?') && !k.contains('#'));
            prop_assert!(!k.ends_with('/'));
            prop_assert_eq!(profile_key(&k), Some(k.clone()), "normalising twice changes nothing");
        }
    }

    #[test]
    fn slugs_survive_any_spelling(slug in "[a-z0-9é-]{1,20}", upper in any::<bool>(), slash in any::<bool>()) {
        let slug = slug.trim_matches('-').to_string();
        prop_assume!(!slug.is_empty());
        let mut url = format!("https://www.linkedin.com/in/{slug}");
        if upper { url = url.to_uppercase(); }
        if slash { url.push('/'); }
        prop_assert_eq!(profile_key(&url), Some(format!("linkedin.com/in/{slug}")));
    }

    #[test]
    fn queries_parse_or_fail_without_panic(s in ".{0,50}") {
        let _ = Query::parse(&s);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        parse_bytes(bytes);
    }

    #[test]
    fn mutated_connections_never_panic(cut in 0usize..900, at in 0usize..900, byte in any::<u8>()) {
        let mut bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/linkedin/2026/Connections.csv")).unwrap();
        bytes.truncate(900.min(bytes.len()));
        let at = at.min(bytes.len().saturating_sub(1));
        if !bytes.is_empty() { bytes[at] = byte; }
        bytes.truncate(cut.max(1));
        parse_bytes(bytes);
    }
}

#[test]
fn regression_corpus_parses_or_fails_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        parse_bytes(std::fs::read(entry.unwrap().path()).unwrap());
        n += 1;
    }
    assert!(n >= 5);
}
