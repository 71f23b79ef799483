//! Every Rust block of the book, tested (see `build.rs`): the blocks that
//! must compile and run, and the `compile_fail` blocks that must not, are
//! unit tests of this crate.

#[cfg(test)]
mod blocks {
    include!(concat!(env!("OUT_DIR"), "/blocks.rs"));

    /// Cargo reruns `build.rs` when a file it watches is newer than its last
    /// run, so a checkout that shares the target folder with another, or a
    /// file restored with an old time, can leave tests generated from
    /// another book. This fails then, instead of passing for that book.
    #[test]
    fn the_blocks_come_from_this_checkouts_book() {
        let root = book_model::current_root().unwrap();
        let why = if std::path::Path::new(GENERATED_IN) == root {
            "a change to the book kept an old file time".to_string()
        } else {
            format!(
                "they were generated in {GENERATED_IN}, a checkout that shares this target folder"
            )
        };
        assert!(
            book_model::book::digest(&root) == BOOK_DIGEST,
            "The book tests were generated from another book than {} holds now ({why}). Run `touch book/src/SUMMARY.md`, then `cargo test` again: cargo regenerates them.",
            root.join("book").display()
        );
    }
}
