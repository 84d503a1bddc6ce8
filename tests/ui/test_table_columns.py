"""A table's titles are readable: its figures' columns are as wide as their title, its
text columns share the rest, and each title is whole in its tooltip. Seven equal columns
cut a meeting's « Décision / résolution » to « cision / résoluti »."""

from __future__ import annotations

GOVERNANCE = "governance-meeting"


def test_a_meetings_decisions_show_every_title_whole(window, qtbot):
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    window.browser.reload_venues()
    window.open_visit(meeting.id, venue.id)
    table = window.visit_editor.form.editor("decisions").table
    window.resize(1366, 768)
    qtbot.wait(50)
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        title = item.text()
        needed = metrics.horizontalAdvance(title)
        assert header.sectionSize(column) >= needed, (title, header.sectionSize(column), needed)
        assert item.toolTip().startswith(title)
    figures = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())
               if header.sectionSize(c) < 120]  # fmt: skip
    assert {"Pour", "Contre", "Abstentions"} <= set(figures)
