//! A chat server.
//!
//! `chat`: a server and three clients over real loopback TCP, in one
//! program on one thread. Each connection task runs a `select!` loop over
//! its socket's lines and a `broadcast` receiver: a line from one client
//! reaches all the others at once, and a client that leaves is announced.
//! `chat-lagged`: the same server with a slow client, whose receiver falls
//! more than the channel's capacity behind: its next `recv()` returns
//! `Lagged(n)`, and the client is told how many lines it missed.
//!
//! Run it: `cargo run -p lesson-chat-server`.

use lesson_kit::Program;

mod chat;
mod chat_lagged;
mod exercises;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "chat",
            "broadcast + select! { next_line, recv }: one line to everyone",
            chat::program,
        ),
        Program::new(
            "chat-lagged",
            "broadcast::channel(2) and a slow client: Lagged(n)",
            chat_lagged::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "newsroom",
            "broadcast headlines over TCP, and a reader who joins late",
            exercises::newsroom::program,
        ),
        Program::fix(
            "price-burst",
            "while let Ok(price) = rx.recv().await: a burst ends the feed",
            exercises::price_burst::program,
            exercises::price_burst_solution::program,
            exercises::price_burst,
        ),
    ]
}

/// The lesson's programs recorded many times over real loopback sockets.
/// Ignored by `cargo test`; run it with
/// `cargo test -p lesson-chat-server -- --ignored` (`STRESS_RUNS=n` for other than 20
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
