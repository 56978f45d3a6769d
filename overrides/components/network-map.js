// The network map: people added under each category, marked asked or talked to; a CSV download.
(() => {
  "use strict";
  const { component, read, update, make, say, download, reveal, rebuild, people, $, $$ } = window.ReachingOut;

  const textOf = (root, sel) => (($(root, sel) || {}).textContent || "").trim();

  // RFC 4180 quoting; a would-be formula (= + - @ tab CR) gets a leading quote.
  const cell = (v) => {
    let text = String(v == null ? "" : v);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };

  component("network-map", "[data-ro-netmap]", (root) => {
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
        const name = textOf(remove.closest("li"), ".ro-network-map__name");
        change(d.roCategory, d.roPerson, () => false);
        $(root, `#net-${d.roCategory}--name`).focus();
        say(root, `Removed ${name}.`);
      } else if (event.target.closest("[data-ro-net-csv]")) {
        const s = read();
        const rows = [["Group", "Category", "Name", "Note", "Asked", "Talked to"]];
        const add = (group, cat, title) => people(s, cat).forEach((p) => rows.push([group, title, p.name, p.note,
          p.asked ? "yes" : "no", p.talked ? "yes" : "no"]));
        const here = $$(root, "[data-ro-net-category]");
        here.forEach((li) => add(textOf(li.closest("section"), ".ro-network-map__title"), li.dataset.roNetCategory,
          textOf(li, ".ro-network-map__category-title")));
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
          return make("label", { class: "ro-network-map__mark" }, [box, " " + label]);
        };
        return make("li", { class: "ro-network-map__person" }, [
          make("span", { class: "ro-network-map__name" }, [p.name]),
          p.note ? make("span", { class: "ro-network-map__note" }, [p.note]) : null,
          mark("asked", "Asked"), mark("talked", "Talked to"),
          make("button", Object.assign({ type: "button", class: "ro-button", "data-ro-person-remove": "",
            "data-ro-key": `remove:${cat}:${p.id}`, "aria-label": "Remove " + p.name }, base), ["Remove"])
        ]);
      }));
    }
  });
})();
