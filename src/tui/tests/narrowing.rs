//! A filter typed a character at a time narrows from the rows in view when it can
//! ([`super::super::app::narrows`]): the rows it ends with are the rows the whole text
//! finds at once, whatever is typed (bare words, field terms, negations, quotes, umlauts
//! and their spelt-out spellings, a value's alternatives).

use super::*;
use proptest::prelude::*;

/// Pieces of filters as users type them.
fn filter_text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "j",
        "o",
        "mu",
        "e",
        "ller",
        "ø",
        "ren",
        "ü",
        " ",
        " ",
        "name:",
        "company:",
        "title:",
        "location:",
        "-",
        "\"",
        "score:>",
        "5",
        "0",
        "tag:",
        "seniority:>=",
        "director",
        "flag:",
        "warm",
        "x",
        ":",
        "head",
        "of",
        "ae",
        "Grün",
        "|",
        "|",
        "hooli",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 1..10).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_filter_typed_a_character_at_a_time_finds_what_it_finds_at_once(text in filter_text()) {
        let mut typed = app();
        let ends: Vec<usize> = (text.char_indices().map(|(i, c)| i + c.len_utf8())).collect();
        for end in ends {
            typed.set_filter(&text[..end]);
        }
        let mut at_once = app();
        at_once.set_filter(&text);
        prop_assert_eq!(&typed.table.filter_error, &at_once.table.filter_error);
        // A text that is not a filter (yet) leaves the rows of the last one that was.
        if typed.table.filter_error.is_none() {
            prop_assert_eq!(&typed.table.ids, &at_once.table.ids, "{}", text);
        }
    }
}
