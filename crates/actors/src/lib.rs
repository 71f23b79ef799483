//! Actors: a task that owns its state.
//!
//! The pattern of Alice Ryhl's "Actors with Tokio": an actor struct owns
//! its state and runs a `recv()` loop on its own task; a cloneable handle
//! with async methods sends it requests over a bounded `mpsc` mailbox, each
//! with a `oneshot::Sender` for the answer. `actor-handle`: two callers
//! share the actor, which stops when the last handle is dropped.
//! `actor-backpressure`: the mailbox is full, so the handle's calls wait
//! for room, the truck's and a customer's alike. `actor-gone`: the actor
//! panics; every caller gets an error from the handle, and nobody hangs.
//!
//! Run it: `cargo run -p lesson-actors`.

use lesson_kit::Program;

mod actor_backpressure;
mod actor_gone;
mod actor_handle;
mod exercises;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "actor-handle",
            "StockHandle::new, clones, reserve().await; the last drop stops it",
            actor_handle::program,
        ),
        Program::new(
            "actor-backpressure",
            "a full mailbox: restock().await waits for room",
            actor_backpressure::program,
        ),
        Program::new(
            "actor-gone",
            "the actor panics: NoAnswer, then Stopped, from the handle",
            actor_gone::program,
        )
        .python_differs(
            "an asyncio actor that dies resolves none of the Futures it held or queued: its callers wait until their own timeout, and put() into its queue still succeeds",
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "print-queue",
            "two offices, a printer actor with a mailbox of one",
            exercises::print_queue::program,
        ),
        Program::fix(
            "seat-holds",
            "an actor that keeps a Sender to its own mailbox never stops",
            exercises::seat_holds::program,
            exercises::seat_holds_solution::program,
            exercises::seat_holds,
        ),
    ]
}

/// `actor-backpressure` and `actor-gone` hide the stock actor and its
/// handle (and their Python analogues leave them out of the chapter); the
/// chapter says they are the ones `actor-handle` shows.
#[cfg(test)]
mod same_actor {
    use std::path::Path;

    fn source(file: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The lines of `text`, without anchor markers.
    fn without_anchors(text: &str) -> String {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("// ANCHOR"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_actor_is_the_same_in_every_program() {
        let shown = source("actor_handle.rs");
        let start = shown
            .find("// ANCHOR: stock_actor")
            .expect("actor_handle.rs has the anchor stock_actor");
        let end = shown
            .rfind("// ANCHOR_END: stock_actor")
            .expect("actor_handle.rs closes the anchor stock_actor");
        let actor = without_anchors(&shown[start..end]);
        for file in ["actor_backpressure.rs", "actor_gone.rs"] {
            assert!(
                without_anchors(&source(file)).contains(actor.trim()),
                "{file} no longer hides the stock actor and handle of actor_handle.rs word for word"
            );
        }
    }

    #[test]
    fn the_python_actor_is_the_same_in_every_python_program() {
        let python = |name: &str| source(&format!("../python/{name}.py"));
        let shown = python("actor-handle");
        let start = shown
            .find("class OutOfStock")
            .expect("actor-handle.py has the stock actor");
        let end_line = "    return StockHandle(mailbox), actor\n";
        let end = shown
            .find(end_line)
            .expect("actor-handle.py has start_stock")
            + end_line.len();
        for name in ["actor-backpressure", "actor-gone"] {
            assert!(
                python(name).contains(&shown[start..end]),
                "python/{name}.py no longer has the stock actor of python/actor-handle.py word for word"
            );
        }
    }
}
