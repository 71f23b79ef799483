//! `cargo xtask browser-check [--screenshots DIR]`: the built book as a
//! reader meets it, in Debian's headless Chromium.
//!
//! The book is built with the pinned mdBook and served by a tiny std-only
//! HTTP server on 127.0.0.1 (a free port) that logs every request. Each page
//! of SUMMARY is loaded in Chromium with a small checking script injected
//! into its `<head>`; the script records JavaScript errors, images that did
//! not load, and the colours of code and pictures, and writes its findings
//! into the DOM, which Chromium dumps (`--dump-dom`). From the dumps and the
//! server's log this checks: every page answers 200; no page requests a
//! missing local file; every image loads with a non-zero size; no
//! JavaScript error; every internal link and `#anchor` resolves (external
//! links are listed, not fetched); search finds a word of the last chapter;
//! the dark theme renders code and pictures with readable contrast.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::book::rel;

/// What the server answered: path (without query), status, bytes.
type Log = Arc<Mutex<Vec<(String, u16, usize)>>>;

const CHECKER: &str = r#"<script>
(function () {
  var errors = [], external = [];
  // The check runs offline: a request to another origin is listed, not
  // sent. mdBook asks play.rust-lang.org for the crates it has, to hide the
  // Play button of a block that needs another; it gets the Playground's own
  // list (xtask::playground::CRATES), anything else an empty one.
  var realFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (url.origin !== location.origin) {
      external.push(url.href);
      var body = url.href === 'https://play.rust-lang.org/meta/crates' ? '__PLAYGROUND_CRATES__' : '{"crates":[]}';
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    }
    return realFetch.apply(this, arguments);
  };
  window.addEventListener('error', function (e) { if (e instanceof ErrorEvent) errors.push(String(e.message)); }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  var theme = new URLSearchParams(location.search).get('xtask-theme');
  if (theme) { try { localStorage.setItem('mdbook-theme', theme); } catch (e) {} }
  function rgb(s) { var m = s.match(/[\d.]+/g) || [0, 0, 0]; return m.slice(0, 3).map(Number); }
  function lum(c) { return c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                     .reduce(function (a, v, i) { return a + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
  function contrast(a, b) { var x = lum(rgb(a)), y = lum(rgb(b)); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function bg(el) { while (el) { var c = getComputedStyle(el).backgroundColor; if (c && !/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c; el = el.parentElement; } return 'rgb(255, 255, 255)'; }
  // The predict-the-output exercises, clicked through as a reader would:
  // the answers come from xtask (read from the snapshot files), not from
  // the page.
  var answers = __PREDICT_ANSWERS__;
  var mode = new URLSearchParams(location.search).get('xtask-predict');
  function exercise(box, lines) {
    var name = box.getAttribute('data-exercise');
    var answer = lines.filter(function (l) { return l[0] !== null; });
    var decoys = lines.filter(function (l) { return l[0] === null; }).map(function (l) { return l[1]; });
    var never = function (r, on) { var n = r.querySelector('.predict-never'); if (!n) return false; if (n.checked !== on) { n.checked = on; n.dispatchEvent(new Event('change', { bubbles: true })); } return true; };
    var rows = function () { return Array.prototype.slice.call(box.querySelectorAll('.predict-row')); };
    var click = function (el) { el.dispatchEvent(new MouseEvent('click', { bubbles: true })); };
    var type = function (input, value) { input.value = value; input.dispatchEvent(new Event('input', { bubbles: true })); };
    var timeOf = function (text) { for (var i = 0; i < answer.length; i++) if (answer[i][1] === text) return answer[i][0]; return ''; };
    var widget = box.querySelector('.predict-widget');
    if (!widget) return name + ': the page shows no exercise (exercises.js did not run)';
    if (rows().length !== lines.length) return name + ': the exercise lists ' + rows().length + ' lines, the snapshot and decoys have ' + lines.length;
    // 1. Every time right, the shuffled order left as it is: wrong.
    rows().forEach(function (r) { type(r.querySelector('.predict-time'), timeOf(r.getAttribute('data-text'))); });
    click(box.querySelector('.predict-check'));
    var verdicts = rows().map(function (r) { return r.querySelector('.predict-verdict').textContent; });
    if (!widget.classList.contains('predict-wrong')) return name + ': the shuffled order was not marked wrong';
    if (!verdicts.some(function (v) { return /comes (earlier|later)/.test(v); })) return name + ': no line of the shuffled order was said to come earlier or later: ' + verdicts.join(' | ');
    if (verdicts.some(function (v) { return /time is off/.test(v); })) return name + ': a right time was marked off';
    if (decoys.length && !verdicts.some(function (v) { return /never printed/.test(v); })) return name + ': a decoy left among the printed lines was not marked "never printed": ' + verdicts.join(' | ');
    if (mode === 'wrong') { showOnly(box); return name + ': ok'; }
    // 2. The real order, with its buttons; one time off: only it is wrong.
    for (var i = 0; i < answer.length; i++) {
      var at = -1, rs = rows();
      for (var j = i; j < rs.length; j++) if (rs[j].getAttribute('data-text') === answer[i][1]) { at = j; break; }
      if (at < 0) return name + ': the line ' + answer[i][1] + ' is not in the exercise';
      for (var k = at; k > i; k--) click(rows()[k].querySelector('.predict-up'));
    }
    // Each decoy marked "never"; one printed line marked "never" too, which
    // is wrong, then unmarked.
    var decoyRows = rows().filter(function (r) { return decoys.indexOf(r.getAttribute('data-text')) >= 0; });
    for (var d = 0; d < decoyRows.length; d++) if (!never(decoyRows[d], true)) return name + ': the decoy ' + decoyRows[d].getAttribute('data-text') + ' has no "never" box';
    if (decoys.length) {
      never(rows()[0], true);
      click(box.querySelector('.predict-check'));
      var first = rows()[0].querySelector('.predict-verdict').textContent;
      if (!/it is printed/.test(first)) return name + ': a printed line marked "never" was marked ' + first;
      never(rows()[0], false);
    }
    var off = rows()[answer.length - 1];
    type(off.querySelector('.predict-time'), String(parseFloat(answer[answer.length - 1][0]) + 1));
    click(box.querySelector('.predict-check'));
    var marks = rows().map(function (r) { return r.querySelector('.predict-verdict').textContent; });
    var wrong = marks.filter(function (m) { return m.indexOf('\u2713') !== 0; });
    if (wrong.length !== 1 || !/time is off/.test(wrong[0]) || marks[answer.length - 1] !== wrong[0]) return name + ': with one time off, the marks were: ' + marks.join(' | ');
    // 3. All right.
    type(off.querySelector('.predict-time'), answer[answer.length - 1][0]);
    click(box.querySelector('.predict-check'));
    if (!widget.classList.contains('predict-right')) return name + ': the right answer was not marked right: ' + rows().map(function (r) { return r.querySelector('.predict-verdict').textContent; }).join(' | ');
    // 4. The real output opens.
    click(box.querySelector('.predict-reveal'));
    var details = box.querySelector('details.predict-answer');
    if (details.hidden || !details.open) return name + ': Show the real output did not open it';
    if (mode === 'right') showOnly(box);
    return name + ': ok';
  }
  // A screenshot shows the top of the page, and headless Chromium draws a
  // scrolled page blank: so nothing scrolls, and for a picture of an
  // exercise the chapter above its section is taken out.
  Element.prototype.scrollIntoView = function () {};
  function showOnly(box) {
    var heading = document.getElementById('exercises');
    var main = document.querySelector('main');
    if (!heading || !main) return;
    var node = main.firstElementChild;
    while (node && node !== heading) { var next = node.nextElementSibling; node.remove(); node = next; }
  }
  window.addEventListener('load', function () {
    setTimeout(function () {
      var result = { errors: errors, badImages: [], lowContrast: [], theme: document.documentElement.className, searchHits: [], external: external, hiddenPlay: [], predict: [] };
      document.querySelectorAll('div.predict').forEach(function (box) {
        var answer = answers[box.getAttribute('data-exercise')];
        try {
          result.predict.push(answer ? exercise(box, answer) : box.getAttribute('data-exercise') + ': xtask found no snapshot for it');
        } catch (e) { result.predict.push(box.getAttribute('data-exercise') + ': ' + e); }
      });
      document.querySelectorAll('pre.playground').forEach(function (pre, i) {
        var button = pre.querySelector('.play-button');
        if (!button || button.hidden || button.classList.contains('hidden')) result.hiddenPlay.push(String(i + 1));
      });
      document.querySelectorAll('img').forEach(function (img) {
        if (!img.complete || img.naturalWidth === 0) result.badImages.push(img.getAttribute('src'));
      });
      document.querySelectorAll('pre code, main svg text, main svg, .predict-widget button, .predict-time, .predict-text, .predict-verdict, .predict-summary').forEach(function (el) {
        var ratio = contrast(getComputedStyle(el).color, bg(el));
        if (ratio < 3) result.lowContrast.push(el.tagName.toLowerCase() + ' ' + ratio.toFixed(2));
      });
      document.querySelectorAll('#mdbook-searchresults a, #searchresults a').forEach(function (a) { result.searchHits.push(a.getAttribute('href')); });
      var out = document.createElement('pre');
      out.id = 'xtask-check';
      out.textContent = JSON.stringify(result);
      document.body.appendChild(out);
    }, 500);
  });
})();
</script>"#;

/// The checker script, with the Playground's crate list and the
/// predictions' answers in place.
fn checker(answers: &str) -> String {
    CHECKER
        .replace("__PLAYGROUND_CRATES__", &crate::playground::crates_json())
        .replace("__PREDICT_ANSWERS__", answers)
}

/// A JSON string.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A prediction: its name, its page, and its answer's lines (time, text),
/// then its decoys (no time: lines the program never prints).
pub type Prediction = (String, String, Vec<(String, String)>);

/// Every prediction of the book: its name, page, and answer (time, text)
/// read from its snapshot, the file its chapter's block includes.
pub fn predictions(root: &Path) -> Vec<Prediction> {
    let mut out = Vec::new();
    for entry in crate::book::summary(root).unwrap_or_default() {
        let Ok(text) = std::fs::read_to_string(root.join("book/src").join(&entry.file)) else {
            continue;
        };
        let open = "<div class=\"predict\" data-exercise=\"";
        let mut rest = text.as_str();
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let name = rest[..rest.find('"').unwrap_or(0)].to_string();
            let block = &rest[..rest.find("</div>").unwrap_or(rest.len())];
            let include = "{{#include ";
            let snap = block.find(include).and_then(|i| {
                let path = &block[i + include.len()..];
                let path = &path[..path.find(".snap").map(|e| e + 5)?];
                Some(root.join("book/src").join(path))
            });
            let answer = snap
                .and_then(|p| std::fs::read_to_string(p).ok())
                .map(|s| {
                    // The same reading of a snapshot as `cargo xtask exercise`'s.
                    crate::exercises::answer_of(&s)
                        .into_iter()
                        .map(|l| {
                            (
                                l.time.map(|t| format!("{t:.3}")).unwrap_or_default(),
                                l.text,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            // Its decoys, lines the program never prints: no time.
            let decoys = block
                .find(".decoys}}")
                .and_then(|end| {
                    let start = block[..end].rfind(include)? + include.len();
                    std::fs::read_to_string(
                        root.join("book/src")
                            .join(format!("{}.decoys", &block[start..end])),
                    )
                    .ok()
                })
                .map(|s| crate::exercises::decoy_lines(&s))
                .unwrap_or_default();
            let mut answer: Vec<(String, String)> = answer;
            answer.extend(decoys.into_iter().map(|l| (String::new(), l.text)));
            out.push((
                name,
                entry.file.trim_end_matches(".md").to_string() + ".html",
                answer,
            ));
        }
    }
    out
}

fn answers_json(predictions: &[Prediction]) -> String {
    let entries: Vec<String> = predictions
        .iter()
        .map(|(name, _, answer)| {
            let lines: Vec<String> = answer
                .iter()
                .map(|(t, text)| {
                    let t = if t.is_empty() {
                        "null".to_string()
                    } else {
                        json_string(t)
                    };
                    format!("[{t},{}]", json_string(text))
                })
                .collect();
            format!("{}:[{}]", json_string(name), lines.join(","))
        })
        .collect();
    format!("{{{}}}", entries.join(","))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css",
        "js" => "application/javascript",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn serve_one(mut stream: TcpStream, dir: &Path, log: &Log, answers: &str) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let file = dir.join(path.trim_start_matches('/'));
    let inside = !path.contains("..");
    let (status, mut body) = match std::fs::read(&file) {
        Ok(bytes) if inside && file.is_file() => (200, bytes),
        _ => (404, b"not found".to_vec()),
    };
    if status == 200 && path.ends_with(".html") {
        let html = String::from_utf8_lossy(&body).replacen(
            "<head>",
            &format!("<head>{}", checker(answers)),
            1,
        );
        body = html.into_bytes();
    }
    log.lock()
        .expect("the request log is never poisoned")
        .push((path.clone(), status, body.len()));
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Not Found" },
        content_type(&path),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
    let mut rest = [0u8; 0];
    let _ = stream.read(&mut rest);
}

fn start_server(dir: PathBuf, answers: String) -> Result<(u16, Log), String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let server_log = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            let log = server_log.clone();
            let answers = answers.clone();
            std::thread::spawn(move || serve_one(stream, &dir, &log, &answers));
        }
    });
    Ok((port, log))
}

/// Debian's Chromium, or `$CHROMIUM`.
fn chromium() -> Result<String, String> {
    let bin = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
    match Command::new(&bin).arg("--version").output() {
        Ok(o) if o.status.success() => Ok(bin),
        _ => Err(format!(
            "`{bin}` was not found. Install Debian's Chromium (`apt-get install chromium`; .ci/run does this), or set CHROMIUM to its path."
        )),
    }
}

fn chromium_args(profile: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--virtual-time-budget=4000",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

fn dump_dom(chromium: &str, profile: &Path, url: &str) -> Result<String, String> {
    let output = Command::new(chromium)
        .args(chromium_args(profile))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .map_err(|e| format!("cannot start chromium: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "chromium failed on {url}: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn screenshot(chromium: &str, profile: &Path, url: &str, png: &Path) -> Result<(), String> {
    let status = Command::new(chromium)
        .args(chromium_args(profile))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,1600")
        .arg(url)
        .output()
        .map_err(|e| format!("cannot start chromium: {e}"))?;
    if status.status.success() && png.exists() {
        Ok(())
    } else {
        Err(format!("chromium wrote no screenshot {}", png.display()))
    }
}

/// The checker's JSON line, parsed just enough: the values of its arrays.
fn findings(dom: &str) -> Option<BTreeMap<String, Vec<String>>> {
    let start = dom.find("<pre id=\"xtask-check\">")? + "<pre id=\"xtask-check\">".len();
    let json = &dom[start..start + dom[start..].find("</pre>")?];
    let json = json
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut out = BTreeMap::new();
    for key in [
        "errors",
        "badImages",
        "lowContrast",
        "searchHits",
        "external",
        "hiddenPlay",
        "predict",
    ] {
        let needle = format!("\"{key}\":[");
        let Some(at) = json.find(&needle) else {
            continue;
        };
        let body = &json[at + needle.len()..];
        let body = &body[..body.find(']').unwrap_or(body.len())];
        let values = body
            .split("\",\"")
            .map(|v| v.trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
            .collect();
        out.insert(key.to_string(), values);
    }
    let theme = json.find("\"theme\":\"").map(|at| {
        let rest = &json[at + 9..];
        rest[..rest.find('"').unwrap_or(0)].to_string()
    });
    out.insert("theme".into(), theme.into_iter().collect());
    Some(out)
}

/// Values of `attr="..."` on the tags named `tag` in an HTML text.
fn attributes(html: &str, tag: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let open = format!("<{tag} ");
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        rest = &rest[at + open.len()..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag_text = &rest[..end];
        let needle = format!(" {attr}=\"");
        if let Some(a) = format!(" {tag_text}").find(&needle) {
            let value = &format!(" {tag_text}")[a + needle.len()..];
            if let Some(q) = value.find('"') {
                out.push(value[..q].replace("&amp;", "&"));
            }
        }
    }
    out
}

/// Runs the check; returns the problems found (empty: all good).
pub fn check(root: &Path, screenshots: Option<&Path>) -> Result<Vec<String>, String> {
    let started = Instant::now();
    let chromium = chromium()?;
    crate::mdbook::build(root)?;
    let site = root.join("book/book");
    let predictions = predictions(root);
    let (port, log) = start_server(site.clone(), answers_json(&predictions))?;
    let base = format!("http://127.0.0.1:{port}");
    let profile = std::env::temp_dir().join(format!("xtask-chromium-{}", std::process::id()));
    let summary = crate::book::summary(root).map_err(|p| p.to_string())?;
    let pages: Vec<String> = summary
        .iter()
        .map(|e| e.file.trim_end_matches(".md").to_string() + ".html")
        .collect();
    let mut problems = Vec::new();
    let mut external = BTreeSet::new();
    let mut links = Vec::new();

    // Load every page (two at a time: this machine has two cores).
    let dumps: Vec<(String, Result<String, String>)> = std::thread::scope(|scope| {
        let mut done = Vec::new();
        for pair in pages.chunks(2) {
            let handles: Vec<_> = pair
                .iter()
                .enumerate()
                .map(|(i, page)| {
                    let url = format!("{base}/{page}");
                    let profile = profile.join(format!("p{i}"));
                    let chromium = &chromium;
                    scope.spawn(move || dump_dom(chromium, &profile, &url))
                })
                .collect();
            for (page, h) in pair.iter().zip(handles) {
                done.push((page.clone(), h.join().expect("a chromium thread panicked")));
            }
        }
        done
    });
    for (page, dump) in &dumps {
        let dom = match dump {
            Ok(dom) => dom,
            Err(e) => {
                problems.push(format!("{page}: {e}"));
                continue;
            }
        };
        let Some(found) = findings(dom) else {
            problems.push(format!(
                "{page}: the page never finished loading (the checker wrote nothing)."
            ));
            continue;
        };
        for e in &found["errors"] {
            problems.push(format!("{page}: JavaScript error: {e}"));
        }
        for block in found.get("hiddenPlay").into_iter().flatten() {
            problems.push(format!(
                "{page}: Rust block {block} has no visible Play button once mdBook has the crate list: it names (`extern crate`) a crate outside the Playground crates this book uses ({}); use only those.",
                crate::playground::CRATES.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
            ));
        }
        for (name, _, _) in predictions.iter().filter(|(_, p, _)| p == page) {
            let ok = format!("{name}: ok");
            let said = found
                .get("predict")
                .into_iter()
                .flatten()
                .find(|r| r.starts_with(&format!("{name}: ")));
            match said {
                Some(r) if *r == ok => println!("{page}: exercise {name}: a wrong prediction is marked wrong, a time off is marked off, the right one right"),
                Some(r) => problems.push(format!("{page}: the predict-the-output exercise {r}")),
                None => problems.push(format!("{page}: the predict-the-output exercise {name} was not tested (the checker did not find it on the page)")),
            }
        }
        for img in &found["badImages"] {
            problems.push(format!(
                "{page}: the image {img} did not load (missing file or zero size); fix its path."
            ));
        }
        for url in found.get("external").into_iter().flatten() {
            external.insert(format!("{url} (requested by a script)"));
        }
        for href in attributes(dom, "a", "href") {
            if href.starts_with("http://") || href.starts_with("https://") {
                if !href.starts_with(&base) {
                    external.insert(href);
                }
            } else if !href.starts_with("mailto:") && !href.starts_with("javascript:") {
                links.push((page.clone(), href));
            }
        }
    }

    // Internal links and their #anchors.
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    for (page, href) in &links {
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        let path = path.split('?').next().unwrap_or("");
        let target = if path.is_empty() {
            site.join(page)
        } else {
            crate::book::normalize(&site.join(page).parent().unwrap_or(&site).join(path))
        };
        let target = if target.is_dir() {
            target.join("index.html")
        } else {
            target
        };
        if !target.starts_with(&site) || !target.exists() {
            problems.push(format!(
                "{page}: the link {href:?} points to {}, which the book does not have; fix the link (chapter links use the .md name).",
                rel(root, &target)
            ));
            continue;
        }
        if !fragment.is_empty() && target.extension().is_some_and(|e| e == "html") {
            let known = ids.entry(target.clone()).or_insert_with(|| {
                let html = std::fs::read_to_string(&target).unwrap_or_default();
                attributes(&html, "a", "id")
                    .into_iter()
                    .chain(
                        ["h1", "h2", "h3", "h4", "div", "span", "section", "svg"]
                            .iter()
                            .flat_map(|t| attributes(&html, t, "id")),
                    )
                    .collect()
            });
            if !known.contains(fragment) {
                problems.push(format!(
                    "{page}: the link {href:?} names the anchor #{fragment}, which {} does not have; fix the anchor (mdBook makes heading ids from their text).",
                    rel(root, &target)
                ));
            }
        }
    }

    // Every request the pages made was answered.
    for (path, status, bytes) in log.lock().expect("log").iter() {
        if *status != 200 {
            problems.push(format!(
                "a page requested {path}, which the built book does not have (HTTP {status})."
            ));
        } else if *bytes == 0 {
            problems.push(format!("{path} was served empty."));
        }
    }

    // Search finds a word of the last chapter.
    if let Some(last) = summary.last() {
        let word = last
            .title
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|w| w.len())
            .unwrap_or("")
            .to_lowercase();
        let url = format!("{base}/{}?search={word}", pages[0]);
        let dom = dump_dom(&chromium, &profile.join("search"), &url)?;
        let hits = findings(&dom)
            .map(|f| f["searchHits"].clone())
            .unwrap_or_default();
        let wanted = last.file.trim_end_matches(".md");
        if !hits.iter().any(|h| h.contains(wanted)) {
            problems.push(format!(
                "search for {word:?} (from the last chapter's title) did not list {wanted}.html; found {hits:?}. Is `[output.html.search]` disabled, or searchindex.js missing?"
            ));
        } else {
            println!("search: {word:?} finds {wanted}.html ({} hits)", hits.len());
        }
    }

    // The exercises in the dark theme too: clicked through, and readable.
    if let Some((name, page, _)) = predictions.first() {
        let url = format!("{base}/{page}?xtask-theme=navy");
        let _ = dump_dom(&chromium, &profile.join("dark-exercise"), &url)?;
        let dom = dump_dom(&chromium, &profile.join("dark-exercise"), &url)?;
        match findings(&dom) {
            Some(f) if f["theme"].iter().any(|t| t.contains("navy")) => {
                for low in &f["lowContrast"] {
                    problems.push(format!(
                        "{page} in the dark (navy) theme: {low} has a contrast below 3:1 against its background; use theme variables."
                    ));
                }
                let ok = format!("{name}: ok");
                if f.get("predict").is_some_and(|r| r.contains(&ok)) {
                    println!("{page} in the navy theme: exercise {name} works and reads");
                } else {
                    problems.push(format!(
                        "{page} in the dark (navy) theme: the exercise {name} failed: {:?}",
                        f.get("predict")
                    ));
                }
            }
            _ => problems.push(format!("{page}: the dark theme could not be switched on.")),
        }
    }

    // The dark theme: code and pictures readable.
    let dark_page = pages.get(1).unwrap_or(&pages[0]);
    let dark_url = format!("{base}/{dark_page}?xtask-theme=navy");
    // The first load stores the theme; the second renders with it.
    let _ = dump_dom(&chromium, &profile.join("dark"), &dark_url)?;
    let dom = dump_dom(&chromium, &profile.join("dark"), &dark_url)?;
    match findings(&dom) {
        Some(f) if f["theme"].iter().any(|t| t.contains("navy")) => {
            for low in &f["lowContrast"] {
                problems.push(format!(
                    "{dark_page} in the dark (navy) theme: {low} has a contrast below 3:1 against its background; use currentColor or theme variables."
                ));
            }
        }
        _ => problems.push(format!(
            "{dark_page}: the dark theme could not be switched on."
        )),
    }

    if let Some(dir) = screenshots {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for page in &pages {
            let png = dir.join(page.replace(".html", ".png"));
            screenshot(
                &chromium,
                &profile.join("shots"),
                &format!("{base}/{page}"),
                &png,
            )?;
        }
        let png = dir.join(format!("dark-{}", dark_page.replace(".html", ".png")));
        screenshot(&chromium, &profile.join("dark"), &dark_url, &png)?;
        // An exercise after a wrong prediction was checked, light and navy.
        if let Some((_, page, _)) = predictions.first() {
            for (theme, profile_dir) in [("light", "shots-exercise"), ("navy", "dark-exercise")] {
                let url = format!("{base}/{page}?xtask-theme={theme}&xtask-predict=wrong");
                let png = dir.join(format!("exercise-{theme}.png"));
                let _ = dump_dom(&chromium, &profile.join(profile_dir), &url);
                screenshot(&chromium, &profile.join(profile_dir), &url, &png)?;
            }
        }
        println!("screenshots: {} PNGs in {}", pages.len() + 1, dir.display());
    }
    let _ = std::fs::remove_dir_all(&profile);
    let mut seen = BTreeSet::new();
    problems.retain(|p| seen.insert(p.clone()));

    for href in &external {
        println!("external link (listed, not fetched): {href}");
    }
    println!(
        "browser-check: {} pages, {} internal links, {} requests, {} external links, {:.1}s",
        pages.len(),
        links.len(),
        log.lock().expect("log").len(),
        external.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(problems)
}
