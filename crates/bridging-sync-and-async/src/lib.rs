//! Bridging sync and async code.
//!
//! `own-runtime`: a synchronous program (a legacy CSV exporter) needs an
//! async price client; it owns a `current_thread` runtime and runs each
//! call with `Runtime::block_on`. `runtime-in-runtime`: the async dashboard
//! calls that exporter from a task, and tokio panics, "Cannot start a
//! runtime from within a runtime". `spawn-blocking`: the fix, the same call
//! on tokio's blocking pool. `handle-in-thread`: a plain thread, in no
//! runtime, gets the dashboard's `Handle` and uses it to `block_on` async
//! calls and `spawn` a task on the dashboard's runtime.
//!
//! Run it: `cargo run -p lesson-bridging-sync-and-async`.

use lesson_kit::Program;

mod exercises;
mod handle_in_thread;
mod own_runtime;
mod runtime_in_runtime;
mod spawn_blocking;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "own-runtime",
            "a sync main, and a runtime of its own: runtime.block_on(..)",
            own_runtime::program,
        ),
        Program::new(
            "runtime-in-runtime",
            "block_on inside a task: \"Cannot start a runtime from within a runtime\"",
            runtime_in_runtime::program,
        )
        .python_differs("Python raises its own RuntimeError, with its own message"),
        Program::new(
            "spawn-blocking",
            "the fix: spawn_blocking(|| export_csv(..)).await",
            spawn_blocking::program,
        ),
        Program::new(
            "handle-in-thread",
            "Handle::current() moved into a std::thread: block_on and spawn from there",
            handle_in_thread::program,
        )
        .python_differs("Python's error message for a thread outside the event loop is its own"),
        // The exercises at the end of the chapter.
        Program::predict(
            "billing-inbox",
            "a sync main, its own runtime, a meter thread with its Handle",
            exercises::billing_inbox::program,
        ),
        Program::fix(
            "sensor-feed",
            "std's blocking recv() in an async task stalls the health check",
            exercises::sensor_feed::program,
            exercises::sensor_feed_solution::program,
            exercises::sensor_feed,
        ),
    ]
}

/// What the chapter says beyond the recordings, checked on runtimes of the
/// tests' own.
#[cfg(test)]
mod facts {
    use std::path::Path;

    /// A program's source, from this crate's `src/`.
    fn source(file: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The lines from the first start marker of anchor `start` to the
    /// last end marker of anchor `end`, without the marker lines.
    fn between(source: &str, start: &str, end: &str) -> String {
        let from = source
            .find(&format!("// ANCHOR: {start}"))
            .expect("the start anchor");
        let to = source
            .rfind(&format!("// ANCHOR_END: {end}"))
            .expect("the end anchor");
        without_anchors(&source[from..to])
    }

    fn without_anchors(text: &str) -> String {
        text.lines()
            .filter(|line| !line.trim_start().starts_with("// ANCHOR"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `runtime-in-runtime` and `spawn-blocking` hide the client, the
    /// blocking client and the exporter that `own-runtime` shows.
    #[test]
    fn the_client_and_exporter_are_the_same_in_every_program() {
        let shown = between(&source("own_runtime.rs"), "client", "blocking_client");
        for file in ["runtime_in_runtime.rs", "spawn_blocking.rs"] {
            assert!(
                without_anchors(&source(file)).contains(shown.trim()),
                "{file} no longer hides the client and exporter of own_runtime.rs word for word"
            );
        }
    }

    /// A runtime built inside a task and dropped there: its drop waits for
    /// its blocking pool, which is not allowed in async code.
    #[test]
    fn dropping_a_runtime_inside_a_task_panics() {
        let outer = current_thread();
        let message = lesson_kit::panics::expect_panic(|| {
            outer.block_on(async {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .expect("builds");
                drop(runtime);
            })
        });
        assert!(
            message.contains("Cannot drop a runtime in a context where blocking is not allowed"),
            "{message}"
        );
    }

    /// What `#[tokio::test(flavor = "current_thread")]` builds; the tests
    /// that expect a panic call `block_on` themselves, inside
    /// `lesson_kit::panics::expect_panic` (one line, not a backtrace).
    fn current_thread() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a current_thread runtime builds")
    }

    /// `block_in_place` takes the runtime mark off a `multi_thread`
    /// worker, so a runtime of its own may `block_on` (and be dropped)
    /// inside it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn block_in_place_lets_a_worker_block_on_a_runtime_of_its_own() {
        let answer = tokio::spawn(async {
            tokio::task::block_in_place(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .expect("builds");
                runtime.block_on(async { 42 })
            })
        })
        .await
        .expect("the task does not panic");
        assert_eq!(answer, 42);
    }

    /// On a `current_thread` runtime there is no other worker to take
    /// over: `block_in_place` panics.
    #[test]
    fn block_in_place_panics_on_current_thread() {
        let message = lesson_kit::panics::expect_panic(|| {
            current_thread().block_on(async { tokio::task::block_in_place(|| ()) })
        });
        assert!(
            message.contains("can call blocking only when running on the multi-threaded runtime"),
            "{message}"
        );
    }
}
