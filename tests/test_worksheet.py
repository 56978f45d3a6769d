"""Worksheet component: a real form, one labelled control per field, repeated rows."""

from __future__ import annotations


def test_worksheet_is_a_form_with_its_id(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    form = html.select_one("form.ro-worksheet")
    assert form["id"] == "ws-conversation-prep"
    assert form["data-ro-pages"] == "1"
    assert [legend.get_text() for legend in form.select("legend.ro-worksheet__legend")] == ["The basics", "Your plan"]


def test_every_control_has_a_label(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    controls = html.select("input, textarea, select")
    assert controls
    for control in controls:
        label = html.select_one(f"label[for='{control['id']}']")
        assert label is not None and label.get_text(strip=True), control


def test_one_control_per_simple_field_with_the_right_type(render, sample_guide):
    html = render("<!-- ro:worksheet conversation-prep -->")
    assert html.select_one("#ws-conversation-prep--their-name")["type"] == "text"
    assert html.select_one("#ws-conversation-prep--meeting-date")["type"] == "date"
    assert html.select_one("#ws-conversation-prep--sent-questions")["type"] == "checkbox"
    assert html.select_one("#ws-conversation-prep--intro").name == "textarea"
    assert html.select_one("#ws-conversation-prep--intro")["rows"] == "5"
    for field in sample_guide.get("worksheet", "conversation-prep").all_fields():
        assert len(html.select(f"#ws-conversation-prep--{field.id}")) == 1


def test_choice_is_a_group_of_radios_named_by_its_legend(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    group = html.select_one("fieldset#ws-conversation-prep--format")
    assert group.select_one("legend").get_text() == "How you will meet"
    assert [r["value"] for r in group.select("input[type=radio]")] == ["coffee", "phone", "video"]
    assert {r["name"] for r in group.select("input[type=radio]")} == {"format"}


def test_repeated_rows_render_the_starting_rows_with_labelled_cells(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    table = html.select_one("#ws-conversation-prep--contacts table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Row", "Name", "Contacted"]
    rows = table.select("tbody tr")
    assert len(rows) == 2
    cell = html.select_one("#ws-conversation-prep--contacts--2--name")
    assert html.select_one(f"label[for='{cell['id']}']").get_text() == "Name, row 2"
    assert html.select_one("#ws-conversation-prep--contacts--1--contacted")["type"] == "checkbox"


def test_help_text_describes_its_control(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    textarea = html.select_one("#ws-conversation-prep--intro")
    assert html.select_one(f"#{textarea['aria-describedby']}").get_text() == "Two or three sentences."


def test_ids_are_unique(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids))


def test_level_none_labels_the_form(render):
    html = render("<!-- ro:worksheet conversation-prep level=none -->")
    assert html.select_one("form")["aria-label"] == 'Conversation "prep"'
    assert 'aria-label="Conversation &#34;prep&#34;"' in html.raw_html
    assert html.select_one("h3") is None


def test_worksheet_title_has_a_permalink(render):
    html = render("<!-- ro:worksheet conversation-prep -->")
    assert html.select_one("#ws-conversation-prep-title a.headerlink")["href"] == "#ws-conversation-prep"
