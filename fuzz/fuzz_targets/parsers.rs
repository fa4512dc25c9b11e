//! Any text as a date, a profile URL or a query, and the query run on a contact whose
//! texts are the same text: no panic, no hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netcurate::model::Contact;
use netcurate::query::{Haystack, Query};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = netcurate::import::dates::parse_date(s);
        let _ = netcurate::import::dates::parse_datetime(s);
        if let Some(k) = netcurate::import::url::profile_key(s) {
            assert_eq!(netcurate::import::url::profile_key(&k), Some(k.clone()));
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
        if let Ok(q) = Query::parse(s, today) {
            let c = Contact {
                first_name: s.into(),
                last_name: s.into(),
                company: s.into(),
                position: s.into(),
                ..Contact::default()
            };
            let _ = q.matches(&c, &Haystack::of(&c));
            let _ = q.marks(&c);
        }
    }
});
