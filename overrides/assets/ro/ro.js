// Reaching Out: saving and interactivity for pages that are complete without it. State: one versioned
// object in localStorage, keyed by the data's permanent ids. Components start once per element, on every
// page Material's instant navigation shows.
(() => {
  "use strict";
  if (window.ReachingOut) return; // loaded twice: the first copy stays in charge

  const KEY = "reaching-out";
  const VERSION = 1;
  const $ = (root, sel) => root.querySelector(sel);
  const $$ = (root, sel) => [...root.querySelectorAll(sel)];
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const SECTIONS = { checklists: {}, questions: [], worksheets: {}, slots: {}, network: {} };
  // MIGRATIONS[n] turns version n into n + 1. v0 (unversioned) kept ticks as lists of item ids.
  const MIGRATIONS = [(s) => {
    for (const [id, ticks] of Object.entries(isObj(s.checklists) ? s.checklists : {})) {
      if (Array.isArray(ticks)) s.checklists[id] = Object.fromEntries(ticks.map((item) => [item, true]));
    }
    return s;
  }];

  // --- Storage: every access guarded; without storage, state lives in memory ---

  let saving = (() => {
    try {
      localStorage.setItem(KEY + ":probe", "1");
      localStorage.removeItem(KEY + ":probe");
      return true;
    } catch (e) {
      return false;
    }
  })();
  let memory = null;

  // Unknown keys are kept.
  const migrate = (data) => {
    if (!isObj(data)) throw new Error("not an object");
    let version = Number.isInteger(data.version) && data.version > 0 ? data.version : 0;
    while (version < VERSION) data = MIGRATIONS[version++](data);
    data.version = version;
    for (const [key, fresh] of Object.entries(SECTIONS)) {
      if (Array.isArray(fresh) ? !Array.isArray(data[key]) : !isObj(data[key])) data[key] = Array.isArray(fresh) ? [] : {};
    }
    return data;
  };

  const read = () => {
    if (!saving) return memory || (memory = migrate({}));
    let raw;
    try {
      raw = localStorage.getItem(KEY);
    } catch (e) {
      off();
      return read();
    }
    if (raw === null) return migrate({});
    try {
      return migrate(JSON.parse(raw));
    } catch (e) {
      try {
        localStorage.setItem(KEY + ":damaged", raw);
        localStorage.removeItem(KEY);
      } catch (ignored) { /* nothing more can be done */ }
      notice("What this browser had saved for the guide was damaged, so the guide started afresh.");
      return migrate({});
    }
  };

  const write = (state) => {
    if (saving) {
      try {
        localStorage.setItem(KEY, JSON.stringify(state));
        return;
      } catch (e) {
        off();
      }
    }
    memory = state;
  };

  const off = () => {
    saving = false;
    notice();
  };

  const update = (fn) => {
    const state = read();
    fn(state);
    write(state);
    refresh();
  };

  const replaceAll = (data) => {
    memory = null;
    if (data) write(migrate(data));
    else if (saving) {
      try {
        [KEY, KEY + ":damaged"].forEach((k) => localStorage.removeItem(k));
      } catch (e) {
        off();
      }
    }
    refresh();
  };

  // --- Start-up ---

  const components = [];

  const notice = (text) => {
    const first = components.length && $(document, components.map((c) => c.sel).join());
    if (!first) return;
    let p = $(document, "[data-ro-notice]");
    if (!p) {
      p = make("p", { class: "ro-notice", "data-ro-notice": "", role: "status" });
      first.before(p);
    }
    p.textContent = text || "Saving is off in this browser: what you tick or type lasts only until you close the page.";
  };

  const start = (c, state) => {
    for (const el of $$(document, c.sel)) {
      if (el.hasAttribute("data-ro-ready")) continue;
      el.setAttribute("data-ro-ready", "");
      c.init(el);
      c.render(el, state);
    }
  };

  const component = (sel, init, render) => {
    if (components.some((c) => c.sel === sel)) return;
    const c = { sel, init, render };
    components.push(c);
    if (started) start(c, read());
  };

  let started = false;
  const init = () => {
    started = true;
    const state = read();
    components.forEach((c) => start(c, state));
    if (!saving) notice();
  };

  const refresh = () => {
    const state = read();
    for (const c of components) for (const el of $$(document, c.sel + "[data-ro-ready]")) c.render(el, state);
  };

  // --- Helpers ---

  function make(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    el.append(...(children || []).filter((c) => c != null));
    return el;
  }

  const rebuild = (box, children) => {
    const active = document.activeElement;
    const key = box.contains(active) && active.getAttribute("data-ro-key");
    box.replaceChildren(...children);
    const again = key && $$(box, "[data-ro-key]").find((el) => el.getAttribute("data-ro-key") === key);
    if (again) again.focus();
  };

  // Polite live regions; cleared first so a repeat is announced.
  const speak = (region, text) => {
    region.textContent = "";
    setTimeout(() => { region.textContent = text; }, 50);
  };
  const say = (root, text) => {
    const region = $(root, "[data-ro-status]");
    if (region) speak(region, text);
  };

  const download = (name, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    const a = make("a", { href: url, download: name, hidden: "" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const copy = (text) => (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject()).catch(() => {
    const focus = document.activeElement;
    const area = make("textarea", { class: "ro-visually-hidden" }, [text]);
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    focus.focus();
    if (!ok) throw new Error("copy refused");
  });

  // A class on <html> for print.css while printing; with `keep`, only it (and the path to it) prints.
  const print = (mode, keep) => {
    const path = [];
    if (keep) {
      keep.setAttribute("data-ro-print-keep", "");
      for (let el = keep.parentElement; el && el !== document.body; el = el.parentElement) path.push(el);
      path.forEach((el) => el.setAttribute("data-ro-print-path", ""));
    }
    document.documentElement.classList.add(mode);
    addEventListener("afterprint", () => {
      document.documentElement.classList.remove(mode);
      if (keep) keep.removeAttribute("data-ro-print-keep");
      path.forEach((el) => el.removeAttribute("data-ro-print-path"));
    }, { once: true });
    window.print();
  };

  const reveal = (root, sel) => $$(root, sel).forEach((el) => { el.hidden = false; });
  // A component's title, without the ¶ of its permalink.
  const title = (root) => {
    const h = $(root, "h2, h3, h4");
    const text = h ? [...h.childNodes].filter((n) => !(n.classList && n.classList.contains("headerlink")))
      .map((n) => n.textContent).join("") : "";
    return text || root.getAttribute("aria-label") || "";
  };

  // --- Checklists ---

  component("[data-ro-checklist]", (root) => {
    const id = root.dataset.roChecklist;
    reveal(root, "[data-ro-tools]");
    root.addEventListener("change", (event) => {
      const item = event.target.closest("[data-ro-item]");
      if (!item || event.target.type !== "checkbox") return;
      const on = event.target.checked;
      update((s) => {
        const ticks = s.checklists[id] = isObj(s.checklists[id]) ? s.checklists[id] : {};
        if (on) ticks[item.dataset.roItem] = true;
        else delete ticks[item.dataset.roItem];
        if (!Object.keys(ticks).length) delete s.checklists[id];
      });
    });
    root.addEventListener("click", (event) => {
      if (event.target.closest("[data-ro-reset]") && confirm(`Untick every item of “${title(root).trim()}”?`)) {
        update((s) => { delete s.checklists[id]; });
      }
    });
  }, (root, s) => {
    const ticks = s.checklists[root.dataset.roChecklist] || {};
    const items = $$(root, "[data-ro-item]");
    let done = 0;
    for (const item of items) {
      const on = ticks[item.dataset.roItem] === true;
      $(item, "input").checked = on;
      item.classList.toggle("ro-checklist__item--done", on);
      done += on;
    }
    const progress = $(root, "[data-ro-progress]");
    const text = `${done} of ${items.length} done`;
    if (progress.textContent !== text) progress.textContent = text;
  });

  // --- Questions: picking, filters (in the URL), My questions ---

  const qText = (li) => ($(li, ".ro-question__text") || li).textContent.replace(/\s+/g, " ").trim();
  const mine = (s) => s.questions.filter((q) => isObj(q) && typeof q.id === "string");
  const at = (list, id) => list.findIndex((q) => q.id === id);

  const pickable = (root) => {
    const model = make("button", { type: "button", class: "ro-button ro-question__pick", "data-ro-pick": "",
      "aria-pressed": "false" }, ["Add to my questions"]);
    $$(root, "li[data-ro-question]").forEach((li) => li.append(model.cloneNode(true)));
    root.addEventListener("click", (event) => {
      const li = event.target.closest("[data-ro-pick]") && event.target.closest("[data-ro-question]");
      if (!li) return;
      update((s) => {
        const i = at(s.questions, li.dataset.roQuestion);
        if (i < 0) s.questions.push({ id: li.dataset.roQuestion, text: qText(li) });
        else s.questions.splice(i, 1);
      });
    });
  };

  const renderPicks = (root, s) => {
    const picked = new Set(mine(s).map((q) => q.id));
    for (const button of $$(root, "[data-ro-pick]")) {
      const on = String(picked.has(button.parentNode.dataset.roQuestion));
      if (button.getAttribute("aria-pressed") !== on) button.setAttribute("aria-pressed", on);
    }
  };

  const GROUPS = ["category", "purpose", "phase"];

  const filters = (root) => {
    const form = $(root, "form[data-ro-qfilter]");
    if (!form) return;
    // Read once; filtering only compares strings and sets `hidden`.
    const items = $$(root, "li[data-ro-question]").map((li) => ({
      li, category: li.dataset.category, phase: li.dataset.phase, purposes: li.dataset.purposes.split(" "),
      text: li.textContent.replace(/\s+/g, " ").toLowerCase()
    }));
    const search = $(form, "input[type=search]");
    const count = $(form, "[data-ro-qcount]");
    const boxes = (group) => $$(form, `input[name="${group}"]`);
    const params = new URLSearchParams(location.search);
    GROUPS.forEach((g) => boxes(g).forEach((box) => { box.checked = params.getAll(g).includes(box.value); }));
    search.value = params.get("q") || "";
    let timer;

    const apply = (how) => {
      const want = {};
      GROUPS.forEach((g) => { want[g] = boxes(g).filter((b) => b.checked).map((b) => b.value); });
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      const shownIn = new Set();
      let shown = 0;
      for (const q of items) {
        const ok = (!want.category.length || want.category.includes(q.category)) &&
          (!want.phase.length || want.phase.includes(q.phase)) &&
          (!want.purpose.length || q.purposes.some((p) => want.purpose.includes(p))) &&
          words.every((w) => q.text.includes(w));
        if (q.li.hidden === ok) q.li.hidden = !ok;
        if (ok) {
          shown++;
          shownIn.add(q.category);
        }
      }
      $$(root, "[data-ro-qcategory]").forEach((sec) => { sec.hidden = !shownIn.has(sec.dataset.roQcategory); });
      const n = items.length;
      const text = shown === n ? `Showing all ${n} questions.` : shown ? `Showing ${shown} of ${n} questions.` :
        "No question matches. Try fewer filters or other words.";
      clearTimeout(timer);
      timer = setTimeout(() => { if (count.textContent !== text) count.textContent = text; }, how === "typing" ? 400 : 0);
      if (how) {
        const query = new URLSearchParams();
        GROUPS.forEach((g) => want[g].forEach((v) => query.append(g, v)));
        if (search.value.trim()) query.set("q", search.value.trim());
        const qs = String(query);
        history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
      }
    };

    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", (event) => apply(event.target === search ? "typing" : "click"));
    form.addEventListener("reset", () => setTimeout(() => apply("reset")));
    form.hidden = false;
    apply();
  };

  component("[data-ro-qbank]", (root) => {
    filters(root);
    pickable(root);
  }, renderPicks);
  component("[data-ro-qlist]", pickable, renderPicks);

  const listText = (list, md) => [md ? "# My questions" : "My questions", "",
    ...list.map((q, i) => `${i + 1}. ${q.text}`)].join(md ? "\n" : "\r\n") + (md ? "\n" : "\r\n");

  const shownText = (q) => {
    const li = document.getElementById("q-" + q.id);
    return (li && li.hasAttribute("data-ro-question") && qText(li)) || q.text || q.id;
  };

  // data-ro-key ("up:ID", "remove:ID"…) names the action and keeps focus across rebuilds.
  const small = (label, name, key) => make("button", { type: "button", class: "ro-button ro-button--small",
    "aria-label": `${label}: ${name}`, "data-ro-key": key }, [label]);

  component("[data-ro-myq]", (root) => {
    const heading = $(root, ".ro-myq__title");
    heading.tabIndex = -1;
    root.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      const [move, id] = (button.dataset.roKey || "").split(":");
      const action = button.dataset.roMyqAction;
      const list = mine(read()).map((q) => ({ id: q.id, text: shownText(q) }));
      const from = at(list, id);
      if (move === "up" || move === "down") {
        const to = from + (move === "up" ? -1 : 1);
        if (from < 0 || to < 0 || to >= list.length) return;
        update((s) => {
          const qs = mine(s);
          qs.splice(to, 0, qs.splice(from, 1)[0]);
          s.questions = qs;
        });
        say(root, `Moved ${move}: ${list[from].text}. Now ${to + 1} of ${list.length}.`);
      } else if (move === "remove") {
        update((s) => { s.questions = mine(s).filter((q) => q.id !== id); });
        const next = list[from + 1] || list[from - 1];
        (next && $$(root, "[data-ro-key]").find((b) => b.dataset.roKey === "remove:" + next.id) || heading).focus();
        say(root, `Removed: ${list[from].text}.`);
      } else if (action === "print") {
        print("ro-print-myq", root);
      } else if (action === "copy") {
        copy(listText(list)).then(() => say(root, `Copied ${list.length} question${list.length === 1 ? "" : "s"}.`),
          () => say(root, "This browser did not allow copying. Select the list and copy it yourself."));
      } else if (action) {
        download("my-questions." + action, listText(list, action === "md"), action === "md" ? "text/markdown" : "text/plain");
        say(root, `Downloaded my-questions.${action}.`);
      }
    });
  }, (root, s) => {
    const list = mine(s);
    const bank = root.dataset.roBank;
    root.hidden = false;
    $(root, "[data-ro-myq-empty]").hidden = list.length > 0;
    $(root, "[data-ro-myq-tools]").hidden = $(root, "[data-ro-myq-list]").hidden = !list.length;
    rebuild($(root, "[data-ro-myq-list]"), list.map((q, i) => {
      const text = shownText(q);
      const href = document.getElementById("q-" + q.id) ? "#q-" + q.id : bank ? `${bank}#q-${q.id}` : null;
      const up = small("Move up", text, "up:" + q.id);
      const down = small("Move down", text, "down:" + q.id);
      if (!i) up.setAttribute("aria-disabled", "true");
      if (i === list.length - 1) down.setAttribute("aria-disabled", "true");
      return make("li", {}, [make(href ? "a" : "span", href ? { href, class: "ro-myq__text" } : { class: "ro-myq__text" },
        [text]), make("span", { class: "ro-myq__buttons" }, [up, down, small("Remove", text, "remove:" + q.id)])]);
    }));
  });

  // --- Worksheets ---

  const fields = (form) => $$(form, "input[name], textarea, select");
  // undefined: an unchecked radio (its checked sibling speaks); null: empty.
  const valueOf = (c) => c.type === "checkbox" ? c.checked || null : c.type === "radio" ? (c.checked ? c.value : undefined) :
    c.value || null;
  const rowsOf = (table) => [...table.tBodies[0].rows];
  const fit = (area) => {
    if (area.nodeName !== "TEXTAREA") return;
    area.style.height = "";
    if (area.scrollHeight > area.clientHeight) area.style.height = area.scrollHeight + 4 + "px";
  };

  // Rows are numbered 1..n; ids and names follow ws-<worksheet>--<field>--<n>--<column>.
  const number = (row, field, n) => {
    row.dataset.roRow = row.cells[0].textContent = n;
    for (const el of $$(row, "[id], [name], [for]")) {
      for (const a of ["id", "name", "for"]) {
        if (el.hasAttribute(a)) el.setAttribute(a, el.getAttribute(a).replace(RegExp(`(^|-)${field}--\\d+--`), `$1${field}--${n}--`));
      }
      if (el.nodeName === "LABEL") el.textContent = el.textContent.replace(/\d+$/, n);
    }
    const remove = $(row, "[data-ro-row-remove]");
    remove.dataset.roKey = `row:${field}:${n}`;
    remove.setAttribute("aria-label", "Remove row " + n);
  };

  const setRows = (table, count) => {
    const rows = rowsOf(table);
    while (rows.length > Math.max(count, 1)) rows.pop().remove();
    while (rows.length < count) {
      const row = rows[rows.length - 1].cloneNode(true);
      number(row, table.dataset.roRows, rows.push(row));
      $$(row, "input, select").forEach((c) => { c.value = ""; c.checked = false; });
      table.tBodies[0].append(row);
    }
  };

  component("form[data-ro-worksheet]", (form) => {
    const id = form.dataset.roWorksheet;
    let pending = {};
    let timer;
      const save = (table) => {
      clearTimeout(timer);
      const values = pending;
      pending = {};
      update((s) => {
        const w = s.worksheets[id] = isObj(s.worksheets[id]) ? s.worksheets[id] : {};
        const v = w.values = isObj(w.values) ? w.values : {};
        const r = w.rows = isObj(w.rows) ? w.rows : {};
        if (table) {
          const field = table.dataset.roRows;
          const count = rowsOf(table).length;
          Object.keys(v).filter((k) => k.startsWith(field + "--")).forEach((k) => delete v[k]);
          fields(table).forEach((c) => { values[c.name] = valueOf(c); });
          r[field] = count;
          if (count === +table.dataset.roDefaultRows) delete r[field];
        }
        for (const [name, value] of Object.entries(values)) {
          if (value == null) delete v[name];
          else v[name] = value;
        }
        for (const k of ["values", "rows"]) if (!Object.keys(w[k]).length) delete w[k];
        if (!Object.keys(w).length) delete s.worksheets[id];
      });
    };
    const flush = () => Object.keys(pending).length && save();
    form.roPending = () => pending;
    form.roFlush = flush;

    const note = (event) => {
      const c = event.target;
      fit(c);
      const value = c.name ? valueOf(c) : undefined;
      if (value === undefined) return;
      pending[c.name] = value;
      clearTimeout(timer);
      timer = setTimeout(flush, 300);
    };
    form.addEventListener("input", note);
    form.addEventListener("change", note);
    form.addEventListener("focusout", flush); // leaving at once loses nothing
    form.addEventListener("submit", (event) => event.preventDefault());

    for (const table of $$(form, "table[data-ro-rows]")) {
      table.dataset.roDefaultRows = rowsOf(table).length;
      table.tHead.rows[0].append(make("th", { class: "ro-rows__remove" }, [make("span", { class: "ro-visually-hidden" },
        ["Remove"])]));
      rowsOf(table).forEach((row, i) => {
        row.append(make("td", { class: "ro-rows__remove" }, [make("button", { type: "button",
          class: "ro-button ro-button--small", "data-ro-row-remove": "" }, ["Remove"])]));
        number(row, table.dataset.roRows, i + 1);
      });
    }
    reveal(form, "[data-ro-tools], [data-ro-row-add]");

    form.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      const table = $(button.closest("fieldset") || form, "table[data-ro-rows]");
      const action = button.dataset.roWsAction;
      const rows = table && rowsOf(table);
      if (button.hasAttribute("data-ro-row-add")) {
        flush();
        setRows(table, rows.length + 1);
        save(table);
        $(table.tBodies[0].lastElementChild, "input, select").focus();
        say(form, `Row ${rows.length + 1} added.`);
      } else if (button.hasAttribute("data-ro-row-remove")) {
        if (rows.length < 2) return say(form, "The table keeps at least one row.");
        const row = button.closest("tr");
        const at = rows.indexOf(row);
        flush();
        row.remove();
        rows.splice(at, 1);
        rows.forEach((r, i) => number(r, table.dataset.roRows, i + 1));
        save(table);
        $(rows[Math.min(at, rows.length - 1)], "[data-ro-row-remove]").focus();
        say(form, `Row ${at + 1} removed.`);
      } else if (action === "clear") {
        if (!confirm(`Clear every answer on “${title(form).trim()}”? This cannot be undone.`)) return;
        pending = {};
        clearTimeout(timer);
        update((s) => { delete s.worksheets[id]; });
        say(form, "The worksheet is cleared.");
      } else if (action) {
        flush();
        print(action === "print" ? "ro-print-answers" : "ro-print-blank");
      }
    });
  }, (form, s) => {
    const w = isObj(s.worksheets[form.dataset.roWorksheet]) ? s.worksheets[form.dataset.roWorksheet] : {};
    const values = isObj(w.values) ? w.values : {};
    const rows = isObj(w.rows) ? w.rows : {};
    const typing = form.roPending();
    for (const table of $$(form, "table[data-ro-rows]")) {
      const n = rows[table.dataset.roRows];
      setRows(table, Number.isInteger(n) && n > 0 && n <= 200 ? n : +table.dataset.roDefaultRows);
    }
    for (const c of fields(form)) {
      const value = values[c.name];
      const text = typeof value === "string" ? value : "";
      if (c.name in typing) continue; // unsaved typing is newer
      if (c.type === "checkbox") c.checked = value === true;
      else if (c.type === "radio") c.checked = value === c.value;
      else if (c.value !== text) c.value = text;
      fit(c);
    }
  });

  addEventListener("pagehide", () => $$(document, "form[data-ro-worksheet][data-ro-ready]").forEach((f) => f.roFlush()));

  // --- Message composer: values by slot id, so shared slots fill once ---

  const plain = (node, filled) => [...node.childNodes].map((n) => n.nodeName === "BR" ? "\n" :
    n.nodeType === 3 ? n.textContent.replace(/\n/g, "") : n.nodeType !== 1 || n.matches(".ro-template__subject-label") ? "" :
    n.dataset.roSlot ? filled[n.dataset.roSlot] || `[${n.dataset.roLabel}]` : plain(n, filled)).join("");

  const message = (root, filled) => {
    const subject = $(root, ".ro-template__subject");
    return { subject: subject ? plain(subject, filled).trim() : "",
      body: $$(root, ".ro-template__body p").map((p) => plain(p, filled)).join("\n\n") };
  };

  const slotValues = (root, s) => {
    const filled = Object.assign({}, isObj(s.slots) ? s.slots : {});
    for (const input of $$(root, "[data-ro-slot-input]")) filled[input.dataset.roSlotInput] = input.value.trim();
    return filled;
  };

  const preview = (root) => {
    const filled = slotValues(root, read());
    for (const span of $$(root, "[data-ro-slot]")) {
      const value = filled[span.dataset.roSlot];
      const text = value || span.dataset.roLabel;
      if (span.textContent !== text) span.textContent = text;
      span.classList.toggle("ro-slot--filled", !!value);
    }
    const mail = $(root, "[data-ro-mailto]");
    if (mail) {
      const m = message(root, filled);
      // RFC 6068: percent-encoded, CRLF line breaks.
      mail.href = `mailto:?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.body.replace(/\n/g, "\r\n"))}`;
    }
  };

  component("article[data-ro-template]", (root) => {
    const form = $(root, "form[data-ro-composer]");
    let pending = {};
    let timer;
    $$(root, "[data-ro-slot]").forEach((span) => { span.dataset.roLabel = span.textContent; });
    root.roPending = () => pending;
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", (event) => {
      pending[event.target.dataset.roSlotInput] = event.target.value;
      preview(root);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const changed = pending;
        pending = {};
        update((s) => {
          for (const [k, v] of Object.entries(changed)) {
            if (v.trim()) s.slots[k] = v;
            else delete s.slots[k];
          }
        });
      }, 250);
    });
    root.addEventListener("click", (event) => {
      const part = (event.target.closest("[data-ro-copy]") || {}).dataset;
      if (!part) return;
      const m = message(root, slotValues(root, read()));
      copy(part.roCopy === "subject" ? m.subject : m.body).then(
        () => say(root, part.roCopy === "subject" ? "Subject copied." : "Message copied. Paste it where you write to them."),
        () => say(root, "This browser did not allow copying. Select the text and copy it yourself."));
    });
    reveal(root, "form[data-ro-composer], [data-ro-tools]");
  }, (root, s) => {
    const typing = root.roPending();
    for (const input of $$(root, "[data-ro-slot-input]")) {
      const slot = input.dataset.roSlotInput;
      const value = typeof s.slots[slot] === "string" ? s.slots[slot] : "";
      if (!(slot in typing) && input.value !== value) input.value = value;
    }
    preview(root);
  });

  // --- Network map ---

  const people = (s, cat) => (Array.isArray(s.network[cat]) ? s.network[cat] : [])
    .filter((p) => isObj(p) && typeof p.name === "string");
  const textOf = (root, sel) => (($(root, sel) || {}).textContent || "").trim();

  // RFC 4180 quoting; a would-be formula (= + - @ tab CR) gets a leading quote.
  const cell = (v) => {
    let text = String(v == null ? "" : v);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };

  component("[data-ro-netmap]", (root) => {
    const change = (cat, id, fn) => update((s) => {
      const list = people(s, cat);
      const i = list.findIndex((p) => p.id === id);
      if (i >= 0 && fn(list[i]) === false) list.splice(i, 1);
      if (list.length) s.network[cat] = list;
      else delete s.network[cat];
    });
    root.addEventListener("submit", (event) => {
      const form = event.target;
      event.preventDefault();
      const cat = form.closest("[data-ro-net-category]").dataset.roNetCategory;
      const [name, note] = ["name", "note"].map((k) => form.elements.namedItem(k).value.trim());
      form.elements.namedItem("name").focus();
      if (!name) return say(root, "Type a name first.");
      update((s) => {
        s.network[cat] = people(s, cat).concat([{ id: "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
          name, note, asked: false, talked: false }]);
      });
      form.reset();
      say(root, `Added ${name} under ${textOf(root, `#net-${cat}-title`)}.`);
    });
    root.addEventListener("change", (event) => {
      const d = event.target.dataset;
      if (d.roMark) change(d.roCategory, d.roPerson, (p) => { p[d.roMark] = event.target.checked; });
    });
    root.addEventListener("click", (event) => {
      const remove = event.target.closest("[data-ro-person-remove]");
      if (remove) {
        const d = remove.dataset;
        const name = textOf(remove.closest("li"), ".ro-netmap__name");
        change(d.roCategory, d.roPerson, () => false);
        $(root, `#net-${d.roCategory}--name`).focus();
        say(root, `Removed ${name}.`);
      } else if (event.target.closest("[data-ro-net-csv]")) {
        const s = read();
        const rows = [["Group", "Category", "Name", "Note", "Asked", "Talked to"]];
        const add = (group, cat, title) => people(s, cat).forEach((p) => rows.push([group, title, p.name, p.note,
          p.asked ? "yes" : "no", p.talked ? "yes" : "no"]));
        const here = $$(root, "[data-ro-net-category]");
        here.forEach((li) => add(textOf(li.closest("section"), ".ro-netmap__title"), li.dataset.roNetCategory,
          textOf(li, ".ro-netmap__category-title")));
        Object.keys(s.network).filter((cat) => !here.some((li) => li.dataset.roNetCategory === cat))
          .forEach((cat) => add("", cat, cat));
        // BOM: spreadsheets then read UTF-8.
        download("my-network.csv", "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n", "text/csv");
        say(root, `Downloaded my-network.csv with ${rows.length - 1} ${rows.length === 2 ? "person" : "people"}.`);
      }
    });
    reveal(root, "[data-ro-net-people], [data-ro-tools]");
  }, (root, s) => {
    for (const li of $$(root, "[data-ro-net-category]")) {
      const cat = li.dataset.roNetCategory;
      const list = $(li, "[data-ro-net-list]");
      const found = people(s, cat);
      list.hidden = !found.length;
      rebuild(list, found.map((p) => {
        const base = { "data-ro-category": cat, "data-ro-person": p.id };
        const mark = (what, label) => {
          const box = make("input", Object.assign({ type: "checkbox", "data-ro-mark": what,
            "data-ro-key": `${what}:${cat}:${p.id}`, "aria-label": `${label}: ${p.name}` }, base));
          box.checked = p[what] === true;
          return make("label", { class: "ro-netmap__mark" }, [box, " " + label]);
        };
        return make("li", { class: "ro-netmap__person" }, [
          make("span", { class: "ro-netmap__name" }, [p.name]),
          p.note ? make("span", { class: "ro-netmap__note" }, [p.note]) : null,
          mark("asked", "Asked"), mark("talked", "Talked to"),
          make("button", Object.assign({ type: "button", class: "ro-button ro-button--small", "data-ro-person-remove": "",
            "data-ro-key": `remove:${cat}:${p.id}`, "aria-label": "Remove " + p.name }, base), ["Remove"])
        ]);
      }));
    }
  });

  // --- My progress ---

  const FORMAT = "reaching-out";
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const FIELD = /^[a-z0-9]+(-[a-z0-9]+)*(--\d{1,3}--[a-z0-9]+(-[a-z0-9]+)*)?$/;
  const all = (o, test) => isObj(o) && Object.entries(o).every(([k, v]) => test(k, v));
  const opt = (v, type) => v === undefined || typeof v === type;
  const CHECKS = {
    checklists: (v) => all(v, (id, t) => SLUG.test(id) &&
      (Array.isArray(t) ? t.every((i) => SLUG.test(i)) : all(t, (i, on) => SLUG.test(i) && on === true))),
    questions: (v) => Array.isArray(v) && v.every((q) => isObj(q) && SLUG.test(q.id) && opt(q.text, "string")),
    worksheets: (v) => all(v, (id, w) => SLUG.test(id) && isObj(w) &&
      (w.values === undefined || all(w.values, (k, x) => FIELD.test(k) && (typeof x === "string" || x === true))) &&
      (w.rows === undefined || all(w.rows, (k, n) => SLUG.test(k) && Number.isInteger(n) && n >= 1 && n <= 200))),
    slots: (v) => all(v, (id, x) => SLUG.test(id) && typeof x === "string"),
    network: (v) => all(v, (id, list) => SLUG.test(id) && Array.isArray(list) && list.every((p) => isObj(p) &&
      typeof p.id === "string" && typeof p.name === "string" && opt(p.note, "string") && opt(p.asked, "boolean") &&
      opt(p.talked, "boolean")))
  };

  const problem = (file) => {
    if (!isObj(file) || file.format !== FORMAT) {
      return "it is not a progress file from this guide (it was not made by “Download everything as one file”)";
    }
    if (!Number.isInteger(file.version) || file.version < 0 || !isObj(file.data)) return "it is incomplete or damaged";
    if (file.version > VERSION) return "it comes from a newer version of the guide; reload this page and try again";
    const bad = Object.keys(CHECKS).filter((k) => file.data[k] !== undefined && !CHECKS[k](file.data[k]));
    return bad.length ? `its ${bad.join(", ")} part is damaged` : "";
  };

  const shown = (value, known) => value === true ? "Yes" : (known.options || {})[value] || String(value);

  const pairs = (list) => list.length ? [make("dl", { class: "ro-progress__answers" },
    list.flatMap(([term, value]) => [make("dt", {}, [term]), make("dd", {}, [value])]))] : [];
  const linked = (known) => known.href ? make("a", { href: known.href }, [known.title]) : known.title;

  const PARTS = {
    checklists: (s, index) => pairs(Object.entries(s.checklists).map(([id, ticks]) => {
      const known = index.checklists[id] || { title: id, items: [] };
      const done = known.items.filter(([item]) => isObj(ticks) && ticks[item] === true).map(([, text]) => text);
      return done.length && [linked(known), `${done.length} of ${known.items.length} done: ${done.join("; ")}`];
    }).filter(Boolean)),
    worksheets: (s, index, level) => Object.entries(s.worksheets).flatMap(([id, w]) => {
      const known = index.worksheets[id] || { title: id, fields: [] };
      const values = isObj(w) && isObj(w.values) ? w.values : {};
      const fieldsById = new Map(known.fields);
      const order = [...fieldsById.keys()];
      const rank = (name) => { // form order: field, row, column
        const [fid, n = 0, col] = name.split("--");
        return order.indexOf(fid) * 1e6 + n * 1e3 + ((fieldsById.get(fid) || {}).columns || []).findIndex(([c]) => c === col);
      };
      const list = pairs(Object.keys(values).sort((a, b) => rank(a) - rank(b)).map((name) => {
        const [fid, n, col] = name.split("--");
        const field = fieldsById.get(fid) || { label: fid };
        const column = col && (new Map(field.columns).get(col) || { label: col });
        return [column ? `${field.label}, row ${n}: ${column.label}` : field.label, shown(values[name], column || field)];
      }));
      return list.length ? [make("h" + Math.min(6, level + 1), {}, [linked(known)]), ...list] : [];
    }),
    slots: (s, index) => pairs(Object.entries(s.slots).filter(([, v]) => typeof v === "string" && v)
      .map(([id, v]) => [index.slots[id] || id, v])),
    network: (s, index) => pairs(Object.keys(s.network).map((cat) => {
      const found = people(s, cat).map((p) => p.name + (p.note ? " — " + p.note : "") +
        (p.asked || p.talked ? ` (${[p.asked && "asked", p.talked && "talked to"].filter(Boolean).join(", ")})` : ""));
      return found.length && [linked(index.network[cat] || { title: cat }), found.join("; ")];
    }).filter(Boolean))
  };

  component("[data-ro-my-progress]", (root) => {
    const input = $(root, "[data-ro-import]");
    try {
      root.roIndex = JSON.parse(root.dataset.roIndex);
    } catch (e) {
      root.roIndex = {};
    }
    for (const k of ["checklists", "worksheets", "slots", "network"]) root.roIndex[k] = root.roIndex[k] || {};
    $(root, "[data-ro-nojs]").hidden = true;
    reveal(root, "[data-ro-progress-body]");
    root.addEventListener("click", (event) => {
      if (event.target.closest("[data-ro-export]")) {
        const name = `reaching-out-progress-${new Date().toISOString().slice(0, 10)}.json`;
        download(name, JSON.stringify({ format: FORMAT, version: VERSION, exported: new Date().toISOString(),
          data: read() }, null, 2) + "\n", "application/json");
        say(root, `Downloaded ${name}. Keep it somewhere safe: it holds everything you wrote.`);
      } else if (event.target.closest("[data-ro-clear-all]") && confirm("Delete everything the guide saved in this " +
          "browser: ticks, questions, worksheet answers, message details and people? This cannot be undone.")) {
        replaceAll(null);
        say(root, "Everything the guide saved in this browser is deleted.");
      }
    });
    input.addEventListener("change", async () => {
      const chosen = input.files[0];
      if (!chosen) return;
      const done = (text) => {
        input.value = "";
        say(root, text);
      };
      const refuse = (why) => done(`“${chosen.name}” was not restored: ${why}. Nothing was changed.`);
      if (chosen.size > 5e6) return refuse("it is too large to be a progress file");
      let file;
      try {
        file = JSON.parse(await chosen.text());
      } catch (e) {
        return refuse("it is damaged or is not a progress file (it could not be read as JSON)");
      }
      const why = problem(file);
      if (why) return refuse(why);
      const when = Date.parse(file.exported) ? ` (saved ${new Date(file.exported).toLocaleDateString()})` : "";
      if (!confirm(`Replace everything saved in this browser with “${chosen.name}”${when}?`)) {
        return done("Nothing was changed.");
      }
      replaceAll(file.data);
      done(`Restored everything from “${chosen.name}”.`);
    });
  }, (root, s) => {
    for (const section of $$(root, "[data-ro-progress-part]")) {
      const children = PARTS[section.dataset.roProgressPart](s, root.roIndex, +root.dataset.roLevel || 2);
      $(section, "[data-ro-empty]").hidden = children.length > 0;
      rebuild($(section, "[data-ro-part-body]"), children);
    }
  });

  // --- Counselors: copy links, renamed anchors, the plan builder and a client's plan page ---

  const absolute = (href) => new URL(href, location.href).href;
  const PLAN_KEY = /^[a-z]\.[a-z0-9/_.:-]+$/;

  // A global polite region for "Link copied" from permalinks anywhere on the page.
  const announce = (text) => {
    let region = $(document, "[data-ro-announce]");
    if (!region) {
      region = make("p", { class: "ro-visually-hidden", "data-ro-announce": "", "aria-live": "polite" });
      document.body.append(region);
    }
    speak(region, text);
  };
  const copyLink = (href) => copy(absolute(href)).then(() => announce("Link copied"),
    () => announce("Copying is blocked here: the link is in the address bar"));

  // Permalinks (¶ beside headings, checklists, items, questions, worksheets) also copy their address.
  // Without scripts they stay plain links to the spot. Registered once: the document outlives navigation.
  document.addEventListener("click", (event) => {
    const a = event.target.closest && event.target.closest("a.headerlink");
    if (a) copyLink(a.getAttribute("href"));
  });

  // An anchor renamed since a link was shared: #old → #new, from the page's own map.
  const followAlias = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const map = $(document, "script[data-ro-aliases]");
    if (!id || !map || document.getElementById(id)) return;
    let aliases = {};
    try { aliases = JSON.parse(map.textContent); } catch (e) { return; }
    const target = typeof aliases[id] === "string" && document.getElementById(aliases[id]);
    if (!target) return;
    history.replaceState(history.state, "", "#" + aliases[id]);
    target.scrollIntoView();
  };
  component("script[data-ro-aliases]", followAlias, () => {});
  addEventListener("hashchange", followAlias);

  // The index of every link: search, copy, and "Add to plan" for the builder below it.
  const planned = (s) => {
    const plan = isObj(s.planner) ? s.planner : {};
    return (Array.isArray(plan.items) ? plan.items : []).filter((k) => typeof k === "string" && PLAN_KEY.test(k));
  };
  const showPlanned = (button, on) => {
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? "In the plan" : "Add to plan";
  };
  // A page's buttons are made when its group first opens: 600 rows of buttons nobody sees would slow
  // the page's start. Each button is described by its row's link, so it is announced with its title.
  let linkIds = 0;
  const linkButtons = (group) => {
    if (!group.open || group.hasAttribute("data-ro-buttons")) return;
    group.setAttribute("data-ro-buttons", "");
    const keys = planned(read());
    for (const li of $$(group, "[data-ro-link-item]")) {
      const link = $(li, "a");
      link.id = link.id || `ro-link-${++linkIds}`;
      const button = (attrs, label) => make("button", { type: "button", class: "ro-button ro-button--small",
        "aria-describedby": link.id, ...attrs }, [label]);
      li.append(" ", button({ "data-ro-copy-link": "" }, "Copy link"));
      const key = li.dataset.roPlanKey;
      if (key) {
        const add = button({ "data-ro-plan-add": key }, "");
        showPlanned(add, keys.includes(key));
        li.append(" ", add);
      }
    }
  };

  component("[data-ro-links]", (root) => {
    reveal(root, "[data-ro-links-search], [data-ro-planner]");
    const rows = $$(root, "[data-ro-link-item]").map((li) => [li, li.textContent.toLowerCase()]);
    const pages = $$(root, "[data-ro-links-page]");
    for (const page of pages) {
      page.addEventListener("toggle", () => linkButtons(page));
      linkButtons(page);
    }
    const input = $(root, "#ro-links-text");
    const count = $(root, "[data-ro-links-count]");
    const search = $(root, "[data-ro-links-search]");
    search.addEventListener("submit", (event) => event.preventDefault());
    input.addEventListener("input", () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const [li, text] of rows) {
        li.hidden = !words.every((w) => text.includes(w));
        shown += li.hidden ? 0 : 1;
      }
      for (const page of pages) {
        const any = $$(page, "[data-ro-link-item]").some((li) => !li.hidden);
        page.hidden = !any;
        page.open = words.length > 0 && any;
      }
      count.textContent = words.length ? `${shown} ${shown === 1 ? "link matches" : "links match"}` : "";
    });
    const planner = $(root, "[data-ro-planner]");
    root.addEventListener("click", (event) => {
      const copyButton = event.target.closest("[data-ro-copy-link]");
      if (copyButton) {
        copy(absolute($(copyButton.closest("li"), "a").getAttribute("href")))
          .then(() => say(root, "Link copied"), () => say(root, "Copying is blocked here: open the link and copy it"));
      }
      const add = event.target.closest("[data-ro-plan-add]");
      if (add) {
        const key = add.dataset.roPlanAdd;
        update((s) => {
          const plan = s.planner = isObj(s.planner) ? s.planner : {};
          const keys = plan.items = Array.isArray(plan.items) ? plan.items.filter((k) => typeof k === "string") : [];
          const i = keys.indexOf(key);
          if (i < 0) keys.push(key); else keys.splice(i, 1);
        });
        say(root, `${add.getAttribute("aria-pressed") === "true" ? "Added to" : "Removed from"} the plan`);
      }
      const move = event.target.closest("[data-ro-plan-move]");
      if (move) {
        const key = move.closest("li").dataset.roKey;
        const step = Number(move.dataset.roPlanMove);
        update((s) => {
          const keys = s.planner.items;
          const i = keys.indexOf(key);
          if (step === 0) keys.splice(i, 1);
          else if (keys[i + step] !== undefined) [keys[i], keys[i + step]] = [keys[i + step], keys[i]];
        });
      }
      if (event.target.closest("[data-ro-planner-copy]")) {
        copy($(planner, "[data-ro-planner-url]").value)
          .then(() => say(root, "Plan link copied"), () => say(root, "Copying is blocked here: select the link and copy it"));
      }
      if (event.target.closest("[data-ro-planner-clear]") && confirm("Start a new plan? The items and note will be cleared.")) {
        update((s) => { delete s.planner; });
      }
    });
    if (planner) {
      $(planner, "[data-ro-planner-note]").addEventListener("input", (event) => {
        update((s) => {
          s.planner = isObj(s.planner) ? s.planner : {};
          s.planner.note = event.target.value.slice(0, 500);
        });
      });
    }
  }, (root, s) => {
    const plan = isObj(s.planner) ? s.planner : {};
    const keys = planned(s);
    for (const button of $$(root, "[data-ro-plan-add]")) showPlanned(button, keys.includes(button.dataset.roPlanAdd));
    const planner = $(root, "[data-ro-planner]");
    if (!planner) return;
    const note = typeof plan.note === "string" ? plan.note : "";
    const field = $(planner, "[data-ro-planner-note]");
    if (document.activeElement !== field) field.value = note;
    $(planner, "[data-ro-planner-empty]").hidden = keys.length > 0;
    rebuild($(planner, "[data-ro-planner-items]"), keys.map((key, i) => {
      const row = $(root, `[data-ro-plan-key="${CSS.escape(key)}"] .ro-links__link`);
      const title = row ? row.textContent.trim() : key;
      const button = (label, step, hint) => make("button", { type: "button", class: "ro-button ro-button--small",
        "data-ro-plan-move": String(step), "data-ro-key": `${key}:${step}`, "aria-label": `${hint}: ${title}` }, [label]);
      return make("li", { "data-ro-key": key }, [make("span", {}, [title]), " ",
        i > 0 ? button("Up", -1, "Move up") : null, i < keys.length - 1 ? button("Down", 1, "Move down") : null,
        button("Remove", 0, "Remove")]);
    }));
    const fragment = `#i=${keys.join(",")}${note ? "&n=" + encodeURIComponent(note) : ""}&v=1`;
    const url = absolute(planner.dataset.roPlanHref) + fragment;
    $(planner, "[data-ro-planner-url]").value = keys.length ? url : "";
    const open = $(planner, "[data-ro-planner-open]");
    open.href = url;
    open.toggleAttribute("aria-disabled", !keys.length);
  });

  // A client's plan page: the plan is in the link (#i=KEYS&n=NOTE&v=1). The catalogue of every item a
  // plan can name (items.json, HTML rendered by the build) comes from this site; only the chosen items,
  // in order, go on the page. Anything unknown is "no longer available". The request names no item.
  const catalogues = {};
  const catalogue = (href) => catalogues[href] || (catalogues[href] = fetch(href)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))
    .then((data) => (isObj(data) && data.version === 1 && isObj(data.items) ? data.items : Promise.reject()))
    .catch((error) => { delete catalogues[href]; throw error; }));

  const planItem = (key, item) => {
    const li = make("li", { class: `ro-plan__item ro-plan__item--${item.kind}`, "data-ro-plan-key": key });
    const html = document.createElement("template");
    html.innerHTML = item.html; // built by the guide's templates, escaped there, from this site
    li.append(html.content);
    return li;
  };

  const showPlan = (root) => {
    const message = $(root, "[data-ro-plan-message]");
    const list = $(root, "[data-ro-plan-items]");
    const note = $(root, "[data-ro-plan-note]");
    list.replaceChildren();
    note.hidden = true;
    const hash = location.hash.slice(1);
    if (!hash) {
      message.textContent = "This page shows a plan your counselor made for you. Open the plan link they sent you.";
      return;
    }
    let params;
    try { params = new URLSearchParams(hash); } catch (e) { params = new URLSearchParams(); }
    const keys = [...new Set((params.get("i") || "").split(",").filter(Boolean))];
    if (params.get("v") !== "1" || !keys.length || !keys.every((k) => PLAN_KEY.test(k))) {
      message.textContent = "This plan link is damaged or cut off, so it cannot be shown. Ask your counselor to send it again, or copy the whole link into the address bar.";
      return;
    }
    const text = (params.get("n") || "").slice(0, 500);
    if (text) {
      $(root, "[data-ro-plan-note-text]").textContent = text; // plain text, never markup
      note.hidden = false;
    }
    message.textContent = "Loading your plan…";
    const current = () => location.hash.slice(1) === hash && root.isConnected; // no other plan opened since
    const href = root.dataset.roPlanItemsHref;
    (href ? catalogue(href) : Promise.reject()).then((items) => {
      if (!current()) return;
      const missing = $(root, "template[data-ro-plan-missing]");
      const found = keys.filter((key) => isObj(items[key]) && typeof items[key].html === "string");
      list.replaceChildren(...keys.map((key) => found.includes(key) ? planItem(key, items[key])
        : missing.content.firstElementChild.cloneNode(true)));
      init(); // start the checklists and questions just added
      const gone = keys.length - found.length;
      message.textContent = `Your plan has ${found.length} ${found.length === 1 ? "step" : "steps"}` +
        (gone ? `, and ${gone} ${gone === 1 ? "item is" : "items are"} no longer available.` : ".");
    }, () => {
      if (current()) message.textContent = "Your plan could not be loaded. Check your connection, then reload the page.";
    });
  };
  component("[data-ro-plan]", (root) => {
    addEventListener("hashchange", () => { if (root.isConnected) showPlan(root); });
    showPlan(root);
  }, () => {});

  // For other scripts of the guide: register a component, read and change the state, shared helpers.
  window.ReachingOut = { KEY, VERSION, component, read, update, migrate, make, say, copy, download };
  document.documentElement.classList.add("ro-js");
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) refresh();
  });
  const boot = () => {
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
    else init();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
