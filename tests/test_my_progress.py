"""My progress component: the index of what can be saved, the controls, and the message without scripts."""

from __future__ import annotations

import json

import ro_registry
import ro_safe_markdown
import ro_site


def _index(html):
    return json.loads(html.select_one("[data-ro-my-progress]")["data-ro-index"])


def test_index_names_every_checklist_item_with_plain_text(render, sample_guide):
    index = _index(render("<!-- ro:my-progress -->"))
    checklist = sample_guide.get("checklist", "the-day-before")
    assert index["checklists"]["the-day-before"]["title"] == checklist.title
    assert index["checklists"]["the-day-before"]["items"] == [["confirm", "Confirm the time & place by email."]]
    assert index["checklists"]["before-you-reach-out"]["items"][1] == ["research-field",
                                                                       "Read about the field for an hour."]


def test_index_describes_worksheet_fields_options_and_columns(render):
    sheet = _index(render("<!-- ro:my-progress -->"))["worksheets"]["conversation-prep"]
    assert sheet["title"] == 'Conversation "prep"'
    assert [field_id for field_id, _ in sheet["fields"]] == ["their-name", "meeting-date", "format", "sent-questions",
                                                             "intro", "contacts"]  # in form order
    fields = dict(sheet["fields"])
    assert fields["format"]["options"] == {"coffee": "Coffee", "phone": "Phone", "video": "Video"}
    assert fields["contacts"]["columns"][1] == ["contacted", {"label": "Contacted", "type": "checkbox"}]
    assert fields["meeting-date"]["type"] == "date"


def test_index_holds_slots_once_and_network_categories(render):
    index = _index(render("<!-- ro:my-progress -->"))
    assert index["slots"] == {"your-name": "Your name", "their-name": "Their name", "friend": "Your friend's name"}
    assert index["network"]["farmers-market"] == {"title": "The farmers' market", "group": "Places to meet new people"}


def test_links_go_to_each_component_home(sample_guide):
    site = ro_site.Site(sample_guide)
    assert site.check_pages({"lists.md": "<!-- ro:checklist the-day-before -->", "net.md": "<!-- ro:network-map -->",
                             "questions.md": "<!-- ro:question-bank -->", "me.md": "<!-- ro:my-progress -->"}) == []
    site.page = ro_site.PageContext("me.md", lambda target: f"/resolved/{target}")
    markers, _ = ro_registry.parse("<!-- ro:my-progress -->")
    html = str(site.render(markers[0]))
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    index = _index(soup)
    assert index["checklists"]["the-day-before"]["href"] == "/resolved/lists.md#cl-the-day-before"
    assert "href" not in index["checklists"]["before-you-reach-out"]  # not embedded on any page
    assert index["network"]["family"]["href"] == "/resolved/net.md#net-family"
    assert soup.select_one("[data-ro-myq]")["data-ro-bank"] == "/resolved/questions.md"


def test_without_scripts_the_page_says_why_it_is_empty(render):
    html = render("<!-- ro:my-progress -->")
    assert "JavaScript is turned off" in html.select_one("[data-ro-nojs]").get_text()
    assert not html.select_one("[data-ro-nojs]").has_attr("hidden")
    assert html.select_one("[data-ro-progress-body]").has_attr("hidden")


def test_controls_are_buttons_and_a_labelled_file_input(render):
    html = render("<!-- ro:my-progress -->")
    assert html.select_one("button[data-ro-export]")["type"] == "button"
    assert html.select_one("button[data-ro-clear-all]")["type"] == "button"
    upload = html.select_one("input[type=file][data-ro-import]")
    assert html.select_one(f"label[for='{upload['id']}']").get_text(strip=True)
    assert html.select_one("[data-ro-status]")["aria-live"] == "polite"


def test_import_offers_merge_by_default_or_replace_in_one_labelled_group(render):
    html = render("<!-- ro:my-progress -->")
    group = html.select_one("fieldset.ro-my-progress__import")
    assert group.legend.get_text(strip=True) == "Bring in a file you downloaded before"
    radios = group.select("input[type=radio]")
    merge, replace = (r.find_parent("label").get_text(" ", strip=True) for r in radios)
    assert (merge.split(":")[0].strip(), replace.split(":")[0].strip()) == ("Merge", "Replace")
    assert len({r["name"] for r in radios}) == 1  # one choice: one Tab stop, arrows move between them
    assert radios[0].has_attr("checked") and not radios[1].has_attr("checked")
    assert radios[1].has_attr("data-ro-replace")  # what the script reads
    # The words of docs/my-progress.md: merge keeps everything, the newer item wins; Replace asks first.
    assert "keep everything either side has" in merge and "keep the newer one" in merge
    assert "start over from the file alone" in replace and "asks you first" in replace
    assert group.select_one("input[type=file][data-ro-import]")
    assert "replaces what is saved here" not in html.get_text()


def test_the_index_names_what_an_import_report_counts(render):
    words = _index(render("<!-- ro:my-progress -->"))["words"]
    # Whole phrases, one and more than one, per thing merge did: a translation's words agree with the item.
    assert words["checklists"]["added"] == ["{n} tick added", "{n} ticks added"]
    assert words["network"]["removed"] == ["{n} person removed", "{n} people removed"]
    assert words[""]["updated"] == ["{n} other item updated", "{n} other items updated"]  # the planner's, say
    assert all(sorted(verbs) == ["added", "removed", "updated"] for verbs in words.values())
    assert all(len(pair) == 2 and all("{n}" in text for text in pair) for verbs in words.values()
               for pair in verbs.values())


def test_sections_are_headed_at_the_chosen_level(render):
    html = render("<!-- ro:my-progress level=3 -->")
    titles = [h.get_text() for h in html.select("h3")]
    assert titles == ["Download, restore or delete", "My questions", "Checklists", "Worksheets",
                      "Message details", "People in your network"]
    assert not html.select("h2")


def test_level_none_is_refused(sample_guide):
    site = ro_site.Site(sample_guide)
    problems = site.check_pages({"me.md": "<!-- ro:my-progress level=none -->"})
    assert problems == ["docs/me.md:1: level=none in 'ro:my-progress' (expected level=2, 3 or 4: its sections need "
                        "headings)"]


def test_the_page_has_one_home(sample_guide):
    site = ro_site.Site(sample_guide)
    problems = site.check_pages({"a.md": "<!-- ro:my-progress -->", "b.md": "<!-- ro:my-progress -->"})
    assert len(problems) == 1 and "already on docs/a.md:1" in problems[0]


def test_index_escapes_nothing_it_should_not(render):
    raw = render("<!-- ro:my-progress -->").raw_html
    attribute = raw.split("data-ro-index='", 1)[1].split("'", 1)[0]
    assert "<" not in attribute and "'" not in attribute
    assert "\\u0026" in attribute  # the & of "time & place", escaped by tojson


def test_plain_drops_markup_and_keeps_characters():
    assert ro_safe_markdown.plain("How they got *here* & [there](https://example.org).") == "How they got here & there."
