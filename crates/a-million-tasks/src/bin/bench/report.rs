//! What the rounds come to: the medians of each variant at each N
//! ([`summarize`]), and the results file and chart a run writes
//! ([`render_markdown`], [`render_svg`]). No I/O here.

use std::fmt::Write as _;
use std::time::Duration;

use lesson_a_million_tasks::{COLUMNS, Variant, thousands};

use crate::child::Outcome;

/// The middle of `xs`, or the mean of its two middles.
pub fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len() % 2 == 1 {
        xs[mid]
    } else {
        (xs[mid - 1] + xs[mid]) / 2.0
    })
}

/// The medians of one variant at one N, or why there are none.
#[derive(Debug, Clone)]
pub enum Row {
    Measured {
        wall: f64,
        peak_kib: f64,
        /// `None` when there is no baseline to subtract.
        bytes_per_task: Option<f64>,
    },
    Refused {
        done: usize,
    },
    TimedOut {
        limit: Duration,
    },
    Failed(String),
    NotRun(&'static str),
}

/// One row of the table from the outcomes of its rounds; `baseline_kib`
/// is the median peak of the same variant with no request.
pub fn summarize(outcomes: &[Outcome], baseline_kib: Option<f64>, n: usize) -> Row {
    if outcomes.is_empty() {
        return Row::NotRun("not run");
    }
    let done: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Done { wall, peak_kib } => Some((*wall, *peak_kib as f64)),
            _ => None,
        })
        .collect();
    // A variant must succeed in most rounds to have a figure.
    if done.len() * 2 > outcomes.len() {
        let wall = median(done.iter().map(|d| d.0).collect()).unwrap_or_default();
        let peak_kib = median(done.iter().map(|d| d.1).collect()).unwrap_or_default();
        let bytes_per_task = baseline_kib
            .filter(|_| n > 0)
            .map(|base| (peak_kib - base) * 1024.0 / n as f64);
        return Row::Measured {
            wall,
            peak_kib,
            bytes_per_task,
        };
    }
    for o in outcomes {
        match o {
            Outcome::Refused { done, .. } => return Row::Refused { done: *done },
            Outcome::TimedOut { limit } => return Row::TimedOut { limit: *limit },
            _ => {}
        }
    }
    match outcomes.iter().find_map(|o| match o {
        Outcome::Failed(why) => Some(why.clone()),
        _ => None,
    }) {
        Some(why) => Row::Failed(why),
        None => Row::NotRun("not run"),
    }
}

/// A wall time: `1.884 s`, `22.9 s`.
pub fn secs(s: f64) -> String {
    if s >= 10.0 {
        format!("{s:.1}\u{a0}s")
    } else {
        format!("{s:.3}\u{a0}s")
    }
}

/// A size in binary units: `464 B`, `1.6 KiB`, `1594.2 MiB`.
pub fn bytes(b: f64) -> String {
    if b.abs() >= 1024.0 * 1024.0 {
        format!("{:.1}\u{a0}MiB", b / 1024.0 / 1024.0)
    } else if b.abs() >= 1024.0 {
        format!("{:.1}\u{a0}KiB", b / 1024.0)
    } else {
        format!("{b:.0}\u{a0}B")
    }
}

/// The table cells after "Variant | N" for one row.
fn cells(row: &Row) -> [String; 4] {
    let none = || "—".to_string();
    match row {
        Row::Measured {
            wall,
            peak_kib,
            bytes_per_task,
        } => [
            secs(*wall),
            format!("+{}", secs(wall - 1.0)),
            bytes(peak_kib * 1024.0),
            bytes_per_task.map(bytes).unwrap_or_else(none),
        ],
        Row::Refused { done } => [
            format!("refused after {} threads", thousands(*done)),
            none(),
            none(),
            none(),
        ],
        Row::TimedOut { limit } => [
            format!("> {} s (stopped)", limit.as_secs()),
            format!("> +{} s", limit.as_secs().saturating_sub(1)),
            none(),
            none(),
        ],
        Row::Failed(why) => [format!("failed: {why}"), none(), none(), none()],
        Row::NotRun(why) => [why.to_string(), none(), none(), none()],
    }
}

/// Where and how the benchmark ran: the results file's first section.
pub struct Machine {
    pub date: String,
    pub cpus: usize,
    pub cpu_model: String,
    pub memory: String,
    pub kernel: String,
    pub max_map_count: String,
    pub rustc: String,
    pub tokio: String,
    pub futures: String,
    pub python: String,
    pub load_start: String,
    pub load_end: String,
    pub rounds: usize,
    pub quick: bool,
}

/// Overhead (s) and bytes per task of a measured row.
fn figures(row: &Row) -> Option<(f64, Option<f64>)> {
    match row {
        Row::Measured {
            wall,
            bytes_per_task,
            ..
        } => Some((wall - 1.0, *bytes_per_task)),
        _ => None,
    }
}

/// "A has 26× less overhead than B" at the largest N both measured.
fn comparison(
    variants: &[Variant],
    jobs: &[(usize, usize)],
    rows: &[Row],
    a: &str,
    b: &str,
) -> Option<String> {
    let find = |name: &str, n: usize| {
        let v = variants.iter().position(|v| v.name == name)?;
        let j = jobs.iter().position(|&(jv, jn)| jv == v && jn == n)?;
        figures(&rows[j])
    };
    let label = |name: &str| {
        variants
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.label.to_string())
            .unwrap_or_default()
    };
    let n = jobs
        .iter()
        .map(|&(_, n)| n)
        .filter(|&n| find(a, n).is_some() && find(b, n).is_some())
        .max()?;
    let (oa, ba) = find(a, n)?;
    let (ob, bb) = find(b, n)?;
    let mut s = format!(
        "- At N = {}, `{}` had **{:.1}×** less overhead than `{}` (+{} against +{})",
        thousands(n),
        label(a),
        ob / oa.max(1e-6),
        label(b),
        secs(oa),
        secs(ob)
    );
    if let (Some(ba), Some(bb)) = (ba, bb) {
        let _ = write!(
            s,
            " and used **{:.1}×** less memory per task ({} against {})",
            bb / ba.max(1.0),
            bytes(ba),
            bytes(bb)
        );
    }
    s.push('.');
    Some(s)
}

/// The results file. `jobs` are the table's rows, in order, as (index in
/// `variants`, N), and `rows` their figures; `ways` are the ways to spawn
/// and join (name, label) and `per_task` their microseconds per task.
pub fn render_markdown(
    m: &Machine,
    variants: &[Variant],
    jobs: &[(usize, usize)],
    rows: &[Row],
    ways: &[(&str, &str)],
    per_task: &[Option<f64>],
) -> String {
    let command = if m.quick {
        "cargo xtask bench scale --quick"
    } else {
        "cargo xtask bench scale"
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<!-- Written by `{command}`: generated, never edit by hand. -->\n"
    );
    let _ = writeln!(s, "### Machine\n");
    let _ = writeln!(
        s,
        "- {} CPUs (`nproc`), {}, {} of memory; Linux {}, `vm.max_map_count` {}",
        m.cpus, m.cpu_model, m.memory, m.kernel, m.max_map_count
    );
    let _ = writeln!(
        s,
        "- {}; tokio {}, futures {}; {}",
        m.rustc, m.tokio, m.futures, m.python
    );
    let _ = writeln!(
        s,
        "- `{command}` on {}: {} round{}, medians; load average (1, 5, 15 min) `{}` at the start, `{}` at the end",
        m.date,
        m.rounds,
        if m.rounds == 1 { "" } else { "s" },
        m.load_start,
        m.load_end
    );
    let _ = writeln!(s, "\n### Requests that wait 1 s\n");
    let _ = writeln!(s, "| {} |", COLUMNS.join(" | "));
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|");
    for (j, &(v, n)) in jobs.iter().enumerate() {
        let [wall, overhead, peak, per] = cells(&rows[j]);
        let _ = writeln!(
            s,
            "| {} | {} | {wall} | {overhead} | {peak} | {per} |",
            variants[v].label,
            thousands(n)
        );
    }
    let comparisons: Vec<String> = [
        ("spawn", "asyncio"),
        ("spawn-multi-thread", "asyncio"),
        ("spawn", "threads"),
        ("spawn-multi-thread", "threads"),
    ]
    .iter()
    .filter_map(|(a, b)| comparison(variants, jobs, rows, a, b))
    .collect();
    if !comparisons.is_empty() {
        let _ = writeln!(s);
        for c in comparisons {
            let _ = writeln!(s, "{c}");
        }
    }
    let _ = writeln!(s, "\n### Spawn and join one trivial task\n");
    let _ = writeln!(s, "| How | Per task |");
    let _ = writeln!(s, "|---|---:|");
    for ((_, label), t) in ways.iter().zip(per_task) {
        let cell = t.map_or("—".to_string(), |us| format!("{us:.2} µs"));
        let _ = writeln!(s, "| {label} | {cell} |");
    }
    s
}

/// Series colours that read on light and dark themes; each series also
/// has its own dash pattern and marker, so colour is never the only cue.
const PALETTE: &[&str] = &[
    "#e8590c", "#1c7ed6", "#c2255c", "#2f9e44", "#7048e8", "#868e96", "#f59f00", "#0c8599",
];
const DASHES: &[&str] = &["", "6 3", "2 3", "8 3 2 3", "4 4", "1 4", "10 4", "3 2 1 2"];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A log-log panel: its box and its axes' ranges (as powers of ten).
struct Panel {
    x_lo: i32,
    x_hi: i32,
    top: f64,
    height: f64,
    y_lo: i32,
    y_hi: i32,
    title: &'static str,
    unit: fn(f64) -> String,
}

const LEFT: f64 = 64.0;
const PLOT_WIDTH: f64 = 400.0;

impl Panel {
    fn x_of(&self, n: f64) -> f64 {
        LEFT + (n.log10() - self.x_lo as f64) / (self.x_hi - self.x_lo) as f64 * PLOT_WIDTH
    }

    fn y_of(&self, v: f64) -> f64 {
        let t = (v.log10() - self.y_lo as f64) / (self.y_hi - self.y_lo) as f64;
        self.top + self.height - t.clamp(0.0, 1.0) * self.height
    }
}

fn decade_secs(v: f64) -> String {
    if v >= 1.0 {
        format!("{v:.0} s")
    } else if v >= 0.001 {
        format!("{:.0} ms", v * 1000.0)
    } else {
        format!("{:.0} µs", v * 1e6)
    }
}

fn decade_bytes(v: f64) -> String {
    if v >= 1024.0 * 1024.0 {
        format!("{:.0} MB", v / 1e6)
    } else if v >= 1000.0 {
        format!("{:.0} kB", v / 1e3)
    } else {
        format!("{v:.0} B")
    }
}

/// The chart: overhead and bytes per task against N, log-log, one series
/// per variant (same `jobs` and `rows` as [`render_markdown`]).
pub fn render_svg(variants: &[Variant], jobs: &[(usize, usize)], rows: &[Row]) -> String {
    // Points per variant: (N, overhead s, bytes per task).
    let series: Vec<Vec<(f64, f64, Option<f64>)>> = (0..variants.len())
        .map(|v| {
            jobs.iter()
                .zip(rows)
                .filter(|((jv, _), _)| *jv == v)
                .filter_map(|(&(_, n), row)| {
                    let (o, b) = figures(row)?;
                    Some((n as f64, o, b))
                })
                .collect()
        })
        .collect();
    // Runs stopped at their limit: (variant, N, overhead at the limit).
    let stopped: Vec<(usize, f64, f64)> = jobs
        .iter()
        .zip(rows)
        .filter_map(|(&(v, n), row)| match row {
            Row::TimedOut { limit } => Some((v, n as f64, limit.as_secs_f64() - 1.0)),
            _ => None,
        })
        .collect();
    let all_o: Vec<f64> = series
        .iter()
        .flatten()
        .map(|p| p.1.max(1e-4))
        .chain(stopped.iter().map(|p| p.2.max(1e-4)))
        .collect();
    let all_b: Vec<f64> = series
        .iter()
        .flatten()
        .filter_map(|p| p.2)
        .map(|b| b.max(1.0))
        .collect();
    let lo_hi = |xs: &[f64], lo: i32, hi: i32| {
        let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let max = xs.iter().copied().fold(0.0, f64::max);
        let lo = if min.is_finite() {
            min.log10().floor() as i32
        } else {
            lo
        };
        let hi = if max > 0.0 {
            max.log10().ceil() as i32
        } else {
            hi
        };
        // At most ten decades, whatever the data.
        let hi = hi.clamp(-6, 12);
        (lo.clamp(hi - 10, hi - 1), hi)
    };
    let (o_lo, o_hi) = lo_hi(&all_o, -3, 1);
    let (b_lo, b_hi) = lo_hi(&all_b, 2, 4);
    let all_n: Vec<f64> = jobs.iter().map(|&(_, n)| n.max(1) as f64).collect();
    let (x_lo, x_hi) = lo_hi(&all_n, 3, 6);
    let panels = [
        Panel {
            x_lo,
            x_hi,
            top: 40.0,
            height: 200.0,
            y_lo: o_lo,
            y_hi: o_hi,
            title: "Overhead above the 1 s wait",
            unit: decade_secs,
        },
        Panel {
            x_lo,
            x_hi,
            top: 310.0,
            height: 200.0,
            y_lo: b_lo,
            y_hi: b_hi,
            title: "Memory per task (peak RSS above N = 0, per request)",
            unit: decade_bytes,
        },
    ];
    let width = 720.0;
    let height = 560.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="bench-chart" role="img" aria-labelledby="scale-chart-title scale-chart-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}" style="max-width:100%;height:auto" font-family="sans-serif" font-size="12" fill="currentColor">"#
    );
    let _ = writeln!(
        s,
        r#"<title id="scale-chart-title">Overhead and memory per task against the number of requests, log scales</title>"#
    );
    let mut desc = String::from("Measured by cargo xtask bench scale. ");
    for (v, points) in series.iter().enumerate() {
        if points.is_empty() {
            continue;
        }
        let _ = write!(desc, "{}:", variants[v].label);
        for (n, o, b) in points {
            let _ = write!(
                desc,
                " N={} overhead {}{};",
                thousands(*n as usize),
                secs(*o),
                b.map(|b| format!(" {} per task", bytes(b)))
                    .unwrap_or_default()
            );
        }
        desc.push(' ');
    }
    for &(v, n, o) in &stopped {
        let _ = write!(
            desc,
            "{} at N={}: stopped after {:.0} s. ",
            variants[v].label,
            thousands(n as usize),
            o + 1.0
        );
    }
    let _ = writeln!(
        s,
        r#"<desc id="scale-chart-desc">{}</desc>"#,
        escape(desc.trim())
    );
    for (p, panel) in panels.iter().enumerate() {
        let bottom = panel.top + panel.height;
        let _ = writeln!(
            s,
            r#"<text x="{LEFT}" y="{:.1}" font-weight="bold">{}</text>"#,
            panel.top - 12.0,
            escape(panel.title)
        );
        // Grid and axis labels: one line per decade.
        let _ = writeln!(s, r#"<g stroke="currentColor" stroke-opacity="0.15">"#);
        for e in x_lo..=x_hi {
            let x = panel.x_of(10f64.powi(e));
            let _ = writeln!(
                s,
                r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{bottom:.1}"/>"#,
                panel.top
            );
        }
        for e in panel.y_lo..=panel.y_hi {
            let y = panel.y_of(10f64.powi(e));
            let _ = writeln!(
                s,
                r#"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/>"#,
                LEFT + PLOT_WIDTH
            );
        }
        let _ = writeln!(s, "</g>");
        for e in panel.y_lo..=panel.y_hi {
            let y = panel.y_of(10f64.powi(e));
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end" fill-opacity="0.8">{}</text>"#,
                LEFT - 6.0,
                y + 4.0,
                escape(&(panel.unit)(10f64.powi(e)))
            );
        }
        for e in x_lo..=x_hi {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill-opacity="0.8">{}</text>"#,
                panel.x_of(10f64.powi(e)),
                bottom + 16.0,
                thousands(10usize.pow(e as u32))
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill-opacity="0.8">requests (N)</text>"#,
            LEFT + PLOT_WIDTH / 2.0,
            bottom + 32.0
        );
        // One line per variant.
        for (v, points) in series.iter().enumerate() {
            let colour = PALETTE[v % PALETTE.len()];
            let dash = DASHES[v % DASHES.len()];
            let coords: Vec<(f64, f64)> = points
                .iter()
                .filter_map(|&(n, o, b)| {
                    let value = if p == 0 {
                        Some(o.max(1e-4))
                    } else {
                        b.map(|b| b.max(1.0))
                    }?;
                    Some((panel.x_of(n), panel.y_of(value)))
                })
                .collect();
            if coords.is_empty() {
                continue;
            }
            let path: Vec<String> = coords
                .iter()
                .enumerate()
                .map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }))
                .collect();
            let dash_attr = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = writeln!(
                s,
                r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>"#,
                path.join(" ")
            );
            for (x, y) in &coords {
                let _ = writeln!(
                    s,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{colour}"/>"#
                );
            }
        }
        // A stopped run: a hollow marker at its limit, pointing up.
        if p == 0 {
            for &(v, n, o) in &stopped {
                let colour = PALETTE[v % PALETTE.len()];
                let (x, y) = (panel.x_of(n), panel.y_of(o));
                let _ = writeln!(
                    s,
                    r#"<path d="M{x:.1} {:.1}l-6 10h12z" fill="none" stroke="{colour}" stroke-width="2"><title>{} at N = {}: stopped after {:.0} s</title></path>"#,
                    y - 5.0,
                    escape(variants[v].label),
                    thousands(n as usize),
                    o + 1.0
                );
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11" fill-opacity="0.8">stopped &gt; {:.0} s</text>"#,
                    x - 10.0,
                    y + 4.0,
                    o
                );
            }
        }
    }
    // The legend, right of the panels.
    let legend_x = LEFT + PLOT_WIDTH + 24.0;
    let mut y = 60.0;
    for (v, variant) in variants.iter().enumerate() {
        let colour = PALETTE[v % PALETTE.len()];
        let dash = DASHES[v % DASHES.len()];
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        let _ = writeln!(
            s,
            r#"<path d="M{legend_x:.1} {y:.1}h28" stroke="{colour}" stroke-width="2"{dash_attr}/>"#
        );
        let _ = writeln!(
            s,
            r#"<circle cx="{:.1}" cy="{y:.1}" r="3.5" fill="{colour}"/>"#,
            legend_x + 14.0
        );
        // Long labels wrap after their comma.
        let (first, second) = match variant.label.split_once(", ") {
            Some((a, b)) => (format!("{a},"), b.to_string()),
            None => (variant.label.to_string(), String::new()),
        };
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            legend_x + 36.0,
            y + 4.0,
            escape(&first)
        );
        if !second.is_empty() {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" fill-opacity="0.8">{}</text>"#,
                legend_x + 36.0,
                y + 19.0,
                escape(&second)
            );
        }
        y += 44.0;
    }
    let _ = writeln!(
        s,
        r#"<text x="{legend_x:.1}" y="{:.1}" fill-opacity="0.8" font-size="11">Triangle: stopped at its time limit.</text>"#,
        y + 4.0
    );
    let _ = writeln!(
        s,
        r#"<text x="{legend_x:.1}" y="{:.1}" fill-opacity="0.8" font-size="11">Refused runs have no point.</text>"#,
        y + 18.0
    );
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use lesson_a_million_tasks::{SPAWN_JOIN, VARIANTS};

    #[test]
    fn medians_and_formats() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
        assert_eq!(secs(1.8844), "1.884\u{a0}s");
        assert_eq!(secs(22.94), "22.9\u{a0}s");
        assert_eq!(bytes(460.0), "460\u{a0}B");
        assert_eq!(bytes(1434.0), "1.4\u{a0}KiB");
        assert_eq!(bytes(1.5 * 1024.0 * 1024.0), "1.5\u{a0}MiB");
    }

    #[test]
    fn a_row_needs_most_rounds_to_succeed() {
        let done = |wall| Outcome::Done {
            wall,
            peak_kib: 2048,
        };
        let failed = || Outcome::Failed("exited with signal: 6".into());
        let row = summarize(&[done(1.2), failed(), done(1.1)], Some(1024.0), 1024);
        assert!(
            matches!(row, Row::Measured { wall, peak_kib, bytes_per_task: Some(b) }
                if (wall - 1.15).abs() < 1e-9 && peak_kib == 2048.0 && b == 1024.0),
            "{row:?}"
        );
        let row = summarize(&[done(1.2), failed()], None, 1024);
        assert!(matches!(row, Row::Failed(_)), "{row:?}");
        let limit = Duration::from_secs(15);
        let row = summarize(&[Outcome::TimedOut { limit }], None, 1024);
        assert!(matches!(row, Row::TimedOut { .. }), "{row:?}");
        assert!(matches!(summarize(&[], None, 1), Row::NotRun(_)));
    }

    /// What the lesson's `results` tests read in `results/scale.md`: the
    /// command of a full run, the headings, and one row per variant and N
    /// with the columns of [`COLUMNS`].
    #[test]
    fn the_results_file_has_the_shape_the_lesson_tests_read() {
        let jobs: Vec<(usize, usize)> = VARIANTS
            .iter()
            .enumerate()
            .flat_map(|(v, variant)| variant.ns.iter().map(move |&n| (v, n)))
            .collect();
        let rows: Vec<Row> = jobs
            .iter()
            .map(|_| Row::Measured {
                wall: 1.5,
                peak_kib: 4096.0,
                bytes_per_task: Some(500.0),
            })
            .collect();
        let machine = |quick| Machine {
            date: "2026-01-01 00:00 UTC".into(),
            cpus: 2,
            cpu_model: "a CPU".into(),
            memory: "1.0 GiB".into(),
            kernel: "6.0".into(),
            max_map_count: "65530".into(),
            rustc: "rustc 1.0".into(),
            tokio: "1.0".into(),
            futures: "0.3".into(),
            python: "Python 3".into(),
            load_start: "0 0 0".into(),
            load_end: "0 0 0".into(),
            rounds: 3,
            quick,
        };
        let per_task = vec![Some(1.0); SPAWN_JOIN.len()];
        let full = render_markdown(
            &machine(false),
            VARIANTS,
            &jobs,
            &rows,
            SPAWN_JOIN,
            &per_task,
        );
        assert!(full.contains("cargo xtask bench scale") && !full.contains("--quick"));
        let header = format!("| {} |", COLUMNS.join(" | "));
        let table: Vec<&str> = full
            .lines()
            .skip_while(|l| *l != header)
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .collect();
        assert_eq!(table.len(), jobs.len());
        for (line, &(v, n)) in table.iter().zip(&jobs) {
            let prefix = format!("| {} | {} | ", VARIANTS[v].label, thousands(n));
            assert!(line.starts_with(&prefix), "{line:?}");
            assert_eq!(line.matches(" | ").count(), COLUMNS.len() - 1, "{line:?}");
        }
        for way in SPAWN_JOIN {
            assert!(full.contains(&format!("| {} | 1.00 µs |", way.1)));
        }
        let quick = render_markdown(
            &machine(true),
            VARIANTS,
            &jobs,
            &rows,
            SPAWN_JOIN,
            &per_task,
        );
        assert!(quick.contains("cargo xtask bench scale --quick"));
    }

    #[test]
    fn the_chart_has_no_blank_line() {
        let variants = [Variant {
            name: "spawn",
            label: "tokio::spawn, current_thread",
            ns: &[1000, 10_000],
            quick_ns: &[1000],
            limit_s: 1,
        }];
        let jobs = vec![(0, 1000), (0, 10_000)];
        let rows = vec![
            Row::Measured {
                wall: 1.01,
                peak_kib: 5000.0,
                bytes_per_task: Some(400.0),
            },
            Row::TimedOut {
                limit: Duration::from_secs(1),
            },
        ];
        let svg = render_svg(&variants, &jobs, &rows);
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
        assert!(!svg.contains("\n\n"));
    }
}
