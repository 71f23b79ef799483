//! The hidden tests of `panic.rs` (in `panic/tests.rs`, so that the
//! program the book shows and the Playground runs stays std and tokio only):
//! which panics carry which payload, and that `panic_message` reads both.

use std::any::Any;
use std::panic::UnwindSafe;

use super::panic_message;

fn payload_of(f: impl FnOnce() + UnwindSafe) -> Box<dyn Any + Send> {
    lesson_kit::panics::expect_panic_payload(f)
}

/// The chapter says which panics carry a `&'static str` and which a
/// `String`, and that `panic_message` reads both.
#[test]
// Each `None`/`Err` is written out so that it panics: that is the test.
#[allow(clippy::unnecessary_literal_unwrap)]
fn most_panics_carry_a_string() {
    let n = 3;
    let literal = payload_of(|| panic!("wire cut"));
    let option_unwrap = payload_of(|| {
        None::<f64>.unwrap();
    });
    assert!(literal.is::<&'static str>() && option_unwrap.is::<&'static str>());
    let strings = [
        payload_of(move || panic!("wire {n}")),
        payload_of(|| {
            None::<f64>.expect("wire cut");
        }),
        payload_of(|| {
            Err::<f64, &str>("no answer").expect("wire cut");
        }),
        payload_of(|| {
            Err::<f64, &str>("no answer").unwrap();
        }),
    ];
    for payload in &strings {
        assert!(payload.is::<String>() && !payload.is::<&'static str>());
    }
    assert_eq!(panic_message(literal), "wire cut");
    assert_eq!(panic_message(payload_of(|| panic!("wire {n}"))), "wire 3");
    assert_eq!(
        panic_message(payload_of(|| {
            None::<f64>.expect("wire cut");
        })),
        "wire cut"
    );
}
