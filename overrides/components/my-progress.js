// My progress: everything saved, shown by the guide's titles; export to and import from one JSON file.
(() => {
  "use strict";
  const { VERSION, SCRIPT, component, read, merge, make, say, tell, words, download, reveal, rebuild, replaceAll, people, isObj, $, $$ } = window.ReachingOut;

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
      opt(p.talked, "boolean"))),
    changed: (v) => all(v, (k, t) => Number.isInteger(t)) // when each item last changed (see core.js)
  };

  // What is wrong with a file, as the name of a sentence in the partial (and the damaged parts), or "".
  const problem = (file) => {
    if (!isObj(file) || file.format !== FORMAT) return ["Foreign"];
    if (!Number.isInteger(file.version) || file.version < 0 || !isObj(file.data)) return ["Incomplete"];
    if (file.version > VERSION) return ["Newer"];
    const bad = Object.keys(CHECKS).filter((k) => file.data[k] !== undefined && !CHECKS[k](file.data[k]));
    return bad.length ? ["Damaged", bad.join(", ")] : "";
  };

  const shown = (value, known) => value === true ? words(SCRIPT, "Yes") : (known.options || {})[value] || String(value);

  const pairs = (list) => list.length ? [make("dl", { class: "ro-my-progress__answers" },
    list.flatMap(([term, value]) => [make("dt", {}, [term]), make("dd", {}, [value])]))] : [];
  const linked = (known) => known.href ? make("a", { href: known.href }, [known.title]) : known.title;

  const PARTS = {
    checklists: (s, index) => pairs(Object.entries(s.checklists).map(([id, ticks]) => {
      const known = index.checklists[id] || { title: id, items: [] };
      const done = known.items.filter(([item]) => isObj(ticks) && ticks[item] === true).map(([, text]) => text);
      return done.length && [linked(known), words(index.root, "Done", { n: done.length, of: known.items.length,
        list: done.join("; ") })];
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
        return [column ? words(index.root, "Cell", { field: field.label, n, column: column.label }) : field.label, shown(values[name], column || field)];
      }));
      return list.length ? [make("h" + Math.min(6, level + 1), {}, [linked(known)]), ...list] : [];
    }),
    slots: (s, index) => pairs(Object.entries(s.slots).filter(([, v]) => typeof v === "string" && v)
      .map(([id, v]) => [index.slots[id] || id, v])),
    network: (s, index) => pairs(Object.keys(s.network).map((cat) => {
      const found = people(s, cat).map((p) => p.name + (p.note ? " — " + p.note : "") +
        (p.asked || p.talked ? ` (${[p.asked && words(index.root, "Asked"), p.talked && words(index.root, "Talked")]
          .filter(Boolean).join(", ")})` : ""));
      return found.length && [linked(index.network[cat] || { title: cat }), found.join("; ")];
    }).filter(Boolean))
  };

  component("my-progress", "[data-ro-my-progress]", (root) => {
    const input = $(root, "[data-ro-import]");
    try {
      root.roIndex = JSON.parse(root.dataset.roIndex);
    } catch (e) {
      root.roIndex = {};
    }
    for (const k of ["checklists", "worksheets", "slots", "network", "words"]) root.roIndex[k] = root.roIndex[k] || {};
    root.roIndex.root = root; // the partial's sentences, for PARTS
    $(root, "[data-ro-nojs]").hidden = true;
    reveal(root, "[data-ro-progress-body]");
    root.addEventListener("click", (event) => {
      if (event.target.closest("[data-ro-export]")) {
        const name = `reaching-out-progress-${new Date().toISOString().slice(0, 10)}.json`;
        download(name, JSON.stringify({ format: FORMAT, version: VERSION, exported: new Date().toISOString(),
          data: read() }, null, 2) + "\n", "application/json");
        tell(root, "Downloaded", { file: name });
      } else if (event.target.closest("[data-ro-clear-all]") && confirm(words(root, "Delete"))) {
        replaceAll(null);
        tell(root, "Deleted");
      }
    });
    input.addEventListener("change", async () => {
      const chosen = input.files[0];
      if (!chosen) return;
      const done = (text) => {
        input.value = "";
        say(root, text);
      };
      const file = chosen.name;
      const refuse = (why, parts) => done(words(root, "Refused", { file, why: words(root, why, { parts }) }));
      if (chosen.size > 5e6) return refuse("Large");
      let got;
      try {
        got = JSON.parse(await chosen.text());
      } catch (e) {
        return refuse("Json");
      }
      const why = problem(got);
      if (why) return refuse(...why);
      if (!$(root, "[data-ro-replace]").checked) {
        // "2 ticks added, 1 person added, 3 answers updated", from merge()'s counts.
        const counts = Object.entries(merge(got.data)), w = root.roIndex.words;
        const list = counts.map(([k, n]) => {
          const [part, verb] = k.split(" ");
          return ((w[part] || w[""] || {})[verb] || [k, k])[+(n > 1)].replace("{n}", n);
        }).join(", ");
        return done(list ? words(root, "Merged", { file, list: list + (/removed/.test(counts) ? "" : words(root, "Kept")) })
          : words(root, "Same", { file }));
      }
      const date = Date.parse(got.exported) && new Date(got.exported).toLocaleDateString(document.documentElement.lang);
      if (!confirm(words(root, "Replace", { file, when: date ? words(root, "When", { date }) : "" }))) {
        return done(words(root, "Unchanged"));
      }
      replaceAll(got.data);
      done(words(root, "Restored", { file }));
    });
  }, (root, s) => {
    for (const section of $$(root, "[data-ro-progress-part]")) {
      const children = PARTS[section.dataset.roProgressPart](s, root.roIndex, +root.dataset.roLevel || 2);
      $(section, "[data-ro-empty]").hidden = children.length > 0;
      rebuild($(section, "[data-ro-part-body]"), children);
    }
  });
})();
