//! Every Rust block of the book, tested (see `build.rs`): the blocks that
//! must compile and run are unit tests of this crate; the `compile_fail`
//! blocks are doctests of its documentation-only modules.

include!(concat!(env!("OUT_DIR"), "/compile_fail.rs"));

#[cfg(test)]
mod blocks {
    include!(concat!(env!("OUT_DIR"), "/blocks.rs"));
}
