//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod last_umbrella;
pub mod price_board;
pub mod price_board_solution;

/// `price-board` is fixed when the three prices are on the board by
/// `0.600s`, the slowest supplier's answer, and the board has all three.
pub fn price_board(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    let prices: Vec<_> = lines
        .iter()
        .filter(|l| l.text.ends_with("cents on the board"))
        .collect();
    if prices.len() != 3 {
        return Err(format!(
            "expected three `cents on the board` lines, one per product; got {}",
            prices.len()
        ));
    }
    if let Some(late) = prices.iter().find(|l| l.at.as_millis() > 600) {
        return Err(format!(
            "the refreshes still wait for each other: {late}, although every supplier answers within \
             0.6 s. A refresh that holds the board's lock while it waits for its supplier keeps the \
             others from even asking theirs."
        ));
    }
    let board = run.line("board:")?;
    if board.text != "board: 3 prices" || board.time() != "0.600s" {
        return Err(format!("expected [0.600s] board: 3 prices; got {board}"));
    }
    Ok(())
}
