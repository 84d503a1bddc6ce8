"""The four tabs of the Suivi view (actions, agreements, next visits, venues not
visited): their filters, tables and columns. A part of FollowupView (followup_view.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.model import (
    HORIZONS,
    IDLE_THRESHOLDS,
    NO_STATUS,
    OVERDUE,
)
from desktop.ui.form.reflow_layout import ReflowLayout
from desktop.ui.formatting import local_date
from desktop.ui.models.followup_model import Column, ItemTableModel
from desktop.ui.views.followup_view_parts import OPEN_ONLY, LazyCombo, _table


def _labelled(text: str, field: QWidget) -> QWidget:
    """A label and its field, kept together on one line."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)
    return pair


def status_column(template):
    """The column of a template's actions table that holds their status (None: none)."""
    fields = FollowupFields.of(template)
    table = template.field(fields.actions) if fields.actions else None
    return next((c for c in table.columns if c.key == fields.status), None) if table else None


class FollowupTexts(QObject):
    """The Suivi's plural texts, in a QObject of their own: PySide's tr() finds a mixin's
    (FollowupTabs') plain texts along the widget's classes, but not its plural forms, so
    « 3 jour(s) » showed untranslated."""

    def days(self, count: int) -> str:
        return self.tr("%n jour(s)", "", count)

    def months(self, count: int) -> str:
        return self.tr("%n mois", "", count)


class FollowupTabs:
    """The tabs' widgets and texts, mixed into FollowupView."""

    @property
    def texts(self) -> FollowupTexts:
        if getattr(self, "_texts", None) is None:
            self._texts = FollowupTexts()
        return self._texts

    def _status_column(self):
        return status_column(self.store.templates.visit)

    def _status_choices(self) -> dict[str, str]:
        """value -> label of the actions' statuses of every template the Suivi reads (a
        network's own template may have others: « Ouvert », « Clos »), the visit sheet's
        first; a value two templates share keeps the first one's label."""
        templates = self.store.templates
        choices: dict[str, str] = {}
        for template in (templates.visit, *templates.others):
            column = status_column(template)
            for value, label in column.choices if column else ():
                choices.setdefault(value, label)
        return choices

    def _actions_tab(self) -> QWidget:
        self.responsible = LazyCombo(self.tr("Tout le monde"))
        self.responsible.setMinimumContentsLength(16)  # « Sans responsable », names
        self.venue = LazyCombo(self.tr("Tous les lieux"))
        self.venue.setMinimumContentsLength(20)
        self.status = QComboBox()
        self.status.addItem(self.tr("Ouvertes (pas encore faites)"), OPEN_ONLY)
        statuses = self._status_choices()
        for value, label in statuses.items():
            self.status.addItem(label, value)
        self.status.addItem(self.tr("Sans statut"), NO_STATUS)
        for combo in (self.responsible, self.venue, self.status):
            combo.currentIndexChanged.connect(lambda _index: self._show_actions())
        self.done_button = QPushButton(self.tr("Marquer comme fait"))
        self.done_button.setToolTip(self.tr("L'action choisie passe au statut « Fait » (Ctrl+D)"))
        self.done_button.setShortcut("Ctrl+D")
        self.done_button.clicked.connect(self.mark_current_done)
        filters = ReflowLayout()  # on two lines in a narrow window (a 1024-px screen)
        for label, combo in (
            (self.tr("Responsable :"), self.responsible),
            (self.tr("Lieu :"), self.venue),
            (self.tr("Statut :"), self.status),
        ):
            filters.addWidget(_labelled(label, combo))
        filters.addWidget(self.done_button)
        filters.addWidget(self._undo_button())  # FollowupUndo's
        status_label = statuses.get
        self.actions_model = ItemTableModel(
            [
                Column(self.tr("Fait"), lambda a: ""),
                Column(
                    self.tr("Échéance"),
                    lambda a: local_date(a.due) or a.due,
                    lambda a: a.group == OVERDUE,
                ),
                Column(self.tr("Action"), lambda a: a.what),
                Column(self.tr("Responsable"), lambda a: a.responsible),
                Column(self.tr("Statut"), lambda a: status_label(a.status, a.status)),
                Column(self.tr("Lieu"), lambda a: a.venue_name),
                Column(self.tr("Visite du"), lambda a: local_date(a.visit_date)),
            ],
            self,
        )
        self.actions_model.checkable = lambda a: True
        self.actions_model.checked = lambda a: self.data is not None and self.data.is_done(a)
        self.actions_model.on_check = self._on_check
        self.actions_view = self._connect_view(_table(self.actions_model))
        self.actions_view.setAccessibleName(self.tr("Actions à mener"))
        self.actions_view.setColumnWidth(0, 50)
        self.actions_view.setColumnWidth(1, 100)
        self.actions_view.setColumnWidth(2, 320)
        self.actions_view.setColumnWidth(3, 120)
        self.actions_view.setColumnWidth(5, 200)
        return self._page(filters, self.actions_view)

    def _agreements_tab(self) -> QWidget:
        self.horizon = QComboBox()
        for months in HORIZONS:
            self.horizon.addItem(self.texts.months(months), months)
        self.horizon.currentIndexChanged.connect(self._show_agreements)
        self.include_ended = QCheckBox(self.tr("Conventions déjà échues aussi"))
        self.include_ended.toggled.connect(self._show_agreements)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Fin de l'occupation dans les :")))
        filters.addWidget(self.horizon)
        filters.addWidget(self.include_ended)
        filters.addStretch(1)
        self.agreements_model = ItemTableModel(
            [
                Column(
                    self.tr("Fin de l'occupation"),
                    lambda a: local_date(a.end_date),
                    lambda a: a.days_left < 0,
                ),
                Column(self.tr("Reste"), self._left_text, lambda a: a.days_left < 0),
                Column(self.tr("Lieu"), lambda a: a.venue_name),
                Column(self.tr("Commune"), lambda a: a.commune),
                Column(self.tr("Dernière visite"), lambda a: local_date(a.visit_date)),
            ],
            self,
        )
        self.agreements_view = self._connect_view(_table(self.agreements_model))
        self.agreements_view.setAccessibleName(self.tr("Conventions qui finissent"))
        self.agreements_view.setColumnWidth(2, 280)
        return self._page(filters, self.agreements_view)

    def _next_visits_tab(self) -> QWidget:
        note = QHBoxLayout()
        note.addWidget(QLabel(self.tr("Date prévue lors de la dernière visite de chaque lieu.")))
        self.next_model = ItemTableModel(
            [
                Column(
                    self.tr("Date prévue"),
                    lambda v: local_date(v.planned),
                    lambda v: v.days_left < 0,
                ),
                Column(self.tr("Lieu"), lambda v: v.venue_name),
                Column(self.tr("Commune"), lambda v: v.commune),
                Column(self.tr("Dernière visite"), lambda v: local_date(v.visit_date)),
            ],
            self,
        )
        self.next_view = self._connect_view(_table(self.next_model))
        self.next_view.setAccessibleName(self.tr("Prochaines visites"))
        self.next_view.setColumnWidth(1, 280)
        return self._page(note, self.next_view)

    def _venues_tab(self) -> QWidget:
        self.threshold = QComboBox()
        for months in IDLE_THRESHOLDS:
            self.threshold.addItem(self.texts.months(months), months)
        self.threshold.setCurrentIndex(1)
        self.threshold.currentIndexChanged.connect(self._show_venues)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Pas de visite depuis plus de :")))
        filters.addWidget(self.threshold)
        filters.addStretch(1)
        self.venues_model = ItemTableModel(
            [
                Column(self.tr("Lieu"), lambda v: v.venue_name),
                Column(self.tr("Commune"), lambda v: v.commune),
                Column(self.tr("Dernière visite"), lambda v: local_date(v.visit_date)),
                Column(self.tr("Depuis"), self._since_text),
            ],
            self,
        )
        self.venues_view = self._connect_view(_table(self.venues_model))
        self.venues_view.setAccessibleName(self.tr("Lieux non visités"))
        self.venues_view.setColumnWidth(0, 280)
        return self._page(filters, self.venues_view)

    def _page(self, top, view: QTableView) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(view, 1)
        return page

    def _connect_view(self, view: QTableView) -> QTableView:
        view.activated.connect(lambda index, v=view: self._activate(v, index.row()))
        return view

    # ------------------------------------------------------------------ texts
    def _left_text(self, item) -> str:
        if item.days_left < 0:
            return self.tr("échue")
        if item.months_left < 1:
            return self.texts.days(item.days_left)
        return self.texts.months(item.months_left)

    def _since_text(self, item) -> str:
        if item.visit_id is None:
            return self.tr("jamais visité")
        return self.texts.months(item.months_since or 0)
