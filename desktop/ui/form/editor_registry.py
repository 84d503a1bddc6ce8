"""Which editor shows a template field: its widget kind (`x-widget`) -> an editor class.

Kept apart from the editors so that field_widgets and table_editor (an editor built on
FieldEditor) need not import each other: only this module knows them both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.forms.templates import FieldSpec
from desktop.ui.form.field_widgets import (
    DateEditor,
    FieldEditor,
    LongTextEditor,
    MultiSelectEditor,
    NumberEditor,
    SelectEditor,
    TextEditor,
    YesNoEditor,
)
from desktop.ui.form.table_editor import TableEditor

EDITORS: dict[str, type[FieldEditor]] = {
    "text": TextEditor,
    "textarea": LongTextEditor,
    "number": NumberEditor,
    "integer": NumberEditor,
    "select": SelectEditor,
    "checkbox": YesNoEditor,
    "multiselect": MultiSelectEditor,
    "date": DateEditor,
    "table": TableEditor,
}


def make_editor(spec: FieldSpec, parent: QWidget | None = None) -> FieldEditor:
    editor = EDITORS[spec.widget](spec, parent)
    editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return editor
