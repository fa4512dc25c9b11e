//! Phase timings for measuring where a command spends its time: with `NETCURATE_TRACE`
//! set, each [`phase`] prints the seconds since the first one to stderr.
//!
//! Must not: change behaviour, or print anything when the variable is unset.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Marks the end of a phase (the first call starts the clock).
pub fn phase(name: &str) {
    let start = START.get_or_init(|| std::env::var_os("NETCURATE_TRACE").map(|_| Instant::now()));
    if let Some(start) = start {
        eprintln!("trace {:>8.3} s  {name}", start.elapsed().as_secs_f64());
    }
}
