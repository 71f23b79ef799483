//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod forgotten_orders;
pub mod forgotten_orders_solution;
pub mod tea_and_coffee;

/// `forgotten-orders` is fixed when each of the three orders is placed,
/// and the bakery says so only after the last one.
pub fn forgotten_orders(run: &Recording) -> Result<(), String> {
    let said = run.line("bakery: 3 orders placed")?;
    let lines = run.lines();
    let position = |needle: &str| lines.iter().position(|l| l.text.contains(needle));
    for item in ["flour", "sugar", "yeast"] {
        let needle = format!("{item}: order placed");
        let Some(placed) = position(&needle) else {
            return Err(format!(
                "the {item} order was never placed (no `{needle}` line), yet the bakery said \
                 {said}: its future was built, and never run."
            ));
        };
        if position("bakery: 3 orders placed") < Some(placed) {
            return Err(format!(
                "the bakery said {said} before the {item} order was placed: {}",
                lines[placed]
            ));
        }
    }
    Ok(())
}
