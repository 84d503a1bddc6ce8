"""Older databases open in the newer app with nothing lost; foreign files are refused untouched."""

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core.forms.venue_directory import DirectoryEntry
from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.clock_ahead import clocks_ahead
from desktop.core.merge.conflicts import list_conflicts
from desktop.core.network_figures.rows import OVERDUE
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.data_service import migrate
from desktop.core.storage.db import DatabaseError, connect, integrity_problems, schema_version
from desktop.core.storage.directory_store import directory_size, replace_directory, search_directory
from desktop.core.storage.migrations import MIGRATIONS
from desktop.core.storage.workspace import open_workspace
from tests.core.followup_rows import assert_in_step, stored

DATA = Path(__file__).parent / "data"
SAVED_V1 = DATA / "carnet-schema-v1.sqlite"
VERSIONS = range(1, len(MIGRATIONS) + 1)  # made by data/make_saved_database.py from v3 on


def saved(version: int) -> Path:
    return DATA / f"carnet-schema-v{version}.sqlite"


def open_saved(version: int, tmp_path: Path):
    """A copy of the database saved by that schema version, opened by this version."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(saved(version), folder / DATABASE_NAME)  # never open the saved file in place
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    return open_workspace(folder)


@pytest.fixture
def v1_workspace(tmp_path):
    ws = open_saved(1, tmp_path)
    yield ws
    ws.close()


@pytest.fixture(params=VERSIONS, ids=lambda version: f"v{version}")
def upgraded(request, tmp_path):
    """(version, workspace): each saved database, upgraded by opening a copy."""
    ws = open_saved(request.param, tmp_path)
    yield request.param, ws
    ws.close()


def _tables(db) -> list[str]:
    rows = db.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
    return [tuple(r) for r in rows]


def test_a_v1_database_is_upgraded_to_the_latest_schema(v1_workspace):
    assert schema_version(v1_workspace.db) == len(MIGRATIONS)
    assert "directory" in v1_workspace.db.table_names()
    assert integrity_problems(v1_workspace.db) == []


def test_the_v1_data_is_intact(v1_workspace):
    store = v1_workspace.store
    [venue] = store.list_venues()
    assert (venue.name, venue.commune) == ("Le Moulin Fabrique", "Felletin")
    [summary] = store.list_visits(venue.id)
    assert summary.visit_date == "2024-10-03"
    visit = store.get_visit(summary.id)
    assert "économie de la contribution" in visit.data["economic_notes"]
    assert visit.data["actions"][0]["what"] == "Relancer la commune"
    assert visit.errors == {}
    assert set(store.field_stamps(visit.id)) >= {"economic_notes", "actions", "visit_date"}
    [trashed] = store.list_trash()
    assert trashed.kind == "venue" and "Café Ô Champ" in trashed.label
    assert [h.visit_id for h in store.search_visits("contribution")] == [visit.id]
    assert [v.name for v in store.list_venues("felletin")] == ["Le Moulin Fabrique"]


def test_the_v1_database_keeps_its_device_and_can_be_edited(v1_workspace):
    store = v1_workspace.store
    assert store.author.device_id == "5776a4dc5905"
    [summary] = store.list_visits()
    old_stamp = store.field_stamps(summary.id)["legal_form"]["stamp"]
    store.update_visit(summary.id, {"legal_form": "scop"})
    assert store.get_visit(summary.id).data["legal_form"] == "scop"
    assert store.field_stamps(summary.id)["legal_form"]["stamp"] > old_stamp
    store.restore_venue(store.list_trash()[0].id)
    assert [v.name for v in store.list_venues()] == ["Café Ô Champ", "Le Moulin Fabrique"]


def test_the_new_directory_table_is_usable_after_upgrade(v1_workspace):
    entry = DirectoryEntry(
        "42", "La Quincaillerie", "2 rue de la Gare", "23000", "Guéret", "23096",
        None, "Coworking", 46.17, 1.87, "Nouvelle-Aquitaine", "23",
    )  # fmt: skip
    assert replace_directory(v1_workspace, [entry]) == 1
    assert directory_size(v1_workspace.db) == 1
    assert search_directory(v1_workspace.db, "quincaillerie gueret") == [entry]


def test_step_by_step_migration_equals_direct_migration(tmp_path):
    stepwise = connect(tmp_path / "stepwise.sqlite")
    assert migrate(stepwise, target=1) == 1
    assert "directory" not in stepwise.table_names()
    assert migrate(stepwise) == len(MIGRATIONS)
    direct = connect(tmp_path / "direct.sqlite")
    assert migrate(direct) == len(MIGRATIONS)
    assert _tables(stepwise) == _tables(direct)
    assert len(_tables(direct)) > 10
    assert migrate(direct) == len(MIGRATIONS)  # nothing left to do: no error, no change
    assert _tables(stepwise) == _tables(direct)
    stepwise.conn.close()
    direct.conn.close()


def test_a_database_from_a_newer_version_is_refused_in_french(tmp_path):
    folder = tmp_path / "data"
    open_workspace(folder).close()
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(DatabaseError) as info:
        open_workspace(folder)
    message = str(info.value)
    assert "version plus récente de Carnet" in message
    assert "Mettez Carnet à jour" in message
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 5
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    garbage = b"Ceci n'est pas une base SQLite.\n" + os.urandom(8192)
    (folder / DATABASE_NAME).write_bytes(garbage)
    with pytest.raises(DatabaseError) as info:
        open_workspace(folder)
    assert "illisible ou endommagée" in str(info.value)
    assert (folder / DATABASE_NAME).read_bytes() == garbage
    # Not left open either: the user can move the damaged file away (Windows locks open files).
    assert _open_handles_to(folder / DATABASE_NAME) == []


def _open_handles_to(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("no /proc/self/fd on this system")
    targets = []
    for fd in fds.iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:
            continue
    return [t for t in targets if t == str(path.resolve())]


def test_a_good_database_has_no_integrity_problem(workspace, visit):
    assert integrity_problems(workspace.db) == []


SAVED_V2 = Path(__file__).parent / "data" / "carnet-schema-v2.sqlite"


def test_a_v2_database_gets_sort_keys_and_lists_venues_the_french_way(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(SAVED_V2, folder / DATABASE_NAME)
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    ws = open_workspace(folder)
    try:
        assert schema_version(ws.db) == len(MIGRATIONS)
        names = [v.name for v in ws.store.list_venues()]
        assert names == ["Écluse", "Le Moulin Fabrique"]  # « Café Ô Champ » is in the trash
        assert directory_size(ws.db) == 50  # the directory loaded under v2 is kept
        plan = " ".join(str(r) for r in ws.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, name, commune FROM venues "
            "WHERE deleted_at IS NULL ORDER BY sort_key"
        ))  # fmt: skip
        assert "venues_by_sort_key" in plan and "TEMP B-TREE" not in plan
        ws.store.create_venue({"name": "Dune", "commune": "Guéret"})
        assert [v.name for v in ws.store.list_venues()] == ["Dune", "Écluse", "Le Moulin Fabrique"]
    finally:
        ws.close()


def test_migration_3_computes_with_its_own_frozen_sort_key(tmp_path, monkeypatch):
    """Changing the live text.fold later must not change what migration 3 writes."""
    from desktop.core.forms import text

    db = connect(tmp_path / "v2.sqlite")
    migrate(db, target=2)
    db.conn.execute(
        "INSERT INTO venues(id, name, commune) VALUES ('a', 'Œuvre Écluse', 'Guéret'), ('b', NULL, NULL)"
    )
    monkeypatch.setattr(text, "fold", lambda s: "changed")
    monkeypatch.setattr(text, "venue_sort_key", lambda name, commune: "changed")
    migrate(db, target=3)
    keys = dict(db.conn.execute("SELECT id, sort_key FROM venues"))
    assert keys == {"a": "oeuvre ecluse\x1fgueret", "b": "\x1f"}
    db.conn.close()


# ------------------------------------------------- every saved schema version, upgraded
MOULIN = "Le Moulin Fabrique"
LIVE_VENUES = {
    1: [MOULIN],
    2: ["Écluse", MOULIN],
    3: ["Écluse", MOULIN, "Œuvre commune"],
    4: ["Écluse", MOULIN, "Œuvre commune"],
    5: ["Écluse", "La Grange à Bob", MOULIN, "Œuvre commune"],  # Bob's came through the share
    6: ["Écluse", "La Grange à Bob", MOULIN],  # « Œuvre » deleted while Bob edited it
    7: ["Écluse", "La Grange à Bob", MOULIN],
    8: ["Écluse", "La Grange à Bob", MOULIN],  # « Grenier éphémère » purged
    9: ["Écluse", "La Grange à Bob", MOULIN],
    10: ["Écluse", "La Grange à Bob", MOULIN],
    11: ["Écluse", "La Grange à Bob", MOULIN],
    12: ["Écluse", "La Grange à Bob", MOULIN],
    13: ["Écluse", "La Grange à Bob", MOULIN],
    14: ["Écluse", "La Grange à Bob", MOULIN],
    15: ["Écluse", "La Grange à Bob", MOULIN],
    16: ["Écluse", "La Grange à Bob", MOULIN],
}
CAFE, ECLUSE_VISIT = "Lieu « Café Ô Champ » (Aubusson)", "Visite du 2025-01-05 — Écluse"
PHOTO = "Photo atelier vélo.jpg — visite du 2024-10-03, Le Moulin Fabrique"
TRASH = {
    1: {CAFE},
    2: {CAFE},
    3: {CAFE, ECLUSE_VISIT},
    4: {CAFE, ECLUSE_VISIT, PHOTO},
    5: {CAFE, ECLUSE_VISIT, PHOTO},
    6: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    7: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    8: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    9: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    10: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    11: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    12: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    13: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    14: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    15: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
    16: {CAFE, ECLUSE_VISIT, PHOTO, "Lieu « Œuvre commune » (Aubusson)"},
}
CAMILLE_NOTES = "Version de Camille : budget à l'équilibre."
BOB_NOTES = "Version de Bob : déficit de 3 000 €."


def _moulin_visit(store):
    [moulin] = [v for v in store.list_venues() if v.name == MOULIN]
    [summary] = store.list_visits(moulin.id)
    return store.get_visit(summary.id)


def test_a_database_is_saved_for_every_schema_version():
    assert [v for v in VERSIONS if not saved(v).is_file()] == []
    assert [v for v in VERSIONS if saved(v).stat().st_size > 256_000] == []  # small files


def test_every_saved_database_reaches_the_latest_schema_intact(upgraded, tmp_path):
    version, ws = upgraded
    assert schema_version(ws.db) == len(MIGRATIONS)
    assert integrity_problems(ws.db) == []
    fresh = connect(tmp_path / "fresh.sqlite")
    migrate(fresh)
    assert _tables(ws.db) == _tables(fresh)  # the same tables, columns, indexes, triggers
    fresh.conn.close()


def test_every_saved_database_keeps_its_venues_visits_and_trash(upgraded):
    version, ws = upgraded
    store = ws.store
    assert [v.name for v in store.list_venues()] == LIVE_VENUES[version]  # the French order
    assert {item.label for item in store.list_trash()} == TRASH[version]
    visit = _moulin_visit(store)
    assert visit.data["visit_date"] == "2024-10-03" and visit.errors == {}
    assert visit.data["visit_type"] == "suivi"
    assert visit.data["actions"][0] == {
        "what": "Relancer la commune", "who": "Camille", "due": "2024-12-01", "status": "a_faire"
    }  # fmt: skip
    assert set(store.field_stamps(visit.id)) >= {"economic_notes", "actions", "visit_date"}
    if version < 5:
        assert "économie de la contribution" in visit.data["economic_notes"]
        assert [h.visit_id for h in store.search_visits("economie contribution")] == [visit.id]
    if version >= 3:
        assert visit.data["legal_form"] == "association_loi_1901"  # the later of two edits
        assert [h.visit_id for h in store.search_visits("salle des fetes")] == [visit.id]
        assert [e.name for e in search_directory(ws.db, "oeuvre limoges")] == ["L'Atelier Œuvre"]
    assert [v.name for v in store.list_venues("felletin")] == [MOULIN]


def test_every_saved_tombstone_has_a_base(upgraded):
    """Migration 6 gives older deletions a base; a v6 deletion keeps the edit it had seen."""
    version, ws = upgraded
    rows = ws.db.conn.execute(
        "SELECT stamp, base FROM field_stamps WHERE field = '_deleted'"
    ).fetchall()
    assert rows and all(base for _, base in rows)
    seen_less = [stamp for stamp, base in rows if base < stamp]
    assert bool(seen_less) == (version >= 6)


@pytest.mark.parametrize("upgraded", range(4, len(MIGRATIONS) + 1), indirect=True)
def test_saved_photos_and_documents_are_kept(upgraded):
    version, ws = upgraded
    visit = _moulin_visit(ws.store)
    [photo] = PhotoLibrary(ws.store, ws.media).list_photos(visit.id)
    assert (photo.original_name, photo.caption, photo.taken_on) == (
        "façade.jpg", "Façade côté rivière, après les travaux", "2024-10-03"
    )  # fmt: skip
    assert photo.identifiable_people and photo.consent == "Autorisation signée le 03/10/2024"
    assert photo.allowed_use == "reseau"
    [document] = DocumentLibrary(ws.store, ws.media).list_documents(visit.venue_id)
    assert (document.original_name, document.doc_type, document.doc_date) == (
        "Statuts signés.pdf", "statuts", "2023-06-30"
    )  # fmt: skip
    media = ws.db.conn.execute("SELECT kind, ext FROM media ORDER BY kind").fetchall()
    assert media == [("document", ".pdf"), ("photo", ".jpg"), ("photo", ".jpg")]


@pytest.mark.parametrize("upgraded", range(5, len(MIGRATIONS) + 1), indirect=True)
def test_saved_sync_state_and_conflicts_are_kept(upgraded):
    version, ws = upgraded
    run = ws.db.conn.execute
    [conflict, *deletions] = list_conflicts(ws.store)
    assert conflict.field == "economic_notes"
    versions = {conflict.current.value: conflict.current.user_name,
                conflict.other.value: conflict.other.user_name}  # fmt: skip
    assert versions == {CAMILLE_NOTES: "Camille", BOB_NOTES: "Bob"}
    assert _moulin_visit(ws.store).data["economic_notes"] == conflict.current.value
    assert run("SELECT count(*) FROM sync_index WHERE status = 'ok'").fetchone()[0] >= 10
    # Both photos' prints; from v9 the trashed photo was never shared: a photo is now
    # « à vérifier » until its rights are said, and stays internal meanwhile.
    assert run("SELECT count(*) FROM sync_prints").fetchone()[0] == (2 if version < 9 else 1)
    edits_with_base = "SELECT count(*) FROM field_stamps WHERE base != '' AND field != '_deleted'"
    assert run(edits_with_base).fetchone()[0] > 0
    assert [(d.table, d.other.user_name) for d in deletions] == (
        [("venues", "Bob")] if version >= 6 else []
    )
    ahead = [(c.user_name, round(c.ahead_ms / 86_400_000)) for c in clocks_ahead(ws.store)]
    assert ahead == ([("Bob", 2)] if version >= 6 else [])  # Bob's clock was two days ahead


def test_every_saved_database_can_be_edited_after_upgrade(upgraded):
    version, ws = upgraded
    store = ws.store
    visit = _moulin_visit(store)
    latest = ws.db.conn.execute("SELECT max(stamp) FROM field_stamps").fetchone()[0]
    store.update_visit(visit.id, {"referrals": "Réseau régional des tiers-lieux"})
    assert _moulin_visit(store).data["referrals"] == "Réseau régional des tiers-lieux"
    assert store.field_stamps(visit.id)["referrals"]["stamp"] > latest  # even past Bob's clock
    store.create_venue({"name": "Dune", "commune": "Guéret"})
    assert [v.name for v in store.list_venues()] == ["Dune", *LIVE_VENUES[version]]


def test_purged_records_stay_purged_after_upgrade(upgraded):
    """From v8, a purged venue and visit: only their ids are kept, and stay refused."""
    version, ws = upgraded
    rows = ws.db.conn.execute("SELECT tbl, publish, published FROM purged ORDER BY tbl").fetchall()
    assert rows == ([("venues", 0, 0), ("visits", 0, 0)] if version >= 8 else [])  # never shared
    assert ws.store.list_venues("grenier") == [] and ws.store.search_visits("Jeanne") == []
    held = ws.db.conn.execute("SELECT count(*) FROM visits WHERE data LIKE '%Jeanne%'").fetchone()
    assert held[0] == 0


def test_a_schema_5_database_made_before_sync_prints_gets_it(tmp_path):
    """Migration 5 gained sync_prints after it first shipped (commit ebf3924)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(saved(5), folder / DATABASE_NAME)
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        conn.execute("DROP TABLE sync_prints")
    ws = open_workspace(folder)
    try:
        fresh = open_workspace(tmp_path / "fresh")
        try:
            assert _tables(ws.db) == _tables(fresh.db)
        finally:
            fresh.close()
        assert integrity_problems(ws.db) == []
    finally:
        ws.close()


def test_the_dashboard_reads_overdue_actions_from_its_covering_index(upgraded):
    _version, ws = upgraded
    plan = ws.db.conn.execute(
        "EXPLAIN QUERY PLAN " + OVERDUE, ("visit-sheet", "2026-01-01", "2026-01-01")
    ).fetchall()
    assert "COVERING INDEX followup_actions_overdue" in " ".join(str(r[-1]) for r in plan)


def test_every_saved_database_has_its_follow_up_rows_after_upgrade(upgraded):
    """Migration 9's tables, filled at the first start from the template's hints."""
    version, ws = upgraded
    assert_in_step(ws)
    actions, records = stored(ws)
    moulin = _moulin_visit(ws.store)
    assert (moulin.id, "Relancer la commune", "2024-12-01") in {(a[0], a[4], a[6]) for a in actions}
    assert moulin.id in {r[0] for r in records}


def test_the_search_index_still_follows_each_new_row_after_migration_10(upgraded):
    """The insert triggers stand aside only while fts_paused names their table (never
    outside the writer's transaction): a venue or visit created as usual is found."""
    _version, ws = upgraded
    venue = ws.store.create_venue({"name": "La Pépinière", "commune": "Ahun"})
    visit = ws.store.create_visit(venue.id, "2026-11-30")
    ws.store.update_visit(visit.id, {"strengths": "Grainothèque très fréquentée"})
    assert [v.id for v in ws.store.list_venues("pepiniere")] == [venue.id]
    assert [h.visit_id for h in ws.store.search_visits("grainotheque ahun")] == [visit.id]
    assert ws.db.conn.execute("SELECT count(*) FROM fts_paused").fetchone()[0] == 0
    for table in ("venues", "visits"):  # each index agrees with its rows (raises otherwise)
        ws.service.call(
            lambda writer, table=table: writer.db.conn.execute(
                f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)"
            )
        )


def test_a_bulk_insert_fills_the_follow_up_rows_after_migration_13(upgraded):
    """The follow-up's insert trigger stands aside while fts_paused names `visits`, and the
    writer fills the batch's rows itself: the Suivi reads the new record's actions."""
    from desktop.core.merge.exchange import VISIT_COLUMNS, record_document
    from desktop.core.merge.new_records import insert_new_records
    from tests.core.followup_rows import assert_in_step

    _version, ws = upgraded
    moulin = _moulin_visit(ws.store)
    ws.store.update_visit(moulin.id, {"actions": [{"what": "Relancer la mairie", "who": "Sami"}]})
    [held] = record_document(ws.store, "visits", moulin.id)["visits"]
    fresh = json.loads(json.dumps(held)) | {"id": "b" * 32}
    ws.service.call(
        lambda writer: insert_new_records(writer.store, "visits", VISIT_COLUMNS, [fresh])
    )
    assert_in_step(ws)
    actions = ws.db.conn.execute(
        "SELECT action FROM followup_actions WHERE record_id = ?", (fresh["id"],)
    ).fetchall()
    assert actions == [("Relancer la mairie",)]


def test_every_saved_database_has_its_figure_rows_after_upgrade(upgraded):
    """Migration 12's table, filled at the first start from the templates' hints."""
    from tests.core.figure_rows import assert_figures_in_step

    _version, ws = upgraded
    assert_figures_in_step(ws)
    moulin = _moulin_visit(ws.store)
    day = ws.db.conn.execute(
        "SELECT day FROM figure_visits WHERE record_id = ?", (moulin.id,)
    ).fetchone()
    assert day == ("2024-10-03",)  # the v1 data's visit (test_the_v1_data_is_intact)
