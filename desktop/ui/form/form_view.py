"""A whole document form generated from a template: sections, labels, errors, carry-over.

The form knows nothing of storage: it emits `field_edited(key, value)` and is told
what to show with `load()` and `show_errors()`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.earlier_fields import read_through, replaced_keys
from desktop.core.forms.templates import FieldSpec, Section, Template
from desktop.core.forms.typed_dates import as_typed_in_the_form
from desktop.ui.form.earlier_fields_box import EarlierFieldsBox
from desktop.ui.form.editor_registry import make_editor
from desktop.ui.form.enter_key import moved_to_next_field
from desktop.ui.form.field_widgets import DateEditor, FieldEditor
from desktop.ui.form.narrow_rows import NarrowRows, in_label_column
from desktop.ui.form.table_editor import TableEditor
from desktop.ui.texts import fill

ERROR_STYLE = "color: #b00020;"
LABEL_WIDTH = 190
NAVIGATION_WIDTH, NAVIGATION_PADDING = 170, 5  # the list of sections, left of the form
CARRIED_STYLE = "color: #8a5a00; background: #fff4d6; border-radius: 3px; padding: 1px 4px;"
CONFLICT_STYLE = "color: #8a1f00; background: #ffe4dc; border-radius: 3px; padding: 1px 4px;"


# (not "enum": a combo offers only its choices)
REFUSING_KEYWORDS = {"pattern", "minimum", "maximum", "maxLength", "minLength", "format"}
TYPED_INTO = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView)


def may_be_refused(spec: FieldSpec) -> bool:
    """A field whose value validation can refuse (its row keeps room for the message)."""
    return (
        spec.required
        or spec.widget in {"number", "integer", "date"}
        or bool(REFUSING_KEYWORDS & spec.schema.keys())
    )


def name_field(editor: FieldEditor, spec: FieldSpec) -> None:
    """objectName = the template key (tests find fields by it), accessibleName = its title
    (what a screen reader says), on the editor and on the widget that takes the keys."""
    editor.setObjectName(spec.key)
    editor.setAccessibleName(spec.title)
    for child in editor.findChildren(QWidget):
        if isinstance(child, TYPED_INTO) and not child.accessibleName():
            child.setAccessibleName(spec.title)


class FieldRow(QWidget):
    """An editor with its error line and carried-over marker under it."""

    def __init__(self, editor: FieldEditor) -> None:
        super().__init__()
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        if may_be_refused(editor.spec):  # its message does not push the form down
            policy = self.error.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.error.setSizePolicy(policy)
            self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing())
        self.error.hide()
        self.carried = QLabel()
        self.carried.setStyleSheet(CARRIED_STYLE)
        self.carried.hide()
        self.conflict = QLabel()
        self.conflict.setStyleSheet(CONFLICT_STYLE)
        self.conflict.setWordWrap(True)
        self.conflict.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.carried, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.conflict)
        layout.addWidget(self.error)

    def set_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(as_typed_in_the_form(m) for m in messages))
        self.error.setVisible(bool(messages))

    def set_carried(self, text: str) -> None:
        self.carried.setText(text)
        self.carried.setVisible(bool(text))

    def set_conflict(self, text: str) -> None:
        self.conflict.setText(text)
        self.conflict.setVisible(bool(text))


class FormView(QWidget):
    field_edited = Signal(str, object)
    carry_over_confirmed = Signal(list)  # keys the user checked

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.rows: dict[str, FieldRow] = {}
        self.section_boxes: dict[str, QGroupBox] = {}
        self.section_notes: dict[str, QWidget] = {}
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setAccessibleName(self.tr("Sections de la fiche"))
        self.navigation.setWordWrap(True)  # long section titles wrap instead of scrolling
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setStyleSheet(
            f"QListWidget::item {{ padding: {NAVIGATION_PADDING}px 4px; }}"
        )
        self.navigation.currentRowChanged.connect(self.scroll_to_section_index)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.narrow_rows = NarrowRows(self.scroll)
        page = QWidget()
        self.page_layout = QVBoxLayout(page)
        for section in template.sections:
            self._add_section(section)
        self.earlier = EarlierFieldsBox(template)  # fields the template no longer has
        self.narrow_rows.add(self.earlier.form)
        self.page_layout.addWidget(self.earlier)
        self.extra_boxes: list[QGroupBox] = []
        self.page_layout.addStretch(1)
        self.scroll.setWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.scroll, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not moved_to_next_field(self.scroll.widget(), event):
            super().keyPressEvent(event)

    # ------------------------------------------------------------- building
    def _add_navigation_item(self, title: str) -> None:
        """A section's entry, as tall as its title wrapped in the list's width: Qt sizes a
        wrapped item before it knows that width, and cut long titles (« Documents de … »)."""
        item = QListWidgetItem(title)
        width = NAVIGATION_WIDTH - 2 * NAVIGATION_PADDING - 6  # the frame's and item's margins
        metrics = self.navigation.fontMetrics()
        flags = Qt.TextFlag.TextWordWrap
        height = metrics.boundingRect(QRect(0, 0, width, 1000), flags, title).height()
        item.setSizeHint(QSize(width, height + 2 * NAVIGATION_PADDING + 2))
        self.navigation.addItem(item)

    def _add_section(self, section: Section) -> None:
        self._add_navigation_item(section.title)
        box = QGroupBox(section.title)
        box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.narrow_rows.add(form)  # labels above their fields when the form is narrow
        if section.carry_over:
            form.addRow(self._carry_note(section))
        for spec in section.fields:
            editor = make_editor(spec)
            name_field(editor, spec)
            if isinstance(editor, DateEditor | TableEditor):
                editor.set_date_anchor(self._visit_date)
            editor.edited.connect(
                lambda key=spec.key, e=editor: self.field_edited.emit(key, e.value())
            )
            row = FieldRow(editor)
            label = QLabel(spec.title + (" *" if spec.required else ""))
            label.setWordWrap(True)
            if spec.widget not in {"table", "multiselect"}:
                in_label_column(label, LABEL_WIDTH)  # same label column in every section
            label.setBuddy(editor)
            if spec.description:
                label.setToolTip(spec.description)
                editor.setToolTip(spec.description)
            if spec.widget in {"table", "multiselect"}:
                form.addRow(label)
                form.addRow(row)
            else:
                form.addRow(label, row)
            self.rows[spec.key] = row
        self.section_boxes[section.id] = box
        self.page_layout.addWidget(box)

    def _visit_date(self) -> str | None:
        """Where an empty date's calendar opens: on the record's date (or today)."""
        row = self.rows.get(self.template.date_key)
        return row.editor.value() if row else None

    def _carry_note(self, section: Section) -> QWidget:
        note = QWidget()
        layout = QHBoxLayout(note)
        layout.setContentsMargins(0, 0, 0, 4)
        text = QLabel()
        text.setObjectName("carry_text")
        text.setStyleSheet(CARRIED_STYLE)
        text.setWordWrap(True)
        confirm = QPushButton(self.tr("Tout est à jour"))
        confirm.setToolTip(self.tr("Retirer la mention « reporté » des champs de cette section"))
        keys = [f.key for f in section.fields]
        confirm.clicked.connect(lambda: self.carry_over_confirmed.emit(keys))
        layout.addWidget(text, 1)
        layout.addWidget(confirm)
        note.hide()
        self.section_notes[section.id] = note
        return note

    def insert_above(self, key: str, widget: QWidget) -> None:
        """A widget that is not a field (earlier visits' actions), above the field key."""
        row = self.rows[key]
        layout = row.parentWidget().layout()
        index, _role = layout.getWidgetPosition(row)
        label = layout.labelForField(row)
        if label is None and index > 0:  # a wide field: its label is the row above
            index -= 1
        layout.insertRow(index, widget)

    def add_extra_section(self, title: str, widget: QWidget) -> QGroupBox:
        """A section that is not a template's (photos, documents), after the others."""
        self._add_navigation_item(title)
        box = QGroupBox(title)
        box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        self.page_layout.insertWidget(self.page_layout.count() - 1, box)  # before the stretch
        self.extra_boxes.append(box)
        return box

    def _section_boxes(self) -> list[QGroupBox]:
        earlier = [self.earlier] if self.earlier.fields else []
        return (
            [self.section_boxes[s.id] for s in self.template.sections] + earlier + self.extra_boxes
        )

    # ------------------------------------------------------------- showing
    def load(
        self,
        data: dict[str, Any],
        errors: dict[str, list[str]] | None = None,
        carried: frozenset[str] = frozenset(),
        carried_from: str | None = None,
    ) -> None:
        self._show_earlier(data)
        data = read_through(self.template, data)  # a renamed field shows its old value
        for key, row in self.rows.items():
            row.editor.set_value(data.get(key))
        self.show_errors(errors or {})
        self.show_carried(carried, carried_from)

    def _show_earlier(self, data: dict[str, Any]) -> None:
        """The box of fields of a previous version, and its entry in the section list
        (after the template's sections) while it has some."""
        listed = bool(self.earlier.fields)
        self.earlier.show_data(data)
        self.narrow_rows.refresh(self.earlier.form)
        row = len(self.template.sections)
        if listed and not self.earlier.fields:
            self.navigation.takeItem(row)
        elif self.earlier.fields and not listed:
            self.navigation.insertItem(row, self.earlier.title())

    def refresh_earlier(self, data: dict[str, Any], typing: set[str] | frozenset = frozenset()):
        """Stored data changed underneath (a colleague still on the older version edited
        an old field): the box again, and a renamed field that reads it, unless typed in."""
        self._show_earlier(data)
        shown = read_through(self.template, data)
        for old, new in replaced_keys(self.template).items():
            if old in data and new in self.rows and new not in data and new not in typing:
                self.rows[new].editor.set_value(shown.get(new))

    def set_field(self, key: str, value: Any) -> None:
        """Show a value stored meanwhile (another window, a command, a sync)."""
        if key in self.rows:
            self.rows[key].editor.set_value(value)

    def send_held(self) -> None:
        """What editors hold back while it is typed (a date half typed) is sent now."""
        for row in self.rows.values():
            if hasattr(row.editor, "send_held"):
                row.editor.send_held()

    def show_errors(self, errors: dict[str, list[str]]) -> None:
        for key, row in self.rows.items():
            row.set_errors(errors.get(key, []))

    def show_conflicts(self, texts: dict[str, str]) -> None:
        """A line under each field a colleague changed at the same time (see the sync)."""
        for key, row in self.rows.items():
            row.set_conflict(texts.get(key, ""))

    def _carried_origin(self, carried_from: str | None) -> str:
        """« visite du 11/02/2025 », or the template's own heading (« réunion du … »):
        carry-over comes from the last record of the same template."""
        heading = self.template.heading.casefold() if self.template.heading else ""
        return fill(self.tr("%1 %2"), heading or self.tr("visite du"), carried_from or "?")

    def show_carried(self, carried: frozenset[str], carried_from: str | None) -> None:
        origin = self._carried_origin(carried_from)
        marker = fill(self.tr("↺ Reporté de la %1 — à vérifier"), origin)
        for key, row in self.rows.items():
            row.set_carried(marker if key in carried else "")
        for section in self.template.sections:
            note = self.section_notes.get(section.id)
            if note is None:
                continue
            count = sum(1 for f in section.fields if f.key in carried)
            note.findChild(QLabel, "carry_text").setText(
                fill(
                    self.tr(
                        "%n champ(s) repris de la %1 : vérifiez-les avec le lieu.",
                        "",
                        count,
                    ),
                    origin,
                )
            )
            note.setVisible(count > 0)

    def editor(self, key: str) -> FieldEditor:
        return self.rows[key].editor

    # ------------------------------------------------------------- navigation
    def scroll_to_section_index(self, index: int) -> None:
        boxes = self._section_boxes()
        if 0 <= index < len(boxes):
            self.scroll.verticalScrollBar().setValue(boxes[index].y())

    def scroll_to_top(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)

    def focus_field(self, key: str, table_row: int = -1, at_top: bool = False) -> None:
        """Scroll to a field and give it the keyboard focus (a table: on that row); at_top:
        the page stays at its top, first heading shown (a new visit)."""
        row = self.rows.get(key)
        if not row:
            return
        editor = row.editor
        table = getattr(editor, "table", None)
        if table is not None and 0 <= table_row < table.rowCount():
            table.setCurrentCell(table_row, 0)
        target = table if table is not None else self._focusable(editor)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if at_top:
            self.scroll_to_top()
            QTimer.singleShot(0, self.scroll_to_top)  # after the layout of a form shown now
            return
        self.scroll.ensureWidgetVisible(row)
        # A form shown just now is laid out on the next turn of the event loop: scroll again.
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(row, 0, 80))

    @staticmethod
    def _focusable(editor: QWidget) -> QWidget:
        """The editor's first child that takes the keyboard (its line, combo, date...)."""
        for child in editor.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(editor):
                return child
        return editor

    def _follow_scroll(self, value: int) -> None:
        current = 0
        for index, box in enumerate(self._section_boxes()):
            if box.y() <= value + 20:
                current = index
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(current)
        self.navigation.blockSignals(False)
