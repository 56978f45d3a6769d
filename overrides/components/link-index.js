// The index of every link (for counselors): search, copy a link, and the plan builder below it.
(() => {
  "use strict";
  const { component, read, update, make, tell, words, copy, reveal, rebuild, absolute, PLAN_KEY, isObj, $, $$ } = window.ReachingOut;

  // The index of every link: search, copy, and "Add to plan" for the builder below it.
  const planned = (s) => {
    const plan = isObj(s.planner) ? s.planner : {};
    return (Array.isArray(plan.items) ? plan.items : []).filter((k) => typeof k === "string" && PLAN_KEY.test(k));
  };
  const showPlanned = (root, button, on) => {
    button.setAttribute("aria-pressed", String(on));
    button.textContent = words(root, on ? "Planned" : "Add");
  };
  // A page's buttons are made when its group first opens: 600 rows of buttons nobody sees would slow
  // the page's start. Each button is described by its row's link, so it is announced with its title.
  let linkIds = 0;
  const linkButtons = (group) => {
    if (!group.open || group.hasAttribute("data-ro-buttons")) return;
    group.setAttribute("data-ro-buttons", "");
    const keys = planned(read()), root = group.closest("[data-ro-links]");
    for (const li of $$(group, "[data-ro-link-item]")) {
      const link = $(li, "a");
      link.id = link.id || `ro-link-${++linkIds}`;
      const button = (attrs, label) => make("button", { type: "button", class: "ro-button",
        "aria-describedby": link.id, ...attrs }, [label]);
      const actions = make("span", { class: "ro-link-index__actions" }, [button({ "data-ro-copy-link": "" }, words(root, "Copy"))]);
      const key = li.dataset.roPlanKey;
      if (key) {
        const add = button({ "data-ro-plan-add": key }, "");
        showPlanned(root, add, keys.includes(key));
        actions.append(" ", add);
      }
      li.append(" ", actions);
    }
  };

  component("link-index", "[data-ro-links]", (root) => {
    reveal(root, "[data-ro-links-search], [data-ro-planner]");
    const rows = $$(root, "[data-ro-link-item]").map((li) => [li, li.textContent.toLowerCase()]);
    const pages = $$(root, "[data-ro-links-page]");
    for (const page of pages) {
      page.addEventListener("toggle", () => linkButtons(page));
      linkButtons(page);
    }
    const input = $(root, "#ro-link-index-text");
    const count = $(root, "[data-ro-links-count]");
    const search = $(root, "[data-ro-links-search]");
    search.addEventListener("submit", (event) => event.preventDefault());
    input.addEventListener("input", () => {
      const terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const [li, text] of rows) {
        li.hidden = !terms.every((w) => text.includes(w));
        shown += li.hidden ? 0 : 1;
      }
      for (const page of pages) {
        const any = $$(page, "[data-ro-link-item]").some((li) => !li.hidden);
        page.hidden = !any;
        page.open = terms.length > 0 && any;
      }
      count.textContent = terms.length ? words(root, shown === 1 ? "Match" : "Matches", { n: shown }) : "";
    });
    const planner = $(root, "[data-ro-planner]");
    root.addEventListener("click", (event) => {
      const copyButton = event.target.closest("[data-ro-copy-link]");
      if (copyButton) {
        copy(absolute($(copyButton.closest("li"), "a").getAttribute("href")))
          .then(() => tell(root, "Copied"), () => tell(root, "Blocked"));
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
        tell(root, add.getAttribute("aria-pressed") === "true" ? "In" : "Out");
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
          .then(() => tell(root, "PlanCopied"), () => tell(root, "PlanBlocked"));
      }
      if (event.target.closest("[data-ro-planner-clear]") && confirm(words(root, "New"))) {
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
    for (const button of $$(root, "[data-ro-plan-add]")) showPlanned(root, button, keys.includes(button.dataset.roPlanAdd));
    const planner = $(root, "[data-ro-planner]");
    if (!planner) return;
    const note = typeof plan.note === "string" ? plan.note : "";
    const field = $(planner, "[data-ro-planner-note]");
    if (document.activeElement !== field) field.value = note;
    $(planner, "[data-ro-planner-empty]").hidden = keys.length > 0;
    rebuild($(planner, "[data-ro-planner-items]"), keys.map((key, i) => {
      const row = $(root, `[data-ro-plan-key="${CSS.escape(key)}"] .ro-link-index__link`);
      const title = row ? row.textContent.trim() : key;
      const button = (label, step, hint) => make("button", { type: "button", class: "ro-button",
        "data-ro-plan-move": String(step), "data-ro-key": `${key}:${step}`, "aria-label": `${hint}: ${title}` }, [label]);
      return make("li", { "data-ro-key": key }, [make("span", {}, [title]), " ",
        i > 0 ? button(words(root, "Up"), -1, words(root, "MoveUp")) : null,
        i < keys.length - 1 ? button(words(root, "Down"), 1, words(root, "MoveDown")) : null,
        button(words(root, "Remove"), 0, words(root, "Remove"))]);
    }));
    const fragment = `#i=${keys.join(",")}${note ? "&n=" + encodeURIComponent(note) : ""}&v=1`;
    const url = absolute(planner.dataset.roPlanHref) + fragment;
    $(planner, "[data-ro-planner-url]").value = keys.length ? url : "";
    for (const open of $$(root, "[data-ro-planner-open]")) {
      open.href = url;
      open.toggleAttribute("aria-disabled", !keys.length);
    }
    const bar = $(root, "[data-ro-planner-bar]");
    bar.hidden = !keys.length;
    $(bar, "[data-ro-planner-count]").textContent = words(root, keys.length === 1 ? "Item" : "Items", { n: keys.length });
  });
})();
