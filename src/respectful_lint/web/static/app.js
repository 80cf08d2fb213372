// The web checker's page. Every piece of a draft, file name or message is put on the page
// with textContent or as an attribute value, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const state = {
    source: null, history: [], labels: [], result: null, selected: null, busy: false,
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function say(message) {
    $("status").textContent = "";
    window.setTimeout(() => { $("status").textContent = message; }, 50);
  }

  function fail(message) {
    $("error").textContent = message;
  }

  function formData(extra) {
    const data = new FormData();
    data.append("profile", $("profile").value);
    data.append("history", JSON.stringify(state.history));
    if (state.source.type === "file") {
      data.append("file", state.source.file, state.source.file.name);
    } else {
      data.append("text", state.source.text);
      data.append("kind", state.source.kind);
    }
    for (const [key, value] of Object.entries(extra || {})) data.append(key, value);
    return data;
  }

  async function post(url, extra) {
    const response = await fetch(url, {
      method: "POST",
      body: formData(extra),
      headers: { "X-CSRF-Token": csrf },
      credentials: "same-origin",
    });
    if (!response.ok) {
      let message = "The checker could not handle this request (" + response.status + ").";
      try {
        const body = await response.json();
        if (body.error) message = body.error;
      } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }

  // One request at a time: a change accepted while another is under way would point at
  // words that have moved.
  const DOWNLOADS = ["dl-docx", "dl-original", "dl-txt", "dl-md"];

  async function check(action, done) {
    fail("");
    state.busy = true;
    $("check-button").disabled = true;
    // a download while the draft is being changed would give the draft as it was
    for (const id of DOWNLOADS) $(id).disabled = true;
    $("results").setAttribute("aria-busy", "true");
    try {
      const response = await post("/api/check", { action: action || "check" });
      const data = await response.json();
      state.history = data.history;
      render(data);
      if (done) done(data);
    } catch (error) {
      fail(error.message);
      throw error;
    } finally {
      state.busy = false;
      $("check-button").disabled = false;
      for (const id of DOWNLOADS) $(id).disabled = false;
      $("results").removeAttribute("aria-busy");
    }
  }

  function count(n, word) {
    const plural = word.endsWith("x") ? word + "es" : word + "s";
    return n.toLocaleString("en") + " " + (n === 1 ? word : plural);
  }

  function summary(data) {
    if (!data.findings.length) return "No findings: nothing to change.";
    const by = { error: 0, warning: 0, suggestion: 0 };
    for (const f of data.findings) by[f.severity] += 1;
    const parts = [count(by.error, "error"), count(by.warning, "warning"),
      count(by.suggestion, "suggestion")];
    const capped = data.capped ? " The draft was checked only as far as its first " +
      data.capped.toLocaleString("en") + " findings: deal with these, then check it again " +
      "for the rest." : "";
    return count(data.findings.length, "finding") + ": " + parts.join(", ") + ". " +
      count(data.safe_fixes, "safe fix") + " can be accepted at once." + capped;
  }

  function render(data) {
    state.result = data;
    $("results").hidden = false;
    $("draft-name").textContent = data.name;
    $("summary").textContent = summary(data);
    // past the findings shown there may be safe fixes the page has not counted
    $("fix-all").disabled = data.safe_fixes === 0 && !data.capped;
    $("undo").disabled = state.history.length === 0;
    $("edit").hidden = state.source.type === "file";
    $("dl-docx").hidden = data.kind !== "docx";
    $("dl-track-label").hidden = data.kind !== "docx";
    // HTML is downloaded as HTML: as text or Markdown it would be its source, misnamed
    const original = (state.source.type === "file" && data.kind !== "docx") ||
      data.kind === "html";
    $("dl-original").hidden = !original;
    if (original) {
      $("dl-original").textContent = "Download the corrected " +
        (state.source.type === "file" ? data.name : "HTML");
    }
    $("dl-txt").hidden = data.kind === "html";
    $("dl-md").hidden = data.kind === "html";
    renderDraft(data);
    renderList(data);
    renderChanges();
    const keep = state.selected !== null && state.selected < data.findings.length;
    if (!keep) {
      state.selected = null;
      $("detail-title").textContent = "Why it is flagged";
      $("detail").replaceChildren(el("p", {}, data.findings.length
        ? "Select a highlighted word, or a finding in the list below."
        : "Nothing is flagged in this draft."));
    } else {
      showFinding(state.selected, false);
    }
  }

  // the matched words as a reader sees them: without the Markdown or HTML markup that may
  // stand inside them ("prostituted** women", "street</em>-walker")
  function words(f) {
    return f.matched.replace(/<[^>]*>/g, "").replace(/[*_`~]+/g, "");
  }

  function label(f) {
    return f.severity + ": \u201c" + words(f) + "\u201d, " + f.rule;
  }

  function renderDraft(data) {
    const draft = $("draft");
    // a Word document's header, footer, notes and comments follow its body: each is named
    // where it starts (the name is no part of the text)
    const parts = new Map((data.parts || []).map(([at, name]) => [at, name]));
    let at = 0;
    const nodes = [];
    for (const [text, index] of data.pieces) {
      if (parts.has(at)) nodes.push(el("span", { class: "part-label" }, parts.get(at)));
      at += parts.size ? Array.from(text).length : 0;  // (offsets count code points)
      nodes.push(piece(data, text, index));
    }
    draft.replaceChildren(...nodes);
  }

  function piece(data, text, index) {
    if (index === null) return document.createTextNode(text);
    const f = data.findings[index];
    return el("button", {
      type: "button",
      class: "hl sev-" + f.severity,
      "data-index": String(index),
      "data-rule": f.rule,
      "aria-label": text + " (" + f.severity + ", " + f.rule + ")",
      onclick: () => showFinding(index, true),
    }, text);
  }

  function renderList(data) {
    const items = data.findings.map((f, i) => el("li", {},
      el("button", { type: "button", class: "link sev-text-" + f.severity,
        onclick: () => showFinding(i, true) },
        f.at + ": " + label(f))));
    $("finding-list").replaceChildren(...items);
  }

  function renderChanges() {
    const items = state.labels.map((text, i) => el("li", {}, text, " ",
      el("button", { type: "button", class: "link", "aria-label": "Undo " + text,
        onclick: () => undoChange(i) }, "Undo")));
    $("changes").replaceChildren(...items);
    $("no-changes").hidden = items.length > 0;
  }

  function sourceList(sources) {
    if (!sources.length) return null;
    return el("ul", { class: "sources" }, ...sources.map((s) => el("li", {},
      el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" },
        s.title + (s.year ? " (" + s.year + ")" : "")))));
  }

  function showFinding(index, focus) {
    const f = state.result.findings[index];
    state.selected = index;
    for (const node of document.querySelectorAll("#draft .hl")) {
      node.classList.toggle("selected", node.dataset.index === String(index));
    }
    const parts = [
      el("p", { class: "message sev-text-" + f.severity }, f.message),
      el("dl", { class: "facts" },
        el("dt", {}, "Rule"), el("dd", {}, el("code", {}, f.rule)),
        el("dt", {}, "Severity"), el("dd", {}, f.severity),
        el("dt", {}, "Where"), el("dd", {}, f.where)),
      el("h4", {}, "Why"),
      el("p", { class: "note" }, f.note),
    ];
    if (f.sources.length) parts.push(el("h4", {}, "Sources"), sourceList(f.sources));
    if (f.conflation) {
      parts.push(el("h4", {}, "What this sentence does: " + f.conflation.title),
        el("p", {}, f.conflation.summary),
        el("p", { class: "callout" },
          "There is no automatic rewrite for this: the sentence itself needs rewording."));
      if (f.suggestions.length) {
        parts.push(el("h4", {}, "Ideas for a rewrite"),
          el("ul", {}, ...f.suggestions.map((s) => el("li", {}, s))));
      }
    } else if (f.locked) {
      parts.push(el("h4", {}, "Suggested wording"),
        el("ul", {}, ...f.suggestions.map((s) => el("li", {}, s))),
        el("p", { class: "callout" },
          "These words are also what something else finds or receives: the name a link\u2019s " +
          "target is found by, or the value a form sends. They are not changed here: reword " +
          "them together with what uses them."));
    } else if (f.suggestions.length) {
      if (f.choices.length) {
        parts.push(el("h4", {}, "Suggested wording"),
          el("ul", { class: "choices" }, ...f.choices.map((c, k) => el("li", {},
            el("button", { type: "button", class: "accept",
              "aria-label": "Accept \u201c" + c.text + "\u201d instead of \u201c" + replaced(f, c) +
                "\u201d",
              onclick: () => accept(index, k) }, "Accept \u201c" + c.text + "\u201d")))));
      }
      const offered = new Set(f.choices.map((c) => c.text));
      const ideas = f.suggestions.filter((s) => !offered.has(s));
      if (ideas.length) {
        parts.push(el("h4", {}, f.choices.length ? "Other ideas" : "Ideas"),
          el("p", {}, "These are not put in place for you here (they may not fit the " +
            "sentence, or the words are quoted or split by formatting); reword by hand."),
          el("ul", {}, ...ideas.map((s) => el("li", {}, s))));
      }
      if (f.caution && f.choices.length) {
        parts.push(el("h4", {}, "Before you accept"), el("p", { class: "callout" },
          f.caution.charAt(0).toUpperCase() + f.caution.slice(1) + "."));
      }
    }
    $("detail").replaceChildren(...parts);
    $("detail-title").textContent = "Why \u201c" + words(f) + "\u201d is flagged";
    if (focus) $("detail-title").focus();
  }

  // The words a choice replaces: more than the match where a wording takes words in
  // ("Ex-inmates" for "formerly incarcerated people")
  function replaced(f, c) {
    const main = c.edits.find((e) => e[2] === c.text);
    return main ? main[3] : f.matched;
  }

  async function accept(index, choice) {
    if (state.busy) return;
    const f = state.result.findings[index];
    const c = f.choices[choice];
    state.history.push(c.edits);
    state.labels.push("\u201c" + replaced(f, c) + "\u201d \u2192 \u201c" + c.text + "\u201d");
    state.selected = null;
    try {
      await check("check", (data) => say("Changed \u201c" + replaced(f, c) + "\u201d to \u201c" +
        c.text + "\u201d. " + count(data.findings.length, "finding") + " left."));
      $("detail-title").focus();
    } catch (error) {
      state.history.pop();
      state.labels.pop();
    }
  }

  async function fixAll() {
    if (state.busy) return;
    state.selected = null;
    // A long draft is checked up to a bound on findings: each round accepts the safe fixes
    // found, and the next finds those past the bound, until none is left (each round is a
    // change of its own in the list, undone on its own).
    for (let round = 1; round <= 20; round++) {
      const before = state.history.length;
      const fixes = state.result ? state.result.safe_fixes : 0;  // as the summary counted them
      let left = 0;
      await check("fix-all", (data) => {
        if (state.history.length > before) {
          // (a fix may make more than one edit: "a handicapped bay" changes its "a" too)
          state.labels.push((round > 1 ? "More safe fixes (" : "All safe fixes (") +
            count(fixes, "fix") + ")");
          renderChanges();
          $("undo").disabled = false;
        }
        left = state.history.length > before ? data.safe_fixes : 0;
        say("Accepted the safe fixes. " + count(data.findings.length, "finding") + " left.");
      });
      if (!left) break;
    }
  }

  async function undo() {
    if (state.busy || !state.history.length) return;
    const batch = state.history.pop();
    const text = state.labels.pop();
    state.selected = null;
    try {
      await check("check", (data) => say("Undid " + text + ". " +
        count(data.findings.length, "finding") + " now."));
    } catch (error) {
      state.history.push(batch);
      state.labels.push(text);
    }
  }

  async function undoChange(index) {
    if (state.busy) return;
    const text = state.labels[index];
    state.selected = null;
    try {
      await check("undo:" + index, (data) => {
        state.labels.splice(index, 1);
        renderChanges();
        $("undo").disabled = state.history.length === 0;
        say("Undid " + text + ". " + count(data.findings.length, "finding") + " now.");
      });
    } catch (error) { /* the message is shown; nothing changed */ }
  }

  function currentText() {
    return state.result.pieces.map((p) => p[0]).join("");
  }

  function editDraft() {
    $("text").value = currentText();
    state.history = [];
    state.labels = [];
    state.result = null;
    $("results").hidden = true;
    $("text").focus();
  }

  function fileName(response, fallback) {
    const header = response.headers.get("content-disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/.exec(header);
    return match ? decodeURIComponent(match[1]) : fallback;
  }

  async function download(format) {
    fail("");
    try {
      const extra = { format: format };
      if (format === "docx" && $("dl-track").checked) extra.track = "yes";
      const response = await post("/api/download", extra);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: fileName(response, "draft." + format) });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10000);
      say("Downloaded " + link.download + ".");
    } catch (error) {
      fail(error.message);
    }
  }

  function startCheck(event) {
    event.preventDefault();
    if (state.busy) return;
    // a draft the checker refuses leaves the one on screen as it was, changes and all
    const before = { source: state.source, history: state.history, labels: state.labels,
      selected: state.selected };
    const file = $("file").files[0];
    const was = state.source;
    if (file) {
      state.source = { type: "file", file: file };
    } else {
      const text = $("text").value;
      if (!text.trim()) {
        fail("Paste a draft or choose a file first.");
        $("text").focus();
        return;
      }
      state.source = { type: "paste", text: text, kind: $("kind").value };
    }
    // the same draft checked again (another profile, say) keeps the changes accepted in it
    const same = was && was.type === state.source.type && (file ? was.file === file
      : was.text === state.source.text && was.kind === state.source.kind);
    if (!same) {
      state.history = [];
      state.labels = [];
    }
    state.selected = null;
    say("Checking\u2026");
    check("check", (data) => {
      say("Checked " + data.name + ": " + summary(data));
      $("results-title").setAttribute("tabindex", "-1");
      $("results-title").focus();
    }).catch(() => {
      Object.assign(state, before);
      say("");
    });
  }

  // --- the rules ---------------------------------------------------------------------------

  let rules = [];

  async function loadRules() {
    const response = await fetch("/api/rules?profile=" + encodeURIComponent($("profile").value),
      { credentials: "same-origin" });
    if (!response.ok) return;
    rules = (await response.json()).rules;
    filterRules();
  }

  function haystack(rule) {
    return [rule.id, rule.category, rule.severity, ...rule.preferred, ...rule.terms, ...rule.tags]
      .join(" ").toLowerCase();
  }

  function filterRules() {
    const words = $("rule-search").value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = rules.filter((r) => words.every((w) => haystack(r).includes(w)));
    $("rule-count").textContent = count(shown.length, "rule") + (words.length ? " match." : ".");
    $("rule-list").replaceChildren(...shown.map((r) => el("li", {},
      el("button", { type: "button", class: "link", onclick: () => showRule(r.id) },
        el("code", {}, r.id)),
      " ", el("span", { class: "sev-text-" + r.severity }, r.severity),
      r.headline && r.headline !== "-" ? el("span", { class: "help" }, " \u2192 " + r.headline)
        : null)));
  }

  // "crack~head": the word as it may be written, joined, spaced or hyphenated
  function termShown(term) {
    if (!term.includes("~")) return term;
    return term.replaceAll("~", "") + " (" + term.replaceAll("~", " ") + ", " +
      term.replaceAll("~", "-") + ")";
  }

  // each wording once, with the terms it is for (none: it is for them all), the general
  // ones first, as the rules list shows the best of them; a template's noun shown as "…"
  function wordings(preferred) {
    const byText = new Map();
    for (const p of preferred) {
      const entry = byText.get(p.text) || { text: p.text, for: [], general: false };
      if (p.for) entry.for.push(...p.for.filter((t) => !entry.for.includes(t)));
      else entry.general = true;
      byText.set(p.text, entry);
    }
    const entries = [...byText.values()];
    entries.sort((a, b) => Number(b.general) - Number(a.general));
    return entries.map((e) => {
      const notes = [];
      if (e.text.includes("{noun}")) notes.push("before a noun, which it takes in");
      if (e.text.includes("{place}")) notes.push("with the place named");
      if (!e.general && e.for.length) notes.push("for " + e.for.map(termShown).join(", "));
      const text = e.text.replaceAll("{noun}", "\u2026").replaceAll("{place}", "\u2026");
      return notes.length ? text + " (" + notes.join("; ") + ")" : text;
    });
  }

  async function showRule(id) {
    const response = await fetch("/api/rules/" + id.split("/").map(encodeURIComponent).join("/") +
      "?profile=" + encodeURIComponent($("profile").value), { credentials: "same-origin" });
    if (!response.ok) return;
    const r = (await response.json()).rule;
    const parts = [
      el("h3", {}, r.id),
      el("dl", { class: "facts" },
        el("dt", {}, "Severity"), el("dd", {}, r.profile_severity || "off with this profile"),
        el("dt", {}, "Category"), el("dd", {}, r.category),
        el("dt", {}, "Fix"), el("dd", {}, r.fix)),
    ];
    if (r.terms.length) {
      parts.push(el("h4", {}, "Words it looks for"),
        el("p", {}, r.terms.map((t) => termShown(t.term)).join(", ")));
    }
    if (r.preferred.length) {
      parts.push(el("h4", {}, "Preferred wording"),
        el("ol", {}, ...wordings(r.preferred).map((w) => el("li", {}, w))));
    }
    parts.push(el("h4", {}, "Why"), el("p", {}, r.note));
    if (r.sources.length) parts.push(el("h4", {}, "Sources"), sourceList(r.sources));
    if (r.conflation) {
      parts.push(el("h4", {}, "Shape: " + r.conflation.title), el("p", {}, r.conflation.summary));
    }
    if (r.context.length) {
      parts.push(el("h4", {}, "When it is not reported, or reported lower"),
        el("ul", {}, ...r.context.map((c) => el("li", {}, c))));
    }
    const examples = [...r.examples.flag.map((e) => ["Flagged", e]),
      ...r.examples.pass.map((e) => ["Not flagged", e])];
    if (examples.length) {
      parts.push(el("h4", {}, "Examples"), el("ul", {}, ...examples.map(([kind, text]) =>
        el("li", {}, el("strong", {}, kind + ": "), text))));
    }
    $("rule-detail").replaceChildren(...parts);
    $("rule-detail").focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("draft-form").addEventListener("submit", startCheck);
    // (disabled in the page itself: without this script, the form is never sent)
    $("check-button").disabled = false;
    $("fix-all").addEventListener("click", () => fixAll().catch(() => {}));
    $("undo").addEventListener("click", () => undo());
    $("edit").addEventListener("click", editDraft);
    $("dl-txt").addEventListener("click", () => download("txt"));
    $("dl-md").addEventListener("click", () => download("md"));
    $("dl-docx").addEventListener("click", () => download("docx"));
    $("dl-original").addEventListener("click", () => download("original"));
    $("file").addEventListener("change", () => { $("clear-file").hidden = !$("file").files.length; });
    $("clear-file").addEventListener("click", () => {
      $("file").value = "";
      $("clear-file").hidden = true;
      $("file").focus();
    });
    $("profile").addEventListener("change", () => {
      const option = $("profile").selectedOptions[0];
      $("profile-help").textContent = option.dataset.description;
      loadRules();
      if (state.result) check("check").catch(() => {});
    });
    $("rule-search").addEventListener("input", filterRules);
    loadRules();
  });
})();
