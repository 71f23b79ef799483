//! Graceful shutdown.
//!
//! `shutdown`: an order server on a real loopback socket, and its
//! customers, in one program on one thread. A signal (the operator's
//! Ctrl-C, scripted at 1 s; a real Ctrl-C on `cargo run` too) cancels a
//! `CancellationToken`: the accept loop stops and closes its listener, so
//! a late customer is refused; idle connections close; the request in
//! flight is answered. A `TaskTracker` tells `main` when every connection
//! is done; a 2 s drain deadline cuts the one still running, through the
//! token's parent.
//!
//! Run it: `cargo run -p lesson-graceful-shutdown`.

use lesson_kit::Program;

mod exercises;
mod shutdown;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "shutdown",
            "Ctrl-C at 1 s: stop accepting, drain for 2 s, cut the rest",
            shutdown::program,
        )
        .python_differs(
            "at the deadline main just returns, and asyncio.run cancels every task left: CancelledError is raised inside the export's handler (which prints it) and bob's customer task, so nobody is left to see the socket close",
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "closing-shift",
            "three tracked tasks, a token cancelled at 1 s, a 2 s deadline",
            exercises::closing_shift::program,
        ),
        Program::fix(
            "slow-closing",
            "the drain always takes its whole deadline",
            exercises::slow_closing::program,
            exercises::slow_closing_solution::program,
            exercises::slow_closing,
        ),
    ]
}

/// What the chapter says about sockets and runtimes beyond the recording,
/// checked on loopback and on a runtime of the test's own.
#[cfg(test)]
mod facts {
    use std::io::ErrorKind;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use tokio::io::AsyncReadExt;
    use tokio::net::{TcpListener, TcpStream};
    use tokio_util::task::TaskTracker;

    /// A listener that nobody accepts on still takes connections (the
    /// kernel completes the handshake into its backlog); once it is
    /// dropped, a new one is refused, and one left in the backlog is reset.
    #[tokio::test(flavor = "current_thread")]
    async fn only_closing_the_listener_refuses_customers() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let address = listener.local_addr().expect("has an address");
        let mut waiting = TcpStream::connect(address)
            .await
            .expect("connects although nobody accepts");
        drop(listener);
        let refused = TcpStream::connect(address)
            .await
            .expect_err("nobody listens any more");
        assert_eq!(refused.kind(), ErrorKind::ConnectionRefused);
        let mut byte = [0; 1];
        let reset = waiting
            .read(&mut byte)
            .await
            .expect_err("the backlog's connection is reset");
        assert_eq!(reset.kind(), ErrorKind::ConnectionReset);
    }

    /// An empty tracker that was never closed is a server between two
    /// customers: `wait` stays pending (an hour of paused time here), and
    /// completes at once when it is closed.
    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn wait_never_completes_on_an_open_tracker() {
        let tracker = TaskTracker::new();
        tracker.spawn(async {}).await.expect("the task ends");
        assert!(tracker.is_empty());
        let open = tokio::time::timeout(Duration::from_secs(3600), tracker.wait()).await;
        assert!(open.is_err(), "an open tracker's wait does not complete");
        tracker.close();
        let closed = tokio::time::timeout(Duration::ZERO, tracker.wait()).await;
        assert!(closed.is_ok(), "closed and empty: wait completes at once");
    }

    /// `main` returning leaves a tracked task alive inside the runtime;
    /// dropping the runtime (the end of `#[tokio::main]`'s `main`) drops
    /// the task's future where it waits: its destructors run, the code
    /// after its `.await` never does.
    #[test]
    fn the_runtime_drops_a_tracked_task_when_main_returns() {
        struct Guard(Arc<AtomicBool>);
        impl Drop for Guard {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        let dropped = Arc::new(AtomicBool::new(false));
        let finished = Arc::new(AtomicBool::new(false));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("builds");
        let (guard, done) = (Guard(dropped.clone()), finished.clone());
        runtime.block_on(async move {
            let tracker = TaskTracker::new();
            tracker.spawn(async move {
                let _guard = guard;
                tokio::time::sleep(Duration::from_secs(5)).await;
                done.store(true, Ordering::SeqCst);
            });
            tracker.close();
            let drained = tokio::time::timeout(Duration::from_secs(2), tracker.wait()).await;
            assert!(drained.is_err(), "the task outlives the deadline");
        });
        assert!(
            !dropped.load(Ordering::SeqCst),
            "main returned; the task lives on"
        );
        drop(runtime);
        assert!(dropped.load(Ordering::SeqCst), "the runtime dropped it");
        assert!(
            !finished.load(Ordering::SeqCst),
            "it never ran past its .await"
        );
    }
}
