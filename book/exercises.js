// Predict-the-output exercises: each `<div class="predict">` of a chapter
// holds, folded, the program's real transcript (its verified snapshot,
// included by mdBook). This script turns it into the exercise: the lines,
// shuffled and without their times, to put in order and time, a Check
// button that says which lines are right, which come earlier or later, and
// which times are off, and then the real transcript and timeline. Where the
// point is what never prints, the block also holds, hidden, lines the
// program could print but does not (`<name>.decoys`, checked against the
// snapshot by tidy): they are mixed in, and the reader marks each line
// they think never prints.
// (Row classes are predict-ok/predict-bad: mdBook's CSS floats `.right`.)
// It needs no network and no Playground. Without JavaScript, the answer
// stays folded under its summary.
//
// `cargo xtask exercise <name>` checks a prediction in a terminal by the
// same rules (xtask/src/exercises.rs, `grade`), and `cargo xtask
// browser-check` clicks through this page in headless Chromium.
(function () {
  'use strict';

  // `[1.500s] order 3 shipped` -> {time: 1.5, text: "order 3 shipped"}
  function parseLine(line) {
    var m = /^\[(\d+\.\d{3})s\] (.*)$/.exec(line);
    return m ? { time: parseFloat(m[1]), text: m[2] } : null;
  }

  // A time as the reader types it: "1", "1.5", "1.500s", "[1.5s]".
  function parseTime(value) {
    var v = value.trim().replace(/^\[/, '').replace(/\]$/, '').replace(/s$/, '').trim();
    if (!/^\d+(\.\d*)?$|^\.\d+$/.test(v)) return null;
    return parseFloat(v);
  }

  // Grades `guess` (texts in the reader's order, with their times, null
  // when not given) against `answer` ({time, text} in the real order).
  // A line is in place when it belongs to the longest run of guessed
  // lines that keep the real order; the others come earlier or later.
  function grade(answer, guess) {
    var used = answer.map(function () { return false; });
    var index = guess.map(function (g) {
      for (var k = 0; k < answer.length; k++) {
        if (!used[k] && answer[k].text === g.text) { used[k] = true; return k; }
      }
      return -1;
    });
    // Longest increasing subsequence of the answer indexes.
    var n = index.length, best = [], prev = [], ends = [];
    for (var i = 0; i < n; i++) {
      prev[i] = -1; best[i] = 1;
      if (index[i] < 0) { best[i] = 0; continue; }
      for (var j = 0; j < i; j++) {
        if (index[j] >= 0 && index[j] < index[i] && best[j] + 1 > best[i]) { best[i] = best[j] + 1; prev[i] = j; }
      }
    }
    var top = -1;
    for (i = 0; i < n; i++) if (top < 0 || best[i] > best[top]) top = i;
    var inPlace = guess.map(function () { return false; });
    for (i = top; i >= 0 && best[i] > 0; i = prev[i]) inPlace[i] = true;
    return guess.map(function (g, i) {
      var k = index[i];
      var verdict = { order: 'right', time: 'right' };
      if (k < 0) return { order: 'unknown', time: 'unknown' };
      if (!inPlace[i]) {
        var earlier = false;
        for (var j = 0; j < i; j++) if (inPlace[j] && index[j] > k) earlier = true;
        verdict.order = earlier ? 'earlier' : 'later';
      }
      if (g.time === null) verdict.time = 'missing';
      else if (Math.abs(g.time - answer[k].time) > 0.0005) verdict.time = 'off';
      return verdict;
    });
  }
  window.predictGrade = grade;

  // The same shuffle on every load, never the answer's own order.
  function shuffled(lines) {
    var seed = 7;
    lines.forEach(function (l) { for (var i = 0; i < l.text.length; i++) seed = (seed * 31 + l.text.charCodeAt(i)) >>> 0; });
    function next() { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 4294967296; }
    var out = lines.slice();
    for (var i = out.length - 1; i > 0; i--) { var j = Math.floor(next() * (i + 1)); var t = out[i]; out[i] = out[j]; out[j] = t; }
    var same = out.every(function (l, i) { return l.text === lines[i].text; });
    if (same && out.length > 1) out.push(out.shift());
    return out;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function setUp(box) {
    var details = box.querySelector('details.predict-answer');
    var code = details && details.querySelector('pre code');
    if (!code) return;
    var answer = code.textContent.split('\n').map(parseLine).filter(Boolean);
    if (answer.length === 0) return;
    var name = box.getAttribute('data-exercise') || '';
    var decoyCode = box.querySelector('.predict-decoys pre code');
    var decoys = decoyCode
      ? decoyCode.textContent.split('\n').map(function (l) { return l.trim(); }).filter(Boolean)
          .map(function (text) { return { time: null, text: text, decoy: true }; })
      : [];

    var widget = el('div', 'predict-widget');
    var intro = el('p', 'predict-intro',
      'Put the lines in the order you expect (\u25b2 \u25bc), give each the time it is printed, in seconds, then press Check.' +
      (decoys.length ? ' Some of these lines are never printed: mark those \u201cnever\u201d.' : ''));
    var list = el('ol', 'predict-lines');
    var buttons = el('div', 'predict-buttons');
    var check = el('button', 'predict-check', 'Check');
    var reveal = el('button', 'predict-reveal', 'Show the real output');
    var reset = el('button', 'predict-reset', 'Start again');
    var summary = el('p', 'predict-summary');
    summary.setAttribute('role', 'status');
    [check, reveal, reset].forEach(function (b) { b.type = 'button'; buttons.appendChild(b); });
    reveal.hidden = true;
    widget.appendChild(intro);
    widget.appendChild(list);
    widget.appendChild(buttons);
    widget.appendChild(summary);

    function row(line) {
      var li = el('li', 'predict-row');
      li.setAttribute('data-text', line.text);
      var time = el('input', 'predict-time');
      time.type = 'text';
      time.inputMode = 'decimal';
      time.placeholder = '0.000';
      time.setAttribute('aria-label', 'time of the line: ' + line.text);
      var never = el('input', 'predict-never');
      never.type = 'checkbox';
      never.setAttribute('aria-label', 'never printed: ' + line.text);
      var neverLabel = el('label', 'predict-never-label');
      neverLabel.appendChild(never);
      neverLabel.appendChild(document.createTextNode(' never'));
      never.addEventListener('change', function () {
        li.classList.toggle('predict-skipped', never.checked);
        time.disabled = never.checked;
        clear();
      });
      var up = el('button', 'predict-up', '\u25b2');
      var down = el('button', 'predict-down', '\u25bc');
      up.type = down.type = 'button';
      up.setAttribute('aria-label', 'move up: ' + line.text);
      down.setAttribute('aria-label', 'move down: ' + line.text);
      up.addEventListener('click', function () { if (li.previousElementSibling) { list.insertBefore(li, li.previousElementSibling); clear(); up.focus(); } });
      down.addEventListener('click', function () { if (li.nextElementSibling) { list.insertBefore(li.nextElementSibling, li); clear(); down.focus(); } });
      time.addEventListener('input', clear);
      li.appendChild(up);
      li.appendChild(down);
      li.appendChild(el('span', 'predict-bracket', '['));
      li.appendChild(time);
      li.appendChild(el('span', 'predict-bracket', 's]'));
      li.appendChild(el('code', 'predict-text', line.text));
      if (decoys.length) li.appendChild(neverLabel);
      li.appendChild(el('span', 'predict-verdict'));
      return li;
    }

    function clear() {
      widget.classList.remove('predict-right', 'predict-wrong');
      list.querySelectorAll('.predict-row').forEach(function (li) {
        li.classList.remove('predict-ok', 'predict-bad');
        li.querySelector('.predict-verdict').textContent = '';
      });
      summary.textContent = '';
    }

    function fill() {
      list.textContent = '';
      shuffled(answer.concat(decoys)).forEach(function (line) { list.appendChild(row(line)); });
      clear();
    }

    check.addEventListener('click', function () {
      var rows = Array.prototype.slice.call(list.querySelectorAll('.predict-row'));
      var skipped = function (li) { var n = li.querySelector('.predict-never'); return n && n.checked; };
      // The lines the reader says are printed are graded in their order;
      // each line marked "never" is right when the program never prints it.
      var printed = rows.filter(function (li) { return !skipped(li); });
      var verdicts = grade(answer, printed.map(function (li) {
        return { text: li.getAttribute('data-text'), time: parseTime(li.querySelector('.predict-time').value) };
      }));
      var right = 0;
      rows.forEach(function (li) {
        var words = [];
        var text = li.getAttribute('data-text');
        var isPrinted = answer.some(function (a) { return a.text === text; });
        if (skipped(li)) {
          if (isPrinted) words.push('it is printed');
        } else {
          var v = verdicts[printed.indexOf(li)];
          if (v.order === 'unknown') words.push('never printed');
          if (v.order === 'earlier') words.push('comes earlier');
          if (v.order === 'later') words.push('comes later');
          if (v.time === 'off') words.push('time is off');
          if (v.time === 'missing') words.push('no time given');
        }
        var ok = words.length === 0;
        if (ok) right++;
        li.classList.toggle('predict-ok', ok);
        li.classList.toggle('predict-bad', !ok);
        li.querySelector('.predict-verdict').textContent = ok ? (skipped(li) ? '\u2713 never printed' : '\u2713 right') : '\u2717 ' + words.join(', ');
      });
      var all = right === rows.length;
      widget.classList.toggle('predict-right', all);
      widget.classList.toggle('predict-wrong', !all);
      summary.textContent = all
        ? 'All ' + right + ' lines right, in order and on time. Open the real output to see the timeline.'
        : right + ' of ' + rows.length + ' lines right. Move or re-time the others and check again, or show the real output.';
      reveal.hidden = false;
    });
    reveal.addEventListener('click', function () {
      details.hidden = false;
      details.open = true;
      details.scrollIntoView({ block: 'nearest' });
    });
    reset.addEventListener('click', function () {
      fill();
      details.open = false;
      details.hidden = true;
      reveal.hidden = true;
    });

    fill();
    details.hidden = true;
    box.insertBefore(widget, details);
    box.classList.add('predict-ready');
    box.setAttribute('data-lines', String(answer.length + decoys.length));
    if (name) widget.id = 'predict-' + name;
  }

  function start() {
    document.querySelectorAll('div.predict').forEach(setUp);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
