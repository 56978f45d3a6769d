"""The My progress page in Chromium: everything in one view; export, import (checked first; merge or replace) and
clear all. Merging two devices' files is tested in test_browser_merge.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_support import open_ready, store, stored

pytestmark = pytest.mark.browser

SAVED = {
    "version": 1,
    "checklists": {"the-day-before": {"confirm": True}, "before-you-reach-out": {"research-field": True}},
    "questions": [{"id": "who-else", "text": "Who else should I talk to?"},
                  {"id": "retired-question", "text": "A question the guide no longer has"}],
    "worksheets": {"conversation-prep": {"values": {
        "their-name": "Ana", "format": "phone", "sent-questions": True, "intro": "I teach.\nSolar next.",
        "contacts--1--name": "Bo", "contacts--3--name": "Cy", "contacts--3--contacted": True},
        "rows": {"contacts": 3}}},
    "slots": {"your-name": "Sam", "friend": "Lee"},
    "network": {"family": [{"id": "p1", "name": "Aunt May", "note": "nurse", "asked": True, "talked": False}]},
    "from-a-later-version": {"kept": True},
}


# What the page saves SAVED as (version 1, read and upgraded): the same items, no times yet.
UPGRADED = {**SAVED, "version": 2, "changed": {}}


@pytest.fixture
def progress(page, sample_url):
    """The My progress page with SAVED in storage."""
    open_ready(page, sample_url)
    store(page, SAVED)
    open_ready(page, sample_url + "my-progress/")
    return page


def _file(tmp_path, name: str, content) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_everything_saved_is_shown(progress):
    page = progress
    assert page.locator("[data-ro-nojs]").is_hidden()
    checklists = page.locator("#my-progress-checklists")
    assert checklists.locator("dt").all_inner_texts() == ["The day before", "Before you reach out"]
    assert checklists.locator("dd").all_inner_texts() == ["1 of 1 done: Confirm the time & place by email.",
                                                         "1 of 2 done: Read about the field for an hour."]
    assert checklists.get_by_role("link", name="The day before").get_attribute("href") == \
        "../checklist/#cl-the-day-before"
    sheets = page.locator("#my-progress-worksheets")
    assert sheets.get_by_role("heading", name='Conversation "prep"').is_visible()
    text = sheets.inner_text()
    assert [line for line in text.splitlines() if line][2:] == [
        "Their name", "Ana", "How you will meet", "Phone", "I sent my questions ahead", "Yes",
        "Your short introduction", "I teach.", "Solar next.", "People they mentioned, row 1: Name", "Bo",
        "People they mentioned, row 3: Name", "Cy", "People they mentioned, row 3: Contacted", "Yes"]
    slots = page.locator("#my-progress-slots").inner_text()
    assert "Your name\nSam" in slots and "Your friend's name\nLee" in slots
    assert page.locator("#my-progress-network dd").all_inner_texts() == ["Aunt May — nurse (asked)"]
    mine = page.locator("[data-ro-myq-list] li .ro-myq__text")
    assert mine.all_inner_texts() == ["Who else should I talk to?", "A question the guide no longer has"]
    assert mine.first.get_attribute("href") == "../questions/#q-who-else"


def test_an_empty_browser_says_nothing_is_saved(page, sample_url):
    open_ready(page, sample_url + "my-progress/")
    for part in ("checklists", "worksheets", "slots", "network"):
        assert page.locator(f"#my-progress-{part} [data-ro-empty]").is_visible()
    assert "No questions picked yet" in page.locator("[data-ro-myq]").inner_text()


def test_my_questions_can_be_reordered_here_too(progress):
    progress.get_by_role("button", name="Move down: Who else should I talk to?").click()
    assert [q["id"] for q in stored(progress)["questions"]] == ["retired-question", "who-else"]


def test_export_clear_import_round_trip(progress, tmp_path):
    page = progress
    with page.expect_download() as info:
        page.get_by_role("button", name="Download everything as one file").click()
    download = info.value
    assert download.suggested_filename.startswith("reaching-out-progress-")
    assert download.suggested_filename.endswith(".json")
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["format"] == "reaching-out" and exported["version"] == 2 and exported["exported"]
    assert exported["data"] == UPGRADED

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Delete everything saved").click()
    expect(page.locator(".ro-my-progress__files [data-ro-status]")).to_have_text(
        "Everything the guide saved in this browser is deleted.")
    assert stored(page) is None
    assert page.locator("#my-progress-checklists [data-ro-empty]").is_visible()

    questions = []
    page.once("dialog", lambda d: (questions.append(d.message), d.accept()))
    page.get_by_role("radio", name="Replace").check()
    page.get_by_label("File to bring in").set_input_files(download.path())
    expect(page.locator(".ro-my-progress__files [data-ro-status]")).to_contain_text("Restored everything")
    assert "Replace everything saved in this browser" in questions[0]
    assert stored(page) == UPGRADED
    assert "Aunt May" in page.locator("#my-progress-network").inner_text()
    open_ready(page, page.url.replace("my-progress/", "worksheet/"))
    expect(page.get_by_label("Name, row 3")).to_have_value("Cy")


def test_merge_is_the_default_and_brings_everything_into_an_empty_browser(progress, tmp_path):
    page = progress
    with page.expect_download() as info:
        page.get_by_role("button", name="Download everything as one file").click()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Delete everything saved").click()
    expect(page.get_by_role("radio", name="Merge")).to_be_checked()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    info.value.save_as(tmp_path / "mine.json")
    page.get_by_label("File to bring in").set_input_files(tmp_path / "mine.json")
    expect(page.locator(".ro-my-progress__files [data-ro-status]")).to_have_text(
        "Merged “mine.json”: 2 ticks added, 2 questions added, 8 answers added, "
        "2 message details added, 1 person added, 1 other item added, nothing removed.")
    assert dialogs == []  # merging drops nothing, so it does not ask
    assert stored(page) == UPGRADED


def test_clear_all_asks_first(progress):
    progress.once("dialog", lambda d: d.dismiss())
    progress.get_by_role("button", name="Delete everything saved").click()
    assert stored(progress) == SAVED


@pytest.mark.parametrize(("content", "reason"), [
    ('{"format": "reaching-out", "version": 1, "data": {"checklists": ', "it could not be read as JSON"),
    ("\x00\x01 not text at all", "it could not be read as JSON"),
    ({"format": "another-site", "version": 1, "data": {}}, "it is not a progress file from this guide"),
    ([{"id": 1}], "it is not a progress file from this guide"),
    ({"checklists": {"the-day-before": {"confirm": True}}}, "it is not a progress file from this guide"),
    ({"format": "reaching-out", "version": 1}, "it is incomplete or damaged"),
    ({"format": "reaching-out", "version": 1, "data": {"checklists": {"the-day-before": "yes"}}},
     "its checklists part is damaged"),
    ({"format": "reaching-out", "version": 1, "data": {"questions": [{"id": "Not An Id"}],
                                                       "network": {"family": [{"name": 3}]}}},
     "its questions, network part is damaged"),
    ({"format": "reaching-out", "version": 2, "data": {"changed": {"checklists the-day-before confirm": 1.5}}},
     "its changed part is damaged"),
    ({"format": "reaching-out", "version": 99, "data": {}}, "it comes from a newer version of the guide"),
])
def test_a_wrong_or_damaged_file_changes_nothing(progress, tmp_path, content, reason):
    page = progress
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    page.get_by_label("File to bring in").set_input_files(_file(tmp_path, "progress.json", content))
    status = page.locator(".ro-my-progress__files [data-ro-status]")
    expect(status).to_contain_text("Nothing was changed.")
    assert reason in status.inner_text()
    assert "“progress.json” was not restored" in status.inner_text()
    assert dialogs == []  # refused before anything is asked
    assert stored(page) == SAVED
    assert page.get_by_label("File to bring in").input_value() == ""


def test_a_valid_file_is_not_used_unless_confirmed(progress, tmp_path):
    page = progress
    other = {"format": "reaching-out", "version": 1, "exported": "2026-01-02T10:00:00Z",
             "data": {"version": 1, "checklists": {"the-day-before": {"confirm": True}}}}
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("radio", name="Replace").check()
    page.get_by_label("File to bring in").set_input_files(_file(tmp_path, "mine.json", other))
    expect(page.locator(".ro-my-progress__files [data-ro-status]")).to_have_text("Nothing was changed.")
    assert stored(page) == SAVED


def test_an_older_file_is_migrated_on_import(progress, tmp_path):
    page = progress
    old = {"format": "reaching-out", "version": 0, "data": {"checklists": {"the-day-before": ["confirm"]}}}
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("radio", name="Replace").check()
    page.get_by_label("File to bring in").set_input_files(_file(tmp_path, "old.json", old))
    expect(page.locator(".ro-my-progress__files [data-ro-status]")).to_contain_text("Restored")
    state = stored(page)
    assert state["version"] == 2
    assert state["checklists"] == {"the-day-before": {"confirm": True}}
    assert state["questions"] == []  # replaced, not merged


def test_restore_is_keyboard_operable(progress):
    page = progress
    page.get_by_role("button", name="Download everything as one file").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the Merge/Replace choice: one Tab stop, arrows choose
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "my-progress-import"
