// A client's plan page: the items a counselor chose, from the site's catalogue.
(() => {
  "use strict";
  const { component, start, make, words, PLAN_KEY, isObj, $ } = window.ReachingOut;

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
      message.textContent = words(root, "Empty");
      return;
    }
    let params;
    try { params = new URLSearchParams(hash); } catch (e) { params = new URLSearchParams(); }
    const keys = [...new Set((params.get("i") || "").split(",").filter(Boolean))];
    if (params.get("v") !== "1" || !keys.length || !keys.every((k) => PLAN_KEY.test(k))) {
      message.textContent = words(root, "Damaged");
      return;
    }
    const text = (params.get("n") || "").slice(0, 500);
    if (text) {
      $(root, "[data-ro-plan-note-text]").textContent = text; // plain text, never markup
      note.hidden = false;
    }
    message.textContent = words(root, "Loading");
    const current = () => location.hash.slice(1) === hash && root.isConnected; // no other plan opened since
    const href = root.dataset.roPlanItemsHref;
    (href ? catalogue(href) : Promise.reject()).then((items) => {
      if (!current()) return;
      const missing = $(root, "template[data-ro-plan-missing]");
      const found = keys.filter((key) => isObj(items[key]) && typeof items[key].html === "string");
      list.replaceChildren(...keys.map((key) => found.includes(key) ? planItem(key, items[key])
        : missing.content.firstElementChild.cloneNode(true)));
      start(); // start the checklists and questions just added
      const gone = keys.length - found.length;
      message.textContent = words(root, found.length === 1 ? "Step" : "Steps", { n: found.length }) +
        (gone ? words(root, gone === 1 ? "Gone" : "GoneMany", { n: gone }) : ".");
    }, () => {
      if (current()) message.textContent = words(root, "Failed");
    });
  };
  component("plan", "[data-ro-plan]", (root) => {
    addEventListener("hashchange", () => { if (root.isConnected) showPlan(root); });
    showPlan(root);
  }, () => {});
})();
