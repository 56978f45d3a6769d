"""The question bank (`ro:question-bank`): every question by category, filters, tags, escaping, permalinks."""

from __future__ import annotations


def test_bank_groups_every_question_under_its_category(render, sample_guide):
    html = render("<!-- ro:question-bank -->")
    for category in sample_guide.questions.categories:
        section = html.select_one(f"section#qc-{category.id}")
        assert section.select_one("h2").get_text() == category.title
        ids = [li["id"] for li in section.select("li.ro-question")]
        assert ids == [f"q-{q.id}" for q in category.questions]


def test_bank_filter_form_is_labelled_and_hidden_until_scripts_run(render, sample_guide):
    html = render("<!-- ro:question-bank -->")
    form = html.select_one("form[data-ro-qfilter]")
    assert form.has_attr("hidden")
    assert form["aria-label"]
    search = form.select_one("input[type=search]")
    assert html.select_one(f"label[for='{search['id']}']")
    categories = [i["value"] for i in form.select("input[name=category]")]
    assert categories == [c.id for c in sample_guide.questions.categories]
    for box in form.select("input[type=checkbox]"):
        assert box.find_parent("label") is not None
    legends = [legend.get_text() for legend in form.select("legend")]
    assert legends == ["Category", "Purpose", "Phase"]


def test_question_carries_its_tags_as_data_and_as_text(render):
    html = render("<!-- ro:question-bank -->")
    question = html.select_one("#q-tricky-text")
    assert question["data-category"] == "their-path"
    assert question["data-purposes"] == "explore-field target-employer"
    assert question["data-phase"] == "opening"
    tags = [t.get_text() for t in question.select(".ro-tag")]
    assert tags == ["Exploring a field", "Targeting an employer", "Opening"]


def test_question_text_is_escaped_and_its_markdown_rendered(render):
    html = render("<!-- ro:question-bank -->")
    text = html.select_one("#q-tricky-text .ro-question__text")
    assert str(text).startswith('<p class="ro-question__text">Is pay &lt; 50k &amp; "fair" here?')
    assert text.select_one("a")["href"] == "/resolved/checklist.md#the-day-before"
    assert text.select_one("code").get_text() == "code"
    assert not text.select("script")


def test_why_note_is_shown_when_present(render):
    html = render("<!-- ro:question-bank -->")
    assert "real" in html.select_one("#q-how-did-you-start .ro-question__why strong").get_text()
    assert html.select_one("#q-who-else .ro-question__why") is None


def test_each_question_has_a_permalink(render):
    html = render("<!-- ro:question-bank -->")
    link = html.select_one("#q-who-else > a.headerlink")
    assert link["href"] == "#q-who-else"
    assert link["title"] == "Link to this question"
