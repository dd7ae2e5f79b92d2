//! The site's one style sheet, inlined in every page: system fonts only,
//! a dark scheme (`prefers-color-scheme`), a narrow-screen layout and a
//! print layout.
//!
//! Outcome cells carry `--hue` (set per value of the decision's first
//! output, see [`super::decision`]); the colour is a second cue, the text
//! in the cell is the first.

pub(crate) const CSS: &str = r#":root {
  color-scheme: light dark;
  --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de;
  --panel: #f6f8fa; --link: #0550ae; --error: #b3261e;
  --cell-s: 70%; --cell-l: 90%; --cell-border-l: 55%;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #30363d;
    --panel: #161b22; --link: #6cb6ff; --error: #ff8a80;
    --cell-s: 35%; --cell-l: 24%; --cell-border-l: 50%;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: 0.5em 0.75em; border-radius: 6px; margin: 0.25em 0; }
a { color: var(--link); }
nav.site { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: baseline; padding: 0.75em 1.5em; border-bottom: 1px solid var(--line); background: var(--panel); }
nav.site .brand { font-weight: 600; }
nav.site a[aria-current] { font-weight: 600; text-decoration: none; color: var(--fg); }
main { max-width: 80rem; margin: 0 auto; padding: 1em 1.5em 3em; }
footer { max-width: 80rem; margin: 0 auto; padding: 1em 1.5em; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); }
h1 { font-size: 1.9em; margin: 0.3em 0; }
h2 { font-size: 1.4em; margin-top: 1.8em; border-bottom: 1px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.15em; margin-top: 1.4em; }
.doc, .lead { max-width: 50rem; }
.muted, .where, .source { color: var(--muted); }
.source { font-size: 0.9em; overflow-wrap: anywhere; }
.signature { overflow-wrap: anywhere; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
caption { text-align: left; font-weight: 600; font-size: 1.1em; padding: 0.5em 0 0.25em; caption-side: top; }
th, td { border: 1px solid var(--line); padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
th[scope="row"] { font-weight: normal; background: var(--panel); white-space: nowrap; }
th.split { border-left: 3px double var(--muted); }
td.cell {
  background: hsl(var(--hue) var(--cell-s) var(--cell-l));
  border-left: 4px solid hsl(var(--hue) 60% var(--cell-border-l));
  white-space: nowrap;
}
td.cell.impossible, .swatch.impossible {
  --stripe: color-mix(in srgb, var(--muted) 25%, transparent);
  background: repeating-linear-gradient(135deg, transparent 0 6px, var(--stripe) 6px 9px);
  border-left-color: var(--muted); color: var(--muted);
}
td.cell.asked { outline: 3px solid var(--fg); outline-offset: -3px; font-weight: 700; }
button.show-cell { font: inherit; font-size: 0.9em; padding: 0.25em 0.75em; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; cursor: pointer; }
a.cite { font-size: 0.75em; margin-left: 0.4em; text-decoration: none; vertical-align: super; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; margin: 0.5em 0; padding: 0; list-style: none; }
.swatch { display: inline-block; padding: 0.1em 0.6em; border-radius: 4px; border-left: 4px solid hsl(var(--hue) 60% var(--cell-border-l)); background: hsl(var(--hue) var(--cell-s) var(--cell-l)); }
#ask { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.75em 1.25em 1em; margin: 1em 0; }
#ask h2 { margin-top: 0.3em; border: 0; }
form#question { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.75em 1.25em; }
form#question label { display: flex; flex-direction: column; gap: 0.2em; font-weight: 600; }
select { font: inherit; padding: 0.3em; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; max-width: 100%; }
#answer { margin-top: 1em; border-top: 1px solid var(--line); padding-top: 0.75em; min-height: 3em; }
#answer .error { color: var(--error); font-weight: 600; }
#answer .impossible { font-weight: 600; }
dl.outputs { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 0.5em; font-size: 1.15em; }
dl.outputs dt { color: var(--muted); }
dl.outputs dd { margin: 0; font-weight: 700; }
ol.rules, ul.plain { padding-left: 0; list-style: none; }
ol.rules > li, ul.plain > li { margin: 0.5em 0; padding: 0.4em 0.6em; border-left: 3px solid var(--line); }
ol.rules > li:target { border-left-color: var(--link); background: var(--panel); }
.timeline { border-left: 3px solid var(--line); margin-left: 0.5em; padding-left: 1.25em; }
.timeline > section { position: relative; }
.timeline > section > h2::before { content: ""; position: absolute; left: -1.85em; top: 0.45em; width: 0.9em; height: 0.9em; border-radius: 50%; background: var(--link); }
.timeline > section > h2 { border: 0; }
del { color: var(--error); }
ins { text-decoration: none; font-weight: 600; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main, footer { padding-left: 0.75em; padding-right: 0.75em; }
  nav.site { padding: 0.5em 0.75em; }
  th, td { padding: 0.25em 0.4em; }
  td.cell, th[scope="row"] { white-space: normal; }
  form#question { grid-template-columns: 1fr; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --line: #999; --panel: #fff; --link: #000; --cell-s: 60%; --cell-l: 92%; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav.site, #ask, a.cite, footer { display: none; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  table, li, pre { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { text-decoration: none; }
}
"#;
