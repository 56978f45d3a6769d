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


# --- Reminder rows: `reminder: true` on a date column, `suggest:` from another date column ---


def _render_real(guide, line: str):
    from bs4 import BeautifulSoup

    import ro_registry
    import ro_site

    site = ro_site.Site(guide)
    site.check_pages({"questions.md": "<!-- ro:question-bank -->"})
    site.page = ro_site.PageContext("page.md", lambda target: f"/resolved/{target}")
    markers, problems = ro_registry.parse(line)
    assert not problems and len(markers) == 1, problems
    return BeautifulSoup(str(site.render(markers[0])), "html.parser")


def test_each_row_with_a_next_step_date_has_an_add_to_calendar_button(real_guide):
    html = _render_real(real_guide, "<!-- ro:worksheet contact-tracker -->")
    rows = html.select("#ws-contact-tracker--contact-list tbody tr")
    assert len(rows) == 8
    for n, row in enumerate(rows, 1):
        button = row.select_one("button[data-ro-remind]")
        assert button["data-ro-remind"] == "next-date"
        assert button.has_attr("hidden")  # revealed by the script, which makes the file
        assert button["type"] == "button"
        assert button.get_text() == "Add to calendar"
        assert button["aria-label"] == f"Add to calendar: a reminder for row {n}"
        assert button.find_parent("td").select_one("input")["name"] == f"contact-list--{n}--next-date"
    template = html.select_one("#ws-contact-tracker--contact-list template[data-ro-row-template]")
    assert template.select_one("button[data-ro-remind]")["aria-label"] == "Add to calendar: a reminder for row {n}"
    # Only the next step's date: not the last contact, not the other tables.
    assert len(html.select("tbody button[data-ro-remind]")) == 8
    planner = _render_real(real_guide, "<!-- ro:worksheet follow-up-planner -->")
    assert [b["data-ro-remind"] for b in planner.select("tbody button[data-ro-remind]")] == ["due"] * 3


def test_the_next_date_is_suggested_from_the_last_contact_by_the_guides_default(real_guide):
    import re

    from support import DOCS

    html = _render_real(real_guide, "<!-- ro:worksheet contact-tracker -->")
    cell = html.select_one("#ws-contact-tracker--contact-list--1--next-date")
    assert cell["data-ro-after"] == "last-contact"
    months = int(cell["data-ro-months"])
    assert not html.select_one("#ws-contact-tracker--contact-list--1--last-contact").has_attr("data-ro-after")
    # The number is one the defaults table gives for keeping in touch, and the help text links the table.
    table = (DOCS / "sources.md").read_text(encoding="utf-8")
    row = next(line for line in table.splitlines() if line.startswith("| How often to keep in touch |"))
    low, high = map(int, re.search(r"Every (\d+)–(\d+) months", row).groups())
    assert low <= months <= high
    help_text = html.select_one("#ws-contact-tracker--contact-list-help")
    assert help_text.select_one("a")["href"] == "/resolved/sources.md#our-defaults"
    assert f"every {months} months" in help_text.get_text()


def test_my_progress_learns_which_columns_are_reminders(real_guide):
    import ro_worksheet

    saved = ro_worksheet.WorksheetComponent().saved(real_guide, lambda item, part: f"/{item}/")
    columns = dict(dict(saved["contact-tracker"]["fields"])["contact-list"]["columns"])
    assert columns["next-date"]["reminder"] is True
    assert "reminder" not in columns["last-contact"]


def _field(columns: list[dict]):
    from ro_worksheet import WorksheetField

    return WorksheetField.model_validate({"id": "people", "label": "People", "type": "rows", "columns": columns})


def test_a_suggestion_must_follow_another_date_column_of_its_field():
    import pytest
    from pydantic import ValidationError

    name = {"id": "name", "label": "Name"}
    nxt = {"id": "next", "label": "Next", "type": "date", "reminder": True, "suggest": {"after": "last", "months": 2}}
    assert _field([name, {"id": "last", "label": "Last", "type": "date"}, nxt]).columns[2].suggest.months == 2
    with pytest.raises(ValidationError, match="suggests a date after 'last', which is not another date column"):
        _field([name, {"id": "last", "label": "Last"}, nxt])
    with pytest.raises(ValidationError, match="column 'name' has 'suggest' but is not a date"):
        _field([{**name, "suggest": {"after": "next", "months": 2}}, nxt])
    with pytest.raises(ValidationError, match="has a reminder column but no short-text column"):
        _field([{"id": "last", "label": "Last", "type": "date"}, nxt])
