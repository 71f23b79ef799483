//! Finding a hang.
//!
//! Four hangs, each shown hanging, ended by a tripwire that reports who
//! still waits and where, and then fixed: a lost wake-up
//! (`missed-notify`), a leftover `Sender` (`leftover-sender`), two tasks
//! sending into each other's full inboxes (`full-inboxes`), and a `std`
//! guard held across `.await` under `join!` (`held-guard`), which blocks
//! its thread, so a watchdog on another thread reports it.
//!
//! Run it: `cargo run -p lesson-finding-a-hang`.

use lesson_kit::Program;

mod exercises;
mod full_inboxes;
mod full_inboxes_fixed;
mod held_guard;
mod held_guard_fixed;
mod leftover_sender;
mod leftover_sender_fixed;
mod missed_notify;
mod missed_notify_fixed;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "missed-notify",
            "notify_waiters() before anyone waits: a lost wake-up",
            missed_notify::program,
        ),
        Program::new(
            "missed-notify-fixed",
            "notify_one() keeps a permit",
            missed_notify_fixed::program,
        ),
        Program::new(
            "leftover-sender",
            "recv() never returns None: a Sender is still alive",
            leftover_sender::program,
        ),
        Program::new(
            "leftover-sender-fixed",
            "drop(tx): the channel closes with the last packer",
            leftover_sender_fixed::program,
        ),
        Program::new(
            "full-inboxes",
            "two tasks sending into each other's full bounded channels",
            full_inboxes::program,
        )
        .python_differs(
            "asyncio keeps no registry: its tripwire names the line each task is suspended at",
        ),
        Program::new(
            "full-inboxes-fixed",
            "the requests sent from a task of their own",
            full_inboxes_fixed::program,
        ),
        Program::new(
            "held-guard",
            "a std guard across .await under join!: a blocked thread, and a watchdog on another",
            held_guard::program,
        ),
        Program::new(
            "held-guard-fixed",
            "the std guard dropped before the .await",
            held_guard_fixed::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "early-printout",
            "two reports, two clerks, one Notify: who is still waiting?",
            exercises::early_printout::program,
        ),
        Program::fix(
            "endless-heartbeat",
            "a heartbeat's Sender keeps the collector's channel open",
            exercises::endless_heartbeat::program,
            exercises::endless_heartbeat_solution::program,
            exercises::endless_heartbeat,
        ),
    ]
}
