// The message composer: values saved by slot id, so a slot shared by several templates fills once.
(() => {
  "use strict";
  const { component, read, update, say, copy, reveal, isObj, $, $$ } = window.ReachingOut;

  const plain = (node, filled) => [...node.childNodes].map((n) => n.nodeName === "BR" ? "\n" :
    n.nodeType === 3 ? n.textContent.replace(/\n/g, "") : n.nodeType !== 1 || n.matches(".ro-message-template__subject-label") ? "" :
    n.dataset.roSlot ? filled[n.dataset.roSlot] || `[${n.dataset.roLabel}]` : plain(n, filled)).join("");

  const message = (root, filled) => {
    const subject = $(root, ".ro-message-template__subject");
    return { subject: subject ? plain(subject, filled).trim() : "",
      body: $$(root, ".ro-message-template__body p").map((p) => plain(p, filled)).join("\n\n") };
  };

  const slotValues = (root, s) => {
    const filled = Object.assign({}, isObj(s.slots) ? s.slots : {});
    for (const input of $$(root, "[data-ro-slot-input]")) filled[input.dataset.roSlotInput] = input.value.trim();
    return filled;
  };

  const preview = (root) => {
    const filled = slotValues(root, read());
    for (const span of $$(root, "[data-ro-slot]")) {
      const value = filled[span.dataset.roSlot];
      const text = value || span.dataset.roLabel;
      if (span.textContent !== text) span.textContent = text;
      span.classList.toggle("ro-slot--filled", !!value);
    }
    const mail = $(root, "[data-ro-mailto]");
    if (mail) {
      const m = message(root, filled);
      // RFC 6068: percent-encoded, CRLF line breaks.
      mail.href = `mailto:?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.body.replace(/\n/g, "\r\n"))}`;
    }
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
      preview(root);
      clearTimeout(timer);
      timer = setTimeout(flush, 250);
    });
    form.addEventListener("focusout", flush);
    root.addEventListener("click", (event) => {
      const part = (event.target.closest("[data-ro-copy]") || {}).dataset;
      if (!part) return;
      const m = message(root, slotValues(root, read()));
      copy(part.roCopy === "subject" ? m.subject : m.body).then(
        () => say(root, part.roCopy === "subject" ? "Subject copied." : "Message copied. Paste it where you write to them."),
        () => say(root, "This browser did not allow copying. Select the text and copy it yourself."));
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
