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

/// Each program is one whole file (what the Play button sends), so the
/// shared part the chapter shows once (`src/missed_notify.rs`'s `waits` anchor) is
/// copied into every program that uses it: this keeps the copies equal.
#[cfg(test)]
mod copies {
    fn without_anchors(text: &str) -> String {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("// ANCHOR"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_program_has_the_same_waits() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let shown = std::fs::read_to_string(dir.join("missed_notify.rs")).unwrap();
        let start = shown.find("// ANCHOR: waits").expect("the anchor waits");
        let end = shown
            .rfind("// ANCHOR_END: waits")
            .expect("the anchor's end");
        let part = without_anchors(&shown[start..end]);
        let mut checked = 0;
        for folder in [dir.clone(), dir.join("exercises")] {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let name = entry.file_name();
                if ["lib.rs", "main.rs", "mod.rs"]
                    .map(std::ffi::OsStr::new)
                    .contains(&name.as_os_str())
                {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                if !text.contains("Waits") {
                    continue;
                }
                checked += 1;
                assert!(
                    without_anchors(&text).contains(part.trim()),
                    "{} no longer has src/missed_notify.rs's {} word for word; copy it again",
                    entry.path().display(),
                    "Waits"
                );
            }
        }
        assert!(
            checked > 1,
            "no program but missed_notify.rs has {}",
            "Waits"
        );
    }
}
