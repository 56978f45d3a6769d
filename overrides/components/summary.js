// A summary for the counselor: chosen on My progress, printed, or shared as a link whose #fragment holds it
// (deflate-raw and base64url where the browser can, else base64url JSON); read back as text on the summary page.
// A summary is {v: 1, d: its local day, a: [[key, value], ...]}, keyed as the page's index is (ro_summary.index);
// a value is text, true (a checked box) or false (none: a checked item, a picked question).
(() => {
  "use strict";
  const { SCRIPT, component, read, make, say, words, day, copy, print, reveal, absolute, isObj, $, $$ } = window.ReachingOut;
  // Through deflate-raw when the browser has it (Kind), as a Response to read.
  const pipe = (bytes, Kind) => new Response(Kind ? new Blob([bytes]).stream().pipeThrough(new Kind("deflate-raw")) : bytes);
  const row = (k) => k.replace(/--\d+--/, "--");

  // The summary as headed lists in the site's words; the values as text only. Returns how many were unknown.
  const paint = (root, p) => {
    const index = new Map(JSON.parse(root.dataset.roIndex)), paper = $(root, "[data-ro-paper]"), box = $(paper, "[data-ro-parts]");
    let gone = 0, list, last;
    $(paper, "[data-ro-made]").textContent = day(p.d, "long");
    box.replaceChildren();
    for (const [k, v] of p.a) {
      const part = k.split(" ")[0], label = index.get(row(k));  // v false: no value (a checked item, a question)
      if (!index.has(part) || !label) {
        gone++;
      } else {
        if (part != last) box.append(make("h" + root.dataset.roLevel, {}, [index.get(last = part)]), list = make("ul"));
        list.append(make("li", {}, [label.replace("{n}", (k.match(/--(\d+)--/) || [])[1]) +
          (v ? ": " + (v === true ? words(SCRIPT, "Yes") : index.get(row(k) + "=" + v) || v) : "")]));
      }
    }
    return gone;
  };

  // What a choice (c:ID, q, w:ID) takes from the saved state: [key, value?] pairs, in the order they were saved.
  const pick = (s, part) => {
    const [k, id] = part.split(":"), t = (k == "c" ? s.checklists : s.worksheets)[id] || {};
    return k == "q" ? s.questions.filter((q) => isObj(q) && typeof q.id == "string").map((q) => ["q " + q.id])
      : Object.entries(k == "c" ? t : isObj(t.values) ? t.values : {}).filter(([, v]) => v === true || k == "w")
        .map(([i, v]) => [part + " " + i, k == "w" && v]);
  };
  const shown = (root, on) => $$(root, "div:not([hidden]) > input").filter((b) => b.checked == on);
  const state = (root) => {
    $(root, "[data-ro-will]").textContent = shown(root, true).map((b) => b.dataset.roSay).join("; ") || root.dataset.roNone;
  };

  component("summary", "[data-ro-summary]", (root) => {
    $(root, "[data-ro-nojs]").hidden = true;
    reveal(root, "[data-ro-summary-body]");
    root.addEventListener("change", () => state(root));
    root.addEventListener("click", async (event) => {
      const action = (event.target.closest("[data-ro-summary-action]") || {}).dataset;
      const chosen = shown(root, true);
      const p = { v: 1, d: day(new Date()),
        a: chosen.flatMap((b) => pick(read(), b.value)) };
      if (!action) return;
      if (!chosen[0]) return say(root, root.dataset.roPick);
      if (action.roSummaryAction == "print") return paint(root, p), print("ro-print-summary", $(root, "[data-ro-paper]"));
      let bytes = new TextEncoder().encode(JSON.stringify(p)), kind = "z";
      try {
        bytes = new Uint8Array(await pipe(bytes, CompressionStream).arrayBuffer());
      } catch (e) {
        kind = "j";
      }
      const a = $(root, "[data-ro-summary-link]");
      a.href = absolute(root.dataset.roView) + "#" + kind + btoa(bytes.reduce((t, b) => t + String.fromCharCode(b), ""))
        .replace(/\+/g, "-").replace(/\//g, "_");
      a.hidden = false;
      $(root, "[data-ro-summary-long]").hidden = a.href.length < 2e3;
      copy(a.href).then(() => say(root, root.dataset.roCopied), () => say(root, root.dataset.roBlocked));
    });
  }, (root, s) => {
    for (const box of $$(root, "input")) box.parentNode.hidden = !pick(s, box.value)[0];
    for (const group of $$(root, "fieldset")) group.hidden = !$(group, "div:not([hidden])");
    $(root, "[data-ro-summary-nothing]").hidden = !!$(root, "div:not([hidden]) > input");
    state(root);
  });

  // The summary page reads the link as it opens, and again when another summary link is opened in the same tab:
  // at most 200,000 characters, 1,000,000 bytes once inflated: far more than everything a reader can type makes
  // (all 75 fields of the worksheets at 900 characters each: a link of 31,000), far less than fills a phone.
  component("summary-view", "[data-ro-summary-view]", (root) => {
    const show = async () => {
      const h = location.hash.slice(1);
      let gone = -1;
      try {
        if (h.length > 2e5 || !/^[zj]/.test(h)) throw 0;
        const out = await pipe(Uint8Array.from(atob(h.slice(1).replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)),
          h[0] == "z" && DecompressionStream);
        // Inflating stops at 1,000,000 bytes: a link made to inflate to far more is refused before it fills memory.
        let n = 0;
        const p = JSON.parse(await new Response(out.body.pipeThrough(new TransformStream({
          transform: (c, to) => (n += c.length) > 1e6 ? to.error() : to.enqueue(c) }))).text());
        if (h != location.hash.slice(1)) return; // another summary opened meanwhile
        if (isObj(p) && p.v === 1 && /^\d{4}-\d\d-\d\d$/.test(p.d) && +new Date(p.d) &&
          Array.isArray(p.a) && p.a.every(([k, v = ""]) => typeof k == "string" && /^[sb]/.test(typeof v))) gone = paint(root, p);
      } catch (e) { /* damaged: said below */ }
      $(root, "[data-ro-paper]").hidden = gone < 0;
      $(root, "[data-ro-message]").textContent = gone < 0 ? root.dataset[h ? "roBad" : "roEmpty"] : gone ?
        root.dataset.roGone + gone + "." : "";
    };
    $(root, "[data-ro-nojs]").hidden = true;
    addEventListener("hashchange", () => root.isConnected && show());
    show();
  });
})();
