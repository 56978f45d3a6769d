"""The message templates follow the chapters (issue 13): read from `docs/data/templates.yml`, filled in with
their own examples the way a reader would fill them.

- the cold request names no referral and its body stays under 100 words;
- the offer of help is optional and empty by default;
- the text message fits its 160 characters with its blanks at a realistic length;
- the thank-you has no flattery;
- no template shows a reader a British spelling.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from ro_message_template import SLOT
from test_content import BRITISH

# Lengths a reader's own details easily reach: a longer first name than the examples', a long full name.
REALISTIC = {"their-name": "Christopher", "your-name": "Alexandra Washington", "field": "social-media marketing"}
FLATTERY = [
    "changed how i think", "changed the way i think", "changed my life", "changed my view", "inspir", "amazing",
    "incredible", "brilliant", "fantastic", "wonderful", "so generous", "eye-opening", "life-changing", "admire",
    "expert like you", "honored", "huge fan",
]


def _template(guide, template_id):
    return guide.get("template", template_id)


def _slots(guide, template) -> dict:
    return {s.id: s for s in (*guide.templates.shared_fields, *template.fields)}


def _filled(guide, template, text: str, values: dict[str, str] | None = None) -> str:
    """`text` with each blank replaced by `values`, else its example; an optional blank stays empty."""
    slots = _slots(guide, template)

    def fill(match: re.Match) -> str:
        slot = slots[match.group(1)]
        if slot.optional:
            return ""
        assert slot.example, f"{template.id}: the blank {{{slot.id}}} needs an example"
        return (values or {}).get(slot.id, slot.example)

    return SLOT.sub(fill, text).strip()


def _words(text: str) -> int:
    return len(text.split())


@pytest.fixture
def render_real(real_guide):
    """Render one marker line with the guide's own data; return the parsed HTML."""
    import ro_registry
    import ro_site

    def _render(line: str):
        site = ro_site.Site(real_guide)
        site.page = ro_site.PageContext("messages.md", lambda target: f"/resolved/{target}")
        markers, problems = ro_registry.parse(line)
        assert not problems and len(markers) == 1, problems
        return BeautifulSoup(str(site.render(markers[0])), "html.parser")

    return _render


# --- The cold request: its own opening, no referral, under 100 words ---


def test_cold_request_names_no_referral(real_guide):
    cold = _template(real_guide, "cold-request")
    text = " ".join(_filled(real_guide, cold, part) for part in (cold.subject or "", cold.body))
    assert not {"your-connection", "mutual-friend"} & set(cold.slot_ids())
    for name in ("Jamie", "Ortiz", "Kim Tran"):
        assert name not in text
    assert not re.search(r"\b(suggested|referred|recommended|introduced|told me about you)\b", text, re.I)


def test_cold_request_opens_with_why_them(real_guide):
    cold = _template(real_guide, "cold-request")
    first = cold.body.strip().split("\n\n")[1]
    assert first.startswith("{why-them}")


def test_cold_request_body_is_under_100_words(real_guide):
    cold = _template(real_guide, "cold-request")
    assert _words(_filled(real_guide, cold, cold.body)) < 100
    assert _words(_filled(real_guide, cold, cold.body, REALISTIC)) < 100


def test_cold_request_never_mentions_jobs(real_guide):
    """Dalton's rule the guide keeps (messages.md#five-point-email)."""
    cold = _template(real_guide, "cold-request")
    assert not re.search(r"\bjobs?\b", f"{cold.subject} {cold.body}", re.I)


def test_warm_request_is_dana_to_luis_through_jamie(real_guide):
    warm = _template(real_guide, "warm-request")
    text = _filled(real_guide, warm, warm.body)
    assert text.startswith("Hi Luis,")
    assert "Jamie Ortiz suggested I write to you" in text and "Dana Reyes" in text
    assert _words(text) < 150


# --- The offer of help: optional, and empty by default ---


def test_offer_of_help_is_optional(real_guide):
    offer = {s.id: s for s in real_guide.templates.shared_fields}["your-offer"]
    assert offer.optional
    users = [t.id for t in real_guide.templates.templates if "your-offer" in t.slot_ids()]
    assert {"warm-request", "cold-request"} <= set(users)


def test_offer_of_help_is_empty_by_default(real_guide, render_real):
    for template_id in ("warm-request", "cold-request"):
        html = render_real(f"<!-- ro:template {template_id} -->")
        field = html.select_one("input[data-ro-slot-input=your-offer]")
        assert field.has_attr("data-ro-optional") and not field.get("value")
        assert "(optional)" in html.select_one(f"label[for='{field['id']}']").get_text()
        slot = html.select_one(".ro-message-template__body [data-ro-slot=your-offer]")
        assert slot.has_attr("data-ro-optional") and "(optional)" in slot.get_text()


def test_default_offer_is_one_light_sentence(real_guide):
    """With the optional blank empty, each request still ends with one small offer, and nothing bigger."""
    for template_id in ("warm-request", "cold-request"):
        template = _template(real_guide, template_id)
        text = _filled(real_guide, template, template.body)
        offers = re.findall(r"[^.?!]*\b(?:help you|do for you)\b[^.?!]*[.?!]", text)
        assert len(offers) == 1, (template_id, offers)
        assert "I've put together" not in text  # the example of a specific offer is only a placeholder


# --- Length-limited channels ---


def test_text_message_channel_has_a_160_character_limit(real_guide):
    texts = [t for t in real_guide.templates.templates if t.channel == "text-message"]
    assert [t.id for t in texts] == ["text-request"]
    assert all(t.max_length == 160 for t in texts)


@pytest.mark.parametrize(("template_id", "limit"), [("text-request", 160), ("linkedin-note", 200)])
def test_limited_messages_fit_with_realistic_blanks(real_guide, template_id, limit):
    template = _template(real_guide, template_id)
    assert template.max_length == limit
    assert len(_filled(real_guide, template, template.body)) <= limit
    assert len(_filled(real_guide, template, template.body, REALISTIC)) <= limit


def test_the_limit_reaches_the_page(render_real):
    html = render_real("<!-- ro:template text-request -->")
    assert html.select_one("article")["data-ro-limit"] == "160"
    assert "160 characters" in html.select_one("[data-ro-count]").get_text()
    html = render_real("<!-- ro:template cold-request -->")
    assert not html.select_one("article").has_attr("data-ro-limit") and not html.select_one("[data-ro-count]")


# --- The new templates ---


def test_reply_to_yes_offers_three_times(real_guide):
    reply = _template(real_guide, "reply-to-yes")
    times = [line for line in reply.body.splitlines() if line.startswith("- {")]
    assert len(times) == 3
    assert "20 minutes" in reply.body


def test_phone_script_answers_not_now_with_a_time_to_call_back(real_guide):
    script = _template(real_guide, "phone-script").body
    part = script.split('(If they say "not now")', 1)[1].split("\n\n", 1)[0]
    assert "call you back" in part and "{call-back-time}" in part


def test_referral_request_is_a_message_of_its_own(real_guide):
    referral = _template(real_guide, "referral-request")
    assert "keep-it-going.md#ready-to-apply" in referral.when
    assert re.search(r"\brefer me\b", referral.body) and "who I should ask" in referral.body
    assert "understand" in referral.body  # "no" is an easy answer


# --- The thank-you: no flattery ---


def test_thank_you_has_no_flattery(real_guide):
    thanks = _template(real_guide, "thank-you")
    text = _filled(real_guide, thanks, f"{thanks.subject}\n{thanks.body}").lower()
    assert [phrase for phrase in FLATTERY if phrase in text] == []


def test_thank_you_names_what_you_learned_and_what_you_will_do(real_guide):
    body = _template(real_guide, "thank-you").body
    assert "{what-helped}" in body and "{next-step}" in body


# --- US English in everything a reader sees of a template ---


def test_every_template_reads_in_us_english(real_guide, render_real):
    found = {}
    for template in real_guide.templates.templates:
        html = render_real(f"<!-- ro:template {template.id} -->")
        placeholders = " ".join(i.get("placeholder", "") for i in html.select("input"))
        text = f"{html.get_text(' ')} {placeholders} {_filled(real_guide, template, template.body)}"
        if words := sorted({m.group(0) for m in BRITISH.finditer(text)}):
            found[template.id] = words
    assert found == {}


def test_the_spelling_check_would_see_a_british_label(real_guide):
    """Guard: the check above reads labels and examples, not ids such as `target-organisation`."""
    circle = _template(real_guide, "whole-circle")
    assert "{target-organisation}" in circle.body
    assert BRITISH.search("An organisation you are targeting")
    assert not BRITISH.search(_filled(real_guide, circle, circle.body))
