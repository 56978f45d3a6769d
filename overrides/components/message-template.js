// The message composer: values saved by slot id, so a slot shared by several templates fills once.
(() => {
  "use strict";
  const { component, read, update, say, tell, words, copy, reveal, isObj, $, $$ } = window.ReachingOut;

  // The text of a part of the message; an empty blank reads as its [label], or as nothing when `bare`.
  const plain = (node, filled, bare) => [...node.childNodes].map((n) => n.nodeName === "BR" ? "\n" :
    n.nodeType === 3 ? n.textContent.replace(/\n/g, "") : n.nodeType !== 1 || n.matches(".ro-message-template__subject-label") ? "" :
    n.dataset.roSlot ? filled[n.dataset.roSlot] || (bare || optional(n) ? "" : `[${n.dataset.roLabel}]`) : plain(n, filled, bare)).join("");
  const optional = (n) => n.hasAttribute("data-ro-optional");
  // The labels of the blanks still empty in `part` (an empty optional blank is simply left out).
  const empty = (part, filled) => [...new Set($$(part, "[data-ro-slot]")
    .filter((n) => !optional(n) && !filled[n.dataset.roSlot]).map((n) => n.dataset.roLabel))];

  const message = (root, filled, bare) => {
    const subject = $(root, ".ro-message-template__subject");
    return { subject: subject ? plain(subject, filled).trim() : "",
      body: $$(root, ".ro-message-template__body p").map((p) => plain(p, filled, bare).replace(/[ \t]+$/gm, ""))
        .filter(Boolean).join("\n\n") };
  };

  const slotValues = (root, s) => {
    const filled = Object.assign({}, isObj(s.slots) ? s.slots : {});
    for (const input of $$(root, "[data-ro-slot-input]")) filled[input.dataset.roSlotInput] = input.value.trim();
    return filled;
  };

  const preview = (root, typed) => {
    const filled = slotValues(root, read());
    for (const span of $$(root, "[data-ro-slot]")) {
      const value = filled[span.dataset.roSlot];
      const text = value || (optional(span) ? "" : span.dataset.roLabel);
      if (span.textContent !== text) span.textContent = text;
      span.classList.toggle("ro-slot--filled", !!value);
    }
    const m = message(root, filled);
    const mail = $(root, "[data-ro-mailto]");
    // RFC 6068: percent-encoded, CRLF line breaks.
    if (mail) mail.href = `mailto:?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.body.replace(/\n/g, "\r\n"))}`;
    // Length-limited channels: what is written so far (empty blanks count nothing) shows at once, and is said
    // once typing pauses.
    const limit = +root.dataset.roLimit, out = $(root, "[data-ro-count]");
    if (!limit || !out) return;
    const n = [...message(root, filled, true).body].length, over = n - limit;
    out.textContent = words(root, over > 0 ? "Over" : empty(root, filled).length ? "SoFar" : "Count", { n, limit, over });
    out.classList.toggle("ro-message-template__count--over", over > 0);
    if (typed) clearTimeout(root.roSay), root.roSay = setTimeout(() => say(root, out.textContent), 1000);
  };

  component("message-template", "article[data-ro-template]", (root) => {
    const form = $(root, "form[data-ro-composer]");
    let pending = {};
    let timer;
    $$(root, "[data-ro-slot]").forEach((span) => { span.dataset.roLabel = span.textContent; });
    root.roPending = () => pending;
    form.addEventListener("submit", (event) => event.preventDefault());
    // Saved 250 ms after the last key, and at once when the reader leaves the field or the page.
    const flush = () => {
      clearTimeout(timer);
      const changed = pending;
      pending = {};
      if (!Object.keys(changed).length) return;
      update((s) => {
        for (const [k, v] of Object.entries(changed)) {
          if (v.trim()) s.slots[k] = v;
          else delete s.slots[k];
        }
      });
    };
    root.roFlush = flush;
    form.addEventListener("input", (event) => {
      pending[event.target.dataset.roSlotInput] = event.target.value;
      preview(root, true);
      clearTimeout(timer);
      timer = setTimeout(flush, 250);
    });
    form.addEventListener("focusout", flush);
    root.addEventListener("click", (event) => {
      const part = (event.target.closest("[data-ro-copy]") || {}).dataset;
      if (!part) return;
      const filled = slotValues(root, read()), subject = part.roCopy === "subject", m = message(root, filled);
      const text = subject ? m.subject : m.body;
      const gaps = empty($(root, subject ? ".ro-message-template__subject" : ".ro-message-template__body"), filled);
      // Empty blanks: the first press says which; a second press of the same text copies it anyway.
      if (gaps.length && root.roArmed !== text) {
        root.roArmed = text;
        return tell(root, gaps.length > 1 ? "Blanks" : "Blank", { n: gaps.length, list: gaps.join(", ") });
      }
      root.roArmed = null;
      copy(text).then(
        () => tell(root, subject ? "Subject" : "Copied"), () => tell(root, "Blocked"));
    });
    reveal(root, "form[data-ro-composer], [data-ro-tools]");
  }, (root, s) => {
    const typing = root.roPending();
    for (const input of $$(root, "[data-ro-slot-input]")) {
      const slot = input.dataset.roSlotInput;
      const value = typeof s.slots[slot] === "string" ? s.slots[slot] : "";
      if (!(slot in typing) && input.value !== value) input.value = value;
    }
    preview(root);
  });
  addEventListener("pagehide", () => $$(document, "[data-ro-template][data-ro-ready]").forEach((r) => r.roFlush?.()));
})();
