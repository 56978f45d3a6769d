// The question bank and short question lists: picking ("Add to my questions"), filters kept in the
// URL, and My questions (order, remove, copy, print, download). Picks are saved by question id.
(() => {
  "use strict";
  const { component, read, update, make, tell, words, copy, download, print, rebuild, isObj, $, $$ } = window.ReachingOut;

  const qText = (li) => ($(li, ".ro-question__text") || li).textContent.replace(/\s+/g, " ").trim();
  const mine = (s) => s.questions.filter((q) => isObj(q) && typeof q.id === "string");
  const at = (list, id) => list.findIndex((q) => q.id === id);
  // A question ends with its own mark ("…could?"): a sentence around it adds no second one.
  const ended = (text) => /[.?!…]$/.test(text) ? text : text + ".";

  const pickable = (root) => {
    const model = make("button", { type: "button", class: "ro-button ro-question__pick", "data-ro-pick": "",
      "aria-pressed": "false" }, [words(root, "Pick")]);
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
    // The words live in ?words= (Material's search owns ?q=; question-bank.html moves an old link's ?q= here).
    search.value = params.get("words") || "";
    let timer;

    const apply = (how) => {
      const want = {};
      GROUPS.forEach((g) => { want[g] = boxes(g).filter((b) => b.checked).map((b) => b.value); });
      const terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      const shownIn = new Set();
      let shown = 0;
      for (const q of items) {
        const ok = (!want.category.length || want.category.includes(q.category)) &&
          (!want.phase.length || want.phase.includes(q.phase)) &&
          (!want.purpose.length || q.purposes.some((p) => want.purpose.includes(p))) &&
          terms.every((w) => q.text.includes(w));
        if (q.li.hidden === ok) q.li.hidden = !ok;
        if (ok) {
          shown++;
          shownIn.add(q.category);
        }
      }
      $$(root, "[data-ro-qcategory]").forEach((sec) => { sec.hidden = !shownIn.has(sec.dataset.roQcategory); });
      const n = items.length;
      const text = words(root, shown === n ? "All" : shown ? "Some" : "None", { n, shown });
      clearTimeout(timer);
      timer = setTimeout(() => { if (count.textContent !== text) count.textContent = text; }, how === "typing" ? 400 : 0);
      if (how) {
        const query = new URLSearchParams();
        GROUPS.forEach((g) => want[g].forEach((v) => query.append(g, v)));
        if (search.value.trim()) query.set("words", search.value.trim());
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

  component("question-bank", "[data-ro-qbank]", (root) => {
    filters(root);
    pickable(root);
  }, renderPicks);
  // The short lists of questions on other pages (marker `questions`): picking only.
  component("question-list", "[data-ro-qlist]", pickable, renderPicks);

  const listText = (list, title, md) => [(md ? "# " : "") + title, "",
    ...list.map((q, i) => `${i + 1}. ${q.text}`)].join(md ? "\n" : "\r\n") + (md ? "\n" : "\r\n");

  const shownText = (q) => {
    const li = document.getElementById("q-" + q.id);
    return (li && li.hasAttribute("data-ro-question") && qText(li)) || q.text || q.id;
  };

  // data-ro-key ("up:ID", "remove:ID"…) names the action and keeps focus across rebuilds.
  const small = (root, label, name, key) => make("button", { type: "button", class: "ro-button",
    "aria-label": `${label = words(root, label)}: ${name}`, "data-ro-key": key }, [label]);

  component("my-questions", "[data-ro-myq]", (root) => {
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
        tell(root, move === "up" ? "MovedUp" : "MovedDown", { text: ended(list[from].text), n: to + 1, of: list.length });
      } else if (move === "remove") {
        update((s) => { s.questions = mine(s).filter((q) => q.id !== id); });
        const next = list[from + 1] || list[from - 1];
        (next && $$(root, "[data-ro-key]").find((b) => b.dataset.roKey === "remove:" + next.id) || heading).focus();
        tell(root, "Removed", { text: ended(list[from].text) });
      } else if (action === "print") {
        print("ro-print-myq", root);
      } else if (action === "copy") {
        copy(listText(list, heading.textContent.trim())).then(() => tell(root, list.length === 1 ? "Copied" : "CopiedMany", { n: list.length }),
          () => tell(root, "Blocked"));
      } else if (action) {
        download("my-questions." + action, listText(list, heading.textContent.trim(), action === "md"), action === "md" ? "text/markdown" : "text/plain");
        tell(root, "Downloaded", { ext: action });
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
      const up = small(root, "MoveUp", text, "up:" + q.id);
      const down = small(root, "MoveDown", text, "down:" + q.id);
      if (!i) up.setAttribute("aria-disabled", "true");
      if (i === list.length - 1) down.setAttribute("aria-disabled", "true");
      return make("li", {}, [make(href ? "a" : "span", href ? { href, class: "ro-myq__text" } : { class: "ro-myq__text" },
        [text]), make("span", { class: "ro-myq__buttons" }, [up, down, small(root, "Remove", text, "remove:" + q.id)])]);
    }));
  });
})();
