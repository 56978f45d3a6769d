"""Checklist component: ids, labels, escaping, heading levels."""

from __future__ import annotations


def test_every_item_has_its_permanent_id_and_a_labelled_checkbox(render, sample_guide):
    html = render("<!-- ro:checklist before-you-reach-out -->")
    section = html.select_one("section.ro-checklist")
    assert section["id"] == "cl-before-you-reach-out"
    assert section["data-ro-checklist"] == "before-you-reach-out"
    items = html.select("li.ro-checklist__item")
    expected = [i.id for i in sample_guide.get("checklist", "before-you-reach-out").items]
    assert [li["id"] for li in items] == [f"cl-before-you-reach-out--{i}" for i in expected]
    for li in items:
        box = li.select_one("input[type=checkbox]")
        label = html.select_one(f"label[for='{box['id']}']")
        assert label is not None and label.get_text(strip=True)


def test_detail_describes_its_checkbox_and_links_render(render):
    html = render("<!-- ro:checklist before-you-reach-out -->")
    item = html.select_one("#cl-before-you-reach-out--research-field")
    box = item.select_one("input")
    detail = html.select_one(f"#{box['aria-describedby']}")
    assert detail.get_text() == "Try the library."
    assert detail.select_one("a")["href"] == "https://example.org/library"


def test_text_is_escaped(render):
    html = render("<!-- ro:checklist the-day-before -->")
    label = html.select_one("#cl-the-day-before--confirm label")
    assert label.decode_contents() == "Confirm the time &amp; place by email."


def test_title_is_a_heading_of_the_chosen_level(render):
    default = render("<!-- ro:checklist the-day-before -->")
    heading = default.select_one("h3#cl-the-day-before-title")
    assert heading.contents[0] == "The day before"
    assert heading.select_one("a.headerlink")["href"] == "#cl-the-day-before"
    assert default.select_one("section")["aria-labelledby"] == "cl-the-day-before-title"
    level2 = render("<!-- ro:checklist the-day-before level=2 -->")
    assert level2.select_one("h2#cl-the-day-before-title")


def test_without_a_title_the_checklist_is_labelled_for_screen_readers(render):
    html = render("<!-- ro:checklist the-day-before level=none -->")
    assert not html.select("h2, h3, h4")
    assert html.select_one("section")["aria-label"] == "The day before"


def test_progress_region_is_polite(render):
    html = render("<!-- ro:checklist the-day-before -->")
    assert html.select_one("[data-ro-progress]")["aria-live"] == "polite"


def test_checklist_and_each_item_have_a_permalink(render):
    html = render("<!-- ro:checklist the-day-before -->")
    assert html.select_one("h3#cl-the-day-before-title a.headerlink")["href"] == "#cl-the-day-before"
    item = html.select_one("#cl-the-day-before--confirm a.headerlink")
    assert item["href"] == "#cl-the-day-before--confirm"
    assert item["title"] == "Link to this item"
