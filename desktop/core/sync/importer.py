"""Importing: read what changed in the share, check it, merge it (media: media_fetch.py).

A file is read only if its size or modification time moved since the last pass. It is
merged only if it parses and validates against schemas/exchange.schema.json; otherwise
it is skipped with its reason and read again when it changes. A record whose parent
(the venue of a visit, the visit of a photo) has not arrived yet waits, and is tried
again at every pass. Nothing here ever deletes local data: a file that disappears from
the share is only forgotten by the index.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from desktop.core.collector import fewer_collections
from desktop.core.merge.exchange import ExchangeError, merge_document, record_document
from desktop.core.privacy.shared_records import network_document
from desktop.core.storage.plain_upsert import upsert_rows
from desktop.core.storage.purge import without_purged
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.workspace import Workspace
from desktop.core.sync import purges
from desktop.core.sync.import_report import ImportReport
from desktop.core.sync.names import MEDIA_NAME
from desktop.core.sync.new_files import BulkRefused, merge_new_files, wide_index_merges
from desktop.core.sync.publish import SHAREABLE_PHOTO
from desktop.core.sync.record_pool import read_in_order
from desktop.core.sync.record_reading import PENDING, FileRead, loaded
from desktop.core.sync.scan import Entries, Entry, Folder
from desktop.core.sync.share import TABLES, Share

OK, IGNORED, INVALID, WAITING, MEDIA, DEVICE = (
    "ok",
    "ignored",
    "invalid",
    "waiting",
    "media",
    "device",
)
REWRITE = "~réécrire"  # a published fingerprint no record has (stamps start with digits)
BATCH = 100  # files merged per transaction: short enough not to hold up an autosave


@dataclass
class Pending:
    entry: Entry
    sha256: str
    document: dict[str, Any]
    table: str
    derived: tuple = ()  # what the reading worked out of each visit (record_reading)


CHUNK = 500  # files parsed and held in memory at once: a first import of 100,000 stays small
WIDE_PASS = 2000  # files to read before the search indexes merge less often (new_files.py)


def import_changes(
    workspace: Workspace, share: Share, entries: Entries, report: ImportReport
) -> None:
    """Read and merge what changed, parents first, a chunk of files at a time.

    A large pass reads on worker processes a few chunks ahead of the merge (record_pool).
    The listing is walked twice (to count, then to read) and never copied: each file's
    Entry is made when its chunk is, and let go once the chunk is merged. The index is
    read a folder at a time, as the walk enters it (a folder's rows are written only once
    its files are merged, after that).
    """
    order = {table: n for n, table in enumerate(TABLES)}
    entries = entries.by_area(order)  # venues before visits…
    newest = entries.newest_mtime_ns()
    conn = workspace.db.conn

    def changed(records_only: bool) -> Iterator[tuple[Folder, tuple[str, int, int], Any]]:
        """(folder, (name, size, mtime_ns), index row) of each file to read: no Entry yet."""
        for folder in entries.folders:
            if records_only and folder.area in OTHER_AREAS:
                continue
            index = _indexed(conn, folder.relative)
            for name, size, mtime_ns in folder.files():
                known = index.get(name)
                if _to_read(size, mtime_ns, known):
                    yield folder, (name, size, mtime_ns), known

    def entry(folder: Folder, file: tuple[str, int, int]) -> Entry:
        name, size, mtime_ns = file
        return folder.entry(name, size, racily_recorded_mtime(mtime_ns, newest))

    others, total = [], 0
    for folder, file, _known in changed(records_only=False):
        if folder.area in OTHER_AREAS:
            others.append(_other_row(entry(folder, file)))
        else:
            total += 1
    _record(workspace, others)
    records = ((entry(folder, file), known) for folder, file, known in changed(records_only=True))
    template = workspace.service.templates.visit  # the writer's (see record_reading)
    merging = Merging(workspace, report)
    large = total >= WIDE_PASS
    with wide_index_merges(workspace.service, large), fewer_collections(large):
        try:
            for chunk, reads in read_in_order(share, _chunks(records), total, template=template):
                pending = _outcomes(workspace, chunk, reads, report)
                del chunk, reads  # the files' bytes, parsed now: not held while the writer works
                merging.start(pending)
        finally:
            merging.finish()  # a failure of the writer is raised here, after the last wait


def _indexed(conn, folder: str) -> dict[str, tuple]:
    """The index rows of one folder's files, by file name: (size, mtime_ns, sha256, status)."""
    rows = conn.execute(
        "SELECT substr(path, ?), size, mtime_ns, sha256, status FROM sync_index "
        "WHERE path > ? AND path < ? AND instr(substr(path, ?), '/') = 0",
        (len(folder) + 2, folder + "/", folder + "0", len(folder) + 2),
    )
    return {row[0]: row[1:] for row in rows}


def _chunks(items: Iterator[tuple[Entry, Any]]) -> Iterator[list[tuple[Entry, Any]]]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


OTHER_AREAS = {"media", "device"}  # indexed, never parsed as records


def _other_row(entry: Entry) -> dict[str, Any]:
    if entry.area == "device":
        return _row(entry, "", DEVICE, "")
    why = None if MEDIA_NAME.match(entry.name) else "nom de média inattendu"
    return _row(entry, "", IGNORED if why else MEDIA, why or "")


RACY_NS = 2_000_000_000  # FAT and exFAT keys keep 2-s times; ext4, NTFS, SMB finer ones
RACY_MTIME = -1  # recorded for a file that may change again unseen: read it next pass


def racily_recorded_mtime(mtime_ns: int, newest_ns: int) -> int:
    """A file's time as the index records it. A file written within RACY_NS of the share's
    newest file may be rewritten in the same tick of the file system's clock with the
    same size, and the next pass would take it for unchanged and miss that edit (git's
    « racily clean » files). So its time is recorded as RACY_MTIME: the next pass reads
    it again, and a hash equal to the one recorded costs no merge. Compared with the
    share's own newest time, not this laptop's clock, which a network drive's need not
    share."""
    return mtime_ns if mtime_ns < newest_ns - RACY_NS else RACY_MTIME


def _to_read(size: int, mtime_ns: int, known) -> bool:
    """New or changed since the last pass, or waiting for its parent."""
    unchanged = known and known[0] == size and known[1] == mtime_ns
    return not unchanged or known[3] == WAITING


def _outcomes(workspace: Workspace, chunk, reads: list[FileRead], report: ImportReport):
    """The chunk's files to merge; the index rows of the others are written at once."""
    pending, updates, seen_at = [], [], now_iso()
    for (entry, _known), read in zip(chunk, reads, strict=True):
        report.files_read += read.counted
        if read.status != PENDING:
            updates.append(_row(entry, read.digest, read.status, read.reason, seen_at))
            continue
        if read.conflict_why:
            report.conflict_copies.append((entry.relative, read.conflict_why))
        document = loaded(read.data)
        pending.append(Pending(entry, read.digest, document, read.table, read.derived))
    _record(workspace, updates)
    return pending


def _merged_row(
    item: Pending, status: str = OK, reason: str = "", seen_at: str | None = None
) -> dict[str, Any]:
    return _row(item.entry, item.sha256, status, reason, seen_at)


def _row(
    entry: Entry, digest: str, status: str, reason: str, seen_at: str | None = None
) -> dict[str, Any]:
    """The file's index row; seen_at: the time of its batch (taken once for all its rows:
    the clock read per row was 3 % of the writer's time in a first import)."""
    return {
        "path": entry.relative,
        "size": entry.size,
        "mtime_ns": entry.mtime_ns,
        "sha256": digest,
        "status": status,
        "reason": reason,
        "device_id": entry.device_id,
        "seen_at": seen_at or now_iso(),
    }


def _record(workspace: Workspace, rows: list[dict[str, Any]]) -> None:
    if rows:
        workspace.service.call(lambda writer: _upsert_index(writer, rows))


# ------------------------------------------------------------------ merging
class Merging:
    """Merging the files read, a chunk at a time: parents first; new records in bulk,
    then the others in batches, each file all or nothing (a savepoint per file).

    Each batch is one mutation of the data service: the files were read and validated
    before, only the merge holds the writer. The files that bring only new venues and
    visits (most of a first import) are written together, in one short transaction
    (new_files.py); the others are merged one by one, BATCH files a transaction.

    start(pending) queues the chunk's new records (one mutation) and returns at once;
    the next start, or finish, waits for it, then queues the chunk's other files in
    batches. So the writer runs the same mutations in the same order as one chunk after
    the other (a chunk's careful batches before the next chunk's new records), and the
    importer's own work (parsing the next chunk: loaded) overlaps the writer's."""

    def __init__(self, workspace: Workspace, report: ImportReport) -> None:
        self.workspace, self.report = workspace, report
        self.new: Future | None = None  # the chunk's new records, being written
        self.batches: list[Future] = []  # careful batches queued, not waited for yet

    def start(self, pending: list[Pending]) -> None:
        tombstones, pending = purges.split_tombstones(pending)  # purges before merges
        if tombstones:  # a purge reads what is merged: all of it written first
            self.finish()
            self.report.purged += purges.apply_tombstones(
                self.workspace, tombstones, _merged_row, self.report
            )
        self._settle()
        if not pending:
            return
        pending.sort(key=lambda p: TABLES.index(p.table))
        self.new = self._submit(lambda writer: self._merge_new(writer, pending))

    def finish(self) -> None:
        self._settle()
        batches, self.batches = self.batches, []
        for future in batches:
            future.result()  # raises the writer's error, if any

    def _settle(self) -> None:
        """Wait for the new records in flight; queue the rest of their chunk."""
        if self.new is None:
            return
        new, self.new = self.new, None
        try:
            rest = new.result()
        except BulkRefused as refused:  # rolled back whole: every file the careful way
            rest = refused.files
        for start in range(0, len(rest), BATCH):
            batch = rest[start : start + BATCH]
            self.batches.append(self._submit(lambda writer, b=batch: self._merge_batch(writer, b)))
        for future in [f for f in self.batches if f.done()]:
            future.result()  # an error is raised as soon as it is seen
        self.batches = [f for f in self.batches if not f.done()]

    def _submit(self, mutation) -> Future:
        """Files and their index rows together: lost to a power cut, read again next pass."""
        return self.workspace.service.submit(mutation, redoable=True)

    def _merge_new(self, writer, pending: list[Pending]) -> list[Pending]:
        index_row = functools.partial(_merged_row, seen_at=now_iso())
        rows, rest = merge_new_files(writer.store, pending, self.report, index_row)
        _upsert_index(writer, rows)
        return rest

    def _merge_batch(self, writer, batch: list[Pending]) -> None:
        _upsert_index(writer, [_merge_one(writer, item, self.report) for item in batch])


def _upsert_index(writer, rows: list[dict[str, Any]]) -> None:
    upsert_rows(writer.db.conn, "sync_index", rows, ("path",))


def _merge_one(workspace: Workspace, item: Pending, report: ImportReport) -> dict[str, Any]:
    conn = workspace.db.conn
    item.document, dropped = without_purged(workspace.store, item.document)
    purges.republish_if_own(workspace, item.entry.device_id, dropped)
    if not item.document[item.table]:
        return _row(item.entry, item.sha256, IGNORED, purges.purged_reason())
    missing = _missing_parent(workspace, item)
    if missing:
        return _row(item.entry, item.sha256, WAITING, missing)
    conn.execute("SAVEPOINT record_file")
    try:
        counts = merge_document(workspace.store, item.document)
        _remember_print(workspace, item)
    except (ExchangeError, ValueError, KeyError, TypeError) as error:
        conn.execute("ROLLBACK TO record_file")
        conn.execute("RELEASE record_file")
        return _row(item.entry, item.sha256, INVALID, f"fusion impossible ({error})")
    conn.execute("RELEASE record_file")
    for name in ("created", "updated", "unchanged"):
        setattr(report, name, getattr(report, name) + counts[name])
    if counts["created"] or counts["updated"]:
        report.note_changed(r["id"] for r in item.document[item.table])
    _check_own_file(workspace, item)
    return _row(item.entry, item.sha256, OK, "")


PARENTS = {
    "visits": ("venue_id", "venues", "le lieu"),
    "photos": ("visit_id", "visits", "la visite"),
    "documents": ("venue_id", "venues", "le lieu"),
}


def _missing_parent(workspace: Workspace, item: Pending) -> str | None:
    if item.table not in PARENTS:
        return None
    column, parent, name = PARENTS[item.table]
    for record in item.document[item.table]:
        found = workspace.db.conn.execute(
            f"SELECT 1 FROM {parent} WHERE id = ?", (record[column],)
        ).fetchone()
        if not found:
            return f"en attente : {name} n'est pas encore arrivé(e)"
    return None


def _remember_print(workspace: Workspace, item: Pending) -> None:
    if item.table != "photos":
        return
    for record in item.document["photos"]:
        print_digest = record.get("print_sha256")
        if isinstance(print_digest, str) and MEDIA_NAME.match(print_digest + ".jpg"):
            workspace.db["sync_prints"].upsert(
                {"sha256": record["sha256"], "print_sha256": print_digest}, pk="sha256"
            )


def _check_own_file(workspace: Workspace, item: Pending) -> None:
    """Our own file changed under us (a sync client put back an old copy): write it again.

    The file is compared with what we would write now (the network's part of the
    record): our stamps in it must be the ones we hold for those fields.
    """
    me = workspace.store.author.device_id
    if item.entry.device_id != me:
        return
    for record in item.document[item.table]:
        published = workspace.db.conn.execute(
            "SELECT 1 FROM sync_published WHERE record_id = ?", (record["id"],)
        ).fetchone()
        if published and _own_stamps(record, me) != _expected_stamps(workspace, item, record):
            # Still published (forgotten, a photo withdrawn since would count as never
            # shared and its file would stay whole): a fingerprint no record has.
            workspace.db.conn.execute(
                "UPDATE sync_published SET fingerprint = ? WHERE record_id = ?",
                (REWRITE, record["id"]),
            )


def _shareable_photo(workspace: Workspace, photo_id: str) -> bool:
    row = workspace.db.conn.execute(
        f"SELECT {SHAREABLE_PHOTO} FROM photos t WHERE t.id = ?", (photo_id,)
    ).fetchone()
    return bool(row and row[0])


def _own_stamps(record: dict[str, Any], me: str) -> dict[str, str]:
    return {k: s["stamp"] for k, s in record["stamps"].items() if s["device_id"] == me}


def _expected_stamps(workspace: Workspace, item: Pending, record: dict) -> dict[str, str]:
    try:
        document = record_document(workspace.store, item.table, record["id"])
    except (KeyError, IndexError):
        return {}
    shareable = item.table != "photos" or _shareable_photo(workspace, record["id"])
    expected = network_document(workspace.store, document, shareable)[item.table]
    me = workspace.store.author.device_id
    return _own_stamps(expected[0], me) if expected else {}


# ------------------------------------------------------------------ reading back
def skipped_files(workspace: Workspace) -> list[tuple[str, str]]:
    """(path, reason) of the files not merged: invalid, waiting for their parent."""
    return workspace.db.conn.execute(
        "SELECT path, reason FROM sync_index WHERE status IN (?, ?) ORDER BY path",
        (INVALID, WAITING),
    ).fetchall()


def ignored_files(workspace: Workspace) -> list[tuple[str, str]]:
    return workspace.db.conn.execute(
        "SELECT path, reason FROM sync_index WHERE status = ? ORDER BY path", (IGNORED,)
    ).fetchall()


def forget_vanished(workspace: Workspace, entries: Entries) -> None:
    """Drop index rows of files gone from the share (never the data they brought).

    The index is read in its key's order (paths, so folder after folder), and each
    path checked against its folder's names alone: no set of the whole share's names."""
    present = entries.present()
    gone = [
        (path,)
        for (path,) in workspace.db.conn.execute("SELECT path FROM sync_index ORDER BY path")
        if not present(path)
    ]
    if gone:
        workspace.service.call(
            lambda writer: writer.db.conn.executemany("DELETE FROM sync_index WHERE path = ?", gone)
        )
