"""Photos of a visit: attach in batches, caption, order, and image rights.

Each file of a batch ends up attached, reported as a duplicate, or refused with a
French reason; one bad file never stops the others. Decoding runs on worker threads
(Pillow releases the GIL while it decodes and encodes), storing runs on the caller's
thread, one photo at a time, files first and database row last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.forms.typed_dates import UNREADABLE_MESSAGE, read_typed_date
from desktop.core.media.media_store import MediaStore, content_hash
from desktop.core.media.photo_processing import SUPPORTED_EXTENSIONS, PhotoRejected, Renditions
from desktop.core.media.rotation import clean_rotation
from desktop.core.privacy.audiences import AUDIENCES, photo_reaches
from desktop.core.storage.data_service import Writer, writes
from desktop.core.storage.files import french_reason
from desktop.core.storage.record_basics import RecordNotFound, new_id, now_iso
from desktop.core.storage.records import AttachOutcome, ChangeResult, Photo
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import keep_replaced_columns

EDITABLE_FIELDS = (
    "caption",
    "taken_on",
    "identifiable_people",
    "consent",
    "allowed_use",
    "rotation",
)
ATTACHED, DUPLICATE, REFUSED = "attached", "duplicate", "refused"

Progress = Callable[[int, int, AttachOutcome], None]


def may_share(photo: Photo, audience: str) -> bool:
    """Whether a photo may appear in a sheet or export meant for this audience."""
    return photo_reaches(photo, audience)


def split_for_audience(photos: Iterable[Photo], audience: str) -> tuple[list[Photo], list[Photo]]:
    """(photos kept, photos left out) for an audience, so callers can say what they left out."""
    kept, left_out = [], []
    for photo in photos:
        (kept if may_share(photo, audience) else left_out).append(photo)
    return kept, left_out


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the files they hold (sorted, hidden ones skipped)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
            files += inside
        else:
            files.append(path)
    return files


@dataclass
class Prepared:
    """One file read, hashed and rendered on a worker thread, ready to store."""

    name: str
    data: bytes = b""
    digest: str = ""
    ext: str = ""
    renditions: Renditions | None = None
    error: str = ""


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PhotoRejected(f"{path.name} : le fichier a disparu avant d'être lu.") from None
    except IsADirectoryError:
        raise PhotoRejected(f"{path.name} : c'est un dossier, pas une photo.") from None
    except PermissionError:
        raise PhotoRejected(f"{path.name} : lecture refusée (droits d'accès).") from None
    except OSError as error:
        raise PhotoRejected(f"{path.name} : lecture impossible ({error.strerror}).") from None


class PhotoLibrary:
    def __init__(self, store: CarnetStore, media: MediaStore) -> None:
        self.store, self.media = store, media
        self.service = store.service

    def on(self, writer: Writer) -> PhotoLibrary:
        return PhotoLibrary(writer.store, self.media)

    # --------------------------------------------------------------- attaching
    def attach_files(
        self,
        visit_id: str,
        paths: Iterable[Path],
        on_progress: Progress | None = None,
        workers: int = 2,
    ) -> list[AttachOutcome]:
        """Attach files (folders expanded); outcomes in the order of the files."""
        self.store.get_visit(visit_id)  # an unknown visit refuses the whole batch
        files = expand_paths(paths)
        outcomes: list[AttachOutcome | None] = [None] * len(files)
        base = self._last_position(visit_id)  # photos keep the order of the files given
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            pending = {pool.submit(self._prepare_file, path): i for i, path in enumerate(files)}
            for done, future in enumerate(as_completed(pending), start=1):
                index = pending.pop(future)
                outcomes[index] = self._store(visit_id, future.result(), base + index + 1)
                if on_progress:
                    on_progress(done, len(files), outcomes[index])
        return [o for o in outcomes if o is not None]

    def attach_bytes(self, visit_id: str, data: bytes, name: str) -> AttachOutcome:
        """Attach an image given as bytes (a pasted image)."""
        self.store.get_visit(visit_id)
        position = self._last_position(visit_id) + 1
        return self._store(visit_id, self._prepare(name, lambda: data), position)

    def _prepare_file(self, path: Path) -> Prepared:
        return self._prepare(path.name, lambda: _read(path))

    def _prepare(self, name: str, read: Callable[[], bytes]) -> Prepared:
        from desktop.core.media.photo_processing import render_photo  # Pillow: loaded when needed

        prepared = Prepared(name, ext=Path(name).suffix.lower())
        try:
            if prepared.ext not in SUPPORTED_EXTENSIONS:
                supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
                raise PhotoRejected(f"{name} : format non pris en charge (formats : {supported}).")
            prepared.data = read()
            prepared.digest = content_hash(prepared.data)
            prepared.renditions = render_photo(prepared.data, name)
        except PhotoRejected as rejection:
            prepared.error, prepared.data = str(rejection), b""
        return prepared

    def _last_position(self, visit_id: str) -> float:
        row = self.store.db.conn.execute(
            "SELECT max(position) FROM photos WHERE visit_id = ?", (visit_id,)
        ).fetchone()
        return row[0] or 0

    def _store(self, visit_id: str, prepared: Prepared, position: float) -> AttachOutcome:
        if prepared.error:
            return AttachOutcome(prepared.name, REFUSED, prepared.error)
        existing = self._attached_copy(visit_id, prepared.digest)
        if existing:
            message = f"{prepared.name} : déjà jointe à cette visite (doublon), non ajoutée."
            return AttachOutcome(prepared.name, DUPLICATE, message, existing)
        renditions = prepared.renditions
        prepared.ext = self.media_ext(prepared.digest) or prepared.ext
        try:
            self.media.write_set(
                prepared.digest,
                {
                    ("originals", prepared.ext): prepared.data,
                    ("thumbnails", ".jpg"): renditions.thumbnail,
                    ("print", ".jpg"): renditions.print_jpeg,
                },
            )
        except OSError as error:
            message = (
                f"{prepared.name} : enregistrement impossible ({french_reason(error)}). "
                "Rien n'a été gardé pour ce fichier."
            )
            return AttachOutcome(prepared.name, REFUSED, message)
        photo_id = self._insert(visit_id, prepared, position)
        return AttachOutcome(prepared.name, ATTACHED, f"{prepared.name} : jointe.", photo_id)

    def media_ext(self, digest: str) -> str | None:
        """The extension the files of this hash already have (one name per hash)."""
        row = self.store.db.conn.execute(
            "SELECT ext FROM media WHERE sha256 = ?", (digest,)
        ).fetchone()
        return row[0] if row else None

    def _attached_copy(self, visit_id: str, digest: str) -> str | None:
        row = self.store.db.conn.execute(
            "SELECT id FROM photos WHERE visit_id = ? AND sha256 = ? AND deleted_at IS NULL",
            (visit_id, digest),
        ).fetchone()
        return row[0] if row else None

    @writes
    def _insert(self, visit_id: str, prepared: Prepared, position: float) -> str:
        renditions, photo_id, now = prepared.renditions, new_id(), now_iso()
        author = self.store.author
        fields = {
            "caption": "",
            "taken_on": renditions.taken_on,
            "identifiable_people": None,  # « à vérifier » until someone looks
            "consent": "",
            "allowed_use": None,
        }
        self.store.db["media"].insert(
            {
                "sha256": prepared.digest,
                "kind": "photo",
                "ext": prepared.ext,
                "size": len(prepared.data),
                "width": renditions.width,
                "height": renditions.height,
            },
            pk="sha256",
            ignore=True,  # the first description of a hash stays
        )
        self.store.db["photos"].insert(
            {
                "id": photo_id,
                "visit_id": visit_id,
                "sha256": prepared.digest,
                "original_name": prepared.name,
                "position": position,
                "created_at": now,
                "created_device": author.device_id,
                "created_user": author.user_name,
                "updated_at": now,
                "deleted_at": None,
                **fields,
            }
        )
        self.store.stamp("photos", photo_id, [*fields, "position"])
        self.store.changes.note("visits", visit_id)  # its sheet and list show the photo
        return photo_id

    # --------------------------------------------------------------- reading
    def list_photos(self, visit_id: str) -> list[Photo]:
        rows = self.store.db.conn.execute(
            f"SELECT {_COLUMNS} FROM photos WHERE visit_id = ? AND deleted_at IS NULL "
            "ORDER BY position, created_at",
            (visit_id,),
        ).fetchall()
        return [self._photo(row) for row in rows]

    def get_photo(self, photo_id: str) -> Photo:
        row = self.store.db.conn.execute(
            f"SELECT {_COLUMNS} FROM photos WHERE id = ?", (photo_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Photo introuvable : {photo_id}")
        return self._photo(row)

    def _photo(self, row: tuple) -> Photo:
        digest = row[2]
        return Photo(
            id=row[0],
            visit_id=row[1],
            sha256=digest,
            original_name=row[3] or "",
            caption=row[4] or "",
            taken_on=row[5],
            position=row[6],
            identifiable_people=None if row[7] is None else bool(row[7]),
            consent=row[8] or "",
            allowed_use=row[9],
            thumbnail=str(self.media.path("thumbnails", digest)),
            print_rendition=str(self.media.path("print", digest)),
            rotation=row[10] or 0,
        )

    def original_path(self, photo: Photo) -> Path:
        row = self.store.db.conn.execute(
            "SELECT ext FROM media WHERE sha256 = ?", (photo.sha256,)
        ).fetchone()
        return self.media.path("originals", photo.sha256, row[0] if row else ".jpg")

    # --------------------------------------------------------------- editing
    @writes
    def update_photo(self, photo_id: str, changes: dict[str, Any]) -> ChangeResult:
        """Caption, date taken and image rights; refuses unknown fields and bad values."""
        values = {key: _clean_value(key, value) for key, value in changes.items()}
        before = self.get_photo(photo_id)
        changed = [k for k, v in values.items() if _stored(before, k) != v]
        if changed:
            keep_replaced_columns(self.store, "photos", photo_id, changed)
            self.store.db["photos"].update(
                photo_id, {**{k: values[k] for k in changed}, "updated_at": now_iso()}
            )
            self.store.stamp("photos", photo_id, changed)
        return ChangeResult(photo_id, tuple(changed), {})

    @writes
    def update_photos(self, photo_ids: Iterable[str], changes: dict[str, Any]) -> list[str]:
        """The same rights (or caption…) for several photos at once, all or none: a value
        refused, or an unknown photo, changes nothing. Returns the ids that changed."""
        values = {key: _clean_value(key, value) for key, value in changes.items()}
        photos = [self.get_photo(photo_id) for photo_id in photo_ids]
        return [p.id for p in photos if self.update_photo(p.id, values).changed]

    @writes
    def move_photo(self, photo_id: str, new_index: int) -> ChangeResult:
        """Put a photo at new_index among its visit's photos; only its own row changes."""
        photo = self.get_photo(photo_id)
        others = [p for p in self.list_photos(photo.visit_id) if p.id != photo_id]
        new_index = max(0, min(new_index, len(others)))
        before = others[new_index - 1].position if new_index > 0 else None
        after = others[new_index].position if new_index < len(others) else None
        if before is None and after is None:
            position = 1.0
        elif before is None:
            position = after - 1
        elif after is None:
            position = before + 1
        else:
            position = (before + after) / 2
        self.store.db["photos"].update(photo_id, {"position": position, "updated_at": now_iso()})
        self.store.stamp("photos", photo_id, ["position"])
        return ChangeResult(photo_id, ("position",), {})

    def delete_photo(self, photo_id: str) -> ChangeResult:
        return self.store.set_deleted("photos", photo_id, now_iso())

    @writes
    def rotate_photo(self, photo_id: str, quarter_turns: int) -> ChangeResult:
        """Turn a photo by quarter turns (1: to the right, -1: to the left): a stamped
        field of its record, its files untouched."""
        rotation = (self.get_photo(photo_id).rotation + 90 * quarter_turns) % 360
        return self.update_photo(photo_id, {"rotation": rotation})

    def restore_photo(self, photo_id: str) -> ChangeResult:
        """Out of the trash, at its former place among its visit's photos."""
        return self.store.set_deleted("photos", photo_id, None)


_COLUMNS = (
    "id, visit_id, sha256, original_name, caption, taken_on, position, "
    "identifiable_people, consent, allowed_use, rotation"
)


def _stored(photo: Photo, key: str) -> Any:
    value = getattr(photo, key)
    return int(value) if isinstance(value, bool) else value  # None stays None


YES = (True, 1, "1", "oui", "true", "yes")
NO = (False, 0, "0", "non", "false", "no")
UNKNOWN = (None, "", "null", "à vérifier", "a verifier", "inconnu")


def _identifiable(value: Any) -> int | None:
    """1, 0 or None (not reviewed); anything else is refused, never read as « non »."""
    folded = value.strip().lower() if isinstance(value, str) else value
    if folded in UNKNOWN:
        return None
    if folded in YES:
        return 1
    if folded in NO:
        return 0
    raise ValueError("Personnes reconnaissables : oui, non ou à vérifier.")


def check_value(key: str, value: Any) -> None:
    """ValueError (French) when a photo field would refuse this value."""
    _clean_value(key, value)


def _clean_value(key: str, value: Any) -> Any:
    if key not in EDITABLE_FIELDS:
        raise ValueError(f"Champ de photo inconnu : « {key} ».")
    if key == "identifiable_people":
        return _identifiable(value)
    if key == "allowed_use":
        if value in (None, ""):
            return None
        if value not in AUDIENCES:
            raise ValueError("Usage autorisé : interne, reseau ou public.")
        return value
    if key == "taken_on":
        if value in (None, ""):
            return None
        day = read_typed_date(str(value))
        if day is None:
            raise ValueError(f"Date de prise de vue : {UNREADABLE_MESSAGE}")
        return day.isoformat()
    if key == "rotation":
        return clean_rotation(value)
    return "" if value is None else str(value)
