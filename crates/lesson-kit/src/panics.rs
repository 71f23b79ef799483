//! Panics a test expects, printed without a backtrace.
//!
//! With `RUST_BACKTRACE=1` (set on many machines, this one included), std's
//! panic hook captures and resolves a backtrace for every panic, about
//! 65 ms each in a test binary: a dozen panics the tests provoke on purpose
//! (a program that panics, a tokio misuse that must panic, a check that
//! must fail) cost the warm `cargo test` most of a second. A panic a test
//! expects gets a one-line report from [`expect_panic`] and in a recording;
//! every other panic goes to the hook that was there before, backtrace and
//! all. `RUST_BACKTRACE=full` prints every backtrace, expected or not.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

thread_local! {
    /// Whether a panic on this thread is one its test expects.
    static EXPECTED: Cell<bool> = const { Cell::new(false) };
}

/// Puts the quiet hook in front of the one in place (once per process).
pub(crate) fn install() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v == "full") {
            return;
        }
        let before = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if EXPECTED.with(Cell::get) {
                eprintln!("{}", report(info));
            } else {
                before(info);
            }
        }));
    });
}

/// What the quiet hook prints: std's first lines, without the backtrace.
fn report(info: &PanicHookInfo<'_>) -> String {
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("<unnamed>");
    let place = info
        .location()
        .map_or_else(String::new, |l| format!(" at {l}"));
    format!(
        "thread '{name}' panicked{place}:\n{}\n(a panic its test expects: RUST_BACKTRACE=full prints its backtrace)",
        message(info.payload())
    )
}

/// A panic's message: its `&str` or `String` payload, or a placeholder.
pub fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(a panic whose payload is not a string)".to_owned())
}

/// Marks panics on this thread as expected until the guard drops.
pub(crate) struct Expected(bool);

impl Expected {
    pub(crate) fn on_this_thread() -> Self {
        install();
        Expected(EXPECTED.with(|e| e.replace(true)))
    }
}

impl Drop for Expected {
    fn drop(&mut self) {
        EXPECTED.with(|e| e.set(self.0));
    }
}

/// Marks every panic on the calling thread as expected, for good: the
/// threads a recording's runtime starts (its blocking pool, its workers)
/// run its program. Without the hook (`record_run` installs it) it does
/// nothing.
pub(crate) fn mark_this_thread() {
    EXPECTED.with(|e| e.set(true));
}

/// Runs `f`, which must panic, and returns the panic's message. Panics
/// (as a failing test) if `f` returns. The expected panic prints one line,
/// not a backtrace (see the module's docs), so a test that provokes a panic
/// on purpose costs no more than one that does not.
///
/// Prefer it to `#[should_panic]`, whose panic goes through the default
/// hook: `assert!(expect_panic(|| ...).contains("..."))`.
#[track_caller]
pub fn expect_panic<R>(f: impl FnOnce() -> R) -> String {
    message(&*expect_panic_payload(f))
}

/// [`expect_panic`], returning the panic's payload itself (to check its
/// type: `&'static str`, `String`, or another).
#[track_caller]
pub fn expect_panic_payload<R>(f: impl FnOnce() -> R) -> Box<dyn std::any::Any + Send> {
    let caught = {
        let _expected = Expected::on_this_thread();
        panic::catch_unwind(AssertUnwindSafe(f))
    };
    match caught {
        Ok(_) => panic!("expected a panic, but it returned"),
        Err(payload) => payload,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_of_a_str_and_of_a_string() {
        assert_eq!(expect_panic(|| panic!("a broken scale")), "a broken scale");
        let sku = 42;
        assert_eq!(
            expect_panic(|| panic!("sku {sku} is gone")),
            "sku 42 is gone"
        );
    }

    #[test]
    fn a_closure_that_returns_fails_the_test() {
        let outer = expect_panic(|| expect_panic(|| 7));
        assert_eq!(outer, "expected a panic, but it returned");
    }

    #[test]
    fn the_mark_ends_with_the_call() {
        let _ = expect_panic(|| panic!("expected"));
        assert!(!EXPECTED.with(Cell::get));
        {
            let _outer = Expected::on_this_thread();
            let _ = expect_panic(|| panic!("nested"));
            assert!(
                EXPECTED.with(Cell::get),
                "a nested call keeps the outer mark"
            );
        }
        assert!(!EXPECTED.with(Cell::get));
    }
}
