"""Import that merges (issue 15), in Chromium on the sample site: two devices (two browser contexts, each with its
own storage and its own clock) tick, pick and type different and overlapping things at different times, export,
and bring each other's file in. Merge keeps the union, the newer of every item (a newer untick or clearing too),
and says what it did; Replace still replaces, after asking; a file from version 1 (no times) merges; a damaged or
foreign file changes nothing, byte for byte.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_support import STORAGE_KEY, Browsing, open_ready, store, stored, wait_stored
from test_browser_site import _axe

pytestmark = pytest.mark.browser

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BOXES = {"confirm": ("the-day-before", "Confirm the time & place by email."),
         "know-your-why": ("before-you-reach-out", "Write two sentences on what draws you to the field."),
         "research-field": ("before-you-reach-out", "Read about the field for an hour.")}
FIELDS = {"Their name": "their-name", "Date": "date"}
SLOTS = {"your-name": "Your name", "friend": "Your friend's name"}
KINDS = {"checklists": ("tick", "ticks"), "questions": ("question", "questions"), "worksheets": ("answer", "answers"),
         "slots": ("message detail", "message details"), "network": ("person", "people")}


class Device:
    """One browser (its own context: storage and clock) and what the test did on it: item → (value, second)."""

    def __init__(self, chromium, sample_url: str):
        self.session = Browsing(chromium, accept_downloads=True)
        self.page, self.url, self.did = self.session.page, sample_url, {}
        self.now = START

    def at(self, minutes: int) -> Device:
        """Set this device's clock (Date.now) to START + minutes; timers keep running."""
        self.now = START + timedelta(minutes=minutes)
        self.session.context.clock.set_fixed_time(self.now)
        return self

    def _done(self, key: tuple, value) -> None:
        self.did[key] = (value, int(self.now.timestamp()))

    def _on(self, path: str) -> None:
        if not self.page.url.endswith("/" + path):
            open_ready(self.page, self.url + path)

    def tick(self, item: str, on: bool = True) -> None:
        self._on("checklist/")
        box = self.page.get_by_label(BOXES[item][1])
        box.check() if on else box.uncheck()
        wait_stored(self.page, f"!!(s.checklists[{BOXES[item][0]!r}] || {{}})[{item!r}] === {str(on).lower()}")
        self._done(("checklists", item), True if on else None)

    def pick(self, question: str) -> None:
        self._on("questions/")
        self.page.locator(f"#q-{question} [data-ro-pick]").click()
        wait_stored(self.page, f"s.questions.some((q) => q.id === {question!r})")
        self._done(("questions", question), True)

    def answer(self, label: str, value: str) -> None:
        self._on("worksheet/")
        self.page.get_by_label(label, exact=True).fill(value)
        wait_stored(self.page, f"((s.worksheets['conversation-prep'] || {{}}).values || {{}})[{FIELDS[label]!r}]"
                               f" === {json.dumps(value) if value else 'undefined'}")
        self._done(("worksheets", label), value or None)

    def slot(self, slot: str, value: str) -> None:
        self._on("template/")
        self.page.get_by_label(SLOTS[slot], exact=True).first.fill(value)
        wait_stored(self.page, f"s.slots[{slot!r}] === {value!r}")
        self._done(("slots", slot), value)

    def add_person(self, name: str) -> None:
        self._on("network-map/")
        family = self.page.locator("#net-family")
        family.get_by_label("Name").fill(name)
        family.get_by_role("button", name="Add to Family").click()
        wait_stored(self.page, f"(s.network.family || []).some((p) => p.name === {name!r})")
        self._done(("network", name), True)

    def export(self, tmp_path: Path, name: str) -> Path:
        self._on("my-progress/")
        with self.page.expect_download() as info:
            self.page.get_by_role("button", name="Download everything as one file").click()
        path = tmp_path / name
        info.value.save_as(path)
        return path

    def bring_in(self, path: Path, replace: bool = False) -> str:
        """Import `path` by Merge (or Replace, confirming); the live region's words."""
        self._on("my-progress/")
        self.page.get_by_role("radio", name="Replace" if replace else "Merge").check()
        status = self.page.locator(".ro-my-progress__files [data-ro-status]")
        self.page.evaluate("document.querySelector('.ro-my-progress__files [data-ro-status]').textContent = ''")
        if replace:
            self.page.once("dialog", lambda d: d.accept())
        self.page.get_by_label("File to bring in").set_input_files(str(path))
        expect(status).not_to_have_text("")
        return status.inner_text()

    def items(self) -> dict:
        """What this device has saved now, by the same keys as `did` (values only)."""
        s = stored(self.page)
        values = s["worksheets"].get("conversation-prep", {}).get("values", {})
        labels = {v: k for k, v in FIELDS.items()}
        return {**{("checklists", i): True for ticks in s["checklists"].values() for i, on in ticks.items() if on},
                **{("questions", q["id"]): True for q in s["questions"]},
                **{("worksheets", labels.get(k, k)): v for k, v in values.items()},
                **{("slots", k): v for k, v in s["slots"].items()},
                **{("network", p["name"]): True for people in s["network"].values() for p in people}}


@pytest.fixture
def devices(chromium, sample_url):
    made = []

    def device() -> Device:
        made.append(Device(chromium, sample_url))
        return made[-1]

    yield device
    errors = [e for d in made for e in d.session.errors]
    for d in made:
        d.session.close()
    assert errors == [], f"script errors: {errors}"


def _expected(mine: dict, theirs: dict) -> tuple[dict, Counter]:
    """What merging `theirs` into `mine` gives (each: key → (value or None for removed, second)), and the counts."""
    result, counts = {}, Counter()
    for key in mine.keys() | theirs.keys():
        (a, ta), (b, tb) = mine.get(key, (None, 0)), theirs.get(key, (None, 0))
        take = a != b and (tb > ta or (tb == ta and a is None))
        if take:
            counts[key[0], "added" if a is None else "removed" if b is None else "updated"] += 1
        result[key] = b if take else a
    return {k: v for k, v in result.items() if v is not None}, counts


def _counts(report: str) -> Counter:
    """The page's report read back: (section, verb) → n."""
    words = {w: k for k, pair in KINDS.items() for w in pair}
    found = Counter()
    for n, word, verb in re.findall(r"(\d+) (\w+(?: \w+)?) (added|updated|removed)", report):
        found[words[word], verb] += int(n)
    return found


def test_two_devices_merge_both_ways_the_newer_item_winning(devices, tmp_path):
    laptop, phone = devices(), devices()
    laptop.at(0)
    laptop.tick("confirm")
    laptop.tick("know-your-why")
    laptop.pick("who-else")
    laptop.answer("Their name", "Ana")
    laptop.add_person("Aunt May")
    phone.at(60)
    phone.tick("confirm")
    phone.tick("research-field")
    phone.answer("Their name", "Bo")  # newer than the laptop's "Ana"
    phone.slot("your-name", "Sam")
    phone.slot("friend", "Lee")
    phone.add_person("Jo")
    phone.at(90).tick("confirm", on=False)  # a newer untick than the laptop's tick
    laptop.at(120).tick("research-field")
    laptop.at(150).tick("research-field", on=False)  # newer than the phone's tick
    laptop.slot("your-name", "Alex")  # newer than the phone's "Sam"
    laptop_had, phone_had = dict(laptop.did), dict(phone.did)
    assert laptop.items() == {k: v for k, (v, _) in laptop_had.items() if v is not None}
    from_laptop, from_phone = laptop.export(tmp_path, "laptop.json"), phone.export(tmp_path, "phone.json")

    for device, mine, theirs, file in ((phone, phone_had, laptop_had, from_laptop),
                                       (laptop, laptop_had, phone_had, from_phone)):
        device.at(200)
        report = device.bring_in(file)
        want, counts = _expected(mine, theirs)
        assert report.startswith(f"Merged “{file.name}”: "), report
        assert _counts(report) == counts, report
        assert report.endswith(", nothing removed.") == (not any(verb == "removed" for _, verb in counts)), report
        assert device.items() == want
    # Both ways, the same result: the union, with the newer of every item.
    assert laptop.items() == phone.items()
    merged = laptop.items()
    assert merged[("worksheets", "Their name")] == "Bo" and merged[("slots", "your-name")] == "Alex"
    assert ("checklists", "confirm") not in merged and ("checklists", "research-field") not in merged
    assert {("checklists", "know-your-why"), ("questions", "who-else"), ("network", "Aunt May"), ("network", "Jo"),
            ("slots", "friend")} <= merged.keys()
    # The merged items keep their own times, so a third device can merge again correctly.
    state = stored(phone.page)
    assert state["version"] == 2
    assert state["changed"]["slots your-name"] == int((START + timedelta(minutes=150)).timestamp())
    # The page shows it too.
    laptop.page.reload()
    assert "Jo" in laptop.page.locator("#my-progress-network").inner_text()
    # The same file again: nothing new.
    raw = phone.page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert phone.bring_in(from_laptop) == "Nothing new in “laptop.json”: this browser already had all of it."
    assert phone.page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) == raw


def test_the_export_carries_when_each_item_changed(devices, tmp_path):
    laptop = devices()
    laptop.at(0).tick("confirm")
    laptop.at(5).tick("confirm", on=False)
    laptop.at(7).answer("Their name", "Ana")
    laptop.at(9).answer("Their name", "")  # cleared: a change too
    file = json.loads(laptop.export(tmp_path, "mine.json").read_text(encoding="utf-8"))
    assert (file["format"], file["version"]) == ("reaching-out", 2)
    second = int(START.timestamp())
    assert file["data"]["changed"] == {"checklists the-day-before confirm": second + 300,
                                       "worksheets conversation-prep values their-name": second + 540}


def test_a_version_1_file_without_times_merges_and_adds_its_items(devices, tmp_path):
    phone = devices()
    phone.at(0)
    phone.answer("Their name", "Bo")
    phone.tick("research-field")
    phone.tick("research-field", on=False)
    phone.tick("know-your-why")
    old = {"format": "reaching-out", "version": 1, "exported": "2025-11-02T10:00:00Z", "data": {
        "version": 1,
        "checklists": {"the-day-before": {"confirm": True}, "before-you-reach-out": {"research-field": True}},
        "questions": [{"id": "who-else", "text": "Who else should I talk to?"}],
        "worksheets": {"conversation-prep": {"values": {"their-name": "Ana", "date": "2025-11-01"}}},
        "network": {"family": [{"id": "p1", "name": "Aunt May", "note": "", "asked": True, "talked": False}]}}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    report = phone.at(10).bring_in(path)
    # Its items are older than any timed one here: "Bo" and the untick stay; what only it has is added.
    assert _counts(report) == Counter({("checklists", "added"): 1, ("questions", "added"): 1,
                                       ("worksheets", "added"): 1, ("network", "added"): 1}), report
    assert report.endswith(", nothing removed."), report
    assert phone.items() == {("checklists", "confirm"): True, ("checklists", "know-your-why"): True,
                             ("questions", "who-else"): True, ("worksheets", "Their name"): "Bo",
                             ("worksheets", "Date"): "2025-11-01", ("network", "Aunt May"): True}


def test_replace_still_replaces_after_asking(devices, tmp_path):
    laptop, phone = devices(), devices()
    laptop.at(0).tick("confirm")
    phone.at(5).tick("know-your-why")
    phone.add_person("Jo")
    file = laptop.export(tmp_path, "laptop.json")
    open_ready(phone.page, phone.url + "my-progress/")
    phone.page.once("dialog", lambda d: d.dismiss())
    phone.page.get_by_role("radio", name="Replace").check()
    phone.page.get_by_label("File to bring in").set_input_files(str(file))
    expect(phone.page.locator(".ro-my-progress__files [data-ro-status]")).to_have_text("Nothing was changed.")
    assert phone.items() == {("checklists", "know-your-why"): True, ("network", "Jo"): True}
    assert phone.bring_in(file, replace=True) == "Restored everything from “laptop.json”."
    assert stored(phone.page) == json.loads(file.read_text(encoding="utf-8"))["data"]
    assert phone.items() == {("checklists", "confirm"): True}


SAVED = {"version": 2, "checklists": {"the-day-before": {"confirm": True}}, "questions": [], "worksheets": {},
         "slots": {"your-name": "Sam"}, "network": {}, "changed": {"checklists the-day-before confirm": 1772442000}}


@pytest.mark.parametrize("replace", [False, True], ids=["merge", "replace"])
@pytest.mark.parametrize(("content", "reason"), [
    ('{"format": "reaching-out", "version": 2, "data": {"checklists": ', "it could not be read as JSON"),
    ({"format": "another-site", "version": 2, "data": {}}, "it is not a progress file from this guide"),
    ({"format": "reaching-out", "version": 2, "data": {"checklists": {"the-day-before": {"confirm": "yes"}}}},
     "its checklists part is damaged"),
    ({"format": "reaching-out", "version": 2, "data": {"changed": {"slots your-name": "yesterday"}}},
     "its changed part is damaged"),
    ({"format": "reaching-out", "version": 3, "data": {}}, "it comes from a newer version of the guide"),
], ids=["bad-json", "foreign", "damaged-section", "damaged-times", "newer"])
def test_a_damaged_or_foreign_file_changes_nothing_byte_for_byte(page, sample_url, tmp_path, content, reason,
                                                                  replace):
    open_ready(page, sample_url)
    store(page, json.dumps(SAVED, indent=1))
    open_ready(page, sample_url + "my-progress/")
    before = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    path = tmp_path / "progress.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    page.get_by_role("radio", name="Replace" if replace else "Merge").check()
    page.get_by_label("File to bring in").set_input_files(str(path))
    status = page.locator(".ro-my-progress__files [data-ro-status]")
    expect(status).to_contain_text("Nothing was changed.")
    assert status.inner_text().startswith("“progress.json” was not restored: ")
    assert reason in status.inner_text()
    assert dialogs == []
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) == before


def test_the_choice_and_the_file_by_keyboard(devices, tmp_path):
    laptop, phone = devices(), devices()
    laptop.at(0).tick("confirm")
    file = laptop.export(tmp_path, "laptop.json")
    phone.at(5).tick("know-your-why")
    page = phone.page
    # A listener from the start makes Chromium hand file choosers to Playwright before the key is pressed (the
    # context manager below turns that on as it starts, which raced the key press once on a loaded machine).
    page.on("filechooser", lambda _: None)
    open_ready(page, phone.url + "my-progress/")
    page.get_by_role("button", name="Delete everything saved").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "radio"
    expect(page.get_by_role("radio", name="Merge")).to_be_focused()
    expect(page.get_by_role("radio", name="Merge")).to_be_checked()  # the default
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Replace")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("radio", name="Merge")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "my-progress-import"
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(file))
    expect(page.locator(".ro-my-progress__files [data-ro-status]")).to_have_text(
        "Merged “laptop.json”: 1 tick added, nothing removed.")
    assert phone.items() == {("checklists", "confirm"): True, ("checklists", "know-your-why"): True}


def test_my_progress_with_the_import_choice_is_axe_clean(page, sample_url):
    open_ready(page, sample_url)
    store(page, SAVED)
    open_ready(page, sample_url + "my-progress/")
    group = page.get_by_role("group", name="Bring in a file you downloaded before")
    expect(group.get_by_role("radio")).to_have_count(2)
    assert _axe(page) == []


@pytest.mark.parametrize("data", [
    {"x __proto__ polluted": "yes"},  # a section of its own whose key walks onto Object.prototype
    {"worksheets": {"conversation-prep": {"a __proto__ polluted": "yes"}}},  # a key inside a worksheet
    {"network": {"family": [{"id": "x __proto__ polluted", "name": "Bob"}]}},  # a person's id
], ids=["section", "worksheet-key", "person-id"])
def test_a_crafted_file_cannot_reach_the_scripts_objects(devices, tmp_path, data):
    """Keys with spaces or __proto__ in them never come from this guide; merging one must not set a property on
    every object of the page (Object.prototype), and it brings nothing in."""
    phone = devices()
    phone.at(0).tick("confirm")
    path = tmp_path / "crafted.json"
    path.write_text(json.dumps({"format": "reaching-out", "version": 2, "data": {"version": 2, **data}}),
                    encoding="utf-8")
    phone.bring_in(path)
    assert phone.page.evaluate("({}).polluted") is None
    state = stored(phone.page)
    assert "x" not in state and not any(isinstance(p, dict) and not p for p in state["network"].get("family", []))
