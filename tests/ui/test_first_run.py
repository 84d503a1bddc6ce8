"""The first run asks who the user is, before the first record; the name signs the
visits and is shown wherever the author is. Headless commands never wait for it."""

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.core.storage.data_service import system_user_name
from desktop.core.storage.identity import needs_identity
from desktop.core.tabular.tables import build_tables
from tests.headless import run_carnet
from tests.ui.conftest import accept_next_dialog, type_text


def _fill(name, network="Réseau Creusois"):
    def fill(dialog):
        assert dialog.windowTitle() == "Bienvenue dans Carnet"
        start = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not start.isEnabled()  # no name, no start
        type_text(dialog.user_name, name)
        type_text(dialog.network, network)
        assert start.isEnabled() and start.text() == "Commencer"
        start.click()

    return fill


def test_an_empty_data_folder_asks_the_name_that_then_signs_new_visits(open_window, qtbot):
    window = open_window(first_run_done=False)
    assert needs_identity(window.workspace)
    accept_next_dialog(qtbot, _fill("Camille Martin"))
    assert window.ask_identity()
    assert not needs_identity(window.workspace)
    assert window.workspace.setting("user_name") == "Camille Martin"
    assert window.workspace.setting("network_name") == "Réseau Creusois"
    venue = window.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    window.open_venue(venue.id)
    window.new_visit()  # no second question
    visit = window.store.list_visits(venue.id)[0]
    assert visit.author == "Camille Martin"
    assert window.browser.visits.index(0, 2).data() == "Camille Martin"


def test_visits_signed_with_the_login_name_follow_the_name_given(open_window, qtbot):
    window = open_window(first_run_done=False)
    store = window.store
    venue = store.create_venue({"name": "Le Tiers-Lieu d'en haut", "commune": "Felletin"})
    mine = store.create_visit(venue.id, "2025-01-10")  # as a command would, before the name
    colleague = store.create_visit(venue.id, "2025-02-10")
    store.update_visit(colleague.id, {"facilitator": "Dominique"})
    assert store.get_visit(mine.id).author == system_user_name()
    window.open_venue(venue.id)
    accept_next_dialog(qtbot, _fill("Camille Martin"))
    window.ask_identity()
    qtbot.waitUntil(
        lambda: (
            {window.browser.visits.index(r, 2).data() for r in range(2)}
            == {"Camille Martin", "Dominique"}
        )
    )
    assert store.get_visit(mine.id).data["facilitator"] == "Camille Martin"
    assert store.get_visit(colleague.id).author == "Dominique"  # someone else's: left alone
    timeline = window.venue_editor.history.timeline
    assert {timeline.topLevelItem(i).text(2) for i in range(2)} == {"Camille Martin", "Dominique"}
    rows = build_tables(store).visits.rows
    assert {row[3] for row in rows} >= {"Camille Martin", "Dominique"}


def test_put_off_the_name_and_no_record_is_made(open_window, qtbot):
    window = open_window(first_run_done=False)
    venue = window.store.create_venue({"name": "La Ruche", "commune": "Aubusson"})
    window.open_venue(venue.id)

    def later(dialog):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    accept_next_dialog(qtbot, later)
    window.new_visit()
    assert window.store.list_visits(venue.id) == []
    assert QApplication.activeModalWidget() is None
    assert needs_identity(window.workspace)


def test_a_headless_command_does_not_ask_and_signs_with_the_login_name(tmp_path):
    data = tmp_path / "data"
    venue = run_carnet(data, "new-venue", "--name", "La Ruche", "--commune", "Aubusson")
    assert venue.returncode == 0, venue.stderr
    visit = run_carnet(data, "new-visit", venue.stdout.strip(), "--date", "2025-03-14")
    assert visit.returncode == 0, visit.stderr
    listed = run_carnet(data, "list")
    assert listed.stdout.strip().endswith(system_user_name())
    from desktop.core.storage.workspace import open_workspace

    workspace = open_workspace(data)
    try:
        assert needs_identity(workspace)  # the app will still ask
    finally:
        workspace.close()
