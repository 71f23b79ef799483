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

/// The lesson's programs recorded many times over real loopback sockets.
/// Ignored by `cargo test`; run it with
/// `cargo test -p lesson-tcp-echo-server -- --ignored` (`STRESS_RUNS=n` for other than 20
/// runs), best under load (ARCHITECTURE.md, "Real sockets on the paused
/// clock").
#[cfg(test)]
mod stress {
    use lesson_kit::{Program, exercise::solution_of, lesson_dir, record_run, timeline_svg};

    /// Records every program, and every fix exercise's solution, N times
    /// and compares each run with its committed snapshot and timeline.
    #[test]
    #[ignore = "slow: records every program 20 times; run with -- --ignored"]
    fn every_program_records_the_same_every_time() {
        let runs: usize = std::env::var("STRESS_RUNS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(20);
        let package = env!("CARGO_PKG_NAME");
        let snapshots = lesson_dir(package).join("src/snapshots");
        let read = |file: String| {
            let path = snapshots.join(&file);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let mut programs: Vec<Program> = Vec::new();
        for program in super::programs() {
            programs.extend(solution_of(&program));
            programs.push(program);
        }
        let mut differed = Vec::new();
        for program in &programs {
            let snap = read(format!("{}.snap", program.name));
            // An insta snapshot: a `---` header, then the transcript.
            let transcript = snap.splitn(3, "---\n").nth(2).unwrap_or_default();
            let svg = read(format!("{}.svg", program.name));
            let id = format!("timeline-{package}-{}", program.name);
            let mut bad = 0;
            for _ in 0..runs {
                let run = record_run(program);
                if run.transcript.trim_end() != transcript.trim_end()
                    || timeline_svg(&id, program, &run) != svg
                {
                    bad += 1;
                }
            }
            println!(
                "{}: {} of {runs} runs as the snapshot",
                program.name,
                runs - bad
            );
            if bad > 0 {
                differed.push(format!("{} ({bad} of {runs})", program.name));
            }
        }
        assert!(
            differed.is_empty(),
            "runs that differed from the snapshot: {differed:?}"
        );
    }
}
