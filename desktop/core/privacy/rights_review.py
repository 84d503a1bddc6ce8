"""Photos attached before image rights could be « à vérifier » are put back to review.

Until this version every photo started with « Personnes reconnaissables : Non », so a
photo nobody looked at could not be told from one reviewed as « Non », except by its
stamp: a value never changed since the photo was attached still has the photo's first
stamp. Those photos become « à vérifier » (internal only) with a new stamp, so the
change travels to colleagues like any edit. Runs once per data folder.
"""

from __future__ import annotations

from desktop.core.storage.data_service import Writer

DONE_KEY = "photo_rights_review_v1"


def mark_unreviewed_photos(writer: Writer) -> int:
    """Put never-reviewed « Non » photos back to « à vérifier »; how many were."""
    if writer.setting(DONE_KEY):
        return 0
    ids = [
        row[0]
        for row in writer.db.conn.execute(
            "SELECT p.id FROM photos p JOIN field_stamps s "
            "ON s.record_id = p.id AND s.field = 'identifiable_people' "
            "WHERE p.identifiable_people = 0 AND s.stamp = "
            "(SELECT min(stamp) FROM field_stamps WHERE record_id = p.id)"
        )
    ]
    for photo_id in ids:
        writer.db.conn.execute(
            "UPDATE photos SET identifiable_people = NULL WHERE id = ?", (photo_id,)
        )
        writer.store.stamp("photos", photo_id, ["identifiable_people"])
    writer.set_setting(DONE_KEY, "1")
    return len(ids)
