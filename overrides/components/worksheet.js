// Worksheets: answers saved as you type, by control name; rows added and removed; print with or without answers.
(() => {
  "use strict";
  const { component, update, make, say, print, reveal, title, isObj, $, $$ } = window.ReachingOut;

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

  // Rows are numbered 1..n. Their names, ids and labels are the build's (overrides/partials/worksheet.html):
  // beside each table it renders one row as a <template>, with a slot (data-ro-row-slot) where the number
  // goes, so a row added or renumbered here gets exactly the names the build would give row n.
  const model = (table) => $(table.parentNode, "template[data-ro-row-template]");
  const number = (row, table, n) => {
    const template = model(table);
    const slot = template.dataset.roRowSlot;
    const from = template.content.firstElementChild;
    const made = [from, ...$$(from, "*")];
    const here = [row, ...$$(row, "*")]; // the same elements in the same order, then the Remove cell
    made.forEach((el, i) => {
      for (const { name, value } of el.attributes) {
        if (value.includes(slot)) here[i].setAttribute(name, value.split(slot).join(n));
      }
      if (!el.children.length && el.textContent.includes(slot)) here[i].textContent = el.textContent.split(slot).join(n);
    });
    const remove = $(row, "[data-ro-row-remove]");
    remove.dataset.roKey = `row:${table.dataset.roRows}:${n}`;
    remove.setAttribute("aria-label", "Remove row " + n);
  };

  const removable = (row) => row.append(make("td", { class: "ro-rows__remove" }, [make("button", { type: "button",
    class: "ro-button", "data-ro-row-remove": "" }, ["Remove"])]));

  const setRows = (table, count) => {
    const rows = rowsOf(table);
    while (rows.length > Math.max(count, 1)) rows.pop().remove();
    while (rows.length < count) {
      const row = model(table).content.firstElementChild.cloneNode(true);
      removable(row);
      number(row, table, rows.push(row));
      table.tBodies[0].append(row);
    }
  };

  const registered = component("worksheet", "form[data-ro-worksheet]", (form) => {
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
        removable(row);
        number(row, table, i + 1);
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
        rows.forEach((r, i) => number(r, table, i + 1));
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

  if (registered) addEventListener("pagehide", () => $$(document, "form[data-ro-worksheet][data-ro-ready]").forEach((f) => f.roFlush()));
})();
