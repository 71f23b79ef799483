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
