//! Phase timings for measuring where a command spends its time: with `NETCURATE_TRACE`
//! set, each [`phase`] prints the seconds since the first one to stderr, with the process's
//! page faults and resident memory so far (first touches of memory are costly on small
//! virtual machines, so they tell where time goes as much as the clock). For crash tests,
//! `NETCURATE_PAUSE_AFTER=<phase name>` stops the command for good once that phase is
//! printed, so that a test can kill it at a known point instead of after a guessed delay,
//! and `NETCURATE_PANIC_AFTER=<phase name>` panics there (the terminal must come back).
//!
//! Must not: change behaviour, or print anything, when the variables are unset.

use std::sync::OnceLock;
use std::time::Instant;

struct Trace {
    start: Instant,
    pause_after: Option<String>,
    panic_after: Option<String>,
}

static TRACE: OnceLock<Option<Trace>> = OnceLock::new();

/// Marks the end of a phase (the first call starts the clock).
pub fn phase(name: &str) {
    let trace = TRACE.get_or_init(|| {
        std::env::var_os("NETCURATE_TRACE").map(|_| Trace {
            start: Instant::now(),
            pause_after: std::env::var("NETCURATE_PAUSE_AFTER").ok(),
            panic_after: std::env::var("NETCURATE_PANIC_AFTER").ok(),
        })
    });
    if let Some(t) = trace {
        let (faults, rss_mib) = memory_counters().unwrap_or_default();
        eprintln!(
            "trace {:>8.3} s {faults:>7} faults {rss_mib:>5} MiB  {name}",
            t.start.elapsed().as_secs_f64()
        );
        if t.pause_after.as_deref() == Some(name) {
            loop {
                std::thread::park();
            }
        }
        if t.panic_after.as_deref() == Some(name) {
            panic!("NETCURATE_PANIC_AFTER={name}: a panic as asked, for a crash test");
        }
    }
}

/// Minor page faults so far and resident MiB, from `/proc/self/stat` (Linux only).
fn memory_counters() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let field = |n: usize| fields.get(n - 3)?.parse::<u64>().ok();
    Some((field(10)?, field(24)? * 4096 / (1 << 20)))
}
