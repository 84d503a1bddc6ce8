"""The sync in the main window: the status-bar indicator, the panel, refreshing the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import QToolButton

from desktop.ui.controllers.sync_controller import SyncController
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.texts import fill


class SyncUi(QObject):
    """Shows what the controller's passes did: the indicator (`indicator`, for the status
    bar) and the Synchronisation panel."""

    open_visit_requested = Signal(str, str)  # visit id, venue id
    templates_changed = Signal()  # a network template arrived: forms are built again

    def __init__(self, context: UiContext, indicator: QToolButton | None = None) -> None:
        """indicator: the status bar's button, when the window's first frame made it."""
        super().__init__(context.parent)
        self.context = context
        self.controller = SyncController(context.workspace, context.runner, self)
        self.indicator = indicator or QToolButton()
        self.indicator.setAutoRaise(True)
        self.indicator.setToolTip(self.tr("Ouvrir le panneau de synchronisation"))
        self.indicator.clicked.connect(self.show_panel)
        self.panel = None
        self.problem_said = ""  # what the status bar was told went wrong, until a pass goes well
        self.controller.started.connect(self._started)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        self.controller.progress.connect(self._progress)
        self._show_idle()

    def start(self) -> None:
        self.start_timer = QTimer(self)
        self.start_timer.setSingleShot(True)
        self.start_timer.timeout.connect(self.controller.start)
        self.start_timer.start(1000)  # after the window is up

    def stop(self) -> None:
        if hasattr(self, "start_timer"):
            self.start_timer.stop()
        self.controller.stop()

    def restart(self) -> None:
        self.controller.start(first_pass_ms=0)
        self._show_idle()

    # ------------------------------------------------------------------ indicator
    def _show_idle(self) -> None:
        if not self.controller.folder:
            self._say(self.tr("Synchro : non configurée"), "")
        else:
            self._say(self.tr("Synchro : en attente"), "")

    def _say(self, text: str, colour: str) -> None:
        self.indicator.setText(text)
        self.indicator.setStyleSheet(f"color: {colour};" if colour else "")

    def _started(self) -> None:
        self._say(self.tr("Synchro en cours…"), "")

    def _progress(self, what: str, done: int, total) -> None:
        if total is None:  # the sheets: how many are due is known only at the end
            self._say(fill(self.tr("Synchro : publication des fiches (%1)…"), done), "")
        else:
            self._say(fill(self.tr("Synchro : publication (%1/%2)…"), done, total), "")

    def on_changes(self, changes) -> None:
        if changes.to_publish:  # any edit made here (a photo's caption, rotation, removal,
            self.controller.local_change()  # a Suivi action…), not only the forms': soon
        if changes.conflicts or changes.everything:
            self.refresh_indicator()

    def refresh_indicator(self) -> None:
        """Conflicts appeared or were resolved: the indicator says so."""
        if self.controller.last_report is not None and not self.controller.running:
            self._finished(self.controller.last_report, quiet=True)

    def _finished(self, report, quiet: bool = False) -> None:
        from desktop.core.merge.conflicts import count_conflicts

        conflicts = count_conflicts(self.context.workspace.store)
        if report.ok and not quiet:
            self._take_back_problem()
        if report.needs_setup:
            self._say(self.tr("Synchro : dossier partagé à préparer"), "#b03000")
            if not quiet and not (self.panel is not None and self.panel.isVisible()):
                self.show_panel()  # the panel asks before a folder is set up
        elif report.publish_error and not report.error:
            self._unpublished(report, quiet)
        elif not report.ok:
            text = fill(self.tr("Synchro : partage indisponible — %1 en attente"), report.pending)
            self._say(text, "#b03000")
            if not quiet:
                self._say_problem(report.error, 10000)
        elif conflicts:
            text = fill(self.tr("Synchro : %1 conflit(s) à résoudre"), conflicts)
            self._say(text, "#b03000")
        else:
            now = QTime.currentTime().toString("HH:mm")
            self._say(fill(self.tr("Synchro : à jour (%1)"), now), "#2a7a2a")
        if not quiet and self._announce_templates(report):
            self.templates_changed.emit()
        if self.panel is not None and self.panel.isVisible() and not quiet:
            self.panel.refresh(report)

    def _unpublished(self, report, quiet: bool) -> None:
        """Read, not written (a read-only or full share): the colleagues' work came in."""
        text = fill(
            self.tr("Synchro : importé, publication impossible — %1 en attente"), report.pending
        )
        self._say(text, "#b03000")
        if not quiet:
            said = self.tr(
                "Publication impossible (%1) : le travail des collègues est importé, le vôtre "
                "attend sur ce poste."
            )  # short enough for the status bar; the panel has the file and the rest
            self._say_problem(fill(said, report.publish_reason), 30000)

    def _say_problem(self, text: str, msecs: int) -> None:
        self.problem_said = text
        self.context.say(text, msecs)

    def _take_back_problem(self) -> None:
        """A pass that went well: a problem still shown in the status bar is over."""
        if self.problem_said and self.context.status.currentMessage() == self.problem_said:
            self.context.status.clearMessage()
        self.problem_said = ""

    def _announce_templates(self, report) -> bool:
        """The network's templates this pass: arrivals read in, refusals said (the panel's
        « Modèles du réseau » tab has the reasons). True when some arrived."""
        found, said = report.templates, []
        if found.arrived:
            self.context.workspace.reload_templates()  # the pass reloaded its own copy
            names = ", ".join(
                fill(self.tr("« %1 » (version %2)"), t, v) for _i, v, t in found.arrived
            )
            said.append(fill(self.tr("Modèle reçu du réseau : %1"), names))
        if found.refused:
            names = ", ".join(name for name, _why in found.refused)
            text = self.tr("Modèle du réseau refusé : %1 — voir le panneau Synchronisation")
            said.append(fill(text, names))
        if said:
            self.context.say(" · ".join(said), 20000)
        return bool(found.arrived)

    def _failed(self, message: str) -> None:
        self._say(self.tr("Synchro : erreur"), "#b03000")
        self.context.say(message)

    # ------------------------------------------------------------------ panel
    def show_panel(self) -> None:
        from desktop.ui.dialogs.sync_panel import SyncPanel

        if self.panel is None:
            self.panel = SyncPanel(self.context.workspace, self.context.parent)
            self.panel.sync_requested.connect(self.controller.sync_now)
            self.panel.set_up_requested.connect(lambda: self.controller.sync_now(set_up=True))
            self.panel.open_visit_requested.connect(self.open_visit_requested)
            self.panel.resolved.connect(self._resolved)
        self.panel.refresh(self.controller.last_report)
        self.panel.show()
        self.panel.raise_()

    def _resolved(self, record_id: str) -> None:
        self.controller.local_change()  # the views follow the data service's broadcast
