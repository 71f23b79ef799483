//! Framing: from bytes to messages.
//!
//! `chunks`: `read` returns whatever bytes have arrived, so a message can
//! come in pieces, and two can come in one read. `read-line`:
//! `BufReader::read_line` reassembles them into lines. `lines-codec`:
//! `Framed` with `LinesCodec::new_with_max_length`, a line at a time in and
//! out; a flood without a newline and bytes that are not UTF-8 get an
//! error reply and a closed connection. `cut-off`: a client that
//! disconnects in the middle of a line; `LinesCodec` hands the cut-off
//! bytes out as a last line, and a strict `Decoder` reports them.
//!
//! Every program opens real sockets on 127.0.0.1 (port 0) and ends by
//! itself. Run it: `cargo run -p lesson-framing`.

use lesson_kit::Program;

mod chunks;
mod cut_off;
mod exercises;
mod lines_codec;
mod read_line;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new("chunks", "socket.read(&mut buf) in a loop", chunks::program),
        Program::new(
            "read-line",
            "BufReader::new(socket).read_line(&mut line)",
            read_line::program,
        ),
        Program::new(
            "lines-codec",
            "Framed::new(socket, LinesCodec::new_with_max_length(32))",
            lines_codec::program,
        ),
        Program::new(
            "cut-off",
            "a client gone mid-line: LinesCodec's decode_eof, and a strict one",
            cut_off::program,
        )
        .python_differs(
            "asyncio's readline and readuntil stand where LinesCodec and StrictLines are",
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "sensor-frames",
            "FramedRead with LengthDelimitedCodec, 6 bytes a write",
            exercises::sensor_frames::program,
        ),
        Program::fix(
            "slow-teller",
            "select! { read_line, sleep }: a partly read line is lost",
            exercises::slow_teller::program,
            exercises::slow_teller_solution::program,
            exercises::slow_teller,
        ),
    ]
}

/// The lesson's programs recorded many times over real loopback sockets.
/// Ignored by `cargo test`; run it with
/// `cargo test -p lesson-framing -- --ignored` (`STRESS_RUNS=n` for other than 20
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
