"""One editor widget per template widget kind, all with the same small interface.

Each editor emits `edited` when the user changes it (never when the program loads a
value), returns its value with `value()` (None when empty), and shows a value with
`set_value()`. Text the user typed is never thrown away: a number field that does not
parse keeps the raw text, which validation then flags. The table editor is in
table_editor.py; editor_registry.py picks the editor of a field.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.forms.french import number_as_typed
from desktop.core.forms.templates import FieldSpec
from desktop.core.forms.typed_dates import is_unreadable
from desktop.core.forms.typed_numbers import parse_number
from desktop.ui.form.date_field import DateField
from desktop.ui.form.reflow_layout import ReflowLayout
from desktop.ui.form.wheel_guard import guard_wheel


class FieldEditor(QWidget):
    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def _layout(self) -> QHBoxLayout:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        return layout


class TextEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(spec.description)
        self.line.textEdited.connect(self.edited)
        self._layout().addWidget(self.line)

    def value(self) -> Any:
        return self.line.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class LongTextEditor(FieldEditor):
    """Multi-line text that grows with its content, so the page scrolls, not the box."""

    MIN_LINES, MAX_LINES = 3, 14

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QPlainTextEdit()
        self.box.setTabChangesFocus(True)
        self.box.setPlaceholderText(spec.description)
        self.box.textChanged.connect(self._on_changed)
        self._loading = False
        self._layout().addWidget(self.box)
        self._fit()

    def _on_changed(self) -> None:
        self._fit()
        if not self._loading:
            self.edited.emit()

    def _fit(self) -> None:
        lines = self.box.document().size().height()  # in lines for a plain text document
        shown = max(self.MIN_LINES, min(self.MAX_LINES, int(lines) + 1))
        metrics = self.box.fontMetrics()
        self.box.setFixedHeight(int(shown * metrics.lineSpacing() + 14))

    def value(self) -> Any:
        text = self.box.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self._loading = True
        self.box.setPlainText("" if value is None else str(value))
        self._loading = False


class NumberEditor(FieldEditor):
    """A line edit rather than a spin box: it can be empty and takes « 1 234,5 »."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit()
        self.line.setMaximumWidth(180)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.textEdited.connect(self.edited)
        self.line.editingFinished.connect(self._drop_typed_unit)
        layout = self._layout()
        layout.addWidget(self.line)
        if spec.unit:
            layout.addWidget(QLabel(spec.unit))
        layout.addStretch(1)

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        try:
            return parse_number(text, self.spec.widget == "integer", self.spec.unit)
        except ValueError:
            return text  # kept as typed; validation says what is wrong

    def _drop_typed_unit(self) -> None:
        """« 45 000 € » typed: the box shows « 45 000 » once left, the unit stays beside
        it (as the value is shown when the record is opened again)."""
        text, integer = self.line.text(), self.spec.widget == "integer"
        try:
            parse_number(text, integer)
        except ValueError:
            with contextlib.suppress(ValueError):  # read only with its unit: it had one
                self.line.setText(number_as_typed(parse_number(text, integer, self.spec.unit)))

    def set_value(self, value: Any) -> None:
        """« 2 400 » and « 1 234,5 » come back as the user typed them."""
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        text = number_as_typed(value) if is_number else ("" if value is None else str(value))
        self.line.setText(text)


class SelectEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.addItem("—", None)
        for value, label in spec.choices:
            self.combo.addItem(label, value)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(self.edited)
        guard_wheel(self.combo)
        layout = self._layout()
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:  # a value from a newer template: keep it visible
            self.combo.addItem(f"{value} (?)", value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


class YesNoEditor(SelectEditor):
    """Yes / no / not said: an unchecked box would wrongly mean « non »."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        yes_no = FieldSpec(
            spec.key, spec.title, spec.widget, spec.schema, choices=((True, "Oui"), (False, "Non"))
        )
        super().__init__(yes_no, parent)
        self.spec = spec
        self.combo.setItemText(1, self.tr("Oui"))
        self.combo.setItemText(2, self.tr("Non"))

    def set_value(self, value: Any) -> None:
        index = {True: 1, False: 2}.get(value, 0) if isinstance(value, bool) else 0
        self.combo.setCurrentIndex(index)


class MultiSelectEditor(FieldEditor):
    COLUMNS = 2  # at most: one when the form is narrow (reflow_layout.py)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        grid = ReflowLayout(self, columns=self.COLUMNS, spacing=(6, 2))
        self.boxes: dict[Any, QCheckBox] = {}
        for value, label in spec.choices:
            box = QCheckBox(label)
            box.clicked.connect(self.edited)
            grid.addWidget(box)
            self.boxes[value] = box
        self._unknown: list[Any] = []

    def resizeEvent(self, event) -> None:
        """The form gives a row its hinted height (two columns); narrowed to one column,
        the list asks for the height of all its lines, or its last choices were drawn
        outside it (unseen, yet reachable with Tab and ticked with Espace)."""
        super().resizeEvent(event)
        needed = self.layout().heightForWidth(event.size().width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def value(self) -> Any:
        chosen = [v for v, box in self.boxes.items() if box.isChecked()]
        return (chosen + self._unknown) or None

    def set_value(self, value: Any) -> None:
        values = value if isinstance(value, list) else []
        for item, box in self.boxes.items():
            box.setChecked(item in values)
        # Kept, never dropped: a value of a newer template, or a list or an object that a
        # colleague's tool wrote there (unhashable: no box is it).
        self._unknown = [v for v in values if isinstance(v, list | dict) or v not in self.boxes]


class DateEditor(FieldEditor):
    """A date typed the French way (date_field.py). A text that is not (yet) a date is
    saved as typed once the user stops on it, so a date half typed is not flagged."""

    UNREADABLE_DELAY_MS = 1500

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.field = DateField(with_message=False)  # the form shows the message
        self.field.edited.connect(self._typed)
        self.field.committed.connect(self._committed)
        self.setFocusProxy(self.field)
        self._later = QTimer(self, singleShot=True, interval=self.UNREADABLE_DELAY_MS)
        self._later.timeout.connect(self.edited)
        self._sent: object = None
        self._layout().addWidget(self.field)

    def _typed(self) -> None:
        value = self.field.value()
        if value is None or not is_unreadable(value):
            self._later.stop()
            self._send(value)
        else:
            self._later.start()

    def send_held(self) -> None:
        """A text that is not a date yet is sent now (the app closes, a record opens)."""
        if self._later.isActive():
            self._committed()

    def _committed(self) -> None:
        self._later.stop()
        self._send(self.field.value())

    def _send(self, value: Any) -> None:
        if value != self._sent:
            self._sent = value
            self.edited.emit()

    def set_date_anchor(self, anchor) -> None:
        """Where the calendar opens when the field is empty (the visit's date)."""
        self.field.anchor = anchor

    def value(self) -> Any:
        return self.field.value()

    def set_value(self, value: Any) -> None:
        self._later.stop()
        self._sent = value
        self.field.set_value(value)
