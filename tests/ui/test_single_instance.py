"""One window per data folder: a second launch raises the first and quits; headless
commands still run beside the window; a crashed app's lock does not block the next start."""

import os
import time

import pytest

from desktop.ui.single_instance import (
    LOCK_NAME,
    SingleInstance,
    already_open_text,
    bring_to_front,
    claim_data_dir,
    server_name,
)

ALREADY_OPEN = "Carnet est déjà ouvert sur ce dossier."
# The French catalogue whatever the machine's locale (the message follows --lang or it).
ENV = {**os.environ, "CARNET_NO_BOOTSTRAP": "1", "QT_QPA_PLATFORM": "offscreen"}
ENV |= {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": ""}


@pytest.fixture
def instances():
    """SingleInstance(folder, on_activate), every one released at teardown."""
    made = []

    def make(folder, on_activate=None):
        made.append(SingleInstance(folder, on_activate))
        return made[-1]

    yield make
    for instance in made:
        instance.release()


# ---------------------------------------------------------------- in process
def test_a_second_instance_raises_the_first(qtbot, tmp_path, instances):
    raised = []
    first = instances(tmp_path / "donnees", lambda: raised.append(True))
    assert first.acquire()
    second = instances(tmp_path / "donnees")
    assert not second.acquire()
    assert second.activate_existing()
    assert raised == [True]
    assert (tmp_path / "donnees" / LOCK_NAME).exists()


def test_another_folder_is_another_instance(qtbot, tmp_path, instances):
    assert instances(tmp_path / "a").acquire()
    other = instances(tmp_path / "b")
    assert other.acquire()
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_the_same_folder_by_another_path_is_the_same_instance(qtbot, tmp_path, instances):
    (tmp_path / "donnees").mkdir()
    assert instances(tmp_path / "donnees").acquire()
    assert not instances(tmp_path / "x" / ".." / "donnees").acquire()


def test_release_frees_the_folder(qtbot, tmp_path, instances):
    first = instances(tmp_path)
    assert first.acquire()
    first.release()
    assert not (tmp_path / LOCK_NAME).exists()
    assert instances(tmp_path).acquire()


def test_no_answer_within_the_timeout(qtbot, tmp_path, instances):
    """The lock held, nobody listening (a Carnet starting or hung): False, not a wait."""
    first = instances(tmp_path)
    assert first.acquire()
    first.server.close()
    started = time.monotonic()
    assert not instances(tmp_path).activate_existing(300)
    assert time.monotonic() - started < 2


def test_claim_data_dir_says_when_the_folder_is_taken(qtbot, tmp_path, instances, capsys):
    claim = claim_data_dir(tmp_path / "a", "fr")
    assert claim is not None
    claim.release()
    first = instances(tmp_path / "b")
    assert first.acquire()
    assert claim_data_dir(tmp_path / "b", "fr") is None
    assert capsys.readouterr().out == ALREADY_OPEN + "\n"
    first.server.close()  # the window hangs: no answer, the same refusal
    assert claim_data_dir(tmp_path / "b", "fr") is None
    assert "(la fenêtre ne répond pas)" in capsys.readouterr().out


def test_a_minimised_window_is_restored_and_raised(qtbot):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert not window.isMinimized()
    assert window.isVisible()


def test_the_messages_are_translated(qapp):
    from desktop.ui.i18n import install_translators

    assert already_open_text(True) == ALREADY_OPEN
    assert "ne répond pas" in already_open_text(False)
    english = install_translators(qapp, "en")
    try:
        assert already_open_text(True) == "Carnet is already open on this folder."
    finally:
        for translator in english:
            qapp.removeTranslator(translator)
