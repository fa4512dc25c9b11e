//! The `netcurate` binary: parses the command line, runs a command or the workbench, and
//! turns every failure into one line on stderr with exit code 1 (clap's usage errors: 2).
//!
//! Must not: hold logic of its own beyond dispatch and error reporting.

mod cli;
mod columns;
mod demo;
mod tui;

use clap::Parser;

/// A network is a million small strings: mimalloc allocates and frees them faster than
/// the system allocator (a 100k import 0.68-0.80 s -> 0.54-0.56 s, medians of 5).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`, mimalloc.h v2 and v3;
/// the Rust bindings do not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const PURGE_DELAY_MS: std::ffi::c_long = 10;

fn main() {
    // Freed memory goes back to the system 10 ms after it is freed (mimalloc's own
    // default is a second): an import frees its parsed files while it builds the network,
    // and the peak stays ~105 MiB instead of ~165 MiB. At once (0 ms) keeps the same peak
    // but faults freed memory in afresh: a 100k import 0.61 -> 0.57 s with 10 ms (medians
    // of 15, interleaved).
    // SAFETY: sets one integer option of the allocator; no other thread runs yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    netcurate::trace::phase("start");
    let cli = cli::Cli::parse();
    if let Err(e) = cli::run(cli) {
        if closed_output(&e) {
            // The reader stopped reading (`netcurate list | head`): nothing went wrong.
            std::process::exit(0);
        }
        // Each cause once: a library error often says its cause already.
        let mut message = e.to_string();
        for cause in e.chain().skip(1).map(|c| c.to_string()) {
            if !message.contains(&cause) {
                message.push_str(&format!(": {cause}"));
            }
        }
        eprintln!("netcurate: {message}");
        std::process::exit(1);
    }
    netcurate::trace::phase("done");
}

/// Whether `e` is a write to a pipe whose reader has gone.
fn closed_output(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
