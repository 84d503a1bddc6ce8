"""A share's first import inserts new venues and visits in bulk (issue 15): a record
inserted so must be the very record the one-by-one merge makes, and a batch that mixes
new records with known ones, broken files, tombstones and conflict copies must come out
as the careful merge of each file would."""

from __future__ import annotations

import gc
import json
import re
import sqlite3
import threading
from contextlib import suppress
from datetime import date

from desktop.core.collector import BULK_THRESHOLD
from desktop.core.forms.text import fold
from desktop.core.merge.exchange import (
    VENUE_COLUMNS,
    VISIT_COLUMNS,
    import_document,
    record_document,
)
from desktop.core.merge.hlc import DAY_MS, wall_clock_ms
from desktop.core.merge.new_records import insert_new_records
from desktop.core.storage.purge import empty_trash
from desktop.core.sync import importer
from desktop.core.sync.importer import ImportReport, Pending, _merged_row
from desktop.core.sync.new_files import merge_new_files
from desktop.core.sync.record_reading import PENDING, loaded, read_record_files
from desktop.core.sync.scan import list_share
from desktop.core.sync.share import TABLES, Share
from tests.core import figure_rows, followup_rows, followup_screen


def colleagues_share(laptops):
    """Alice's and Dave's records (Dave's clock two days ahead), published to the share."""
    alice = laptops("alice")
    moulin = alice.store.create_venue({"name": "Le Moulin Œuvre", "commune": "Évaux-les-Bains"})
    ecluse = alice.store.create_venue({"name": "Écluse", "commune": "Felletin"})
    first = alice.store.create_visit(moulin.id, "2026-10-03")
    alice.store.update_visit(first.id, {
        "visit_type": "suivi", "economic_notes": "Économie de la contribution, café associatif",
        "actions": [{"what": "Relancer la mairie", "who": "Camille", "status": "a_faire"}],
        "staff_fte": 2.5, "legal_form": "scic",
    })  # fmt: skip
    second = alice.store.create_visit(ecluse.id, "2026-11-12")
    alice.store.update_visit(second.id, {"visit_date": "pas une date", "strengths": "Péniche"})
    trashed = alice.store.create_visit(ecluse.id, "2026-11-13")
    alice.store.delete_visit(trashed.id)  # in the trash: travels with its tombstone stamp
    assert alice.sync().ok
    dave = laptops("dave", now_ms=lambda: wall_clock_ms() + 2 * DAY_MS)
    assert dave.sync().ok
    grange = dave.store.create_venue({"name": "La Grange", "commune": "Aubusson"})
    late = dave.store.create_visit(grange.id, "2026-11-20")
    dave.store.update_visit(late.id, {"strengths": "Fablab et jardin partagé"})
    assert dave.sync().ok
    return alice


def pending_files(laptop, share_folder) -> list[Pending]:
    """The share's record files as the importer hands them to the merge, parents first,
    with what the reading derived of each visit (the writer adds the venue's name)."""
    share = Share(share_folder, laptop.store.author.device_id)
    entries = [e for e in list_share(share).entries if e.area in TABLES]
    entries.sort(key=lambda e: (TABLES.index(e.area), e.relative))
    template = laptop.workspace.service.templates.visit  # as the pass reads: derived too
    reads = read_record_files(share, [(entry, None) for entry in entries], template)
    assert all(read.status == PENDING for read in reads)
    assert all(len(r.derived) == 1 for r in reads if r.table == "visits")
    return [
        Pending(e, r.digest, loaded(r.data), r.table, r.derived)
        for e, r in zip(entries, reads, strict=True)
    ]


def snapshot(laptop) -> dict:
    """Rows, stamps, what the search index finds, the dashboard's and the Suivi's rows,
    far-ahead clocks: all a merge leaves."""
    conn = laptop.workspace.db.conn
    state = {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("venues", "visits")
    }
    state["stamps"] = conn.execute(
        "SELECT * FROM field_stamps ORDER BY record_id, field"
    ).fetchall()
    state["clock_ahead"] = conn.execute("SELECT device_id, user_name FROM clock_ahead").fetchall()
    state["clock"] = conn.execute("SELECT value FROM meta WHERE key = 'clock'").fetchall()
    texts = " ".join(row[0] for row in conn.execute("SELECT search_text FROM visits"))
    words = sorted(set(re.findall(r"\w+", fold(texts))))
    state["index"] = {
        word: conn.execute(
            "SELECT v.id FROM visits_fts f JOIN visits v ON v.rowid = f.rowid "
            "WHERE visits_fts MATCH ? ORDER BY v.id",
            (f'"{word}"',),
        ).fetchall()
        for word in words
    }
    state["search"] = [laptop.store.search_visits(q) for q in ("economie", "peniche", "grange")]
    state["figures"] = figure_rows.stored(laptop.workspace)  # the dashboard's (migration 12)
    figure_rows.assert_figures_in_step(laptop.workspace)
    state["followup"] = followup_rows.stored(laptop.workspace)  # the Suivi's (migration 13)
    followup_rows.assert_in_step(laptop.workspace)
    # What the Suivi reads (migration 14's summary) is what load_followup gives.
    followup_screen.assert_suivi_in_step(laptop.workspace, date(2026, 11, 15))
    laptop.workspace.service.call(  # the index agrees with the rows (raises otherwise)
        lambda writer: writer.db.conn.execute(
            "INSERT INTO visits_fts(visits_fts, rank) VALUES ('integrity-check', 1)"
        )
    )
    return state


def recorder(laptop) -> dict:
    """What the writer broadcast as changed: {(table, id): fields}."""
    seen: dict = {}

    def note(changes) -> None:
        for table, ids in changes.records.items():
            for record_id, fields in ids.items():
                seen.setdefault((table, record_id), set()).update(fields)

    laptop.workspace.service.subscribe(note)
    return seen


def test_a_record_inserted_in_bulk_is_the_record_merged_one_by_one(laptops):
    alice = colleagues_share(laptops)
    bulk, single = laptops("bob"), laptops("bea")
    single.workspace.set_setting("user_name", "Bob")  # the same name (a visit's author)
    bulk_changes, single_changes = recorder(bulk), recorder(single)

    files = pending_files(bulk, alice.share_folder)
    report = ImportReport()
    rows, rest = bulk.workspace.service.call(
        lambda writer: merge_new_files(writer.store, files, report, _merged_row)
    )
    assert rest == [] and len(rows) == len(files) == 7  # every file went the bulk way
    assert report.created == 7 and len(report.changed_records) == 7
    for item in pending_files(single, alice.share_folder):  # the exchange import: one by one
        counts = import_document(single.store, item.document)
        assert counts["created"] == 1

    assert snapshot(bulk) == snapshot(single)
    assert bulk_changes == single_changes
    assert len(snapshot(bulk)["clock_ahead"]) == 1  # Dave's clock, named on both
    assert bulk.store.get_visit(files[-1].document["visits"][0]["id"]).errors == (
        single.store.get_visit(files[-1].document["visits"][0]["id"]).errors
    )


def test_a_first_pass_inserts_in_bulk_what_a_careful_pass_would_merge(laptops, monkeypatch):
    colleagues_share(laptops)
    bulk, careful = laptops("bob"), laptops("bea")
    careful.workspace.set_setting("user_name", "Bob")
    assert bulk.sync().imported.created == 7
    monkeypatch.setattr(importer, "merge_new_files", lambda store, batch, *_: ([], batch))
    assert careful.sync().imported.created == 7
    assert snapshot(bulk) == snapshot(careful)


def test_a_batch_of_new_known_broken_purged_and_copied_files(laptops):
    alice = colleagues_share(laptops)
    bob = laptops("bob")
    assert bob.sync().imported.created == 7
    share = Share(alice.share_folder, alice.store.author.device_id)
    venue = alice.store.create_venue({"name": "Tiers-lieu neuf", "commune": "Guéret"})
    new_visit = alice.store.create_visit(venue.id, "2026-11-25")  # its venue in the same batch
    known = alice.store.list_visits()[-1]
    alice.store.update_visit(known.id, {"strengths": "Repris par Alice"})  # a known record
    purged = next(v for v in alice.store.list_visits() if v.id not in (new_visit.id, known.id))
    alice.store.delete_visit(purged.id)
    empty_trash(alice.store, alice.workspace.media, [purged.id])  # a tombstone in the share
    assert alice.sync().ok
    folder = share.record_path("visits", new_visit.id).parent
    copy = json.loads(share.record_path("visits", new_visit.id).read_text("utf-8"))
    stamp = max(s["stamp"] for s in copy["visits"][0]["stamps"].values())
    later = f"{int(stamp[:15]) + 1:015d}-00000-{alice.store.author.device_id}"
    copy["visits"][0]["data"]["strengths"] = "Écrit sur la copie"
    copy["visits"][0]["stamps"]["strengths"] = {
        "stamp": later, "device_id": alice.store.author.device_id, "user_name": "Alice",
    }  # fmt: skip
    conflict_name = f"{new_visit.id}.sync-conflict-20261125-101010-ABCDEFG.json"
    (folder / conflict_name).write_text(json.dumps(copy), "utf-8")
    (folder / "coupe.json").write_bytes(b'{"format": "carnet-exchange", "visits": [{"id"')
    orphan = json.loads(json.dumps(copy))
    orphan["visits"][0] |= {"id": "f" * 32, "venue_id": "e" * 32}
    (folder / ("f" * 32 + ".json")).write_text(json.dumps(orphan), "utf-8")
    stale = json.loads(json.dumps(copy))  # an old copy of the purged visit, put back
    stale["visits"][0] |= {"id": purged.id, "venue_id": purged.venue_id}
    # old: no stamp later than what the purge had (a later one would be an edit the
    # purge never saw, let back in: see test_colleague_purge.py)
    old = f"{1:015d}-00000-{alice.store.author.device_id}"
    for version in stale["visits"][0]["stamps"].values():
        version["stamp"] = old
    stale_name = f"{purged.id} (conflicted copy).json"
    (folder / stale_name).write_text(json.dumps(stale), "utf-8")

    report = bob.sync()

    imported = report.imported
    assert imported.purged == 1
    assert imported.created == 2  # the venue and its visit (or its copy: whichever came first)
    assert imported.updated >= 1  # the known visit (and the copy's later value)
    assert {new_visit.id, venue.id, known.id} <= imported.changed_records
    copies = {path.rsplit("/", 1)[1] for path, _ in imported.conflict_copies}
    assert copies == {conflict_name, stale_name}
    reasons = {path.rsplit("/", 1)[1]: why for path, why in report.skipped}
    assert reasons["coupe.json"] == "JSON incomplet ou abîmé (en cours de copie ?)"
    assert reasons["f" * 32 + ".json"] == "en attente : le lieu n'est pas encore arrivé(e)"
    ignored = {path.rsplit("/", 1)[1]: why for path, why in report.ignored}
    assert ignored[stale_name].startswith("supprimé définitivement sur ce poste")
    assert bob.visit_data(new_visit.id)["strengths"] == "Écrit sur la copie"
    assert bob.visit_data(known.id)["strengths"] == "Repris par Alice"
    held = bob.workspace.db.conn.execute("SELECT 1 FROM visits WHERE id = ?", (purged.id,))
    assert held.fetchone() is None
    assert [hit.visit_id for hit in bob.store.search_visits("tiers-lieu neuf")] == [new_visit.id]


def test_a_large_pass_merges_the_search_index_less_often_then_as_before(laptops, monkeypatch):
    colleagues_share(laptops)
    bob = laptops("bob")
    monkeypatch.setattr(importer, "WIDE_PASS", 1)  # this small pass counts as a large one
    seen = []
    monkeypatch.setattr(
        importer.Merging,
        "start",
        lambda merging, pending, start=importer.Merging.start: (
            seen.append((automerge(bob), writer_pragmas(bob), gc.get_threshold()[0], copying())),
            start(merging, pending),
        ),
    )
    before = gc.get_threshold()
    assert bob.sync().imported.created == 7
    # the search indexes, the writer's settings, Python's collector (collector.py), and
    # the WAL copied on a thread of its own (background_checkpoints.py)
    wide = ({"venues_fts": 16, "visits_fts": 16}, (2, 40_000, -16_384), BULK_THRESHOLD, True)
    assert seen and all(value == wide for value in seen)
    assert automerge(bob) == {"venues_fts": 4, "visits_fts": 4}  # as before the pass
    assert writer_pragmas(bob) == (0, 1000, -2000)
    assert gc.get_threshold() == before
    assert not copying()
    [hit] = bob.store.search_visits("peniche")  # the index answers as ever
    assert bob.visit_data(hit.visit_id)["strengths"] == "Péniche"


def copying() -> bool:
    return any(thread.name == "carnet-checkpoints" for thread in threading.enumerate())


def writer_pragmas(laptop) -> tuple[int, int, int]:
    """The writer's own connection's settings (a reader's are its own)."""

    def read(writer) -> tuple[int, int, int]:
        conn = writer.db.conn
        return tuple(
            conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("temp_store", "wal_autocheckpoint", "cache_size")
        )

    return laptop.workspace.service.call(read)


def automerge(laptop) -> dict[str, int]:
    conn = laptop.workspace.db.conn
    found = {}
    for table in ("venues_fts", "visits_fts"):
        row = conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
        found[table] = int(row[0]) if row else 4
    return found


def test_a_failed_insert_leaves_no_row_unindexed_and_the_index_triggers_on(laptops):
    """Even when a caller swallows the error and commits what else it did."""
    alice = laptops("alice")
    venue = alice.store.create_venue({"name": "Le Tiers-lieu", "commune": "Ussel"})
    visit = alice.store.create_visit(venue.id, "2026-11-30")
    [held] = record_document(alice.store, "visits", visit.id)["visits"]
    fresh = json.loads(json.dumps(held)) | {"id": "a" * 32}

    def insert_both(writer) -> int:
        with suppress(sqlite3.IntegrityError):  # the second is here: the insert is refused
            insert_new_records(writer.store, "visits", VISIT_COLUMNS, [fresh, held])
        return writer.db.conn.execute("SELECT count(*) FROM fts_paused").fetchone()[0]

    assert alice.workspace.service.call(insert_both) == 0
    assert alice.workspace.db.conn.execute(
        "SELECT count(*) FROM visits WHERE id = ?", (fresh["id"],)
    ).fetchone() == (0,)
    later = alice.store.create_visit(venue.id, "2026-12-01")  # indexed by the trigger again
    alice.store.update_visit(later.id, {"strengths": "Recyclerie"})
    assert [h.visit_id for h in alice.store.search_visits("recyclerie")] == [later.id]
    alice.workspace.service.call(
        lambda writer: writer.db.conn.execute(
            "INSERT INTO visits_fts(visits_fts, rank) VALUES ('integrity-check', 1)"
        )
    )


def test_a_batch_refused_halfway_leaves_nothing_and_is_merged_carefully(laptops):
    """SQLite refuses the batch once its rows and search text are written (a temporary
    trigger on the writer's connection, as a full disk would): the writer's transaction
    rolls back whole, and every file of the batch is then merged the careful way."""
    colleagues_share(laptops)
    refused, plain = laptops("bob"), laptops("bea")
    plain.workspace.set_setting("user_name", "Bob")
    refusals = []

    def refuse_once() -> bool:
        refusals.append(len(refusals) == 0)
        return refusals[-1]

    def arm(writer) -> None:
        writer.db.conn.create_function("refuse_once", 0, refuse_once)
        writer.db.conn.execute(
            "CREATE TEMP TRIGGER refuse AFTER INSERT ON field_stamps WHEN refuse_once() "
            "BEGIN SELECT RAISE(ABORT, 'disque plein'); END"
        )

    refused.workspace.service.call(arm)
    changes = recorder(refused)
    report = refused.sync()
    assert report.ok and report.imported.created == plain.sync().imported.created == 7
    assert refusals[0] is True and len(refusals) > 1  # refused once, then written
    assert snapshot(refused) == snapshot(plain)
    conn = refused.workspace.db.conn
    assert conn.execute("SELECT count(*) FROM fts_paused").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM sync_index WHERE status = 'ok'").fetchone()[0] >= 7
    assert {table for table, _id in changes} == {"venues", "visits"}


def test_the_report_lists_a_thousand_changed_ids_and_counts_the_rest():
    """A first import changes 100,000 records: their ids are not all kept in memory."""
    report = ImportReport()
    report.note_changed(f"id{n}" for n in range(1500))
    report.note_changed(["id3", "id1499"])  # one listed already, one beyond the list
    assert len(report.changed_records) == 1000 and {"id0", "id999"} <= report.changed_records
    assert report.changed_beyond == 501


def test_far_ahead_stamps_are_named_as_the_one_by_one_merge_names_them(laptops):
    """The bulk insert observes only the latest stamp and those far ahead: the clock and
    clock_ahead (device, name, how far) come out as observing each stamp in turn."""
    alice = laptops("alice")
    venue = alice.store.create_venue({"name": "La Forge", "commune": "Ussel"})
    document = record_document(alice.store, "venues", venue.id)
    [held] = document["venues"]
    ahead = wall_clock_ms() + 3 * DAY_MS
    records = []
    for n, (device, name) in enumerate([("far1", "Zoé"), ("far1", ""), ("far2", "Yann"),
                                        ("far1", "Zoé B."), ("near", "Ana")]):  # fmt: skip
        record = json.loads(json.dumps(held)) | {"id": f"{n:032x}"}
        wall = ahead + n if device != "near" else wall_clock_ms() - DAY_MS
        for stamp in record["stamps"].values():
            stamp |= {"stamp": f"{wall:015d}-00000-{device}", "device_id": device,
                      "user_name": name}  # fmt: skip
        records.append(record)
    bulk, single = laptops("bob"), laptops("bea")
    bulk.workspace.service.call(
        lambda writer: insert_new_records(writer.store, "venues", VENUE_COLUMNS, records)
    )
    for record in records:
        assert import_document(single.store, document | {"venues": [record]})["created"] == 1
    sql = "SELECT device_id, user_name, ahead_ms / 60000 FROM clock_ahead ORDER BY device_id"
    named = [laptop.workspace.db.conn.execute(sql).fetchall() for laptop in (bulk, single)]
    assert named[0] == named[1] and [row[:2] for row in named[0]] == [
        ("far1", "Zoé B."), ("far2", "Yann")
    ]  # fmt: skip
    assert snapshot(bulk)["clock"] == snapshot(single)["clock"] != []


def test_a_pass_merges_redoably_and_leaves_every_other_write_durable(laptops, monkeypatch):
    """The merges of a pass (files and their index rows, read again if a power cut loses
    them) commit without waiting for the disk; the writer is durable again after."""
    share_owner = colleagues_share(laptops)
    carol = laptops("carol", share_owner.share_folder)
    service = carol.workspace.service
    kinds, submit = [], service.submit

    def noting(mutation, origin=None, redoable=False):
        kinds.append(redoable)
        return submit(mutation, origin, redoable)

    monkeypatch.setattr(service, "submit", noting)
    assert carol.sync().ok
    assert carol.store.search_visits("grange")
    assert kinds.count(True) >= 1  # the merges
    assert (
        service.call(lambda writer: writer.db.conn.execute("PRAGMA synchronous").fetchone()[0]) == 2
    )


def test_new_records_are_indexed_in_the_order_they_were_inserted(laptops):
    """The search index takes a chunk's visits in rowid order, whatever order their ids
    sort in (FTS5 writes a segment each time a rowid comes lower than the last)."""
    alice = laptops("alice")
    venue = alice.store.create_venue({"name": "La Friche", "commune": "Aubusson"})
    visit = alice.store.create_visit(venue.id, "2026-11-30")
    alice.store.update_visit(visit.id, {"strengths": "Ateliers partagés et recyclerie"})
    [held] = record_document(alice.store, "visits", visit.id)["visits"]
    [place] = record_document(alice.store, "venues", venue.id)["venues"]
    copies = [json.loads(json.dumps(held)) | {"id": f"{n:032x}"} for n in range(120, 0, -1)]
    bob = laptops("bob")

    def insert(writer) -> int:
        insert_new_records(writer.store, "venues", VENUE_COLUMNS, [place])
        insert_new_records(writer.store, "visits", VISIT_COLUMNS, copies)
        return writer.db.conn.execute("SELECT count(*) FROM visits_fts_data").fetchone()[0]

    # its structure, its averages and one segment's few pages (14 rows when given in the
    # ids' order: a segment for every row or so, partly merged)
    assert bob.workspace.service.call(insert) < 8
    hits = {h.visit_id for h in bob.store.search_visits("recyclerie", limit=500)}
    assert hits == {copy["id"] for copy in copies}
    bob.workspace.service.call(
        lambda writer: writer.db.conn.execute(
            "INSERT INTO visits_fts(visits_fts, rank) VALUES ('integrity-check', 1)"
        )
    )
