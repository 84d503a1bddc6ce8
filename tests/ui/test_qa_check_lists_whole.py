"""QA finding (session 8): on a 1024×600 screen some check lists show only part of their
choices. « Sources de revenus » (9 choices) drew 5 in one column with blank space above
and below; « Adhésions », « Subventions », « Mécénat / fondations » and « Dons /
financement participatif » were invisible yet reachable with Tab and ticked with Space
(the visit then held a value the user could not see)."""

from PySide6.QtCore import QRect

from tests.ui.test_small_screen import SMALL, USUAL, at_size, visit_window  # noqa: F401


def hidden_boxes(form) -> list[str]:
    hidden = []
    for key, row in form.rows.items():
        boxes = getattr(row.editor, "boxes", None)
        if not boxes:
            continue
        area = row.editor.rect()
        for box in boxes.values():
            if not area.contains(QRect(box.geometry())):
                hidden.append(f"{key}: {box.text()}")
    return hidden


def test_every_choice_of_every_check_list_is_inside_its_field_at_1024_by_600(visit_window):  # noqa: F811
    form = at_size(visit_window, SMALL)
    hidden = hidden_boxes(form)
    assert not hidden, "; ".join(hidden)


def test_every_choice_of_every_check_list_is_inside_its_field_at_1366_by_768(visit_window):  # noqa: F811
    form = at_size(visit_window, USUAL)
    hidden = hidden_boxes(form)
    assert not hidden, "; ".join(hidden)
