//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod customer_page;
pub mod customer_page_solution;
pub mod two_dishes;

/// `customer-page` is fixed when the page is ready at `3.000s`: the
/// customer's 1 s, then the slower of the orders (2 s) and the
/// recommendations (1.5 s), loaded at once; every part loaded before it.
pub fn customer_page(run: &Recording) -> Result<(), String> {
    let page = run.line("page for")?;
    let lines = run.lines();
    // The first line with `needle` that comes before the page.
    let before_page = |needle: &str| {
        lines
            .iter()
            .take_while(|l| !l.text.contains("page for"))
            .find(|l| l.text.contains(needle))
            .cloned()
    };
    let mut loaded = Vec::new();
    for part in [
        "customer 7: loaded",
        "orders of Ada: loaded",
        "recommendations for Ada: loaded",
    ] {
        let Some(line) = before_page(part) else {
            return Err(format!(
                "the page, {page}, came before a part it needs: no `{part}` line before it."
            ));
        };
        loaded.push(line);
    }
    let expected = Duration::from_secs(3);
    if page.at < expected {
        return Err(format!(
            "the page came sooner than its data allows, {page}: the customer takes 1 s, and then \
             the orders 2 s more."
        ));
    }
    if page.at > expected {
        let customer = &loaded[0];
        let last_started = ["orders of Ada: loading", "recommendations for Ada: loading"]
            .into_iter()
            .filter_map(before_page)
            .max_by_key(|line| line.at)
            .map_or(String::new(), |line| {
                let gap = line.at.saturating_sub(customer.at).as_secs_f64();
                format!(" The last part began loading only at {line}, {gap:.1} s after {customer}.")
            });
        return Err(format!(
            "expected the page at [3.000s], the orders and the recommendations loading together \
             once the customer is loaded; got {page}.{last_started}"
        ));
    }
    Ok(())
}
