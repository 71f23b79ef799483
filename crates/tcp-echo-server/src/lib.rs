//! A TCP echo server.
//!
//! `task-per-connection`: `TcpListener` accepts, and each connection gets
//! its own task: two clients, each echoed after a 100 ms server delay, get
//! their echoes at the same moment, on one thread. `one-at-a-time`: the
//! same server handling each connection inside its accept loop, so the
//! second client waits for the first. `copy-halves`: `tokio::io::copy`
//! echoes a connection's read half into its write half, and the client
//! reads and writes at once through `into_split`.
//!
//! Every program opens real sockets on 127.0.0.1 (port 0) and ends by
//! itself. Run it: `cargo run -p lesson-tcp-echo-server`.

use lesson_kit::Program;

mod copy_halves;
mod exercises;
mod one_at_a_time;
mod task_per_connection;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "task-per-connection",
            "accept, then tokio::spawn(handle(socket)) per connection",
            task_per_connection::program,
        ),
        Program::new(
            "one-at-a-time",
            "accept, then handle(socket).await in the accept loop",
            one_at_a_time::program,
        ),
        Program::new(
            "copy-halves",
            "io::copy(&mut reader, &mut writer), and into_split on the client",
            copy_halves::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "till-orders",
            "two tills, one task per connection, 100 ms per order",
            exercises::till_orders::program,
        ),
        Program::fix(
            "stuck-upload",
            "read_to_end on one side, read_to_string on the other, no shutdown",
            exercises::stuck_upload::program,
            exercises::stuck_upload_solution::program,
            exercises::stuck_upload,
        ),
    ]
}
