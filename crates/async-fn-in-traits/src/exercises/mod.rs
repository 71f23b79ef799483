//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod early_quote;
pub mod serial_board;
pub mod serial_board_solution;

/// `serial-board` is fixed when the three quotes wait at once: each SKU
/// is priced at `1.000s`, and the board is done then, not at `3.000s`.
pub fn serial_board(run: &Recording) -> Result<(), String> {
    for sku in ["mug", "kettle", "teapot"] {
        let priced = run.line(&format!("warehouse: {sku} priced"))?;
        if priced.time() != "1.000s" {
            return Err(format!(
                "expected every SKU priced at 1.000s, the three quotes waiting at once; got {priced}: \
                 each quote waited for the one before"
            ));
        }
    }
    let board = run.line("board: 3 prices")?;
    if board.time() != "1.000s" || !board.text.contains("2250 cents") {
        return Err(format!(
            "expected [1.000s] board: 3 prices, 2250 cents in all; got {board}"
        ));
    }
    Ok(())
}
