//! Phase timings for measuring where a command spends its time: with `NETCURATE_TRACE`
//! set, each [`phase`] prints the seconds since the first one to stderr. For crash tests,
//! `NETCURATE_PAUSE_AFTER=<phase name>` stops the command for good once that phase is
//! printed, so that a test can kill it at a known point instead of after a guessed delay.
//!
//! Must not: change behaviour, or print anything, when the variables are unset.

use std::sync::OnceLock;
use std::time::Instant;

struct Trace {
    start: Instant,
    pause_after: Option<String>,
}

static TRACE: OnceLock<Option<Trace>> = OnceLock::new();

/// Marks the end of a phase (the first call starts the clock).
pub fn phase(name: &str) {
    let trace = TRACE.get_or_init(|| {
        std::env::var_os("NETCURATE_TRACE").map(|_| Trace {
            start: Instant::now(),
            pause_after: std::env::var("NETCURATE_PAUSE_AFTER").ok(),
        })
    });
    if let Some(t) = trace {
        eprintln!("trace {:>8.3} s  {name}", t.start.elapsed().as_secs_f64());
        if t.pause_after.as_deref() == Some(name) {
            loop {
                std::thread::park();
            }
        }
    }
}
