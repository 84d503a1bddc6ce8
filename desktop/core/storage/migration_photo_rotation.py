"""Migration 16: a photo's rotation, in degrees clockwise (90, 180, 270; NULL or 0: as
attached).

A photo taken sideways is turned by the user. Its files stay as they are (named by the
original's hash, never modified: media_store), so the share's copies, backups and a
colleague's fetched renditions keep their names; the rotation is one more stamped field
of the photo's record, synced field by field like its caption, and applied wherever the
photo is shown or printed (thumbnails, viewer, PDF sheet). Every existing row keeps its
values; only a column is added. Frozen like migrations.py: never edit once shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.storage.db import Database


def m016_photo_rotation(db: Database) -> None:
    db.conn.execute("ALTER TABLE photos ADD COLUMN rotation INTEGER")
