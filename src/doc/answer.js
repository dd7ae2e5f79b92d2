// Answers the question in the URL fragment (`#name=value&name=value`) and
// in the form, from the decision's lookup table embedded in the page (see
// src/doc/data.rs). Names and values ignore ASCII case, aliases are
// accepted, and the messages are those of `coex eval`.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("decision-data").textContent);
  const form = document.getElementById("question");
  const answer = document.getElementById("answer");
  const selects = data.inputs.map((input) => form.elements.namedItem(input.name));

  const fold = (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const ticked = (names) => names.map((n) => "`" + n + "`").join(", ");

  // The question as value indices (null where not given), or an error.
  function parse(fragment) {
    const values = data.inputs.map(() => null);
    for (const part of fragment.split("&")) {
      if (part === "") {
        continue;
      }
      const equals = part.indexOf("=");
      let name;
      let value;
      try {
        name = decodeURIComponent(equals < 0 ? part : part.slice(0, equals)).trim();
        value = equals < 0 ? null : decodeURIComponent(part.slice(equals + 1)).trim();
      } catch (e) {
        return { error: "`" + part + "` is not valid in a link: a `%` must start an escape such as `%20`" };
      }
      if (value === null) {
        return { error: "`" + name + "` has no value; write `" + name + "=VALUE`, pairs joined by `&`" };
      }
      const position = data.inputs.findIndex((input) => fold(input.name) === fold(name));
      if (position < 0) {
        return {
          error: "`" + name + "` is not an input of `" + data.decision + "`; its inputs are " +
            ticked(data.inputs.map((input) => input.name)),
        };
      }
      const input = data.inputs[position];
      if (values[position] !== null) {
        return { error: "input `" + input.name + "` of `" + data.decision + "` is given more than once" };
      }
      const found = input.values.findIndex((spellings) => spellings.some((s) => fold(s) === fold(value)));
      if (found < 0) {
        return {
          error: "`" + value + "` is not a value of input `" + input.name + "` of `" + data.decision +
            "`; expected one of " + ticked(input.values.map((spellings) => spellings[0])),
        };
      }
      values[position] = found;
    }
    return { values: values };
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function citation(into, lead, anchor, linkText, rule) {
    const p = element("p", "decided-by");
    p.append(lead);
    const a = element("a", "", linkText);
    a.href = "#" + anchor;
    p.append(a, " (" + rule.file + ":" + rule.line + ")");
    into.append(p, element("pre", "rule-text", rule.text));
    if (rule.source) {
      into.append(element("p", "source", "source: " + rule.source));
    }
  }

  // Outline the table cell that holds the question's inputs, if any.
  function mark(values) {
    for (const cell of document.querySelectorAll("td[data-inputs]")) {
      const sets = cell.dataset.inputs.split("|").map((set) => set.split(",").map(Number));
      cell.classList.toggle("asked", values !== null && sets.every((set, i) => set.includes(values[i])));
    }
  }

  // Replace the answer; `values` (a complete question) marks its cell.
  function show(kind, build, values) {
    mark(values || null);
    answer.replaceChildren();
    answer.dataset.kind = kind;
    build(answer);
    const cell = document.querySelector("td.asked");
    if (cell) {
      const button = element("button", "show-cell", "Show its cell in the table");
      button.type = "button";
      button.addEventListener("click", () => cell.scrollIntoView({ block: "center" }));
      answer.append(button);
    }
  }

  function respond(fragment) {
    if (fragment === "") {
      show("empty", (into) => into.append(element("p", "hint", "Choose a value for each input: the answer appears here, and the page's address becomes a link to it.")));
      return;
    }
    const question = parse(fragment);
    if (question.error) {
      show("error", (into) => into.append(element("p", "error", "error: " + question.error)));
      return;
    }
    selects.forEach((select, i) => {
      select.value = question.values[i] === null ? "" : data.inputs[i].values[question.values[i]][0];
    });
    const missing = data.inputs.filter((input, i) => question.values[i] === null).map((input) => input.name);
    if (missing.length > 0) {
      show("incomplete", (into) => into.append(element("p", "hint", "`" + data.decision + "` needs a value for " + ticked(missing))));
      return;
    }
    const index = question.values.reduce((acc, v, i) => acc * data.inputs[i].values.length + v, 0);
    const entry = data.entries[index];
    if (entry < 0) {
      const constraint = data.constraints[-1 - entry];
      show("impossible", (into) => {
        into.dataset.constraint = String(-entry);
        into.append(element("p", "verdict impossible", "impossible input for `" + data.decision + "`: " + constraint.because));
        citation(into, "excluded by ", "impossible-" + -entry, "impossible input " + -entry, constraint);
      }, question.values);
      return;
    }
    const row = data.rows[entry];
    show("outputs", (into) => {
      into.dataset.row = String(entry + 1);
      const list = element("dl", "verdict outputs");
      data.outputs.forEach((name, i) => list.append(element("dt", "", name), element("dd", "", row.outputs[i])));
      into.append(list);
      citation(into, "decided by ", "rule-" + (entry + 1), "row " + row.row + " of table \u201c" + row.table + "\u201d", row);
    }, question.values);
  }

  // A link to a part of the page (`#rule-3`) is not a question: it leaves
  // the answer as it is (on load, the hint).
  function fromAddress(loading) {
    const fragment = location.hash.replace(/^#/, "");
    if (fragment !== "" && fragment.indexOf("=") < 0 && document.getElementById(fragment)) {
      if (loading) {
        respond("");
      }
      return;
    }
    respond(fragment);
  }

  form.addEventListener("change", () => {
    const fragment = selects
      .map((select, i) => (select.value === "" ? null : data.inputs[i].name + "=" + encodeURIComponent(select.value)))
      .filter((part) => part !== null)
      .join("&");
    history.replaceState(null, "", fragment === "" ? location.pathname : "#" + fragment);
    respond(fragment);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", () => fromAddress(false));
  form.hidden = false;
  fromAddress(true);
})();
