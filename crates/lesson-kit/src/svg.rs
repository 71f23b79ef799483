//! Draws a [`Timeline`] as a small SVG, for inline use in the book.
//!
//! One row per lane, time on the x axis. A solid bar is a poll (the lane
//! was running), a thin light bar is waiting, a dot is a `say!` line (its
//! text is the dot's tooltip), a cross marks a cancelled lane.
//!
//! Colours come from the page: text and bars use `currentColor` with
//! opacities, so the picture follows mdBook's light and dark themes when
//! the SVG is inline. Only the dots have a colour of their own, one that
//! reads on both. The output is deterministic (integer microseconds, fixed
//! decimals) and has no blank lines, so Markdown keeps it as one HTML block.

use std::fmt::Write;
use std::time::Duration;

use crate::timeline::{End, Timeline};

const WIDTH: u64 = 640;
const ROW: u64 = 34;
const TOP: u64 = 4;
const RUN_HEIGHT: f64 = 14.0;
const WAIT_HEIGHT: f64 = 6.0;
/// A zero-length poll still shows, this wide.
const MIN_RUN: f64 = 3.0;
const FONT: u64 = 13;
/// One scale for every short run, so pictures of runs of different lengths
/// compare at a glance (3 s is half again as long as 2 s); longer runs
/// shrink to fit the width.
const PX_PER_SECOND: f64 = 120.0;
/// Runs shorter than 2 s are stretched to this width, to stay readable.
const MIN_PLOT: f64 = 240.0;
/// The least room between two tick labels, in pixels.
const MIN_TICK_GAP: f64 = 48.0;
/// Roughly the width of one character of the labels.
const CHAR: u64 = 8;
/// The colour of the printed-line markers: orange, legible on light and dark.
const SAY: &str = "#e8590c";

/// The SVG of a timeline. `id` must be unique on a page (it prefixes the
/// ids of `<title>` and `<desc>`); `title` is its accessible name.
pub fn render(timeline: &Timeline, id: &str, title: &str) -> String {
    let lanes = &timeline.lanes;
    // Nothing ever waited: show one second, so zero-length polls still sit
    // on a readable axis.
    let end = match micros(timeline.end()) {
        0 => 1_000_000,
        end => end,
    };
    let (mut step, mut decimals) = tick_step(end);

    let widest = lanes.iter().map(|l| l.name.chars().count()).max();
    let left = (16 + widest.unwrap_or(4) as u64 * CHAR).max(56);
    let right = WIDTH - 16;
    let width_for = |axis_end: u64| {
        (axis_end as f64 / 1e6 * PX_PER_SECOND).clamp(MIN_PLOT, (right - left) as f64)
    };
    // Labels need room: widen the tick step until ticks are far enough apart.
    let gap = |step: u64| {
        let axis_end = end.div_ceil(step).max(1) * step;
        width_for(axis_end) * (step as f64) / (axis_end as f64)
    };
    while gap(step) < MIN_TICK_GAP {
        (step, decimals) = wider_step(step);
    }
    let axis_end = end.div_ceil(step).max(1) * step;
    let plot = width_for(axis_end);
    let x = |t: Duration| left as f64 + micros(t) as f64 / axis_end as f64 * plot;
    let axis_y = TOP + ROW * lanes.len() as u64 + 4;
    let height = axis_y + 48;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" style="max-width:100%;height:auto" font-family="sans-serif" font-size="{FONT}" fill="currentColor">"#
    );
    let _ = writeln!(s, r#"<title id="{id}-title">{}</title>"#, escape(title));
    let _ = writeln!(
        s,
        r#"<desc id="{id}-desc">{}</desc>"#,
        escape(&summary(timeline))
    );

    // The time axis: a grid line and a label at each tick.
    let _ = writeln!(s, r#"<g stroke="currentColor" stroke-opacity="0.15">"#);
    let mut tick = 0;
    while tick <= axis_end {
        let tx = left as f64 + tick as f64 / axis_end as f64 * plot;
        let _ = writeln!(
            s,
            r#"<line x1="{tx:.1}" y1="{TOP}" x2="{tx:.1}" y2="{axis_y}"/>"#
        );
        tick += step;
    }
    let _ = writeln!(s, "</g>");
    let _ = writeln!(s, r#"<g text-anchor="middle" fill-opacity="0.75">"#);
    let mut tick = 0;
    while tick <= axis_end {
        let tx = left as f64 + tick as f64 / axis_end as f64 * plot;
        let label = tick as f64 / 1e6;
        let _ = writeln!(
            s,
            r#"<text x="{tx:.1}" y="{}">{label:.decimals$}s</text>"#,
            axis_y + 16
        );
        tick += step;
    }
    let _ = writeln!(s, "</g>");

    for (row, lane) in lanes.iter().enumerate() {
        // The bar sits low in its row; printed-line markers sit above it.
        let mid = (TOP + ROW * row as u64 + ROW / 2 + 4) as f64;
        let _ = writeln!(s, "<g>");
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 8,
            mid + 4.0,
            escape(&lane.name)
        );
        // Alive and not running: waiting.
        let last = lane.end.map_or(timeline.end(), End::at);
        let has_span = !lane.running.is_empty() || lane.end.is_some();
        if has_span && last > lane.created {
            let _ = writeln!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{WAIT_HEIGHT}" fill-opacity="0.25"/>"#,
                x(lane.created),
                mid - WAIT_HEIGHT / 2.0,
                x(last) - x(lane.created)
            );
        }
        for &(from, to) in &lane.running {
            let _ = writeln!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{RUN_HEIGHT}" fill-opacity="0.85"/>"#,
                x(from),
                mid - RUN_HEIGHT / 2.0,
                (x(to) - x(from)).max(MIN_RUN)
            );
        }
        if let Some(End::Panicked(at)) = lane.end {
            let (cx, r) = (x(at), 5.0);
            let _ = writeln!(
                s,
                r#"<path d="M{:.1} {:.1}l{d:.1} {d:.1}m0 -{d:.1}l-{d:.1} {d:.1}" stroke="currentColor" stroke-width="2.5"><title>{} panicked at {:.3}s</title></path><circle cx="{cx:.1}" cy="{mid:.1}" r="8" fill="none" stroke="currentColor" stroke-width="1.5"/>"#,
                cx - r,
                mid - r,
                escape(&lane.name),
                at.as_secs_f64(),
                d = 2.0 * r
            );
        }
        if let Some(End::Cancelled(at)) = lane.end {
            let (cx, r) = (x(at), 5.0);
            let _ = writeln!(
                s,
                r#"<path d="M{:.1} {:.1}l{d:.1} {d:.1}m0 -{d:.1}l-{d:.1} {d:.1}" stroke="currentColor" stroke-width="2.5"><title>{} was cancelled at {:.3}s</title></path>"#,
                cx - r,
                mid - r,
                escape(&lane.name),
                at.as_secs_f64(),
                d = 2.0 * r
            );
        }
        // One marker per moment; lines printed at the same moment share it.
        let mut i = 0;
        while i < lane.lines.len() {
            let at = lane.lines[i].0;
            let mut text = String::new();
            while i < lane.lines.len() && lane.lines[i].0 == at {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&lane.lines[i].1);
                i += 1;
            }
            let _ = writeln!(
                s,
                r#"<path d="{}" fill="{SAY}"><title>{}</title></path>"#,
                marker(x(at) + MIN_RUN / 2.0, mid - RUN_HEIGHT / 2.0 - 1.0),
                escape(&text)
            );
        }
        let _ = writeln!(s, "</g>");
    }

    // The legend, under the axis: a symbol and a word each.
    let ly = (axis_y + 36) as f64;
    let cancelled = lanes
        .iter()
        .any(|l| matches!(l.end, Some(End::Cancelled(_))));
    let mut items = vec![
        (
            format!(
                r#"<rect x="{{x}}" y="{:.1}" width="14" height="{RUN_HEIGHT}" fill-opacity="0.85"/>"#,
                ly - RUN_HEIGHT / 2.0
            ),
            "running",
        ),
        (
            format!(
                r#"<rect x="{{x}}" y="{:.1}" width="14" height="{WAIT_HEIGHT}" fill-opacity="0.25"/>"#,
                ly - WAIT_HEIGHT / 2.0
            ),
            "waiting",
        ),
        (
            format!(r#"<path d="{{marker}}" fill="{SAY}" fill-opacity="1"/>"#),
            "printed a line",
        ),
    ];
    let panicked = lanes
        .iter()
        .any(|l| matches!(l.end, Some(End::Panicked(_))));
    if panicked {
        items.push((
            format!(
                r#"<path d="M{{x2}} {:.1}l10 10m0 -10l-10 10" stroke="currentColor" stroke-width="2.5"/><circle cx="{{x7}}" cy="{ly:.1}" r="8" fill="none" stroke="currentColor" stroke-width="1.5"/>"#,
                ly - 5.0
            ),
            "panicked",
        ));
    }
    if cancelled {
        items.push((
            format!(
                r#"<path d="M{{x2}} {:.1}l10 10m0 -10l-10 10" stroke="currentColor" stroke-width="2.5"/>"#,
                ly - 5.0
            ),
            "cancelled",
        ));
    }
    let mut lx = left as f64;
    let _ = writeln!(s, r#"<g fill-opacity="0.75">"#);
    for (symbol, word) in items {
        let symbol = symbol
            .replace("{x}", &format!("{lx:.1}"))
            .replace("{x2}", &format!("{:.1}", lx + 2.0))
            .replace("{x7}", &format!("{:.1}", lx + 7.0))
            .replace("{marker}", &marker(lx + 7.0, ly + 4.0));
        let _ = writeln!(
            s,
            r#"{symbol}<text x="{:.1}" y="{:.1}">{word}</text>"#,
            lx + 20.0,
            ly + 4.0
        );
        lx += 20.0 + word.len() as f64 * 7.0 + 20.0;
    }
    let _ = writeln!(s, "</g>");
    s.push_str("</svg>\n");
    s
}

/// One line for screen readers: what each lane did, in lane order.
pub fn summary(timeline: &Timeline) -> String {
    let mut parts = Vec::new();
    for lane in &timeline.lanes {
        let mut part = lane.name.clone();
        if lane.running.is_empty() && lane.end.is_none() {
            let n = lane.lines.len();
            let _ = write!(part, " printed {n} line{}", if n == 1 { "" } else { "s" });
            parts.push(part);
            continue;
        }
        if !lane.created.is_zero() {
            let _ = write!(part, " started at {:.3}s,", lane.created.as_secs_f64());
        }
        let ran: Duration = lane.running.iter().map(|&(from, to)| to - from).sum();
        let last = lane.end.map_or(timeline.end(), End::at);
        let waited = last.saturating_sub(lane.created).saturating_sub(ran);
        let _ = write!(part, " ran {:.3}s", ran.as_secs_f64());
        if !waited.is_zero() {
            let _ = write!(part, ", waited {:.3}s", waited.as_secs_f64());
        }
        match lane.end {
            Some(End::Finished(at)) => {
                let _ = write!(part, " and finished at {:.3}s", at.as_secs_f64());
            }
            Some(End::Cancelled(at)) => {
                let _ = write!(part, " and was cancelled at {:.3}s", at.as_secs_f64());
            }
            Some(End::Panicked(at)) => {
                let _ = write!(part, " and panicked at {:.3}s", at.as_secs_f64());
            }
            None => part.push_str(" and had not finished at the end"),
        }
        parts.push(part);
    }
    parts.join("; ")
}

/// A downward triangle whose tip is at (`x`, `tip`).
fn marker(x: f64, tip: f64) -> String {
    format!("M{:.1} {:.1}h11l-5.5 9z", x - 5.5, tip - 9.0)
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

/// A tick step of 1, 2 or 5 times a power of ten (in µs), giving at most
/// five intervals up to `end`, and the decimals its labels need.
fn tick_step(end: u64) -> (u64, usize) {
    let mut step = 1u64;
    let mut decimals = 6usize;
    loop {
        for factor in [1, 2, 5] {
            let candidate = step * factor;
            if end <= candidate * 5 {
                return (candidate, decimals);
            }
        }
        step *= 10;
        decimals = decimals.saturating_sub(1);
    }
}

/// The next step of the 1-2-5 series after `step` (in µs), with the
/// decimals its labels need.
fn wider_step(step: u64) -> (u64, usize) {
    let decade = 10u64.pow(step.ilog10());
    let next = match step / decade {
        1 => 2 * decade,
        2 => 5 * decade,
        _ => 10 * decade,
    };
    let decimals = 6usize.saturating_sub(next.ilog10() as usize);
    (next, decimals)
}

/// Escapes text for SVG; braces too, so mdBook never reads `{{` in it.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '\n' => out.push_str("&#10;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(3_000_000), (1_000_000, 0));
        assert_eq!(wider_step(200_000), (500_000, 1));
        assert_eq!(wider_step(500_000), (1_000_000, 0));
        assert_eq!(wider_step(1_000_000), (2_000_000, 0));
        assert_eq!(tick_step(10_000_000), (2_000_000, 0));
        assert_eq!(tick_step(300_000), (100_000, 1));
        assert_eq!(tick_step(0), (1, 6));
    }
}
