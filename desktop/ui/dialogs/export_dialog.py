"""« Exporter… » (Ctrl+E): Excel or CSV tables for the network, or the lossless JSON file.

The dialog asks what to export (format, venue, period, personal data), then a save-file
dialog asks where; the export runs in the background through the main window's helper
and ends with a message in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from desktop.ui import file_dialogs
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.form.wheel_guard import guard_wheel
from desktop.ui.texts import fill

EXTENSIONS = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json"}


@dataclass(frozen=True)
class ExportChoice:
    fmt: str  # xlsx, csv or json
    venue_ids: tuple[str, ...] = ()  # all venues when empty
    date_from: date | None = None
    date_to: date | None = None
    include_personal: bool = False


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    def __init__(self, current_venue: tuple[str, str] | None = None, parent=None) -> None:
        """current_venue: (id, name) of the venue selected in the window, if any."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exporter"))
        self.format = QComboBox()
        self.format.addItem(self.tr("Excel (.xlsx) — visites, actions, lieux"), "xlsx")
        self.format.addItem(self.tr("CSV (3 fichiers, pour Excel en français)"), "csv")
        self.format.addItem(self.tr("JSON sans perte (pour un autre ordinateur Carnet)"), "json")
        self.venue = QComboBox()
        self.venue.addItem(self.tr("Tous les lieux"), None)
        if current_venue:
            venue_id, name = current_venue
            self.venue.addItem(fill(self.tr("Ce lieu : %1"), name), venue_id)
        today = QDate.currentDate()
        self.use_from = QCheckBox(self.tr("Du"))
        self.date_from = self._date_edit(QDate(today.year(), 1, 1))
        self.use_to = QCheckBox(self.tr("au"))
        self.date_to = self._date_edit(today)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            row.addWidget(widget)
        row.addStretch(1)
        self.personal = QCheckBox(self.tr("Inclure les données personnelles"))
        self.scope_note = QLabel()
        self.scope_note.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "<b>Données personnelles (RGPD).</b> L'export contiendra les noms des personnes "
                "rencontrées et, pour les photos, les légendes et les références d'autorisation. "
                "N'incluez ces données que si le destinataire en a besoin et le droit de les "
                "traiter ; ne les envoyez pas aux financeurs. Rangez le fichier à l'abri et "
                "supprimez-le quand il ne sert plus."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a12622;")
        self.personal.toggled.connect(self._update)
        self.format.currentIndexChanged.connect(self._update)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Exporter…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format :"), self.format)
        form.addRow(self.tr("Lieux :"), self.venue)
        form.addRow(self.tr("Période :"), period)
        form.addRow(self.personal)
        form.addRow(self.scope_note)
        form.addRow(self.warning)
        form.addRow(buttons)
        self.setMinimumWidth(520)
        self._update()

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setEnabled(False)
        return guard_wheel(edit)  # the wheel changes it only once focused

    def _update(self) -> None:
        tables = self.format.currentData() != "json"
        for widget in (self.venue, self.use_from, self.use_to):
            widget.setEnabled(tables)
        self.date_from.setEnabled(tables and self.use_from.isChecked())
        self.date_to.setEnabled(tables and self.use_to.isChecked())
        if tables:
            self.scope_note.setText(
                self.tr(
                    "Une ligne par visite, une par action à mener, une par lieu ; les éléments "
                    "à la corbeille n'y sont pas. Sans la case, ni les personnes rencontrées ni "
                    "les informations sur les photos n'y figurent."
                )
            )
        else:
            self.scope_note.setText(
                self.tr(
                    "Le JSON sans perte reprend tous les lieux et toutes les visites, avec les "
                    "personnes rencontrées, pour les importer sur un autre ordinateur. La case "
                    "y ajoute les photos de personnes reconnaissables sans autorisation."
                )
            )
        self.warning.setVisible(self.personal.isChecked())

    def choice(self) -> ExportChoice:
        fmt = self.format.currentData()
        if fmt == "json":
            return ExportChoice("json", include_personal=self.personal.isChecked())
        venue_id = self.venue.currentData()
        return ExportChoice(
            fmt,
            (venue_id,) if venue_id else (),
            _to_date(self.date_from.date()) if self.use_from.isChecked() else None,
            _to_date(self.date_to.date()) if self.use_to.isChecked() else None,
            self.personal.isChecked(),
        )

    def texts(self) -> dict[str, str]:
        """The words the export needs after the dialog is gone (translated now)."""
        return {
            "busy": self.tr("Export en cours…"),
            "save_title": self.tr("Exporter vers"),
            "xlsx": self.tr("Classeur Excel (*.xlsx)"),
            "csv": self.tr("CSV séparé par des points-virgules (*.csv)"),
            "json": "JSON (*.json)",
            "done": self.tr("Exporté : %1, %2, %3 → %4"),
            "beside": self.tr("(et, à côté : %1)"),
            "cut": self.tr(
                "%1 cellule(s) trop longue(s) pour Excel (32 767 caractères) : coupée(s) avec "
                "une note ; le texte entier est dans l'export CSV ou JSON."
            ),
        }


def export_from(
    context: UiContext, venue_id: str | None, json_message: Callable[[dict], str]
) -> None:
    """Fichier › Exporter…: the dialog, the file name, then the export in the background.

    venue_id: the venue selected in the window, offered as the export's filter;
    json_message: the French summary of a JSON export.
    """
    store = context.workspace.store
    current = (venue_id, store.get_venue(venue_id).name) if venue_id else None
    dialog = ExportDialog(current, context.parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    choice, texts = dialog.choice(), dialog.texts()
    dialog.deleteLater()
    if not accepted:
        return
    path = ask_path(context.parent, choice.fmt, texts)
    if path is None:
        return
    context.flush_edits()
    if choice.fmt == "json":
        context.run_with_busy_dialog(
            texts["busy"],
            lambda ws: _export_json(ws, path, choice.include_personal),
            lambda counts: f"{json_message(counts)} → {path}",
        )
    else:
        context.run_with_busy_dialog(
            texts["busy"],
            lambda ws: _export_tables(ws, path, choice),
            lambda result: tables_message(texts, result),
        )


def ask_path(window, fmt: str, texts: dict[str, str]) -> Path | None:
    """The save-file dialog; the format's extension is added when the name has none."""
    extension = EXTENSIONS[fmt]
    suggested = f"carnet-export-{date.today().isoformat()}{extension}"
    name = file_dialogs.save_file(window, "exports", texts["save_title"], suggested, texts[fmt])
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)


def _export_json(workspace, path: Path, include_private_photos: bool) -> dict:
    from desktop.core.merge import exchange

    return exchange.export_json(workspace.store, path, include_private_photos)


def _export_tables(workspace, path: Path, choice: ExportChoice):
    from desktop.core.tabular import ExportFilter, export_tables

    filters = ExportFilter(
        choice.venue_ids, choice.date_from, choice.date_to, choice.include_personal
    )
    return export_tables(workspace.store, path, choice.fmt, filters)


class ExportCounts(QObject):
    """The plural words of the export's summary (lupdate extracts them from here)."""

    def visits(self, count: int) -> str:
        return self.tr("%n fiche(s)", "", count)

    def actions(self, count: int) -> str:
        return self.tr("%n action(s)", "", count)

    def venues(self, count: int) -> str:
        return self.tr("%n lieu(x)", "", count)


def tables_message(texts: dict[str, str], result) -> str:
    counts = ExportCounts()  # « 1 visite », « 2 visites »
    text = fill(
        texts["done"],
        counts.visits(result.visits),
        counts.actions(result.actions),
        counts.venues(result.venues),
        result.paths[0],
    )
    if len(result.paths) > 1:
        text += " " + fill(texts["beside"], ", ".join(p.name for p in result.paths[1:]))
    if result.cut_cells:
        text += "\n" + fill(texts["cut"], result.cut_cells)
    return text
