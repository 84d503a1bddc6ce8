"""A pass with nothing changed does not scan the photos for withdrawn copies
(privacy.withdrawn_watch), and any write that could change the answer brings the
check back: the colleague's copy is erased exactly as when every pass scanned."""

from __future__ import annotations

import pytest

from desktop.core.backups.making import make_backup
from desktop.core.backups.restore import restore
from desktop.core.privacy import withdrawn_copies, withdrawn_watch
from desktop.core.storage.data_dir import DATABASE_NAME
from tests.privacy.test_withdrawals import COLOURS, attach, photos
from tests.privacy.test_withdrawn_details import CAPTION, details, erased

# Their openings, before any parameter (a trace shows them with their values).
SCANS = tuple(
    sql[: sql.index(":me")]
    for sql in (withdrawn_copies._UNHELD_WITH_DETAILS, withdrawn_copies._HELD_AGAIN)
)


def scans_during(laptop, action) -> int:
    """How many statements of the check ran on any of the laptop's connections."""
    seen: list[str] = []
    connections = [laptop.workspace.db.conn, laptop.workspace.service.db.conn]
    for conn in connections:
        conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        for conn in connections:
            conn.set_trace_callback(None)
    return sum(1 for sql in seen if any(scan in sql for scan in SCANS))


@pytest.fixture
def settled(laptops):
    """Alice's public photo, received by Bob; a second one withdrawn and erased on Bob's
    side; every pass since has had nothing new."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Fournil Partagé"})
    visit_id = alice.store.create_visit(venue.id, "2026-10-14").id
    kept = attach(alice, visit_id, CAPTION, COLOURS[1], identifiable_people=True,
                  consent="Accord écrit de M. Martin", allowed_use="public")  # fmt: skip
    gone = attach(alice, visit_id, "Mme Durand", COLOURS[2], identifiable_people=True,
                  consent="Accord de Mme Durand", allowed_use="public")  # fmt: skip
    assert alice.sync().ok and bob.sync().ok
    photos(alice).update_photo(gone, {"consent": ""})
    assert alice.sync().ok and bob.sync().imported.photos_erased == 1
    assert bob.sync().ok  # its colleagues' files are read again: settled after it
    return alice, bob, kept, gone


def test_a_pass_with_nothing_changed_does_not_scan_the_photos(settled):
    alice, bob, _kept, _gone = settled
    for laptop in (bob, alice, bob):
        assert scans_during(laptop, lambda laptop=laptop: laptop.sync()) == 0


def test_a_colleague_edit_received_brings_the_check_back(settled):
    alice, bob, kept, _gone = settled
    photos(alice).update_photo(kept, {"allowed_use": "interne"})
    assert alice.sync().ok
    outcome = []
    assert scans_during(bob, lambda: outcome.append(bob.sync())) >= 1
    assert outcome[0].imported.photos_erased == 1 and erased(bob, kept)
    assert scans_during(bob, bob.sync) == 0


@pytest.mark.parametrize(
    "edit",
    [
        {"allowed_use": "interne"},  # Bob narrows Alice's photo himself
        {"consent": ""},  # Bob records the withdrawal himself
    ],
)
def test_a_local_edit_of_a_colleagues_photo_brings_the_check_back(settled, edit):
    _alice, bob, kept, _gone = settled
    photos(bob).update_photo(kept, edit)
    assert bob.sync().imported.photos_erased == 1
    assert details(bob, kept)["caption"] == ""


def test_a_colleagues_photo_deleted_here_is_erased_at_the_next_pass(settled):
    _alice, bob, kept, _gone = settled
    photos(bob).delete_photo(kept)
    assert bob.sync().imported.photos_erased == 1
    assert details(bob, kept)["caption"] == ""


def test_a_caption_typed_into_an_erased_copy_is_erased_again(settled):
    _alice, bob, _kept, gone = settled
    photos(bob).update_photo(gone, {"caption": "Mme Durand au marché"})
    assert bob.sync().imported.photos_erased == 1
    assert details(bob, gone)["caption"] == ""


def test_a_photo_given_back_is_read_again_whole(settled):
    alice, bob, _kept, gone = settled
    photos(alice).update_photo(gone, {"consent": "Nouvel accord de Mme Durand"})
    assert alice.sync().ok and bob.sync().ok and bob.sync().ok
    assert details(bob, gone) == details(alice, gone)
    assert scans_during(bob, bob.sync) == 0


def _write(laptop, sql: str, *params) -> None:
    laptop.workspace.service.call(lambda writer: writer.db.conn.execute(sql, params))


def _is_checked(laptop) -> bool:
    workspace = laptop.workspace
    return withdrawn_watch.checked(workspace.db, workspace.store.author.device_id)


WATCHED = [
    ("UPDATE photos SET caption = 'x' WHERE id = :photo", True),
    ("UPDATE photos SET allowed_use = 'interne' WHERE id = :photo", True),
    ("UPDATE photos SET deleted_at = '2026-11-30' WHERE id = :photo", True),
    ("UPDATE photos SET created_device = 'ailleurs' WHERE id = :photo", True),
    ("UPDATE visits SET owner_device = 'ailleurs' WHERE id = :visit", True),
    (
        "INSERT INTO visits(id, venue_id, owner_device, data) "
        "SELECT 'v2', venue_id, owner_device, data FROM visits WHERE id = :visit",
        True,
    ),
    (
        "INSERT INTO photos(id, visit_id, sha256) SELECT 'p2', visit_id, sha256 "
        "FROM photos WHERE id = :photo",
        True,
    ),
    (
        "INSERT INTO sync_conflicts(record_id, tbl, field, value, stamp) "
        "VALUES (:photo, 'photos', 'caption', '\"x\"', 'z')",
        True,
    ),
    ("UPDATE photos SET caption = caption WHERE id = :photo", True),  # a stamp moved alone
    # What the check never reads: the mark stays.
    ("UPDATE photos SET position = 7 WHERE id = :photo", False),
    ("UPDATE visits SET data = '{}' WHERE id = :visit", False),
    ("UPDATE field_stamps SET stamp = 'z' WHERE record_id = :visit", False),
    (
        "INSERT INTO sync_conflicts(record_id, tbl, field, value, stamp) "
        "VALUES (:visit, 'visits', 'governance_notes', '\"x\"', 'z')",
        False,
    ),
    ("DELETE FROM sync_conflicts", False),
]


@pytest.mark.parametrize(("sql", "forgets"), WATCHED)
def test_each_write_the_check_reads_takes_the_mark_away(settled, sql, forgets):
    _alice, bob, kept, _gone = settled
    assert _is_checked(bob)
    visit = bob.workspace.db.conn.execute(
        "SELECT visit_id FROM photos WHERE id = ?", (kept,)
    ).fetchone()[0]
    _write(bob, sql.replace(":photo", "?").replace(":visit", "?"), *_params(sql, kept, visit))
    assert _is_checked(bob) is not forgets


def _params(sql: str, photo: str, visit: str) -> list[str]:
    order = sorted(
        (sql.find(name), value) for name, value in ((":photo", photo), (":visit", visit))
    )
    return [value for at, value in order if at >= 0]


def test_a_write_between_the_check_and_its_mark_leaves_no_mark(settled):
    """The check reads on its own connection: a caption typed meanwhile is not lost."""
    _alice, bob, _kept, gone = settled
    service = bob.workspace.service
    token = service.call(withdrawn_watch.begin)
    photos(bob).update_photo(gone, {"caption": "Mme Durand au marché"})
    service.call(lambda writer: withdrawn_watch.confirm(writer, token))
    assert not _is_checked(bob)
    assert bob.sync().imported.photos_erased == 1


def test_another_device_id_or_schema_is_checked_again(settled):
    _alice, bob, _kept, _gone = settled
    db = bob.workspace.db
    assert withdrawn_watch.checked(db, bob.store.author.device_id)
    assert not withdrawn_watch.checked(db, "un-autre-poste")
    version = db.conn.execute("PRAGMA user_version").fetchone()[0]
    _write(bob, f"PRAGMA user_version = {version + 1}")
    assert not withdrawn_watch.checked(db, bob.store.author.device_id)
    _write(bob, f"PRAGMA user_version = {version}")
    assert withdrawn_watch.checked(db, bob.store.author.device_id)


def test_a_restore_that_sets_a_photo_back_brings_the_check_back(settled, tmp_path):
    """A restore merges the state before it into the backup (backups/restore_sync.py): a
    photo's detail it sets back is a watched write, so the backup's mark goes."""
    alice, _bob, kept, _gone = settled
    database = alice.workspace.data_dir / DATABASE_NAME
    made = make_backup(database, tmp_path / "sauvegardes")
    photos(alice).update_photo(kept, {"caption": "Légende changée après la sauvegarde"})
    assert alice.sync().ok and alice.sync().ok
    assert _is_checked(alice)
    restore(made.path, database, tmp_path / "sauvegardes", service=alice.workspace.service)
    assert photos(alice).get_photo(kept).caption == CAPTION
    assert not _is_checked(alice)
    assert alice.sync().ok and _is_checked(alice)


def test_the_watch_holds_after_a_backup_is_restored(settled, tmp_path):
    """The restore replaces the database under the writer's connection (and may migrate
    it): its triggers still take the restored database's mark away."""
    _alice, bob, kept, _gone = settled
    database = bob.workspace.data_dir / DATABASE_NAME
    made = make_backup(database, tmp_path / "sauvegardes")
    restore(made.path, database, tmp_path / "sauvegardes", service=bob.workspace.service)
    assert _is_checked(bob)  # the backup's own mark, taken with its content
    photos(bob).update_photo(kept, {"allowed_use": "interne"})
    assert not _is_checked(bob)
    assert bob.sync().imported.photos_erased == 1
