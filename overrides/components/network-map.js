// The network map: people added under each category, marked asked or talked to, edited in place (name, note,
// category; the person keeps their id, so their key and ticks), removed with an Undo until the next removal or
// until the page is left; a CSV download. Accessibility: every control is labelled; Edit opens a form in the
// row with focus on its name, Enter saves, Escape or Cancel closes it, and focus goes back to Edit; what each
// button did is said in the map's polite live region. Print: the buttons, the forms (Add, Edit) and the Undo
// notice do not print (network-map.css, print.css), the names and notes do.
(() => {
  "use strict";
  const { component, read, update, make, tell, words, download, reveal, rebuild, people, $, $$ } = window.ReachingOut;

  const textOf = (root, sel) => (($(root, sel) || {}).textContent || "").trim();
  const put = (s, cat, list) => { if (list.length) s.network[cat] = list; else delete s.network[cat]; };
  const focusKey = (root, key) => { const el = $(root, `[data-ro-key="${CSS.escape(key)}"]`); if (el) el.focus(); };

  // RFC 4180 quoting; a would-be formula (= + - @ tab CR) gets a leading quote.
  const cell = (v) => {
    let text = String(v == null ? "" : v);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };

  // The row being edited (root.roEdit: [category, id]) and the last removal (root.roUndo) live on the map's
  // element: a new page is a new element, so an Undo does not outlive the page.
  const draw = (root, s) => {
    const cats = $$(root, "[data-ro-net-category]");
    const u = root.roUndo;
    for (const li of cats) {
      const cat = li.dataset.roNetCategory;
      const list = $(li, "[data-ro-net-list]");
      const found = people(s, cat);
      const undo = $(li, "[data-ro-net-undo]");
      rebuild(undo, u && u.cat === cat ? [words(root, "Removed", { name: u.p.name }) + " ", make("button", { type: "button",
        class: "ro-button", "data-ro-undo": "" }, [words(root, "Undo")])] : []);
      list.hidden = !found.length;
      const open = $(list, "[data-ro-net-edit]");
      rebuild(list, found.map((p) => {
        const base = { "data-ro-category": cat, "data-ro-person": p.id };
        const button = (what, label) => make("button", Object.assign({ type: "button", class: "ro-button",
          ["data-ro-person-" + what]: "", "data-ro-key": `${what}:${cat}:${p.id}`, "aria-label": `${label} ${p.name}` },
        base), [label]);
        if (root.roEdit && root.roEdit[0] === cat && root.roEdit[1] === p.id) {
          if (open && open.dataset.roPerson === p.id) return open.parentNode; // a redraw keeps what is being typed
          const form = $(root, "[data-ro-net-form]").content.firstElementChild.cloneNode(true), f = form.elements;
          Object.assign(form.dataset, { roCategory: cat, roPerson: p.id });
          form.setAttribute("aria-label", words(root, "Edit") + " " + p.name);
          [f.name.value, f.note.value, f.cat.value] = [p.name, p.note || "", cat];
          return make("li", { class: "ro-network-map__person" }, [form]);
        }
        const mark = (what, label) => {
          const box = make("input", Object.assign({ type: "checkbox", "data-ro-mark": what,
            "data-ro-key": `${what}:${cat}:${p.id}`, "aria-label": `${label}: ${p.name}` }, base));
          box.checked = p[what] === true;
          return make("label", { class: "ro-network-map__mark" }, [box, " " + label]);
        };
        return make("li", { class: "ro-network-map__person" }, [
          make("span", { class: "ro-network-map__name" }, [p.name]),
          p.note ? make("span", { class: "ro-network-map__note" }, [p.note]) : null,
          mark("asked", words(root, "Asked")), mark("talked", words(root, "Talked")), button("edit", words(root, "Edit")),
          button("remove", words(root, "Remove"))
        ]);
      }));
    }
  };

  component("network-map", "[data-ro-netmap]", (root) => {
    const change = (cat, id, fn) => update((s) => {
      const list = people(s, cat);
      const i = list.findIndex((p) => p.id === id);
      if (i >= 0) fn(list[i], list, i, s);
      put(s, cat, list);
    });
    // Close the Edit form (after `fn` saved it, if given) and go back to the person's Edit button.
    const close = (form, fn) => {
      const [cat, id] = root.roEdit;
      root.roEdit = null;
      if (fn) change(cat, id, fn);
      else draw(root, read());
      focusKey(root, `edit:${fn ? form.elements.cat.value : cat}:${id}`);
    };
    root.addEventListener("submit", (event) => {
      const form = event.target;
      event.preventDefault();
      const cat = form.closest("[data-ro-net-category]").dataset.roNetCategory;
      const [name, note] = ["name", "note"].map((k) => form.elements[k].value.trim());
      form.elements.name.focus();
      if (!name) return tell(root, "Name");
      if (form.hasAttribute("data-ro-net-edit")) {
        const to = form.elements.cat.value;
        close(form, (p, list, i, s) => {
          Object.assign(p, { name, note });
          if (to !== cat) put(s, to, people(s, to).concat(list.splice(i, 1)));
        });
        return tell(root, "Saved", { name });
      }
      update((s) => {
        s.network[cat] = people(s, cat).concat([{ id: "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
          name, note, asked: false, talked: false }]);
      });
      form.reset();
      tell(root, "Added", { name, cat: textOf(root, `#net-${cat}-title`) });
    });
    root.addEventListener("keydown", (event) => {
      const form = event.target.closest("[data-ro-net-edit]");
      const key = form && event.key;
      if (key === "Escape") close(form);
      else if (key === "Enter" && event.target.tagName === "SELECT") form.requestSubmit();
      else return;
      event.preventDefault();
    });
    root.addEventListener("change", (event) => {
      const d = event.target.dataset;
      if (d.roMark) change(d.roCategory, d.roPerson, (p) => { p[d.roMark] = event.target.checked; });
    });
    root.addEventListener("click", (event) => {
      const t = event.target;
      const remove = t.closest("[data-ro-person-remove]");
      const d = (t.closest("[data-ro-person-edit]") || {}).dataset;
      if (d) {
        root.roEdit = [d.roCategory, d.roPerson];
        draw(root, read());
        focusKey(root, "edit-name");
      } else if (t.closest("[data-ro-net-cancel]")) close(t.form);
      else if (t.closest("[data-ro-undo]")) {
        const u = root.roUndo;
        root.roUndo = null;
        update((s) => {
          const list = people(s, u.cat);
          list.splice(u.i, 0, u.p);
          put(s, u.cat, list);
        });
        focusKey(root, `edit:${u.cat}:${u.p.id}`);
        tell(root, "Restored", { name: u.p.name });
      } else if (remove) {
        const { roCategory: cat, roPerson: id } = remove.dataset;
        change(cat, id, (p, list, i) => { root.roUndo = { cat, i, p: list.splice(i, 1)[0] }; });
        $(root, `#net-${cat}--name`).focus();
        tell(root, "Removed", { name: textOf(remove.closest("li"), ".ro-network-map__name") });
      } else if (t.closest("[data-ro-net-csv]")) {
        const s = read();
        const [yes, no] = words(root, "YesNo").split("|"), rows = [words(root, "Head").split("|")];
        const add = (group, cat, title) => people(s, cat).forEach((p) => rows.push([group, title, p.name, p.note,
          p.asked ? yes : no, p.talked ? yes : no]));
        const here = $$(root, "[data-ro-net-category]");
        here.forEach((li) => add(textOf(li.closest("section"), ".ro-network-map__title"), li.dataset.roNetCategory,
          textOf(li, ".ro-network-map__category-title")));
        Object.keys(s.network).filter((cat) => !here.some((li) => li.dataset.roNetCategory === cat))
          .forEach((cat) => add("", cat, cat));
        // BOM: spreadsheets then read UTF-8.
        download("my-network.csv", "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n", "text/csv");
        tell(root, rows.length === 2 ? "Csv" : "CsvMany", { n: rows.length - 1 });
      }
    });
    reveal(root, "[data-ro-net-people], [data-ro-tools]");
  }, draw);
})();
