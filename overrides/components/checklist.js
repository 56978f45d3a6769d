// Checklists: checked items saved by checklist and item id; the counter and "Uncheck all" come with the script.
(() => {
  "use strict";
  const { component, update, reveal, title, words, isObj, $, $$ } = window.ReachingOut;

  component("checklist", "[data-ro-checklist]", (root) => {
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
      if (event.target.closest("[data-ro-reset]") && confirm(words(root, "Uncheck", { title: title(root).trim() }))) {
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
})();
