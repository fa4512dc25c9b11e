//! Two pieces of work at once, for the machine's two cores: the library's one way of
//! splitting work between threads that end before the caller goes on.
//!
//! Must not: hold domain logic.

/// Runs `a` on a scoped thread while `b` runs here; returns both results. A panic in `a`
/// carries on here.
pub(crate) fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|scope| {
        let handle = scope.spawn(a);
        let b = b();
        let a = handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}
