//! Any text as a date, a profile URL or a query: no panic, no hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = netcurate::import::dates::parse_date(s);
        let _ = netcurate::import::dates::parse_datetime(s);
        if let Some(k) = netcurate::import::url::profile_key(s) {
            assert_eq!(netcurate::import::url::profile_key(&k), Some(k.clone()));
        }
        let _ = netcurate::query::Query::parse(s);
    }
});
