//! The book's chapters, as documentation, so that `cargo test` compiles
//! and runs every Rust block in them as a doctest (with tokio, futures and
//! the lesson kit available). See `build.rs`.

include!(concat!(env!("OUT_DIR"), "/chapters.rs"));
