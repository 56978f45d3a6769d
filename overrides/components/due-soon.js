// Due this week (My progress): each dated next step that is overdue or due in the next 7 days, soonest first,
// each linked to its row. Days are the reader's own local days.
(() => {
  "use strict";
  const { component, make, words, day, isObj, $ } = window.ReachingOut;

  component("due-soon", "[data-ro-due-soon]", (root) => {
    $(root, "[data-ro-nojs]").hidden = true;
  }, (root, s) => {
    const now = new Date(), today = day(now), due = [];
    now.setDate(now.getDate() + 7);
    for (const [w, f, col, name, done, href, label] of JSON.parse(root.dataset.roReminders)) {
      const v = isObj(s.worksheets[w]) && s.worksheets[w].values || {};
      for (let n = 1, at, d; n <= 200; n++) {
        if ((d = v[(at = `${f}--${n}--`) + col]) <= day(now) && d && v[at + done] !== true) {
          due.push([d, v[at + name] || words(root, "Row", { n }), href + `--${n}--${name}`, label]);
        }
      }
    }
    const list = $(root, "[data-ro-list]");
    list.replaceChildren(...due.sort().map(([d, who, href, label]) => make("li", {}, [make("a", { href }, [who]),
      ` — ${label} ${day(d, "full")}` +
      (d < today ? words(root, "Late") : d == today ? words(root, "Today") : "")])));
    $(root, "[data-ro-none]").hidden = !(list.hidden = !due.length);
  });
})();
