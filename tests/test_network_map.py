"""Network map component: every category with its id, prompt and examples."""

from __future__ import annotations


def test_every_category_is_rendered_with_its_id(render, sample_guide):
    html = render("<!-- ro:network-map level=2 -->")
    for group in sample_guide.network.groups:
        section = html.select_one(f"#net-group-{group.id}")
        assert section.select_one("h2").get_text() == group.title
        assert [li["id"] for li in section.select("li")] == [f"net-{c.id}" for c in group.categories]


def test_category_prompt_and_examples(render):
    html = render("<!-- ro:network-map level=2 -->")
    family = html.select_one("#net-family")
    assert family.select_one("h3").get_text() == "Family"
    assert family.select_one(".ro-network-map__prompt").get_text() == "Who in your family works, or used to work?"
    assert family.select_one(".ro-network-map__examples").get_text() == "For example: parents, cousins, in-laws"


def test_sub_headings_follow_the_level(render):
    html = render("<!-- ro:network-map -->")
    assert html.select_one("#net-group-places h3").get_text() == "Places to meet new people"
    assert html.select_one("#net-farmers-market h4").get_text() == "The farmers' market"


def test_each_category_has_an_empty_notice_for_undoing_a_removal(render):
    html = render("<!-- ro:network-map level=2 -->")
    people = html.select_one("#net-family [data-ro-net-people]")
    assert [child.name for child in people.find_all(recursive=False)] == ["ul", "p", "form"]
    assert people.select_one("[data-ro-net-undo]").get_text() == ""
