// Worksheets: answers saved as you type, by control name; rows added and removed; print with or without answers;
// a row's next-step date suggested and added to the reader's calendar.
(() => {
  "use strict";
  const { component, update, make, tell, words, print, reveal, title, download, isObj, $, $$ } = window.ReachingOut;

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
    remove.setAttribute("aria-label", words(table.closest("form"), "RemoveRow", { n }));
    reveal(row, "[data-ro-remind]");
  };

  // --- Calendar reminders: an .ics file (RFC 5545) made here; nothing leaves the device ---

  const bare = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim().replace(/\s+/g, " ");
  const hash = (s) => { // FNV-1a
    let h = 2166136261;
    for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
    return (h >>> 0).toString(36);
  };
  const esc = (s) => s.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
  // Lines end CRLF and fold at 75 octets, never inside a character.
  const enc = new TextEncoder();
  const fold = (line) => {
    let out = "", size = 0;
    for (const ch of line) {
      const n = enc.encode(ch).length;
      if ((size += n) > 75) {
        out += "\r\n ";
        size = n + 1;
      }
      out += ch;
    }
    return out + "\r\n";
  };
  const day = (iso, months, days = 0) => {
    const [y, m, d] = iso.split("-");
    return new Date(Date.UTC(y, m - 1 + months, +d + days)).toISOString().slice(0, 10);
  };
  const labelOf = (c) => $(c.closest("td"), "label").firstChild.textContent;

  // The UID comes from the worksheet, field and column ids and the row's name (its first text column), never
  // the row's number: downloading again after a change updates the same event.
  const remind = (form, table, row, col) => {
    const cells = $$(row, "input[name], select");
    const date = cells.find((c) => c.name.endsWith("--" + col));
    const key = cells.find((c) => c.type === "text");
    const who = key.value.trim();
    if (!who || !date.value) {
      return tell(form, "Fill", { n: row.dataset.roRow, list: [!who && labelOf(key),
        !date.value && labelOf(date)].filter(Boolean).join(words(form, "And")) });
    }
    const summary = words(form, key.name.endsWith("--name") ? "With" : "Step", { who });
    const about = cells.filter((c) => c !== key && c !== date && c.type !== "checkbox" && c.value.trim())
      .map((c) => `${labelOf(c)}: ${c.value.trim()}`).concat(words(form, "From", { title: title(form).trim() }));
    const slug = bare(who).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const file = `follow-up${slug && "-" + slug}.ics`;
    download(file, ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Reaching Out//Follow-up reminder//EN",
      "METHOD:PUBLISH", "BEGIN:VEVENT", // (CALSCALE: GREGORIAN when left out, RFC 5545 3.7.1)
      `UID:ws-${form.dataset.roWorksheet}--${table.dataset.roRows}--${col}--${hash(bare(who))}@reaching-out`,
      "DTSTAMP:" + new Date().toISOString().replace(/[-:]|\.\d+/g, ""), "SEQUENCE:" + Math.floor(Date.now() / 6e4),
      "DTSTART;VALUE=DATE:" + date.value.replace(/-/g, ""), "DTEND;VALUE=DATE:" + day(date.value, 0, 1).replace(/-/g, ""),
      "SUMMARY:" + esc(summary), "DESCRIPTION:" + esc(about.join("\n")),
      "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + esc(summary), "TRIGGER:PT9H", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR"].map(fold).join(""), "text/calendar");
    tell(form, "Ics", { file });
  };

  const removable = (row, table) => row.append(make("td", { class: "ro-rows__remove" }, [make("button", { type: "button",
    class: "ro-button", "data-ro-row-remove": "" }, [words(table.closest("form"), "Remove")])]));

  const setRows = (table, count) => {
    const rows = rowsOf(table);
    while (rows.length > Math.max(count, 1)) rows.pop().remove();
    while (rows.length < count) {
      const row = model(table).content.firstElementChild.cloneNode(true);
      removable(row, table);
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

    // A next date filled in from the row's date it follows (the guide's default), while the reader has not
    // written one. Years before 1900 are a year still being typed.
    const suggest = (c) => {
      const row = c.closest("tr");
      for (const t of row && c.value > "1900" ? $$(row, "[data-ro-after]") : []) {
        if (!c.name.endsWith("--" + t.dataset.roAfter) || t.value && t.value !== t.roSuggested) continue;
        t.value = t.roSuggested = day(c.value, +t.dataset.roMonths);
        pending[t.name] = t.value;
        tell(form, "Suggested", { label: labelOf(t), n: row.dataset.roRow, months: t.dataset.roMonths });
      }
    };
    const note = (event) => {
      const c = event.target;
      fit(c);
      const value = c.name ? valueOf(c) : undefined;
      if (value === undefined) return;
      pending[c.name] = value;
      if (event.type === "change") suggest(c);
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
        [words(form, "Remove")])]));
      rowsOf(table).forEach((row, i) => {
        removable(row, table);
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
        tell(form, "Added", { n: rows.length + 1 });
      } else if (button.hasAttribute("data-ro-row-remove")) {
        if (rows.length < 2) return tell(form, "Keep");
        const row = button.closest("tr");
        const at = rows.indexOf(row);
        flush();
        row.remove();
        rows.splice(at, 1);
        rows.forEach((r, i) => number(r, table, i + 1));
        save(table);
        $(rows[Math.min(at, rows.length - 1)], "[data-ro-row-remove]").focus();
        tell(form, "Removed", { n: at + 1 });
      } else if (button.dataset.roRemind) {
        remind(form, table, button.closest("tr"), button.dataset.roRemind);
      } else if (action === "clear") {
        if (!confirm(words(form, "Clear", { title: title(form).trim() }))) return;
        pending = {};
        clearTimeout(timer);
        update((s) => { delete s.worksheets[id]; });
        tell(form, "Cleared");
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
