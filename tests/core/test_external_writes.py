"""Another program's writes are told from ours: ours never, theirs always.

The window reloads every view when another program wrote to its database (a headless
command, a second Carnet); our own commits reach the views through the data service's
broadcast and must never be taken for such a write, however the poll falls.
"""

from __future__ import annotations

import sqlite3
import threading

from desktop.core.storage.external_writes import ExternalWrites
from desktop.core.storage.workspace import open_workspace

SETTLE_S = 5.0  # how long a test lets the writer answer (an idle writer answers at once)


class PausedAfterCommit:
    """The write connection, held still right after its next COMMIT until let go: the
    commit is in the file, whatever the writer does after it has not run yet."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.committed = threading.Event()
        self.go_on = threading.Event()

    def execute(self, sql: str, *args):
        cursor = self.conn.execute(sql, *args)
        if sql == "COMMIT" and not self.committed.is_set():
            self.committed.set()
            assert self.go_on.wait(SETTLE_S * 2)
        return cursor

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def _outside_write(db_path, key: str = "written_by", value: str = "another program") -> None:
    """A second connection on the same file, as the sqlite3 shell or an old Carnet would."""
    other = sqlite3.connect(str(db_path), isolation_level=None, timeout=10)
    try:
        other.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    finally:
        other.close()


def test_a_poll_between_our_commit_and_what_follows_it_sees_no_outside_write(workspace, visit):
    service, store = workspace.service, workspace.store
    external = ExternalWrites(workspace.db, service)
    paused = PausedAfterCommit(service.db.conn)
    service.db.conn = paused
    try:
        edit = threading.Thread(
            target=store.update_visit, args=(visit.id, {"economic_notes": "La nôtre"})
        )
        edit.start()
        assert paused.committed.wait(SETTLE_S)
        during = external.poll()  # the commit is visible, the writer has not gone on
        paused.go_on.set()
        edit.join(SETTLE_S)
        after = external.poll(wait=SETTLE_S)
    finally:
        paused.go_on.set()
        service.db.conn = paused.conn
    assert store.get_visit(visit.id).data["economic_notes"] == "La nôtre"
    assert (during, after) == (False, False)


def test_our_writes_in_a_loop_while_polling_are_never_outside_writes(workspace, visit):
    service, store = workspace.service, workspace.store
    external = ExternalWrites(workspace.db, service)
    done = threading.Event()
    detections: list[int] = []

    def poll_all_along() -> None:
        own_reader = store.worker_copy()  # the poll reads on its own connection, as the UI's
        watcher = ExternalWrites(own_reader.db, service)
        while not done.is_set():
            if watcher.poll():
                detections.append(1)
        if watcher.poll(wait=SETTLE_S):
            detections.append(1)
        own_reader.db.conn.close()

    poller = threading.Thread(target=poll_all_along)
    poller.start()
    try:
        for number in range(300):
            store.update_visit(visit.id, {"economic_notes": f"Note {number}"})
            service.set_setting("last_seen_note", str(number))  # a write that stamps nothing
    finally:
        done.set()
        poller.join(SETTLE_S * 2)
    assert detections == []
    assert external.poll(wait=SETTLE_S) is False


def test_a_write_from_another_connection_is_seen(workspace):
    external = ExternalWrites(workspace.db, workspace.service)
    assert external.poll(wait=SETTLE_S) is False
    _outside_write(workspace.service.path)
    assert external.poll(wait=SETTLE_S) is True
    assert external.poll(wait=SETTLE_S) is False  # told once


def test_an_outside_write_followed_by_one_of_ours_is_still_seen(workspace, visit):
    """Our next write lands before the poll: it must not hide the other program's."""
    external = ExternalWrites(workspace.db, workspace.service)
    _outside_write(workspace.service.path)
    workspace.store.update_visit(visit.id, {"economic_notes": "Après l'autre programme"})
    assert external.poll(wait=SETTLE_S) is True
    assert external.poll(wait=SETTLE_S) is False


def test_another_carnet_on_the_same_folder_is_an_outside_write(workspace, visit):
    """A second Carnet (a headless command) runs its own data service: its own writer."""
    external = ExternalWrites(workspace.db, workspace.service)
    other = open_workspace(workspace.data_dir)
    try:
        assert external.poll(wait=SETTLE_S) is False  # opening it wrote nothing new
        other.store.update_visit(visit.id, {"economic_notes": "D'une commande"})
    finally:
        other.close()
    assert external.poll(wait=SETTLE_S) is True
    assert workspace.store.get_visit(visit.id).data["economic_notes"] == "D'une commande"
