"""One window per data folder: a second launch raises the first and quits; headless
commands still run beside the window; a crashed app's lock does not block the next start."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer

from desktop.ui.controllers.single_instance import (
    LOCK_NAME,
    SingleInstance,
    already_open_text,
    bring_to_front,
    claim_data_dir,
    server_name,
)
from tests.headless import REPO_ROOT, run_carnet

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


def launch(data_dir: Path, log: Path) -> subprocess.Popen:
    """The app, as `python3 main.py --data-dir DIR` (output in log, read on failure)."""
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "main.py", "--data-dir", str(data_dir)],
            cwd=REPO_ROOT, env=ENV, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip


def wait_until_up(process: subprocess.Popen, data_dir: Path, log: Path) -> None:
    """Until the app holds the lock and answers a raise request (its event loop runs)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the app quit: {log.read_text()}"
        lock_taken = (data_dir / LOCK_NAME).exists()
        if lock_taken and SingleInstance(data_dir).activate_existing(500):
            return
        time.sleep(0.1)
    pytest.fail(f"the app did not start: {log.read_text()}")


def stop(process: subprocess.Popen, data_dir: Path) -> None:
    process.kill()
    process.wait(10)
    QLocalServer.removeServer(server_name(data_dir))  # the killed app's socket file


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


def test_a_launch_during_the_first_ones_frame_is_answered_once_it_listens(
    qtbot, tmp_path, instances
):
    """At start the lock is taken before the window, the socket listened on after its
    first frame: a second launch meanwhile retries until it is answered."""
    from PySide6.QtCore import QTimer

    asked = []
    first = instances(tmp_path, on_activate=lambda: asked.append(1))
    assert first.acquire(listen=False) and first.server is None
    QTimer.singleShot(300, first.listen)  # the first frame is out
    assert instances(tmp_path).activate_existing(2000)
    assert asked == [1]


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


# ---------------------------------------------------------------- real processes
def test_a_second_launch_raises_the_window_and_quits(qtbot, tmp_path):
    data_dir = tmp_path / "donnees"
    first = launch(data_dir, tmp_path / "first.log")
    try:
        wait_until_up(first, data_dir, tmp_path / "first.log")
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "main.py", "--data-dir", str(data_dir)],
            cwd=REPO_ROOT, env=ENV, capture_output=True, text=True, encoding="utf-8", timeout=60,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert second.stdout.strip() == ALREADY_OPEN
        assert time.monotonic() - started < 10
        assert first.poll() is None
        # Headless commands are not locked out by the window.
        assert run_carnet(data_dir, "list").returncode == 0
    finally:
        stop(first, data_dir)


def test_a_killed_apps_lock_does_not_block_the_next_start(qtbot, tmp_path, instances):
    data_dir = tmp_path / "donnees"
    first = launch(data_dir, tmp_path / "first.log")
    try:
        wait_until_up(first, data_dir, tmp_path / "first.log")
    finally:
        first.kill()
        first.wait(10)
    assert (data_dir / LOCK_NAME).exists()  # left behind, as a crash leaves it
    if os.name != "nt":  # and its socket file, which a new server must replace
        assert Path(QDir.tempPath(), server_name(data_dir)).exists()
    raised = []
    assert instances(data_dir, lambda: raised.append(True)).acquire()
    assert instances(data_dir).activate_existing()
    assert raised == [True]
