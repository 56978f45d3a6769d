"""Message template component: slots marked up, composer inputs, escaping."""

from __future__ import annotations


def test_slots_are_marked_in_subject_and_body(render):
    html = render("<!-- ro:template warm-request -->")
    article = html.select_one("article#tpl-warm-request")
    assert article["data-ro-channel"] == "email"
    subject = article.select_one(".ro-message-template__subject")
    assert subject.select_one("[data-ro-slot]")["data-ro-slot"] == "friend"
    slots = [s["data-ro-slot"] for s in article.select(".ro-message-template__body [data-ro-slot]")]
    assert slots == ["their-name", "friend", "your-name"]
    assert article.select_one(".ro-message-template__body [data-ro-slot=their-name]").get_text() == "Their name"


def test_paragraphs_and_line_breaks_follow_the_text(render):
    html = render("<!-- ro:template warm-request -->")
    paragraphs = html.select(".ro-message-template__body p")
    assert len(paragraphs) == 3
    assert len(paragraphs[1].select("br")) == 1


def test_text_is_escaped(render):
    html = render("<!-- ro:template warm-request -->")
    paragraph = html.select(".ro-message-template__body p")[1]
    assert 'solar &amp; "green" energy.' in paragraph.decode_contents()


def test_composer_has_one_labelled_input_per_slot_and_waits_for_scripts(render):
    html = render("<!-- ro:template warm-request -->")
    form = html.select_one("form[data-ro-composer]")
    assert form.has_attr("hidden")
    inputs = form.select("input")
    assert [i["name"] for i in inputs] == ["friend", "their-name", "your-name"]
    for field in inputs:
        assert html.select_one(f"label[for='{field['id']}']")
    assert form.select_one("[name=your-name]")["placeholder"] == "Sam Rivera"


def test_channel_and_when_are_shown(render):
    html = render("<!-- ro:template warm-request -->")
    meta = html.select_one(".ro-message-template__meta").get_text()
    assert meta.startswith("Email")
    assert "A friend has offered" in meta
