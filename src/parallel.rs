//! Two pieces of work at once, for the machine's two cores: the library's one way of
//! splitting work between threads that end before the caller goes on, and of freeing
//! large values on a thread that the caller does not wait for.
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

/// Drops `value` on a thread of its own, which the caller does not wait for: freeing the
/// network an import merged (20 ms at 100k contacts) then overlaps the commit's wait for
/// the disk. Dropped here when no thread can be started.
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    // On failure `spawn` drops the closure, and `value` with it, before returning.
    drop(std::thread::Builder::new().spawn(move || drop(value)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value handed to `drop_aside` is dropped, on another thread, without the caller
    /// waiting for it.
    #[test]
    fn drop_aside_drops_the_value_elsewhere() {
        struct Tells(std::sync::mpsc::Sender<std::thread::ThreadId>);
        impl Drop for Tells {
            fn drop(&mut self) {
                let _ = self.0.send(std::thread::current().id());
            }
        }
        let (sender, dropped) = std::sync::mpsc::channel();
        drop_aside(Tells(sender));
        let on = dropped.recv_timeout(std::time::Duration::from_secs(10));
        assert!(
            on.is_ok_and(|id| id != std::thread::current().id()),
            "{on:?}"
        );
    }
}
