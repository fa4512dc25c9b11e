//! The memory allocator's settings, shared by the binary and the benchmarks so that the
//! benchmarks measure what the binary does. Both declare mimalloc as their global
//! allocator (a library must not choose one for its users); this module only tunes it,
//! and says how the process's memory is backed.
//!
//! Must not: allocate (but for the thread [`back_spare_room`] starts); [`tune`] must not
//! be called once other threads run.

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

/// Has the system back the spare room of `vec` with memory now, on a thread of its own,
/// so that filling it does not stop at each fresh page: the first touch of a 4 KiB page
/// costs ~1.7 µs here, and merging 100k new contacts into their vectors (43 MiB) touched
/// 11,000 of them, a fifth of its time. For a room of a MiB or more, on Linux 5.14 and
/// later (elsewhere nothing happens). Harmless whatever becomes of the vector meanwhile:
/// the system only maps pages, it never changes what they hold.
pub fn back_spare_room<T>(vec: &mut Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        let std::ops::Range {
            start: first,
            end: last,
        } = spare_pages(vec);
        if last >= first + (1 << 20) {
            let spawned = std::thread::Builder::new().spawn(move || {
                // SAFETY: MADV_POPULATE_WRITE maps the pages of the range as a write would,
                // without writing; an unmapped range only makes it fail.
                unsafe {
                    libc::madvise(
                        first as *mut libc::c_void,
                        last - first,
                        libc::MADV_POPULATE_WRITE,
                    )
                };
            });
            // Without a thread the pages are mapped as they are filled, as before.
            drop(spawned);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = vec;
}

/// The addresses of the whole 4 KiB pages in the spare room of `vec`: the pages it
/// shares with other data are left out.
#[cfg(target_os = "linux")]
fn spare_pages<T>(vec: &mut Vec<T>) -> std::ops::Range<usize> {
    const PAGE: usize = 4096;
    let spare = vec.spare_capacity_mut();
    let start = spare.as_mut_ptr() as usize;
    let end = start + std::mem::size_of_val(spare);
    start.next_multiple_of(PAGE)..(end / PAGE * PAGE).max(start.next_multiple_of(PAGE))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// How many of the whole pages of `vec`'s spare room are in memory (mincore(2)).
    fn resident_pages(vec: &mut Vec<u8>) -> (usize, usize) {
        let std::ops::Range { start, end } = spare_pages(vec);
        let mut flags = vec![0u8; (end - start) / 4096];
        // SAFETY: the range lies within the vector's allocation; `flags` has a byte a page.
        let rc =
            unsafe { libc::mincore(start as *mut libc::c_void, end - start, flags.as_mut_ptr()) };
        assert_eq!(rc, 0, "mincore");
        (flags.iter().filter(|f| **f & 1 == 1).count(), flags.len())
    }

    /// The spare room of a fresh vector is in memory soon after, its data left as it was.
    #[test]
    fn spare_room_is_backed_with_memory() {
        let mut vec: Vec<u8> = Vec::with_capacity(64 << 20);
        vec.extend_from_slice(b"kept");
        let (before, pages) = resident_pages(&mut vec);
        assert!(
            before < pages / 2,
            "a fresh allocation is not in memory yet: {before} of {pages}"
        );
        back_spare_room(&mut vec);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while resident_pages(&mut vec).0 < pages && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(resident_pages(&mut vec), (pages, pages));
        assert_eq!(vec, b"kept");
    }
}
