//! The memory allocator's settings, shared by the binary and the benchmarks so that the
//! benchmarks measure what the binary does. Both declare mimalloc as their global
//! allocator (a library must not choose one for its users); this module only tunes it,
//! and says how the process's memory is backed.
//!
//! Must not: allocate; [`tune`] must not be called once other threads run.

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`, mimalloc.h v2 and v3;
/// the Rust bindings do not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system 10 ms after it is freed (mimalloc's own default
/// is a second): an import frees its parsed files while it builds the network, and the
/// peak stays ~105 MiB instead of ~165 MiB. At once (0 ms) keeps the same peak but faults
/// freed memory in afresh: a 100k import 0.61 -> 0.57 s with 10 ms (medians of 15,
/// interleaved).
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Tunes mimalloc for netcurate; call first thing in `main`, before any other thread.
/// Harmless (the option is set, nothing reads it) where mimalloc is not the allocator.
pub fn tune() {
    // SAFETY: sets one integer option of the allocator; the caller runs no other thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

/// Memory for a command that runs once and exits, from here on: in pages of 4 KiB rather
/// than transparent huge pages of 2 MiB (Linux; elsewhere nothing changes). mimalloc asks
/// for huge pages, and the kernel zeroes each in whole when it is first touched: in a 100k
/// import that was a third of the time, and it goes again after each purge. A command
/// touches its memory once, so it gains little from huge pages; the workbench keeps
/// them, its keystrokes scanning the whole network (7-14% faster with them, `cargo bench
/// --bench workbench`).
pub fn for_one_command() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integers and changes only how this process's
    // memory is backed; it cannot fail in a way that matters (the pages stay huge).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
