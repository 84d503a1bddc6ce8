"""Migration 16: a photo's rotation; every photo keeps its values, shown as attached
until someone turns it."""

import shutil
import sqlite3

from desktop.core.media.photos import PhotoLibrary
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace
from tests.core.test_migrations import saved

EVERY_PHOTO = "SELECT * FROM photos ORDER BY id"


def test_the_saved_v15_photos_keep_their_values_and_can_be_turned(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(saved(15), folder / DATABASE_NAME)
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        before = conn.execute(EVERY_PHOTO).fetchall()
    conn.close()
    assert before  # the saved database has photos
    ws = open_workspace(folder)
    try:
        after = ws.db.conn.execute(EVERY_PHOTO).fetchall()
        assert [row[:-1] for row in after] == before  # one column more, the rest as it was
        assert {row[-1] for row in after} == {None}
        library = PhotoLibrary(ws.store, ws.media)
        photo = library.get_photo(before[0][0])
        assert photo.rotation == 0
        library.rotate_photo(photo.id, -1)
        assert library.get_photo(photo.id).rotation == 270
        assert "rotation" in ws.store.field_stamps(photo.id)
    finally:
        ws.close()
