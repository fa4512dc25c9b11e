//! Any bytes as an input file: the importer must return a parsed file or a one-line error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netcurate::import::{Mappings, SourceFile, parse_source};

fuzz_target!(|data: &[u8]| {
    let source = SourceFile { name: "fuzz.csv".into(), bytes: data.to_vec(), origin: String::new() };
    if let Err(e) = parse_source(&source, &Mappings::default()) {
        assert!(!e.to_string().contains('\n'));
    }
});
