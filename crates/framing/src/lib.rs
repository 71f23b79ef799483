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
